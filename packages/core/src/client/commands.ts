import type { ErrorInfo } from '../domain/errors.js';
import type { Command, CommandInput, CommandValues } from '../protocol/commands.js';
import type { ConnectionState, TransportAdapter } from '../protocol/adapter.js';
import { toErrorInfo } from './error-info.js';
import type { ClientResult } from './types.js';

/** The error every command returns once the client is disposed (a fresh object each time). */
export function disposedError(): ErrorInfo {
  return { code: 'INTERNAL', message: 'The live chat client has been disposed.' };
}

/** A refused result, typed for any value. */
export function refused<T>(error: ErrorInfo): ClientResult<T> {
  return { ok: false, error };
}

/**
 * Sends commands to the adapter: adds a fresh `commandId`, and turns whatever the adapter
 * throws into a typed result, so commands never reject. A thrown error that carries a code keeps
 * it; otherwise it is `OFFLINE` when the connection is not online, `INTERNAL` when it is.
 */
export class CommandRunner {
  constructor(
    private readonly adapter: TransportAdapter,
    private readonly generateId: () => string,
    private readonly connection: () => ConnectionState,
    private readonly isDisposed: () => boolean,
  ) {}

  /** A new idempotency key. */
  newId(): string {
    return this.generateId();
  }

  async execute<I extends CommandInput>(input: I): Promise<ClientResult<CommandValues[I['type']]>> {
    if (this.isDisposed()) return refused(disposedError());
    const command = { ...input, commandId: this.generateId() } as unknown as Command;
    try {
      const result = await this.adapter.execute(command);
      if (typeof result !== 'object' || result === null || typeof result.ok !== 'boolean') {
        return refused({
          code: 'INTERNAL',
          message: `The adapter returned no result for ${command.type}.`,
        });
      }
      return result as ClientResult<CommandValues[I['type']]>;
    } catch (error) {
      return refused(toErrorInfo(error, this.connection() === 'online' ? 'INTERNAL' : 'OFFLINE'));
    }
  }
}
