/**
 * Test support for the security suite: a memory backend whose every customer- and
 * host-controlled field holds a payload of the corpus, filled only through the public API (seed
 * data, customers writing, operators' commands, the host's binders and actions), and the checks
 * that what the components render of it is inert.
 */
import type {
  Binder,
  Customer,
  HostAction,
  LiveChat,
  LiveChatClient,
  OperatorGroup,
  User,
} from '@live-chat/core';
import type { SeedData } from '@live-chat/adapters';
import { expect } from '@open-wc/testing';
import { deepQueryAll } from '../../test/deep-query.js';
import { connectClient, memoryBackend, type Backend } from '../../test/seeded-client.js';
import { BIDI_CONTROLS, PAYLOADS, payloadsOf, TRIPWIRE } from './payloads.js';

/** The signed-in operator: the one user with a plain name. */
export const ANNA: User = { id: 'u-anna', name: 'Anna Smirnova', role: 'operator' };

const texts = PAYLOADS.map((payload) => payload.text);
/** The payload at `i`, round the corpus. */
const payload = (i: number): string => texts[i % texts.length]!;
/** Link-shaped payloads, for URL fields. */
const links = [...payloadsOf('script link'), ...payloadsOf('spoofing')].map((p) => p.text);

/** How many payload messages each of the first sessions holds. */
export const MESSAGES_PER_SESSION = 8;

/** Operators and groups with payload names, every one a reassignment target. */
const OPERATORS: User[] = Array.from({ length: 6 }, (_, i) => ({
  id: `u-op-${i}`,
  name: payload(i * 7 + 3),
  role: 'operator',
  avatarUrl: links[i],
}));
const GROUPS: OperatorGroup[] = Array.from({ length: 3 }, (_, i) => ({
  // A prototype key as an id, too.
  id: i === 0 ? 'toString' : `g-${i}`,
  liveChatId: 'lc-support',
  name: payload(i * 11 + 5),
  memberIds: [ANNA.id, OPERATORS[i]!.id],
}));

/** Customer `i`: internal (with a profile link) every fifth, external otherwise. */
function customer(i: number): Customer {
  const id = i === 0 ? 'constructor' : `c-${i}`;
  const name = payload(i);
  const avatarUrl = links[i % links.length];
  if (i % 5 === 4) {
    return {
      id,
      kind: 'internal',
      userId: `u-internal-${i}`,
      name,
      avatarUrl,
      profileUrl: links[(i + 3) % links.length],
    };
  }
  return { id, kind: 'external', name, account: payload(i + 1), messenger: 'telegram', avatarUrl };
}

/** The directory: two live chats with payload names, Anna in both, one customer per payload. */
export function hostileSeed(): SeedData {
  const targets = [
    ...[ANNA, ...OPERATORS].map((user) => ({ kind: 'operator' as const, operatorId: user.id })),
    ...GROUPS.map((group) => ({ kind: 'group' as const, groupId: group.id })),
  ];
  const liveChats: LiveChat[] = [
    {
      id: 'lc-support',
      name: payload(1),
      channels: ['web', 'telegram', 'internal'],
      operatorIds: [ANNA.id, ...OPERATORS.map((user) => user.id)],
      supervisorIds: [],
      groupIds: GROUPS.map((group) => group.id),
      reassignmentTargets: targets,
    },
    {
      id: 'lc-sales',
      name: payload(2),
      channels: ['web'],
      operatorIds: [ANNA.id],
      supervisorIds: [],
      groupIds: [],
      reassignmentTargets: [],
    },
  ];
  return structuredClone({
    users: [ANNA, ...OPERATORS],
    liveChats,
    groups: GROUPS,
    customers: texts.map((_, i) => customer(i)),
  });
}

let commands = 0;
const commandId = () => `hostile-${++commands}`;

/** Runs `command` as `userId` in the backend; throws when it is refused. */
function run(backend: Backend, userId: string, command: Record<string, unknown>): void {
  const result = backend.execute(userId, { commandId: commandId(), ...command } as never);
  if (!result.ok) throw new Error(`${String(command.type)}: ${result.error.message}`);
}

/** What the world is made of: the backend and its sessions, by what they show. */
export interface HostileWorld {
  backend: Backend;
  /** Sessions holding {@link MESSAGES_PER_SESSION} payload messages each, taken by Anna. */
  conversations: string[];
  /** Every session, one per customer. */
  sessions: string[];
}

/**
 * Every customer writes a payload; the first few write {@link MESSAGES_PER_SESSION} each, so
 * that every payload is a message, and Anna takes, renames and answers those with payloads.
 * The other operators close and reassign some sessions, for the activity stream.
 */
