import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { LiveChatCannedReplies } from '@live-chat/elements';
import '@live-chat/elements/canned-replies';
import './support/elements.js';
import { withClient } from './support/client-loader.js';
import { clientComponentMeta } from './support/client-meta.js';
import type { StoryClientOptions } from './support/story-backend.js';
import { DARK, DARK_RUSSIAN, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

/** What to do once the editor is open, before the story is shown. */
type Then = (editor: LiveChatCannedReplies) => Promise<unknown> | unknown;

/** The editor's shadow root element matching `selector`, once it is shown (5 s at most). */
async function shown<T extends HTMLElement>(
  editor: LiveChatCannedReplies,
  selector: string,
): Promise<T | undefined> {
  for (let tries = 0; tries < 100; tries++) {
    const found = editor.shadowRoot?.querySelector<T>(selector);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return undefined;
}

/** Opens the editor (as the workspace's header button does), then does `then`. */
function open(then?: Then) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const editor = canvasElement.querySelector<LiveChatCannedReplies>('live-chat-canned-replies');
    if (!editor) return;
    await editor.show();
    await then?.(editor);
  };
}

/** Clicks `selector` once it is shown. */
const click = (selector: string) => async (editor: LiveChatCannedReplies) =>
  (await shown(editor, selector))?.click();

/** Types `value` into the field `selector` as a user would (an input event). */
async function fill(editor: LiveChatCannedReplies, selector: string, value: string) {
  const field = await shown<HTMLInputElement | HTMLTextAreaElement>(editor, selector);
  if (!field) return;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await editor.updateComplete;
}

const meta: Meta<ToolbarArgs> = {
  title: 'Components/Canned replies',
  ...clientComponentMeta('live-chat-canned-replies', {
    description:
      'The canned replies editor, a modal dialog the workspace opens from its header (and loads then). Replies are grouped by whose they are; anyone keeps their personal ones, a live chat’s supervisors its shared ones (operators read them). In a reply, `/` and a few letters of the shortcut insert one, its variables filled.',
  }),
  play: open(),
};
export default meta;

type Story = StoryObj<ToolbarArgs>;
const as = (options: StoryClientOptions) => ({ loaders: [withClient(options)] });

/** An operator: their personal replies to change, their live chat's read only. */
export const Operator: Story = {};

/** A supervisor: keeps the replies of both of their live chats, and their own. */
export const Supervisor: Story = { ...as({ user: 'supervisor' }) };

/** The search narrows the list as the composer's `/` does (`trak` finds `tracking`). */
export const Search: Story = { play: open((editor) => fill(editor, '[part~="search"]', 'trak')) };

/** Nothing matches the search. */
export const NoMatch: Story = { play: open((editor) => fill(editor, '[part~="search"]', 'zzz')) };

/** The form of a new reply: where it is kept, shortcut, text, variables and count. */
export const NewReply: Story = {
  ...as({ user: 'supervisor' }),
  play: open(click('[part~="new"]')),
};

/** Editing a reply: its scope stays, shortcut and text change. */
export const EditReply: Story = { play: open(click('[data-reply-id] [part~="edit"]')) };

/** What is wrong is said under each field before anything is sent: a shortcut with a space, no text. */
export const Invalid: Story = {
  play: open(async (editor) => {
    await click('[part~="new"]')(editor);
    await fill(editor, '#shortcut', 'see you');
    await click('[part~="save"]')(editor);
  }),
};

/** A shortcut already used in the same place. */
export const ShortcutTaken: Story = {
  play: open(async (editor) => {
    await click('[part~="new"]')(editor);
    await fill(editor, '#shortcut', 'thanks');
    await fill(editor, '#text', 'Thanks a lot!');
    await click('[part~="save"]')(editor);
  }),
};

/** A save the backend refused: why, in an alert under the form, and the form kept. */
export const SaveRefused: Story = {
  ...as({ user: 'supervisor', failing: { commands: true } }),
  play: open(async (editor) => {
    await click('[part~="new"]')(editor);
    await fill(editor, '#shortcut', 'welcome');
    await fill(editor, '#text', 'Welcome, {{customer.name}}!');
    await click('[part~="save"]')(editor);
  }),
};

/** Delete asks first, focus on Keep it. */
export const ConfirmDelete: Story = { play: open(click('[data-reply-id] [part~="delete"]')) };

/** No canned reply yet. */
export const Empty: Story = { ...as({ empty: true }) };

/** The replies are on their way. */
export const Loading: Story = { ...as({ loading: true }) };

/** The replies could not be loaded. */
export const LoadError: Story = { ...as({ failing: { snapshot: true } }) };

/** Offline: the replies can be read, not changed. */
export const Offline: Story = { ...as({ connection: 'offline' }) };

export const Dark: Story = { ...DARK, ...as({ user: 'supervisor' }) };
export const Russian: Story = { ...RUSSIAN, play: open(click('[part~="new"]')) };
export const DarkRussian: Story = { ...DARK_RUSSIAN };
