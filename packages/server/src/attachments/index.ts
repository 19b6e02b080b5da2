/**
 * Attachments on the server: the files operators and customers send with messages. The SQLite
 * and PostgreSQL backends keep them in a {@link DiskAttachmentStorage} (or a storage of the
 * deployment's own, e.g. object storage, behind the same interface), `createLiveChatServer`
 * serves `POST /attachments` and `GET /attachments/{id}` for the workspace, and the channels
 * take files in and hand them out as signed links.
 *
 * @module
 */
export { ATTACHMENT_ID, DiskAttachmentStorage, isAttachmentId } from './disk-storage.js';
export type { ServerAttachmentStorage } from './disk-storage.js';
export {
  ALLOWABLE_ATTACHMENT_TYPES,
  attachmentPolicyProblem,
  MAX_ATTACHMENT_BYTES,
  resolveAttachmentPolicy,
} from './policy.js';
export type { BackendAttachmentOptions } from './setup.js';
export { ATTACHMENTS_PATH } from './routes.js';
export { contentDisposition, FILE_HEADERS } from './send-file.js';
