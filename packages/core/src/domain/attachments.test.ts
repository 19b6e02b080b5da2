import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  attachmentsSummary,
  checkUpload,
  cleanFileName,
  DEFAULT_ATTACHMENT_POLICY,
  formatBytes,
  invalidAttachment,
  isPreviewable,
  MAX_FILE_NAME_LENGTH,
  sniffFileType,
} from './attachments.js';
import { codePointLength } from './limits.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);

describe('sniffFileType: the type comes from the bytes, never the name', () => {
  it('knows the raster images, PDF and ZIP by their signatures', () => {
    assert.equal(sniffFileType(PNG), 'image/png');
    assert.equal(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0)), 'image/jpeg');
    assert.equal(sniffFileType(text('GIF89a....')), 'image/gif');
    assert.equal(sniffFileType(text('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
    assert.equal(sniffFileType(text('%PDF-1.7\n')), 'application/pdf');
    assert.equal(sniffFileType(bytes(0x50, 0x4b, 0x03, 0x04, 0x14)), 'application/zip');
  });

  it('takes markup for what a browser would render: SVG, XML, HTML, also after whitespace or a BOM', () => {
    assert.equal(sniffFileType(text('<svg xmlns="http://www.w3.org/2000/svg"/>')), 'image/svg+xml');
    assert.equal(sniffFileType(text('\uFEFF<?xml version="1.0"?><a/>')), 'application/xml');
    assert.equal(sniffFileType(text('<?xml version="1.0"?><svg/>')), 'image/svg+xml');
    assert.equal(sniffFileType(text('  \n<!DOCTYPE html><p>hi')), 'text/html');
    assert.equal(sniffFileType(text('Dear team, <script>alert(1)</script>')), 'text/html');
    assert.equal(sniffFileType(text('<IMG SRC=x onerror=alert(1)>')), 'text/html');
  });

  it('calls clean UTF-8 text plain text, and anything else binary', () => {
    assert.equal(sniffFileType(text('Order 1234 — Grüße, 😀\r\n\tline two')), 'text/plain');
    assert.equal(sniffFileType(text('a < b and c > d')), 'text/plain');
    assert.equal(sniffFileType(bytes(0x00, 0x01, 0x02, 0xfe)), 'application/octet-stream');
    assert.equal(sniffFileType(text('MZ\x90\x00\x03')), 'application/octet-stream');
    // A multi-byte character cut by the 1 KiB window is still text.
    assert.equal(sniffFileType(text(`${'a'.repeat(1023)}é and more`)), 'text/plain');
  });
});

describe('cleanFileName', () => {
  it('keeps only the last path segment, without control, bidi or zero-width characters', () => {
    assert.equal(cleanFileName('../../etc/passwd'), 'passwd');
    assert.equal(cleanFileName('C:\\Users\\x\\photo.png'), 'photo.png');
    assert.equal(cleanFileName('invoice\u202Egpj.exe'), 'invoicegpj.exe');
    assert.equal(cleanFileName('a\u0000b\u200Bc.txt'), 'abc.txt');
    assert.equal(cleanFileName('..'), 'file');
    assert.equal(cleanFileName('   '), 'file');
  });

  it('cuts a long name in the middle and keeps its extension', () => {
    const name = cleanFileName(`${'😀'.repeat(300)}.pdf`);
    assert.equal(codePointLength(name), MAX_FILE_NAME_LENGTH);
    assert.ok(name.endsWith('….pdf'));
  });
});

describe('checkUpload', () => {
  it('accepts an allowed type with the cleaned name and the sniffed type', () => {
    const result = checkUpload({ name: 'dir/shot.pdf', bytes: PNG });
    assert.deepEqual(result, {
      ok: true,
      value: { name: 'shot.pdf', type: 'image/png', size: PNG.byteLength, image: true },
    });
    const note = checkUpload({ name: 'notes.txt', bytes: text('hello') });
    assert.ok(note.ok && note.value.image === undefined, 'only raster images are previewed');
  });

  it('refuses empty, oversized and not-allowed files with their reason', () => {
    const reason = (result: ReturnType<typeof checkUpload>) =>
      result.ok ? 'accepted' : `${result.error.code} ${String(result.error.details?.reason)}`;
    assert.equal(
      reason(checkUpload({ name: 'e.txt', bytes: new Uint8Array(0) })),
      'VALIDATION FILE_EMPTY',
    );
    const policy = { ...DEFAULT_ATTACHMENT_POLICY, maxBytes: 4 };
    assert.equal(
      reason(checkUpload({ name: 'b.txt', bytes: text('hello') }, policy)),
      'VALIDATION FILE_TOO_LARGE',
    );
    assert.equal(
      reason(checkUpload({ name: 'x.svg', bytes: text('<svg/>') })),
      'VALIDATION FILE_TYPE_NOT_ALLOWED',
    );
    assert.equal(
      reason(checkUpload({ name: 'cat.png', bytes: text('<html><script>') })),
      'VALIDATION FILE_TYPE_NOT_ALLOWED',
    );
    assert.equal(
      reason(checkUpload({ name: 'x', bytes: 'no bytes' as never })),
      'VALIDATION undefined',
    );
  });
});

describe('what the workspace checks again', () => {
  it('previews only bytes that are the raster image their type says', () => {
    assert.equal(isPreviewable(PNG, 'image/png'), true);
    assert.equal(isPreviewable(PNG, 'image/jpeg'), false);
    assert.equal(isPreviewable(text('<svg/>'), 'image/svg+xml'), false);
    assert.equal(isPreviewable(text('<html>'), 'image/png'), false);
  });

  it('checks an attachment from a backend field by field', () => {
    const good = { id: 'f-1', name: 'a.png', type: 'image/png', size: 3, image: true };
    assert.equal(invalidAttachment(good), undefined);
    assert.equal(invalidAttachment({ ...good, name: { _$litType$: 1 } }), 'name');
    assert.equal(invalidAttachment({ ...good, size: -1 }), 'size');
    assert.equal(invalidAttachment({ ...good, type: 'image/svg+xml' }), 'image');
    assert.equal(
      invalidAttachment({ ...good, name: 'x'.repeat(MAX_FILE_NAME_LENGTH + 1) }),
      'name',
    );
    assert.equal(invalidAttachment(null), '');
  });

  it('formats sizes and summarises file-only messages', () => {
    assert.deepEqual([0, 512, 1536, 10 * 1024 * 1024, 3.45 * 1024 * 1024].map(formatBytes), [
      '0 B',
      '512 B',
      '1.5 KB',
      '10 MB',
      '3.5 MB',
    ]);
    assert.equal(attachmentsSummary([{ name: 'a.png' }]), '📎 a.png');
    assert.equal(attachmentsSummary([{ name: 'a.png' }, { name: 'b.pdf' }]), '📎 a.png +1');
  });
});
