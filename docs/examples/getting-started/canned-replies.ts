import type { LiveChatClient } from '@live-chat/core';

/** The replies a live chat starts with; `{{…}}` are filled in when an operator inserts one. */
const STARTERS = [
  {
    shortcut: 'hello',
    text: 'Hello {{customer.name}}, this is {{operator.name}}. How can I help?',
  },
  {
    shortcut: 'bye',
    text: 'Thank you for writing to us, {{customer.name}}. Have a good day!',
  },
];

/**
 * Gives a live chat the starter replies it does not have yet, and returns the shortcuts added.
 * A live chat's replies are kept by its supervisors: for anyone else the client answers
 * FORBIDDEN. A shortcut the live chat already uses answers CONFLICT, and that reply stays as is.
 */
export async function addStarterReplies(
  client: LiveChatClient,
  liveChatId: string,
): Promise<string[]> {
  const added: string[] = [];
  for (const starter of STARTERS) {
    const result = await client.saveCannedReply({
      scope: { kind: 'live-chat', liveChatId },
      ...starter,
    });
    if (result.ok) added.push(result.value.reply.shortcut);
    else if (result.error.code !== 'CONFLICT') throw new Error(result.error.message);
  }
  return added;
}
