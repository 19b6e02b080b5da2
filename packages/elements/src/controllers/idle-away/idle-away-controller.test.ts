import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { LiveChatClient } from '@live-chat/core';
import { SEED_USERS } from '@live-chat/adapters';
import { IdleAwayController, type IdleClock } from './idle-away-controller.js';
import { seededClient, waitUntil } from '../../test/seeded-client.js';

const ANNA = SEED_USERS.operatorA;

/** A clock the test moves by hand, counting the timers it was asked for. */
class ManualClock implements IdleClock {
  time = 1_000_000;
  timersStarted = 0;
  private timers = new Map<number, { at: number; run: () => void }>();
  private nextId = 1;
  now = () => this.time;
  setTimeout = (run: () => void, ms: number) => {
    this.timersStarted++;
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, run });
    return id;
  };
  clearTimeout = (handle: unknown) => void this.timers.delete(handle as number);
  get pending(): number {
    return this.timers.size;
  }
  advance(ms: number): void {
    this.time += ms;
    for (const [id, timer] of [...this.timers]) {
      if (timer.at <= this.time) {
        this.timers.delete(id);
        timer.run();
      }
    }
  }
}

class IdleHost extends LitElement {
  client: LiveChatClient | undefined;
  idleMs = 1000;
  clock = new ManualClock();
  target = new EventTarget();
  idle = new IdleAwayController(this, {
    client: () => this.client,
    idleMs: () => this.idleMs,
    clock: this.clock,
    target: this.target,
  });
}
customElements.define('idle-away-test-host', IdleHost);

async function mount() {
  const { client } = await seededClient({ userId: ANNA });
  const el = await fixture<IdleHost>(
    html`<idle-away-test-host .client=${client}></idle-away-test-host>`,
  );
  el.idle.restart();
  return {
    el,
    client,
    clock: el.clock,
    active: () => el.target.dispatchEvent(new Event('keydown')),
  };
}

describe('IdleAwayController', () => {
  it('sets away automatically after the idle time, and online on the next activity', async () => {
    const { client, clock, active } = await mount();
    clock.advance(999);
    expect(client.getPresence(ANNA).status).to.equal('online');
    clock.advance(1);
    await waitUntil(() => client.getPresence(ANNA).status === 'away', 'away');
    expect(client.getPresence(ANNA).auto).to.equal(true);
    active();
    await waitUntil(() => client.getPresence(ANNA).status === 'online', 'back');
  });

  it('waits the rest of the idle time after activity, with one timer however many events', async () => {
    const { client, clock, active } = await mount();
    const started = clock.timersStarted;
    clock.advance(600);
    for (let i = 0; i < 100; i++) active();
    expect(clock.timersStarted - started, 'no timer per event').to.equal(0);
    expect(clock.pending).to.equal(1);
    clock.advance(400); // the first deadline: active 400 ms ago, so it waits 600 more
    expect(client.getPresence(ANNA).status).to.equal('online');
    clock.advance(600);
    await waitUntil(() => client.getPresence(ANNA).status === 'away', 'away at last');
  });

  it('never overrides a status the user chose, and 0 turns it off', async () => {
    const { el, client, clock, active } = await mount();
    await client.setAvailability('offline');
    clock.advance(5000);
    active();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(client.getPresence(ANNA)).to.include({ status: 'offline' });
    await client.setAvailability('online');
    el.idleMs = 0;
    el.idle.restart();
    expect(clock.pending).to.equal(0);
    clock.advance(60_000);
    expect(client.getPresence(ANNA).status).to.equal('online');
  });

  it('stops listening and timing when its host leaves the page', async () => {
    const { el, clock } = await mount();
    el.remove();
    expect(clock.pending).to.equal(0);
  });
});
