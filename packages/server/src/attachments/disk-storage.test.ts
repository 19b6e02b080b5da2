// Files on disk: what is stored reads back (also through a new storage on the same directory,
// as after a restart), links are recorded, nothing half-written is left behind, and no id that
// is not of the engine's form reaches a path.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { StoredAttachment } from '@live-chat/core/engine';
import { createTempDir, type TempDir } from '../storage/testing/temp-dir.js';
import { DiskAttachmentStorage } from './disk-storage.js';

const record = (id = `f-${randomUUID()}`): StoredAttachment => ({
  attachment: { id, name: 'invoice.pdf', type: 'application/pdf', size: 9 },
  owner: { kind: 'user', userId: 'op-anna' },
  uploadedAt: 1_767_225_600_000,
});

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

describe('DiskAttachmentStorage', () => {
  let dir: TempDir;
  let root: string;

  beforeEach(() => {
    dir = createTempDir('live-chat-files-');
    root = path.join(dir.path, 'attachments');
  });
  afterEach(() => dir.remove());

  it('keeps bytes and record, links them, and reads them back after a restart', async () => {
    const storage = new DiskAttachmentStorage(root);
    const stored = record();
    const id = stored.attachment.id;
    await storage.put(stored, new TextEncoder().encode('%PDF-1.7\n'));
    assert.deepEqual(storage.get(id), stored);
    storage.link(id, 's-42');

    const again = new DiskAttachmentStorage(root);
    assert.deepEqual(again.get(id), { ...stored, sessionId: 's-42' });
    assert.equal(new TextDecoder().decode(await again.read(id)), '%PDF-1.7\n');
    // One record and one file of bytes, in the subdirectory of the id's first hex digits; no
    // temporary file stays behind.
    assert.deepEqual(filesUnder(root), [
      path.join(id.slice(2, 4), `${id}.bin`),
      path.join(id.slice(2, 4), `${id}.json`),
    ]);
  });

  it('answers nothing for an unknown id, and removes what it was asked to', async () => {
    const storage = new DiskAttachmentStorage(root);
    const stored = record();
    await storage.put(stored, new Uint8Array([1, 2, 3]));
    const unknown = `f-${randomUUID()}`;
    assert.equal(storage.get(unknown), undefined);
    assert.equal(await storage.read(unknown), undefined);
    await storage.remove(stored.attachment.id);
    assert.equal(storage.get(stored.attachment.id), undefined);
    assert.equal(await storage.read(stored.attachment.id), undefined);
    assert.deepEqual(filesUnder(root), []);
  });

  it('never turns an id that is not `f-` and a UUID into a path', async () => {
    // A file outside the storage's directory that a traversal would reach.
    fs.writeFileSync(path.join(dir.path, 'secret.json'), JSON.stringify(record('f-secret')));
    fs.writeFileSync(path.join(dir.path, 'secret.bin'), 'top secret');
    const storage = new DiskAttachmentStorage(root);
    const hostile = [
      '../secret',
      '../../secret',
      `f-${randomUUID()}/../../secret`,
      '/etc/passwd',
      'f-..',
      `F-${randomUUID()}`,
      `f-${randomUUID()}.json`,
      '',
    ];
    for (const id of hostile) {
      assert.equal(storage.get(id), undefined, id);
      assert.equal(await storage.read(id), undefined, id);
      storage.link(id, 's-1');
      await storage.remove(id);
      await assert.rejects(storage.put(record(id), new Uint8Array([1])), TypeError, id);
    }
    assert.equal(fs.readFileSync(path.join(dir.path, 'secret.bin'), 'utf8'), 'top secret');
    assert.equal(fs.existsSync(root), false, 'nothing was written');
  });
});