export function hostileWorld(): HostileWorld {
  const backend = memoryBackend(hostileSeed());
  const sessions: string[] = [];
  const conversations: string[] = [];
  const perSession = MESSAGES_PER_SESSION;
  const conversationCount = Math.ceil(texts.length / perSession);
  for (const [i, customer] of hostileSeed().customers.entries()) {
    const channel = customer.kind === 'internal' ? 'internal' : 'telegram';
    const count = i < conversationCount ? perSession : 1;
    let sessionId = '';
    for (let k = 0; k < count; k++) {
      const written = backend.customerWrites({
        customerId: customer.id,
        liveChatId: 'lc-support',
        channel,
        text: payload(i * perSession + k),
      });
      if (!written.ok) throw new Error(`customer ${i}: ${written.error.message}`);
      sessionId = written.value.session.id;
    }
    sessions.push(sessionId);
    if (i < conversationCount) conversations.push(sessionId);
  }
  for (const [i, sessionId] of conversations.entries()) {
    run(backend, ANNA.id, { type: 'session.take', sessionId });
    run(backend, ANNA.id, { type: 'session.rename', sessionId, name: payload(i * 3 + 40) });
    run(backend, ANNA.id, {
      type: 'message.send',
      sessionId,
      clientMessageId: `reply-${i}`,
      text: payload(i * 5 + 20),
    });
  }
  // The activity stream: an operator closes one session and sends others to Anna and a group.
  const [closed, toAnna, toGroup] = sessions.slice(conversationCount);
  const other = OPERATORS[0]!.id;
  run(backend, other, { type: 'session.take', sessionId: closed! });
  run(backend, other, { type: 'session.close', sessionId: closed! });
  run(backend, other, { type: 'session.take', sessionId: toAnna! });
  run(backend, other, {
    type: 'session.reassign',
    sessionId: toAnna!,
    target: { kind: 'operator', operatorId: ANNA.id },
  });
  run(backend, other, { type: 'session.take', sessionId: toGroup! });
  run(backend, other, {
    type: 'session.reassign',
    sessionId: toGroup!,
    target: { kind: 'group', groupId: GROUPS[0]!.id },
  });
  return { backend, conversations, sessions };
}

/** The host's binders and actions, every label, record and answer a payload. */
export function hostileExtensions(): { binders: Binder[]; actions: HostAction[] } {
  const records = (from: number) =>
    Array.from({ length: 6 }, (_, i) => ({ id: `r-${from + i}`, label: payload(from + i) }));
  return {
    binders: [
      {
        id: 'hasOwnProperty',
        label: payload(7),
        target: 'customer',
        search: async () => records(10),
        create: async () => records(30)[0]!,
      },
      { id: 'b-message', label: payload(8), target: 'message', search: async () => records(50) },
    ],
    actions: Array.from({ length: 4 }, (_, i) => ({
      id: `a-${i}`,
      label: payload(i * 13 + 9),
      run: async () => ({ message: payload(i * 13 + 10) }),
    })),
  };
}

/** A client of Anna's on the world, with the host's binders and actions. */
export async function annaOn(world: HostileWorld): Promise<LiveChatClient> {
  const { client } = await connectClient(world.backend, {
    userId: ANNA.id,
    client: { ...hostileExtensions(), searchDebounceMs: 0 },
  });
  return client;
}

// ── what must hold of everything rendered ─────────────────────────────────────────────────

/** What payloads would call if they ran: recorded, never expected. */
export const tripped: string[] = [];

/** Arms the tripwire and watches the dialogs (call once per test file). */
export function armTripwire(): void {
  const record =
    (what: string) =>
    (...args: unknown[]) => {
      tripped.push(`${what}(${args.map(String).join(', ')})`);
      return undefined;
    };
  Object.assign(window, {
    [TRIPWIRE]: record(TRIPWIRE),
    alert: record('alert'),
    confirm: record('confirm'),
    prompt: record('prompt'),
    print: record('print'),
  });
}

/** Elements the components never render: any one of them came from text. */
const NEVER_RENDERED =
  'script, iframe, frame, object, embed, base, meta, link, style, math, template, noscript, xmp, listing, marquee, video, audio, source, foreignObject, animate, set';

/** Schemes a link may have. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/** Every element under `root`, through shadow roots, and `root` itself. */
function everyElement(root: Element): Element[] {
  const inside = root.shadowRoot ? deepQueryAll<Element>(root.shadowRoot, '*') : [];
  return [root, ...inside, ...deepQueryAll<Element>(root, '*')];
}

