import { BehaviorSubject, type Observable } from 'rxjs';
import { LiveChatError, type ErrorInfo } from '../domain/errors.js';
import { validateId, validateLabel } from '../domain/validation.js';
import type {
  Binder,
  CustomerDirectory,
  HostAction,
  HostRecord,
  SessionContext,
} from '../domain/extensions.js';
import type { Binding, Id } from '../domain/types.js';
import type { CommandValues } from '../protocol/commands.js';
import { disposedError, refused, type CommandRunner } from './commands.js';
import type { Conversations } from './conversation.js';
import { toErrorInfo } from './error-info.js';
import { select } from './select.js';
import type { WorkspaceStore } from './store.js';
import type { ClientResult } from './views.js';

export interface ExtensionDeps {
  store: WorkspaceStore;
  conversations: Conversations;
  commands: CommandRunner;
  customerDirectory?: CustomerDirectory;
  isDisposed: () => boolean;
}

type BindResult = ClientResult<CommandValues['session.bind']>;

const notFound = (message: string, details?: Record<string, unknown>): ErrorInfo =>
  details ? { code: 'NOT_FOUND', message, details } : { code: 'NOT_FOUND', message };

/** Runs host code: whatever it throws becomes an `INTERNAL` error with its message. */
async function callHost<T>(run: () => Promise<T>): Promise<ClientResult<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return refused(toErrorInfo(error, 'INTERNAL'));
  }
}

/** Whether a host record can be bound: an id, and a label within its limit (see core limits). */
export function validateRecord(record: unknown): ErrorInfo | undefined {
  const candidate = record as Partial<HostRecord> | null | undefined;
  const id = validateId(candidate?.id, 'id');
  if (!id.ok) return id.error;
  const label = validateLabel(candidate?.label, 'recordLabel');
  return label.ok ? undefined : label.error;
}

/** A binder or action as registered: a bounded id and label, or a thrown `VALIDATION` error. */
function checked<T extends { id: string; label: string }>(
  item: T,
  limit: 'binderLabel' | 'actionLabel',
): T {
  const id = validateId(item?.id, 'id');
  if (!id.ok) throw LiveChatError.from(id.error);
  const label = validateLabel(item.label, limit);
  if (!label.ok) throw LiveChatError.from(label.error);
  return item;
}

/**
 * Host extension points: the registries of binders and actions, and the operations that call
 * them with a {@link SessionContext}. Host code never makes an operation reject: an unknown
 * binder or action is `NOT_FOUND`, a host function that throws is `INTERNAL`.
 */
export class HostExtensions {
  readonly #binders: BehaviorSubject<Binder[]>;
  readonly #actions: BehaviorSubject<HostAction[]>;
  readonly binders$: Observable<Binder[]>;
  readonly actions$: Observable<HostAction[]>;

  readonly #deps: ExtensionDeps;

