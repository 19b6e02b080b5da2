/**
 * The guide's example (docs/examples/getting-started/send-file.ts) against the memory backend:
 * a PDF goes to the customer with the reply; an SVG is refused and nothing is sent.
 */
import { expect } from '@open-wc/testing';
import { sendFile } from '../../../../docs/examples/getting-started/send-file.js';
import { fileOf, PDF, SVG } from '../attachments/attachments-testing.js';
import { newSession } from '../test/customer-writes.js';
import { memoryBackend, seed, connectClient, seededClient } from '../test/seeded-client.js';

describe('the guide’s sendFile', () => {
  it('sends a PDF with the reply, and refuses an SVG before sending anything', async () => {
    const { backend, client } = await seededClient();
    const session = newSession(backend);
    await sendFile(client, session.id, fileOf('steps.pdf', PDF), 'The steps');
    const reply = backend.messagesOf(session.id).at(-1)!;
    expect(reply.text).to.equal('The steps');
    expect(reply.attachments?.map((file) => file.type)).to.deep.equal(['application/pdf']);

    const refused = await sendFile(client, session.id, fileOf('logo.svg', SVG)).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(refused).to.equal('logo.svg: FILE_TYPE_NOT_ALLOWED');
    expect(backend.messagesOf(session.id).at(-1)).to.deep.equal(reply);
  });

  it('says so on a backend that takes no files', async () => {
    const backend = memoryBackend(seed(), { attachments: false });
    const { client } = await connectClient(backend);
    const session = newSession(backend);
    const refused = await sendFile(client, session.id, fileOf('steps.pdf', PDF)).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(refused).to.equal('This backend takes no files.');
  });
});
