/**
 * Controls of the stories whose component is scoped to a live chat of the seed data and, for
 * some, to one of its session groups.
 */
import type { SessionGroupKind } from '@live-chat/core';
import { SEED_LIVE_CHATS } from './story-backend.js';

/** The `live-chat-id` control: the seed's two live chats. */
export const LIVE_CHAT_CONTROL = {
  control: 'inline-radio',
  options: [SEED_LIVE_CHATS.support, SEED_LIVE_CHATS.helpDesk],
} as const;

/** The `group` control: the session groups of a live chat. */
export const GROUP_CONTROL = {
  control: 'inline-radio',
  options: ['queue', 'mine', 'closed', 'active'] satisfies SessionGroupKind[],
} as const;
