import {
  catchError,
  concat,
  debounce,
  distinctUntilChanged,
  from,
  map,
  of,
  switchMap,
  timer,
  type Observable,
} from 'rxjs';
import type { Customer, ErrorInfo, LiveChatClient } from '@live-chat/core';

/** How long typing pauses before the picker asks the backend, as in the workspace search. */
export const CUSTOMER_SEARCH_DEBOUNCE_MS = 200;

/** One search the picker asks for. */
export interface CustomerSearchInput {
  /** What the user typed ('' lists the first customers). */
  text: string;
  /**
   * Which time the text is asked: opening the dialog or Try again asks the same text again
   * (a repeated text with the same attempt is not).
   */
  attempt: number;
  /** Ask at once (opening, Try again) rather than after the typing pause. */
  immediate?: boolean;
}

/** Where the search for one text stands. */
export type CustomerSearchState =
  | { text: string; status: 'searching' }
  | { text: string; status: 'done'; customers: readonly Customer[] }
  | { text: string; status: 'error'; error: ErrorInfo };

const sameSearch = (a: CustomerSearchInput, b: CustomerSearchInput): boolean =>
  a.text.trim() === b.text.trim() && a.attempt === b.attempt;

/**
 * The customers the user may start a session with, searched on the backend as the user types
 * (`client.findCustomers`): each input waits for a pause in typing (`debounceMs`, unless it is
 * `immediate`), the same text is not asked twice in a row, and a newer text drops the answer
 * of an older one still in flight (`switchMap`), so the latest query wins. Emits `searching`,
 * then `done` or `error`, for each text asked.
 */
export function customerSearch$(
  client: LiveChatClient,
  input$: Observable<CustomerSearchInput>,
  debounceMs = CUSTOMER_SEARCH_DEBOUNCE_MS,
): Observable<CustomerSearchState> {
  return input$.pipe(
    debounce((input) => (input.immediate ? of(0) : timer(debounceMs))),
    distinctUntilChanged(sameSearch),
    switchMap(({ text }) =>
      concat(
        of<CustomerSearchState>({ text, status: 'searching' }),
        from(client.findCustomers(text)).pipe(
          map((result): CustomerSearchState =>
            result.ok
              ? { text, status: 'done', customers: result.value }
              : { text, status: 'error', error: result.error },
          ),
          // The client resolves its failures; anything thrown is shown the same way.
          catchError((error: unknown) =>
            of<CustomerSearchState>({
              text,
              status: 'error',
              error: {
                code: 'INTERNAL',
                message: error instanceof Error ? error.message : String(error),
              },
            }),
          ),
        ),
      ),
    ),
  );
}
