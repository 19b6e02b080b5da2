/**
 * A host's handlers for the workspace's session events, as the React and Vue guides wire them,
 * with what they received and the check every interop suite makes of it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { LiveChatWorkspace } from '@live-chat/elements';

/** What a host hears when the user opens a session. */
type SessionOpenDetail = HTMLElementEventMap['live-chat-session-open']['detail'];

/** Handlers to give a host component, and the check of what they were called with. */
export interface SessionEventRecord {
  onSessionOpen(detail: SessionOpenDetail): void;
  onSessionChange(sessionId: string | null): void;
  /**
   * Waits for the change, then checks that the host heard `sessionId` opened once and changed
   * to once, and that the workspace shows it.
   */
  expectOpened(workspace: LiveChatWorkspace, sessionId: string): Promise<void>;
}

/** New handlers with nothing received yet. */
export function recordSessionEvents(): SessionEventRecord {
  const opened: SessionOpenDetail[] = [];
  const changed: Array<string | null> = [];
  return {
    onSessionOpen: (detail) => void opened.push(detail),
    onSessionChange: (sessionId) => void changed.push(sessionId),
    async expectOpened(workspace, sessionId) {
      await waitUntil(() => changed.length > 0, 'the session change never reached the host');
      expect(opened).to.have.length(1);
      expect(opened[0]!.sessionId).to.equal(sessionId);
      expect(changed).to.deep.equal([sessionId]);
      expect(workspace.sessionId).to.equal(sessionId);
    },
  };
}
