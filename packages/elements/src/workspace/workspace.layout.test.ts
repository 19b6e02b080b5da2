/**
 * The workspace's layout, measured in Chromium at the two sizes it is made for.
 *
 * - A desktop window of 1280 × 800, counting the room a desktop's scroll bars take (this
 *   browser hides them; see `hiddenScrollBarRoom`): the whole workspace, or two side by side in
 *   its halves, each saying who is signed in. "Reassign to" is
 *   not cut off (its list shows its longest choice, in English and in Russian, inside its form,
 *   its pane and the window, overlapping nothing), and the sections have room to breathe: the
 *   About pane's sections are {@link SECTION_GAP} px apart, each label of a form sits nearer its
 *   own field than the field above, the top bar's controls are {@link BAR_GAP} px apart.
 * - A phone of 390 × 844: the workspace fills the page exactly, the page does not scroll, and
 *   what each pane is for (the queue, the composer, the Activity stream, "Reassign to") is on the
 *   screen.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { SEED_USERS } from '@live-chat/adapters';
import type { LiveChatWorkspace } from './workspace.js';
import { deepQuery } from '../test/deep-query.js';
import {
  afterThisTest,
  connectClient,
  frozenBackend,
  waitUntil,
  type Backend,
} from '../test/seeded-client.js';
import { settle } from '../test/settle.js';
import { mySessionId } from '../test/workspace-page.js';
import {
  boxOf,
  choicesCutOff,
  contentViewOf,
  crampedRows,
  crampedStack,
  cutOff,
  isShown,
  labelsApartFromFields,
  outside,
  overlaps,
  viewportBox,
  type Named,
} from './testing/layout-geometry.js';
import './workspace.js';
import '../locales/ru.js';

/** The least space between two sections of the About pane: three spacing units. */
const SECTION_GAP = 24;
/** The least space between neighbouring controls of the top bar, and between its rows. */
const BAR_GAP = 8;

const { operatorA: ANNA, operatorB: BEN } = SEED_USERS;

/** A workspace on the page: who is signed in, the name it shows, the width of its box. */
interface Seat {
  userId: string;
  label?: string;
  width: number;
}

/** The desktop arrangements: one workspace, or two side by side as the demo shows them. */
const DESKTOP: Array<{ name: string; seats: Seat[] }> = [
  { name: 'the whole workspace', seats: [{ userId: ANNA, width: 1280 }] },
  {
    name: 'side by side in halves of 640 px (the medium layout)',
    seats: [
      { userId: ANNA, label: 'Anna Kowalski', width: 640 },
      { userId: BEN, label: 'Ben Okafor', width: 640 },
    ],
  },
  {
    // The demo's halves: (1280 − 3 gutters of 8 px) / 2, less a border of 1 px on each side.
    name: 'side by side in the demo’s halves of 626 px (the narrow layout)',
    seats: [
      { userId: ANNA, label: 'Anna Kowalski', width: 626 },
      { userId: BEN, label: 'Ben Okafor', width: 626 },
    ],
  },
];

/** The page at `width` × `height`, without the body's margin. */
async function pageOf(width: number, height: number): Promise<void> {
  await setViewport({ width, height });
  const margin = document.body.style.margin;
  document.body.style.margin = '0';
  afterThisTest(() => (document.body.style.margin = margin));
}

/** The workspaces of `seats` side by side, `height` px tall, over `backend`, ready and rendered. */
async function seat(
  backend: Backend,
  seats: Seat[],
  height: string,
  locale: string,
): Promise<LiveChatWorkspace[]> {
  const clients = await Promise.all(
    seats.map(async ({ userId }) => (await connectClient(backend, { userId })).client),
  );
  const row = await fixture<HTMLDivElement>(
    html`<div style="display:flex;height:${height}">
      ${seats.map(
        (s, i) =>
          html`<div style="flex:none;width:${s.width}px">
            <live-chat-workspace
              no-alerts
              locale=${locale}
              label=${s.label ?? ''}
              .client=${clients[i]}
            ></live-chat-workspace>
          </div>`,
      )}
    </div>`,
  );
  const workspaces = [...row.querySelectorAll('live-chat-workspace')];
  await waitUntil(() => workspaces.every((el) => el.hasAttribute('layout')), 'laid out');
  await Promise.all(workspaces.map(settle));
  return workspaces;
}

