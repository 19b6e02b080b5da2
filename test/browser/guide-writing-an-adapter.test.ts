// docs/writing-an-adapter.md: the guide's WireAdapter (JSON over a wire) drives a real
// workspace, not only the conformance suite.
import { expect, waitUntil } from '@open-wc/testing';
import { SEED_USERS } from '@live-chat/adapters';
import '@live-chat/elements';
import { loopbackWire } from '../../docs/examples/writing-an-adapter/loopback-server.js';
import { WireAdapter } from '../../docs/examples/writing-an-adapter/wire-adapter.js';
import {
  catchErrors,
  deepQueryAll,
  deepText,
  waitForQueueRows,
  waitForText,
} from './support/dom.js';
import { mountWorkspace } from './support/workspace-fixture.js';

describe('docs/writing-an-adapter.md in the browser', function () {
  this.timeout(30_000);

  it('a workspace on the WireAdapter lists the queue, opens a session and takes it by replying', async () => {
    const watch = catchErrors();
    const { backend, client, workspace, unmount } = mountWorkspace(
      (memoryBackend) => new WireAdapter(loopbackWire(memoryBackend, SEED_USERS.operatorA)),
    );
    try {
      await waitForText(workspace, 'Customer Support');
      const [row] = await waitForQueueRows(workspace);
      const sessionId = row!.dataset['sessionId']!;
      row!.click();
      await waitUntil(() => deepQueryAll(workspace, '[role="log"]').length > 0, 'no conversation');

      const result = await client.send(sessionId, 'Hello from the wire');
      expect(result.ok, JSON.stringify(result)).to.equal(true);
      await waitForText(workspace, 'Hello from the wire');
      expect(backend.getSession(sessionId)?.status).to.equal('active');
      expect(backend.getSession(sessionId)?.assignee).to.deep.equal({
        kind: 'operator',
        operatorId: SEED_USERS.operatorA,
      });
      await waitUntil(
        () => client.getSession(sessionId)?.session.status === 'active',
        'the client did not follow',
      );
      expect(deepText(workspace)).to.include('Hello from the wire');
    } finally {
      await unmount();
      watch.stop();
    }
    expect(watch.errors).to.deep.equal([]);
  });
});
