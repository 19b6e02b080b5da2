import { invalidData, searchHitsProblem } from '../protocol/validate.js';
import {
  asyncScheduler,
  throwError,
  timeout,
  type SchedulerLike,
  catchError,
  concat,
  debounceTime,
  defer,
  distinctUntilChanged,
  map,
  of,
  switchMap,
  takeUntil,
  type Observable,
} from 'rxjs';
import { searchTextError } from '../domain/search.js';
import type { Id } from '../domain/types.js';
import type { TransportAdapter } from '../protocol/adapter.js';
import { readErrorInfo } from './error-info.js';
import type { SearchState } from './views.js';

interface SearchInput {
  text: string;
  sessionId?: Id;
}

const sameInput = (a: SearchInput, b: SearchInput): boolean =>
  a.text === b.text && a.sessionId === b.sessionId;

function state(
  input: SearchInput,
  status: SearchState['status'],
  rest: Partial<SearchState> = {},
): SearchState {
  const base: SearchState = { text: input.text, status, hits: [] };
  if (input.sessionId !== undefined) base.sessionId = input.sessionId;
  return { ...base, ...rest };
}

/**
 * As-you-type search: input is debounced, repeated queries are dropped, and a new query cancels
 * the one in flight (`switchMap`), so a stale answer never overwrites a newer one. Emits
 * `idle` for blank text, then `searching` and `done` (or `error`) for each query.
 */
export function searchStream(
  adapter: TransportAdapter,
  input$: Observable<SearchInput>,
  debounceMs: number,
  destroy$: Observable<void>,
  scheduler: SchedulerLike = asyncScheduler,
  online: () => boolean = () => true,
  requestTimeoutMs = 10_000,
): Observable<SearchState> {
  return input$.pipe(
    map((input): SearchInput =>
      input.sessionId === undefined
        ? { text: input.text }
        : { text: input.text, sessionId: input.sessionId },
    ),
    debounceTime(debounceMs, scheduler),
    distinctUntilChanged(sameInput),
    switchMap((input) => {
      if (input.text.trim().length === 0) return of(state(input, 'idle'));
      const tooLong = searchTextError(input.text);
      if (tooLong) return of(state(input, 'error', { error: tooLong }));
      const query =
        input.sessionId === undefined
          ? { text: input.text }
          : { text: input.text, sessionId: input.sessionId };
      return concat(
        of(state(input, 'searching')),
        defer(() => adapter.search(query)).pipe(
          timeout({
            first: requestTimeoutMs,
            scheduler,
            with: () =>
              throwError(() => ({
                code: 'TIMEOUT',
                message: 'The search did not answer in time.',
              })),
          }),
          // Hits are shown only if they are sound (see protocol/validate.ts).
          map((hits) => {
            const problem = searchHitsProblem(hits);
            if (problem !== undefined) throw invalidData('search result', problem);
            return state(input, 'done', { hits });
          }),
          catchError((error: unknown) =>
            of(state(input, 'error', { error: readErrorInfo(error, online()) })),
          ),
        ),
      );
    }),
    takeUntil(destroy$),
  );
}