/** An element of the workspace (through nested shadow roots); fails if there is none. */
function find<T extends Element = HTMLElement>(el: LiveChatWorkspace, selector: string): T {
  const found = deepQuery<T>(el, selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

/** Waits until `selector` is shown in the workspace, and everything has rendered. */
async function shown(el: LiveChatWorkspace, selector: string): Promise<HTMLElement> {
  await waitUntil(() => {
    const found = deepQuery(el, selector);
    return found && isShown(found);
  }, `${selector} never shown`);
  await settle(el);
  return find<HTMLElement>(el, selector);
}

/** Clicks `selector` in the workspace, then waits until `result` is shown. */
async function clickUntilShown(el: LiveChatWorkspace, selector: string, result: string) {
  (await shown(el, selector)).click();
  return shown(el, result);
}

/** Opens the user's own session and its About pane, as the layout offers it; returns the form. */
async function openAbout(el: LiveChatWorkspace, backend: Backend, userId: string) {
  el.sessionId = mySessionId(backend, userId);
  await shown(el, '[part~="composer-input"]');
  if (el.getAttribute('layout') === 'wide') return shown(el, '[part~="reassign"]');
  return clickUntilShown(el, '.about-toggle', '[part~="reassign"]');
}

const named = (element: Element, name?: string): Named => ({
  element,
  name:
    name ?? element.getAttribute('part') ?? (element.className || element.tagName.toLowerCase()),
});

/** The controls of the top bar as laid out: slots and `display: contents` wrappers seen through. */
function barControls(el: LiveChatWorkspace): Named[] {
  const laidOut = (element: Element): Element[] => {
    if (element instanceof HTMLSlotElement) {
      const assigned = element.assignedElements({ flatten: true });
      return (assigned.length ? assigned : [...element.children]).flatMap(laidOut);
    }
    if (getComputedStyle(element).display === 'contents')
      return [...element.children].flatMap(laidOut);
    return [element];
  };
  const bar = el.shadowRoot!.querySelector('.header')!;
  return [...bar.children]
    .flatMap(laidOut)
    .filter(isShown)
    .map((element) => named(element));
}

/** Who is signed in, beside the title: shown whole, within the bar and the window. */
function labelProblems(el: LiveChatWorkspace, label: string): string[] {
  const shownLabel = el.shadowRoot!.querySelector('.title-label');
  if (!shownLabel || !isShown(shownLabel)) return [`the label “${label}” is not shown`];
  const item = named(shownLabel, `the label “${label}”`);
  return [
    ...(shownLabel.textContent?.trim() === label
      ? []
      : [`the label reads “${shownLabel.textContent}”`]),
    ...cutOff(item),
    ...outside(item, [
      { name: 'the top bar', box: boxOf(el.shadowRoot!.querySelector('.header')!) },
      { name: 'the window', box: viewportBox() },
    ]),
  ];
}

/** "Reassign to" and its form in the About pane: nothing cut off, nothing overlapping. */
function reassignProblems(el: LiveChatWorkspace, form: HTMLElement): string[] {
  const select = find<HTMLSelectElement>(el, '[part~="reassign-select"]');
  const label = form.querySelector('label[for="reassign-select"]')!;
  const about = find(el, 'live-chat-about-session');
  const containers = [
    { name: 'its form', box: boxOf(form) },
    { name: 'the About pane', box: contentViewOf(about) },
    { name: 'the tab panel', box: contentViewOf(about.closest('.tabpanel') ?? about) },
    { name: 'the workspace', box: boxOf(el) },
    { name: 'the window', box: viewportBox() },
  ];
  return [
    ...outside(named(select, '“Reassign to”'), containers),
    ...choicesCutOff({ name: '“Reassign to”', element: select }),
    ...cutOff(named(label, 'the label “Reassign to”')),
    ...outside(named(label, 'the label “Reassign to”'), containers),
    ...overlaps([...form.children].filter(isShown).map((child) => named(child))),
    ...labelsApartFromFields(form),
  ];
}

/** The About pane's sections that show something, top to bottom, {@link SECTION_GAP} apart. */
function sectionProblems(el: LiveChatWorkspace): string[] {
  const about = find(el, 'live-chat-about-session');
  const sections = [...about.shadowRoot!.querySelectorAll('.part')]
    .filter(isShown)
    .map((section) => named(section, section.tagName.toLowerCase()));
  return crampedStack(sections, SECTION_GAP);
}

/** The top bar's controls: none overlapping, {@link BAR_GAP} apart across and between rows. */
const barProblems = (el: LiveChatWorkspace): string[] => [
  ...crampedRows(barControls(el), BAR_GAP),
  ...overlaps(barControls(el)),
];

/** Whether the workspace's panes are cut off by its box (which hides what overflows). */
const panesCutOff = (el: LiveChatWorkspace): string[] =>
  cutOff(named(find(el, '[part~="base"]'), 'the workspace’s panes'));

/** The page does not scroll, and the workspace fills the whole window and cuts nothing off. */
function fillsThePage(el: LiveChatWorkspace): string[] {
  const page = document.scrollingElement!;
  const problems = [];
  if (page.scrollHeight > innerHeight)
    problems.push(`the page scrolls: ${page.scrollHeight}px tall`);
  if (page.scrollWidth > innerWidth) problems.push(`the page scrolls: ${page.scrollWidth}px wide`);
  const box = boxOf(el);
  const viewport = viewportBox();
  const edges = (['left', 'top', 'right', 'bottom'] as const).filter(
    (side) => Math.abs(box[side] - viewport[side]) > 0.5,
  );
  if (edges.length) problems.push(`the workspace does not fill the window: ${edges.join(', ')}`);
  return [...problems, ...panesCutOff(el)];
}

describe('<live-chat-workspace> layout at 1280 × 800', function () {
  this.timeout(30_000);

  for (const { name, seats } of DESKTOP) {
    for (const locale of ['en', 'ru']) {
      it(`${name}, in ${locale}: “Reassign to” whole, sections apart, who is signed in shown`, async () => {
        await pageOf(1280, 800);
        const backend = frozenBackend();
        const workspaces = await seat(backend, seats, '800px', locale);
        const problems: string[] = [];
        for (const [i, el] of workspaces.entries()) {
          const { userId, label } = seats[i]!;
          const form = await openAbout(el, backend, userId);
          const who = `${label ?? 'the workspace'}: `;
          problems.push(
            ...[
              ...reassignProblems(el, form),
              ...sectionProblems(el),
              ...barProblems(el),
              ...(label ? labelProblems(el, label) : []),
              ...panesCutOff(el),
            ].map((problem) => who + problem),
          );
        }
        expect(problems).to.deep.equal([]);
      });
    }
  }
});

/** The states an operator meets on a phone, and what must be on the screen in each. */
const PHONE_STATES: Array<{
  name: string;
  enter: (el: LiveChatWorkspace, backend: Backend) => Promise<unknown>;
  onScreen: string[];
}> = [
  {
    name: 'the queue',
    enter: (el) => shown(el, '[role="option"]'),
    onScreen: ['[role="option"]', '[part~="activity-button"]'],
  },
  {
    name: 'a session open, with the composer',
    enter: (el, backend) => {
      el.sessionId = mySessionId(backend);
      return shown(el, '[part~="composer-input"]');
    },
    onScreen: ['[part~="composer-input"]', '[part~="send-button"]'],
  },
  {
    name: 'the Activity stream',
    enter: (el) => clickUntilShown(el, '[part~="activity-button"]', '[part~="entry"]'),
    onScreen: ['[part~="entry"]', '.aside [part~="back-button"]'],
  },
  {
    name: 'the About pane',
    enter: (el, backend) => openAbout(el, backend, ANNA),
    onScreen: ['[part~="reassign-select"]'],
  },
];

describe('<live-chat-workspace> layout at 390 × 844', function () {
  this.timeout(30_000);

  for (const state of PHONE_STATES) {
    it(`${state.name}: fills the page, which does not scroll, with its controls on the screen`, async () => {
      await pageOf(390, 844);
      const backend = frozenBackend();
      const [el] = await seat(backend, [{ userId: ANNA, width: 390 }], '100dvh', 'en');
      await state.enter(el!, backend);
      const inWindow = [{ name: 'the window', box: viewportBox() }];
      expect([
        ...fillsThePage(el!),
        ...state.onScreen.flatMap((selector) =>
          outside(named(find(el!, selector), selector), inWindow),
        ),
        ...barProblems(el!),
      ]).to.deep.equal([]);
    });
  }
});