/** Whether `element` starts an isolate for bidi: its text cannot reorder what is around it. */
function isolates(element: Element): boolean {
  if (element.localName === 'bdi' || element.localName === 'option') return true;
  const style = getComputedStyle(element);
  if (['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi)) return true;
  // A block (a flex or grid item is blockified) holds paragraphs of its own.
  return !style.display.startsWith('inline') && style.display !== 'contents';
}

/** The nearest ancestor of `node` that isolates, across shadow roots. */
function isolatingAncestor(node: Node): Element | undefined {
  let current: Node | null = node.parentNode;
  while (current) {
    if (current instanceof ShadowRoot) current = current.host;
    if (current instanceof Element && isolates(current)) return current;
    current = current?.parentNode ?? null;
  }
  return undefined;
}

/** Whitespace collapsed and ellipses dropped, for comparing shown text with what was written. */
const squeeze = (text: string) => text.replace(/…/g, '').replace(/\s+/g, ' ').trim();
/** What was written in the fields, and the default session names made of customers' names. */
const written = texts.flatMap((text) =>
  [text, `${text} (Telegram)`, `${text} (Internal)`].map(squeeze),
);

/** Text nodes under `root`, through shadow roots. */
function textNodes(root: Element): Text[] {
  const found: Text[] = [];
  for (const element of everyElement(root)) {
    const scopes = [element, ...(element.shadowRoot ? [element.shadowRoot] : [])];
    for (const scope of scopes) {
      for (const child of scope.childNodes) if (child instanceof Text) found.push(child);
    }
  }
  return found;
}

/**
 * Asserts that what `root` renders is inert: no payload ran, no element or attribute was made
 * from text, every link has an allowed scheme and opens without its opener, every image is an
 * `https:` avatar, and every text holding a bidi control is isolated with nothing but text
 * from the same field.
 */
export function expectInert(root: Element, where: string): void {
  expect(tripped, `${where}: what ran`).to.deep.equal([]);
  const elements = everyElement(root);
  expect(
    elements.filter((el) => el.matches(`.pwn, #pwn, ${NEVER_RENDERED}`)).map((el) => el.outerHTML),
    `${where}: elements made from text`,
  ).to.deep.equal([]);
  const handlers = elements.flatMap((el) =>
    [...el.attributes]
      .filter(
        (attribute) =>
          /^on/i.test(attribute.name) ||
          (/script:|^\s*data:/i.test(attribute.value) &&
            /href|src|action|data/i.test(attribute.name)),
      )
      .map((attribute) => `<${el.localName} ${attribute.name}="${attribute.value}">`),
  );
  expect(handlers, `${where}: handlers and script URLs in attributes`).to.deep.equal([]);
  for (const link of elements.filter(
    (el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement,
  )) {
    if (!link.hasAttribute('href') || link.getAttribute('href')!.startsWith('#')) continue;
    expect(LINK_SCHEMES.has(link.protocol), `${where}: link ${link.href}`).to.equal(true);
    if (link.target === '_blank')
      expect(link.relList.contains('noopener'), link.href).to.equal(true);
  }
  for (const image of elements.filter(
    (el): el is HTMLImageElement => el instanceof HTMLImageElement,
  )) {
    expect(image.getAttribute('part'), `${where}: image ${image.src}`).to.equal('avatar');
    expect(new URL(image.src).protocol, `${where}: image ${image.src}`).to.equal('https:');
    expect(image.referrerPolicy, `${where}: image ${image.src}`).to.equal('no-referrer');
  }
  for (const node of textNodes(root).filter((text) => BIDI_CONTROLS.test(text.data))) {
    const isolate = isolatingAncestor(node);
    const shown = squeeze(isolate?.textContent ?? '');
    expect(
      shown !== '' && written.some((text) => text.includes(shown)),
      `${where}: "${node.data}" is isolated only with "${shown}"`,
    ).to.equal(true);
  }
}

/**
 * Asserts that every payload of `expected` spelling markup shows literally in `root`'s text:
 * it was rendered as text, not parsed.
 */
export function expectShownAsText(root: Element, expected: readonly string[], where: string): void {
  const shown = squeeze(
    textNodes(root)
      .map((node) => node.data)
      .join(' '),
  );
  const squeezedShown = shown.replace(/\s+/g, '');
  for (const text of expected.filter((value) => value.includes('<'))) {
    expect(
      squeezedShown.includes(text.replace(/\s+/g, '')),
      `${where}: ${text} shown as text`,
    ).to.equal(true);
  }
}
