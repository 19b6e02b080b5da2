import type { Meta } from '@storybook/web-components-vite';
import './support/elements.js';
import { withClient } from './support/client-loader.js';
import { aboutSessionPartMeta, type SessionStory } from './support/session-meta.js';
import { showingSession, type SessionArgs } from './support/session-pick.js';
import { DARK, RUSSIAN } from './support/toolbar.js';

const meta: Meta<SessionArgs> = {
  title: 'Components/About session parts/Reassign form',
  ...aboutSessionPartMeta(
    'live-chat-reassign-form',
    "reassigns the session to an operator or a group among its live chat's reassignment targets, and fires `live-chat-session-reassigned`.",
  ),
};
export default meta;

/** Anna's active session: she may hand it to a colleague or a group. */
export const Default: SessionStory = {};

/** A supervisor on another operator's session. */
export const Supervisor: SessionStory = showingSession('othersActive', { user: 'supervisor' });

/** A queued session. */
export const Queued: SessionStory = { args: { session: 'queued' } };

/** Reassigning fails: the error shows under the form. */
export const CommandsFail: SessionStory = {
  loaders: [withClient({ failing: { commands: true } })],
};

/** Types `text` into the form's note for the new assignee, once the form is on screen. */
function typeNote(text: string) {
  return async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const form = canvasElement.querySelector('live-chat-reassign-form');
    let note: HTMLTextAreaElement | null | undefined;
    for (let tries = 0; tries < 100 && !note; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      note = form?.shadowRoot?.querySelector<HTMLTextAreaElement>('[part~="handover-input"]');
    }
    if (!note) return;
    note.value = text;
    note.dispatchEvent(new Event('input'));
  };
}

/** A note for the new assignee, with its character count. */
export const WithNote: SessionStory = {
  play: typeNote('Call back after 5 pm: she prefers the phone.'),
};

/** A note over the 500-character limit: the count says by how much, and Reassign refuses it. */
export const NoteTooLong: SessionStory = {
  play: typeNote('The customer asked twice about the refund. '.repeat(12)),
};

export const Dark: SessionStory = { ...DARK };
export const Russian: SessionStory = { ...RUSSIAN };
