import {
  BehaviorSubject,
  catchError,
  defer,
  firstValueFrom,
  map,
  of,
  race,
  timer,
  type Observable,
} from 'rxjs';
import type { ErrorInfo } from '../domain/errors.js';
import type { Command, CommandInput, CommandType, CommandValues } from '../protocol/commands.js';
import type { ConnectionState, TransportAdapter } from '../protocol/adapter.js';
import { isTransient, toErrorInfo } from './error-info.js';
import { backoffMs, reconnected$, sleep, type Timing } from './timing.js';
import type { ClientResult, UnconfirmedCommand } from './views.js';

/** The error every command returns once the client is disposed (a fresh object each time). */
export function disposedError(): ErrorInfo {
  return { code: 'INTERNAL', message: 'The live chat client has been disposed.' };
}

/** A refused result, typed for any value. */
export function refused<T>(error: ErrorInfo): ClientResult<T> {
  return { ok: false, error };
}

/** What the command runner needs from the client. */
export interface CommandRunnerDeps {
  adapter: TransportAdapter;
  generateId: () => string;
  connection$: BehaviorSubject<ConnectionState>;
  destroy$: Observable<void>;
  isDisposed: () => boolean;
  timing: Timing;
  /** Longest time a command may take, retries included. */
  deadlineMs: number;
  /** Longest wait for one attempt's answer. */
  requestTimeoutMs: number;
  /**
   * At the deadline, with the outcome still unknown: the command's value when the event stream
   * shows that it took effect (a take that happened shows the session as taken), else
   * `undefined`.
   */
  reconcile: (command: Command) => unknown;
}

/** Per-call hooks of {@link CommandRunner.execute}. */
export interface ExecuteOptions {
  /** Reuse this idempotency key (a re-sent outbox message keeps its command). */
  commandId?: string;
  /** Called once, when an attempt got no answer and the command is being retried. */
  onUnconfirmed?: () => void;
}

const NO_ANSWER: unique symbol = Symbol('no answer');

/**
 * Sends commands to the adapter with an outcome the operator can trust:
 * - each command gets a fresh `commandId`, kept for all of its attempts;
 * - an attempt that gets no answer within `requestTimeoutMs`, a network error, or an `OFFLINE`
 *   or `TIMEOUT` result leaves the outcome unknown, so the same `commandId` is sent again
 *   (the backend deduplicates it) after a back-off with full jitter, or at once on reconnect,
 *   until the deadline; meanwhile `unconfirmed$` lists the command;
 * - at the deadline, the event stream decides: if it shows the command's effect, the command
 *   succeeded; otherwise it resolves `TIMEOUT` (or `OFFLINE` while the connection is down);
 * - every other refusal is final and returned as it is. Commands never reject.
 */
export class CommandRunner {
  readonly #unconfirmed = new BehaviorSubject<UnconfirmedCommand[]>([]);
  readonly unconfirmed$: Observable<UnconfirmedCommand[]> = this.#unconfirmed.asObservable();

  readonly #deps: CommandRunnerDeps;

  constructor(deps: CommandRunnerDeps) {
    this.#deps = deps;
  }

  /** A new idempotency key. */
  newId(): string {
    return this.#deps.generateId();
  }

  async execute<I extends CommandInput>(
    input: I,
    options: ExecuteOptions = {},
  ): Promise<ClientResult<CommandValues[I['type']]>> {
    type R = ClientResult<CommandValues[I['type']]>;
    const deps = this.#deps;
    if (deps.isDisposed()) return refused(disposedError());
    const commandId = options.commandId ?? deps.generateId();
    const command = { ...input, commandId } as unknown as Command;
    const started = deps.timing.scheduler.now();
    const deadline = started + deps.deadlineMs;
    let attempt = 0;
    let lastError: ErrorInfo | undefined;
    let listed = false;
    const noteCause = (cause: unknown): void => {
      lastError = { code: 'OFFLINE', message: 'The request failed.', cause };
    };
    try {
      for (;;) {
        attempt++;
        const answer = await this.#attempt(command, deadline, noteCause);
        if (deps.isDisposed()) return refused(disposedError());
        if (answer !== NO_ANSWER) {
          if (answer.ok || !isTransient(answer.error)) return answer as R;
          lastError = answer.error;
        }
        if (!listed) {
          listed = true;
          this.#list(command, started);
          options.onUnconfirmed?.();
        }
        const left = deadline - deps.timing.scheduler.now();
        if (left <= 0) break;
        await sleep(
          deps.timing,
          Math.min(left, backoffMs(attempt, deps.timing.random, 250, 5_000)),
          reconnected$(deps.connection$),
          deps.destroy$,
        );
        if (deps.isDisposed()) return refused(disposedError());
        if (deps.timing.scheduler.now() >= deadline) break;
      }
      const value = deps.reconcile(command);
      if (value !== undefined) return { ok: true, value } as R;
      const offline = deps.connection$.value !== 'online';
      const error: ErrorInfo = offline
        ? { code: 'OFFLINE', message: 'The connection is down; the command was not confirmed.' }
        : { code: 'TIMEOUT', message: 'The command was not confirmed in time.' };
      if (lastError?.cause !== undefined) error.cause = lastError.cause;
      error.details = { commandId, type: command.type };
      return refused(error);
    } finally {
      if (listed) this.#unlist(commandId);
    }
  }

  /** One attempt: the adapter's answer, or NO_ANSWER when it threw or stayed silent too long. */
  #attempt(
    command: Command,
    deadline: number,
    noteCause: (cause: unknown) => void,
  ): Promise<ClientResult<unknown> | typeof NO_ANSWER> {
    const deps = this.#deps;
    const wait = Math.max(
      0,
      Math.min(deps.requestTimeoutMs, deadline - deps.timing.scheduler.now()),
    );
    const answer$ = defer(() => deps.adapter.execute(command)).pipe(
      map((result): ClientResult<unknown> => {
        if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
          return refused({
            code: 'INTERNAL',
            message: `The adapter returned no result for ${command.type}.`,
          });
        }
        return result.ok ? result : refused(toErrorInfo(result.error));
      }),
      catchError((error: unknown) => {
        const info = toErrorInfo(error, 'OFFLINE');
        if (info.cause !== undefined) noteCause(info.cause);
        // A thrown documented refusal is still a refusal; anything else is a network failure,
        // after which the outcome is unknown.
        return of<ClientResult<unknown> | typeof NO_ANSWER>(
          isTransient(info) ? NO_ANSWER : refused(info),
        );
      }),
    );
    return firstValueFrom(
      race(
        answer$,
        timer(wait, deps.timing.scheduler).pipe(map((): typeof NO_ANSWER => NO_ANSWER)),
        deps.destroy$.pipe(map((): typeof NO_ANSWER => NO_ANSWER)),
      ),
      { defaultValue: NO_ANSWER },
    );
  }

  #list(command: Command, since: number): void {
    const entry: UnconfirmedCommand = {
      commandId: command.commandId,
      type: command.type as CommandType,
      since,
    };
    if ('sessionId' in command) entry.sessionId = command.sessionId;
    this.#unconfirmed.next([...this.#unconfirmed.value, entry]);
  }

  #unlist(commandId: string): void {
    if (this.#unconfirmed.closed) return;
    this.#unconfirmed.next(this.#unconfirmed.value.filter((c) => c.commandId !== commandId));
  }

  complete(): void {
    this.#unconfirmed.complete();
  }
}
