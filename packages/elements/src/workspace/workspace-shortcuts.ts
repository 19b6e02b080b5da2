import type { Id, LiveChatClient } from '@live-chat/core';
import type { ShortcutAction } from '../shortcuts/shortcut-map.js';
import type { SkipTarget } from './workspace-skip-links.js';

/**
 * What the workspace's action shortcuts act on. Each shortcut does what its button does: the
 * same client call through the same button or path, so focus ends up where the button leaves it.
 */
export interface ShortcutTargets {
  client: () => LiveChatClient | undefined;
  /** The open session. */
  sessionId: () => Id | undefined;
  /** The live chat in view: the selected group's, else the open session's, else the first. */
  liveChatId: () => Id | undefined;
  /** A skip link's target, shown and focused. */
  skipTo: (target: SkipTarget) => boolean;
  /** Opens a session as the blue counter does (focus to its reply, the session announced). */
  openAsCounter: (sessionId: Id) => void;
  /** Selects a group of a live chat, as its menu entry does. */
  openGroup: (liveChatId: Id, group: 'queue' | 'mine') => void;
  /** Shows the About the session tab; resolves with the pane holding it once rendered. */
  showAbout: () => Promise<Element | undefined>;
  /** The conversation element, if one is shown. */
  conversation: () => Element | undefined;
  /** The search element, if one is shown. */
  search: () => HTMLElement | undefined;
  openHelp: () => void;
  /** Says something politely (e.g. that no session waits). */
  announce: (text: string) => void;
  nothingWaiting: () => string;
}

/** The first element with `part` (one of its part names) in `root`, looking into open shadow roots. */
export function findPart(root: Element | ShadowRoot, part: string): HTMLElement | undefined {
  const direct = root.querySelector<HTMLElement>(`[part~="${part}"]`);
  if (direct) return direct;
  for (const element of root.querySelectorAll('*')) {
    const found = element.shadowRoot && findPart(element.shadowRoot, part);
    if (found) return found;
  }
  return undefined;
}

/** The frames a lazily loaded pane may take to show its form before the shortcut gives up. */
const FOCUS_FRAMES = 30;

/** Focuses `part` inside what `pane` resolves to once it is rendered (the pane may still load). */
async function focusPartWhenShown(pane: Promise<Element | undefined>, part: string): Promise<void> {
  const root = await pane;
  for (let frame = 0; root && frame < FOCUS_FRAMES; frame++) {
    const target = findPart(root, part);
    if (target) return target.focus();
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** Runs a shortcut's action; returns whether it acted (its key is then handled). */
export function runShortcut(action: ShortcutAction, targets: ShortcutTargets): boolean {
  const client = targets.client();
  const sessionId = targets.sessionId();
  switch (action) {
    case 'take-next': {
      if (!client) return false;
      const oldest = client.oldestQueued();
      if (oldest) targets.openAsCounter(oldest.session.id);
      else targets.announce(targets.nothingWaiting());
      return true;
    }
    case 'close': {
      const conversation = targets.conversation();
      const button = conversation?.shadowRoot && findPart(conversation.shadowRoot, 'close-button');
      if (!button) return false;
      button.click();
      return true;
    }
    case 'reassign':
      if (!client || !sessionId || !client.canActOn(sessionId)) return false;
      void focusPartWhenShown(targets.showAbout(), 'reassign-select');
      return true;
    case 'queue':
    case 'mine': {
      const liveChatId = targets.liveChatId();
      if (!liveChatId) return false;
      targets.openGroup(liveChatId, action);
      return targets.skipTo('list');
    }
    case 'search': {
      const search = targets.search();
      search?.focus();
      return Boolean(search);
    }
    case 'help':
      targets.openHelp();
      return true;
    case 'skip-counter':
    case 'skip-reply':
    case 'skip-list':
    case 'skip-conversation':
      return targets.skipTo(action.slice('skip-'.length) as SkipTarget);
  }
}
