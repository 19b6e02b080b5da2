/**
 * How long each text field may be: one table for the whole workspace. The engine refuses longer
 * input with a `VALIDATION` error that names the field and its limit (and changes nothing), the
 * client refuses longer values from a backend (`INVALID_DATA`), and a UI can show the same
 * limits in its counters and `maxlength`s.
 *
 * Every limit counts Unicode code points, the unit a person counts in: an emoji such as 😀 is
 * one, although it takes two UTF-16 units in a JavaScript string (use {@link codePointLength}
 * to count like the limits do).
 */

/**
 * The longest accepted value of each bounded field, in code points (see the module comment).
 *
 * | field | where it is used |
 * | --- | --- |
 * | `id` | every id and idempotency key: `commandId`, `clientMessageId`, binder and record ids |
 * | `messageText` | a message, from an operator or a customer |
 * | `sessionName` | a session's name, also the default one made from the customer's name |
 * | `customerName`, `userName`, `liveChatName`, `groupName` | names in the directory |
 * | `account` | an external customer's account handle, phone number or e-mail address |
 * | `url` | avatar and profile links, host record links |
 * | `recordLabel` | the label of a host record bound to a session |
 * | `binderLabel`, `actionLabel` | the labels of host binders and actions |
 * | `searchText` | a search query |
 * | `tagLabel` | the label of a live chat's session tag |
 * | `handoverNote` | the note that comes with a reassignment |
 * | `preview` | the one-line preview of a message in lists and alerts (cut, never refused) |
 * | `deliveryReason` | why a channel delivery failed (cut, never refused) |
 */
export const FIELD_LIMITS = Object.freeze({
  id: 200,
  messageText: 4000,
  sessionName: 200,
  customerName: 200,
  userName: 200,
  liveChatName: 200,
  groupName: 200,
  account: 320,
  url: 2048,
  recordLabel: 200,
  binderLabel: 100,
  actionLabel: 100,
  searchText: 200,
  tagLabel: 40,
  handoverNote: 500,
  preview: 140,
  deliveryReason: 500,
} as const);

/** The most tags one session carries, and the most a live chat offers. */
export const TAG_LIMITS = Object.freeze({ perSession: 10, perLiveChat: 100 } as const);

/** The most colleagues one note may mention. */
export const MAX_MENTIONS = 20;

/** A field with a limit in {@link FIELD_LIMITS}. */
export type BoundedField = keyof typeof FIELD_LIMITS;

/** Longest accepted message text, in code points ({@link FIELD_LIMITS}`.messageText`). */
export const MAX_MESSAGE_LENGTH = FIELD_LIMITS.messageText;
/** Longest accepted session name, in code points ({@link FIELD_LIMITS}`.sessionName`). */
export const MAX_SESSION_NAME_LENGTH = FIELD_LIMITS.sessionName;
/** Length of `Session.lastMessagePreview`, in code points ({@link FIELD_LIMITS}`.preview`). */
export const PREVIEW_LENGTH = FIELD_LIMITS.preview;
/** Longest accepted id or idempotency key, in code points ({@link FIELD_LIMITS}`.id`). */
export const MAX_ID_LENGTH = FIELD_LIMITS.id;
/** Longest accepted search query, in code points ({@link FIELD_LIMITS}`.searchText`). */
export const MAX_SEARCH_LENGTH = FIELD_LIMITS.searchText;

/**
 * Number of Unicode code points in `text`: its UTF-16 length less one per surrogate pair (a
 * lone surrogate counts as one).
 */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/**
 * Whether `text` has more than `limit` code points. Counts only when it must: a text of at most
 * `limit` UTF-16 units is within it, one of more than twice that is beyond it.
 */
export function exceedsLimit(text: string, limit: number): boolean {
  if (text.length <= limit) return false;
  if (text.length > 2 * limit) return true;
  return codePointLength(text) > limit;
}
