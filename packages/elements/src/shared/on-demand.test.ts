import { expect } from '@open-wc/testing';
import { sayOffline, sayOnline } from '../test/browser-online.js';
import { loadOnDemand, setOnDemandLoader } from './on-demand.js';

// Each test file runs in a page of its own: nothing here has defined these tags or said where
// their code is, as with a component imported from an internal module.
describe('loadOnDemand', () => {
  it('refuses, naming the tag, while no entry said where its code is', async () => {
    const error = await loadOnDemand('live-chat-file-tray').then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(String(error)).to.contain('<live-chat-file-tray> is not defined');
  });

  it('loads with the loader the last entry set, each time it is asked while the tag is undefined', async () => {
    const calls: string[] = [];
    setOnDemandLoader('live-chat-new-session', () => Promise.resolve(calls.push('first')));
    setOnDemandLoader('live-chat-new-session', () => Promise.resolve(calls.push('second')));
    await loadOnDemand('live-chat-new-session');
    await loadOnDemand('live-chat-new-session');
    expect(calls).to.deep.equal(['second', 'second']);
  });

  it('passes on a failed load, so the component can say so and try again', async () => {
    setOnDemandLoader('live-chat-attachment', () => Promise.reject(new Error('offline')));
    const error = await loadOnDemand('live-chat-attachment').then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(String(error)).to.contain('offline');
  });

  it('does not ask for the code while the browser says it is offline, and does once online', async () => {
    let loads = 0;
    setOnDemandLoader('live-chat-file-tray', () => Promise.resolve(loads++));
    sayOffline();
    let error: unknown;
    try {
      error = await loadOnDemand('live-chat-file-tray').then(
        () => undefined,
        (reason: unknown) => reason,
      );
    } finally {
      sayOnline();
    }
    expect(String(error)).to.contain('offline');
    expect(loads, 'nothing fetched').to.equal(0);
    await loadOnDemand('live-chat-file-tray');
    expect(loads).to.equal(1);
  });

  it('loads nothing once the tag is defined', async () => {
    let loads = 0;
    setOnDemandLoader('live-chat-attachment', () => Promise.resolve(loads++));
    customElements.define('live-chat-attachment', class extends HTMLElement {});
    await loadOnDemand('live-chat-attachment');
    expect(loads).to.equal(0);
  });
});
