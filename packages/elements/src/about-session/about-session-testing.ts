/**
 * Test support for the About the session pane and its parts: fresh sessions on the memory
 * backend, and queries that look through the parts' shadow roots as a user sees the pane.
 */
import type { Customer, Session } from '@live-chat/core';
import { SEED_LIVE_CHATS, SEED_USERS } from '@live-chat/adapters';
import type { Backend } from '../test/seeded-client.js';

let customerCount = 0;

/** A new customer writes to Customer Support: a fresh queued session. */
export function newSession(backend: Backend, customer: Partial<Customer> = {}): Session {
  const n = ++customerCount;
  const added = backend.addCustomer({
    kind: 'external',
    name: 'Olga Testova',
    account: `@olga${n}`,
    messenger: 'telegram',
    ...customer,
  } as Parameters<Backend['addCustomer']>[0]);
  if (!added.ok) throw new Error(added.error.message);
  const written = backend.customerWrites({
    customerId: added.value.id,
    liveChatId: SEED_LIVE_CHATS.support,
    channel: 'telegram',
    text: 'Hello',
  });
  if (!written.ok) throw new Error(written.error.message);
  return written.value.session;
}

/** A fresh session that operator B took and closed: operator A may view it but not act on it. */
export function closedByAnother(backend: Backend): Session {
  const session = newSession(backend);
  for (const type of ['session.take', 'session.close'] as const) {
    const result = backend.execute(SEED_USERS.operatorB, {
      type,
      commandId: `${type}-${session.id}`,
      sessionId: session.id,
    });
    if (!result.ok) throw new Error(result.error.message);
  }
  return session;
}

/** Every element matching `selector` under `root` and the shadow roots inside it, in page order. */
export function deepQueryAll<T extends Element = HTMLElement>(
  root: ParentNode,
  selector: string,
): T[] {
  const found: T[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.matches(selector)) found.push(element as T);
    if (element.shadowRoot) found.push(...deepQueryAll<T>(element.shadowRoot, selector));
  }
  return found;
}

/** The first element matching `selector` in `host`'s shadow root and the shadow roots inside it. */
export function deepQuery<T extends Element = HTMLElement>(
  host: Element,
  selector: string,
): T | null {
  return deepQueryAll<T>(host.shadowRoot!, selector)[0] ?? null;
}

/** The focused element inside `host`, through nested shadow roots. */
export function deepFocused(host: Element): Element | null {
  let active = host.shadowRoot!.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The markup of a shadow root and of every shadow root inside it. */
export function deepHTML(root: ShadowRoot): string {
  return (
    root.innerHTML +
    [...root.querySelectorAll('*')]
      .map((element) => (element.shadowRoot ? deepHTML(element.shadowRoot) : ''))
      .join('')
  );
}

/** The text an `aria-describedby` gives `control` (within its own tree). */
export function descriptionOf(control: Element): string {
  const root = control.getRootNode() as Document | ShadowRoot;
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
    .join(' ');
}
