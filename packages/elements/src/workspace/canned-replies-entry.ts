import { html, svg, type TemplateResult } from 'lit';
import type { LiveChatCannedReplies } from '../canned-replies/canned-replies.js';
import { loadElement } from './lazy-elements.js';
import { renderDialogButton, type WorkspaceView } from './workspace-regions.js';

/** A speech bubble with a `/`: what inserts a canned reply. */
const cannedIcon = svg`<path d="M3 4.5A2.5 2.5 0 0 1 5.5 2h9A2.5 2.5 0 0 1 17 4.5v6a2.5 2.5 0 0 1-2.5 2.5H9l-4 3.5V13h.5A2.5 2.5 0 0 1 3 10.5Z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"/><path d="m11.5 4.5-3 7" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>`;

/** Loads the editor's code (the first time), then opens it beside the button. */
async function openEditor(event: Event): Promise<void> {
  const root = (event.currentTarget as HTMLElement).getRootNode() as ParentNode;
  await loadElement('live-chat-canned-replies');
  await root.querySelector<LiveChatCannedReplies>('live-chat-canned-replies')?.show();
}

/**
 * The header's Canned replies button and the editor it opens, `<live-chat-canned-replies>`: the
 * element stays undefined (and its code unloaded) until the button is first used.
 */
export function renderCannedRepliesEntry(view: WorkspaceView): TemplateResult {
  return html`${renderDialogButton({
      part: 'canned-replies-button',
      label: view.t('workspace.canned-replies'),
      icon: cannedIcon,
      open: openEditor,
    })} <live-chat-canned-replies theme=${view.theme}></live-chat-canned-replies>`;
}