  constructor(
    deps: ExtensionDeps,
    binders: readonly Binder[] = [],
    actions: readonly HostAction[] = [],
  ) {
    this.#deps = deps;
    this.#binders = new BehaviorSubject<Binder[]>(
      dedupeById(binders.map((binder) => checked(binder, 'binderLabel'))),
    );
    this.#actions = new BehaviorSubject<HostAction[]>(
      dedupeById(actions.map((action) => checked(action, 'actionLabel'))),
    );
    this.binders$ = select(this.#binders, (list) => list);
    this.actions$ = select(this.#actions, (list) => list);
  }

  get hasCustomerDirectory(): boolean {
    return this.#deps.customerDirectory !== undefined;
  }

  /**
   * Registers a binder (replacing one with the same id); returns its unregister function.
   * Throws a `VALIDATION` {@link LiveChatError} for an id or label out of bounds.
   */
  registerBinder(binder: Binder): () => void {
    const valid = checked(binder, 'binderLabel');
    return this.#deps.isDisposed() ? () => undefined : register(this.#binders, valid);
  }

  /** Registers an action, like {@link registerBinder}. */
  registerAction(action: HostAction): () => void {
    const valid = checked(action, 'actionLabel');
    return this.#deps.isDisposed() ? () => undefined : register(this.#actions, valid);
  }

  complete(): void {
    this.#binders.complete();
    this.#actions.complete();
  }

  #context(sessionId: Id, messageId?: Id): ClientResult<SessionContext> {
    const { store, conversations } = this.#deps;
    const session = store.session(sessionId);
    if (!session) return refused(notFound('This session is not available.', { sessionId }));
    const context: SessionContext = {
      session,
      liveChat: store.liveChats.get(session.liveChatId),
      customer: store.customers.get(session.customerId),
    };
    if (messageId !== undefined) {
      const view = conversations.findMessage(sessionId, messageId);
      if (!view || view.delivery !== 'sent')
        return refused(notFound('This message is not loaded.', { sessionId, messageId }));
      const { delivery: _delivery, error: _error, ...message } = view;
      context.message = message;
    }
    return { ok: true, value: context };
  }

  #binder(binderId: string): ClientResult<Binder> {
    const binder = this.#binders.value.find((b) => b.id === binderId);
    return binder
      ? { ok: true, value: binder }
      : refused(notFound(`No binder "${binderId}" is registered.`, { binderId }));
  }

  async searchRecords(
    binderId: string,
    sessionId: Id,
    query: string,
    messageId?: Id,
  ): Promise<ClientResult<HostRecord[]>> {
    if (this.#deps.isDisposed()) return refused(disposedError());
    const binder = this.#binder(binderId);
    if (!binder.ok) return binder;
    const context = this.#context(sessionId, messageId);
    if (!context.ok) return context;
    const search = binder.value.search;
    if (!search) return { ok: true, value: [] };
    const result = await callHost(() => search.call(binder.value, query, context.value));
    if (result.ok && !Array.isArray(result.value)) {
      return refused({
        code: 'INTERNAL',
        message: `Binder "${binderId}" returned no record list.`,
      });
    }
    return result;
  }

  async bindRecord(
    binderId: string,
    sessionId: Id,
    record: HostRecord,
    messageId?: Id,
  ): Promise<BindResult> {
    if (this.#deps.isDisposed()) return refused(disposedError());
    const invalid = validateRecord(record);
    if (invalid) return refused(invalid);
    const binder = this.#binder(binderId);
    if (!binder.ok) return binder;
    const binding: Binding = { binderId, recordId: record.id, label: record.label };
    if (messageId !== undefined) binding.messageId = messageId;
    return this.#deps.commands.execute({ type: 'session.bind', sessionId, binding });
  }

  async createRecord(binderId: string, sessionId: Id, messageId?: Id): Promise<BindResult> {
    if (this.#deps.isDisposed()) return refused(disposedError());
    const binder = this.#binder(binderId);
    if (!binder.ok) return binder;
    const create = binder.value.create;
    if (!create)
      return refused(notFound(`Binder "${binderId}" cannot create records.`, { binderId }));
    const context = this.#context(sessionId, messageId);
    if (!context.ok) return context;
    const created = await callHost(() => create.call(binder.value, context.value));
    if (!created.ok) return created;
    return this.bindRecord(binderId, sessionId, created.value, messageId);
  }

  unbindRecord(
    sessionId: Id,
    binderId: string,
    recordId: string,
  ): Promise<ClientResult<CommandValues['session.unbind']>> {
    return this.#deps.commands.execute({ type: 'session.unbind', sessionId, binderId, recordId });
  }

  async runAction(actionId: string, sessionId: Id): Promise<ClientResult<{ message?: string }>> {
    if (this.#deps.isDisposed()) return refused(disposedError());
    const action = this.#actions.value.find((a) => a.id === actionId);
    if (!action) return refused(notFound(`No action "${actionId}" is registered.`, { actionId }));
    const context = this.#context(sessionId);
    if (!context.ok) return context;
    const result = await callHost(() => action.run(context.value));
    if (!result.ok) return result;
    const message =
      result.value && typeof result.value.message === 'string' ? result.value.message : undefined;
    return { ok: true, value: message === undefined ? {} : { message } };
  }

  async addCustomerToDatabase(customerId: Id): Promise<ClientResult<{ customerId: Id }>> {
    if (this.#deps.isDisposed()) return refused(disposedError());
    const directory = this.#deps.customerDirectory;
    if (!directory) return refused(notFound('The host has no customer database.'));
    const customer = this.#deps.store.customers.get(customerId);
    if (!customer) return refused(notFound('This customer is not available.', { customerId }));
    if (customer.kind !== 'external') {
      return refused({
        code: 'VALIDATION',
        message: 'Only external customers can be added to the customer database.',
      });
    }
    const added = await callHost(() => directory.addCustomer(customer));
    if (!added.ok) return added;
    return this.#deps.commands.execute({ type: 'customer.mark-added', customerId });
  }
}

function dedupeById<T extends { id: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) byId.set(item.id, item);
  return [...byId.values()];
}

function register<T extends { id: string }>(registry: BehaviorSubject<T[]>, item: T): () => void {
  registry.next([...registry.value.filter((existing) => existing.id !== item.id), item]);
  return () => {
    // Only this registration: a later one with the same id stays.
    if (registry.value.includes(item))
      registry.next(registry.value.filter((existing) => existing !== item));
  };
}
