import { aTimeout, expect, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Subject } from 'rxjs';
import {
  createLiveChatClient,
  type Alert,
  type AlertBurst,
  type LiveChatClient,
  type TabRole,
} from '@live-chat/core';
import { createTabSharedAdapter } from '@live-chat/adapters';
import { AlertsController } from './alerts-controller.js';
import { ALERT_SETTINGS_STORAGE_KEY, DEFAULT_ALERT_SETTINGS } from './alert-settings-store.js';
import { fakeEnvironment } from './alerts-testing.js';
import { writeToSupport } from '../../test/customer-writes.js';
import {
  afterThisTest,
  connectClient,
  memoryBackend,
  waitUntil,
  type Backend,
} from '../../test/seeded-client.js';
import { supportAndSalesSeed } from '../../test/small-seed.js';
import { testForLeaks } from '../../test/test-for-leaks.js';

const alert = (id: string, sessionId = 's-1'): Alert => ({
  id,
  sessionId,
  liveChatId: 'lc-support',
  messageId: `m-${id}`,
  customerName: 'Ivan Petrov',
  preview: 'Hello <b>there</b>',
  channel: 'telegram',
  at: Date.now(),
});

/**
 * A client stand-in whose alerts a test pushes by hand: `push` is an alert of a quiet live chat
 * (a burst of one), `pushBurst` what the client coalesced from many.
 */
function alertSource(liveChats: Record<string, string> = {}) {
  const alerts = new Subject<Alert>();
  const bursts = new Subject<AlertBurst>();
  return {
    client: {
      alerts$: alerts.asObservable(),
      alertBursts$: bursts.asObservable(),
      getLiveChat: (id: string) => (liveChats[id] ? { id, name: liveChats[id] } : undefined),
    } as unknown as LiveChatClient,
    push: (a: Alert) => {
      alerts.next(a);
      bursts.next({ liveChatId: a.liveChatId, count: 1, sessionCount: 1, latest: a });
    },
    /** `count` alerts coalesced, the newest `latest` (only the burst: the alerts went by before). */
    pushBurst: (count: number, latest: Alert) =>
      bursts.next({ liveChatId: latest.liveChatId, count, sessionCount: count, latest }),
  };
}

/** Resolves after the microtasks queued so far: the end of the current run of alerts. */
const endOfRun = (): Promise<void> => new Promise((resolve) => queueMicrotask(resolve));

describe('AlertsController', () => {
  let backend: Backend;
  const controllers: AlertsController[] = [];

  const connect = async (userId: string) => (await connectClient(backend, { userId })).client;

  function controllerFor(
    client: LiveChatClient | undefined,
    fake = fakeEnvironment(),
    host: EventTarget | null = null,
  ) {
    const controller = new AlertsController(host as never, { environment: fake.environment });
    controller.setClient(client);
    controller.connect();
    controllers.push(controller);
    return controller;
  }

  /** A controller on a hand-fed alert source, in a fake environment. */
  function withAlertSource(fake = fakeEnvironment()) {
    const source = alertSource();
    return { fake, source, controller: controllerFor(source.client, fake) };
  }

  beforeEach(() => {
    backend = memoryBackend(supportAndSalesSeed());
  });

  afterEach(() => {
    for (const controller of controllers.splice(0)) controller.disconnect();
  });

  it('a customer writes: the operators of that live chat are alerted once, no one else', async () => {
    const annaFake = fakeEnvironment();
    const olegFake = fakeEnvironment();
    controllerFor(await connect('u-anna'), annaFake);
    controllerFor(await connect('u-oleg'), olegFake);
    for (const fake of [annaFake, olegFake]) {
      fake.storage.setItem(
        ALERT_SETTINGS_STORAGE_KEY,
        JSON.stringify({ sound: true, desktop: true, titleBadge: true }),
      );
      fake.document.dispatchEvent(new Event('pointerdown')); // the user's first gesture unlocks audio
      fake.document.setAttended(false, fake.window);
    }

    writeToSupport(backend, 'c-ivan', 'My order is late');
    await waitUntil(() => annaFake.notifications.shown.length === 1, 'Anna is notified');
    await aTimeout(20);
    expect(annaFake.tones()).to.deep.equal([880, 1320]);
    expect(annaFake.notifications.shown).to.have.length(1);
    const [notification] = annaFake.notifications.shown;
    expect(notification!.title).to.equal('New message from Ivan Petrov');
    expect(notification!.options!.body).to.equal('My order is late');
    expect(annaFake.document.title).to.equal('(1) Live chats');

    expect(olegFake.tones()).to.deep.equal([]);
    expect(olegFake.notifications.shown).to.have.length(0);
    expect(olegFake.document.title).to.equal('Live chats');
  });

  it('the title badge counts alerts since the page was last seen, and is restored when it is', async () => {
    const fake = fakeEnvironment();
    const controller = controllerFor(await connect('u-anna'), fake);
    fake.document.setAttended(false, fake.window);
    writeToSupport(backend, 'c-ivan', 'One');
    writeToSupport(backend, 'c-maria', 'Two');
    writeToSupport(backend, 'c-ivan', 'Three');
    await waitUntil(() => fake.document.title === '(3) Live chats', 'three alerts in the title');
    expect(controller.unseenCount).to.equal(3);

    fake.document.setAttended(true, fake.window);
    expect(fake.document.title).to.equal('Live chats');
    expect(controller.unseenCount).to.equal(0);

    // Visible and focused: the user sees the workspace, the title stays as it is.
    writeToSupport(backend, 'c-ivan', 'Four');
    await aTimeout(20);
    expect(fake.document.title).to.equal('Live chats');
  });

  it('writes the title badge once per run of alerts, and not at all if the user looked meanwhile', async () => {
    const { fake, source } = withAlertSource();
    fake.document.setAttended(false, fake.window);
    let title = fake.document.title;
    let writes = 0;
    Object.defineProperty(fake.document, 'title', {
      get: () => title,
      set: (value: string) => {
        writes++;
        title = value;
      },
    });
    for (let i = 0; i < 500; i++) source.push(alert(`a-${i}`, `s-${i}`));
    expect(writes).to.equal(0);
    await endOfRun();
    expect([title, writes]).to.deep.equal(['(500) Live chats', 1]);

    fake.document.setAttended(true, fake.window);
    fake.document.setAttended(false, fake.window);
    writes = 0;
    source.push(alert('a-late', 's-late'));
    fake.document.setAttended(true, fake.window); // the user looks before the run ends
    await endOfRun();
    expect([title, writes]).to.deep.equal(['Live chats', 0]);
  });

  it('de-duplicates by alert id and throttles bursts into one beep', async () => {
    const { fake, source } = withAlertSource();
    fake.document.dispatchEvent(new Event('keydown'));
    fake.document.setAttended(false, fake.window);
    fake.storage.setItem(
      ALERT_SETTINGS_STORAGE_KEY,
      JSON.stringify({ sound: true, desktop: true, titleBadge: true }),
    );

    source.push(alert('a-1'));
    source.push(alert('a-1'));
    expect(fake.notifications.shown).to.have.length(1);
    await endOfRun(); // the title is written once per run of alerts
    expect(fake.document.title).to.equal('(1) Live chats');
    expect(fake.tones()).to.have.length(2);

    source.push(alert('a-2')); // same second: no second beep, but counted
    expect(fake.tones()).to.have.length(2);
    await endOfRun();
    expect(fake.document.title).to.equal('(2) Live chats');

    fake.advance(1500);
    source.push(alert('a-3'));
    expect(fake.tones()).to.have.length(4);
  });

  it('shows a burst as one notification per live chat, counting since the user last looked', async () => {
    const fake = fakeEnvironment();
    const source = alertSource({ 'lc-support': 'Customer Support' });
    const opened: string[] = [];
    const controller = new AlertsController(null, {
      environment: fake.environment,
      onOpen: (a) => opened.push(a.sessionId),
    });
    controllers.push(controller);
    controller.setClient(source.client);
    controller.connect();
    controller.setSettings({ desktop: true, sound: false });
    fake.document.setAttended(false, fake.window);
    const shown = fake.notifications.shown;

    source.push(alert('first', 's-0'));
    expect(shown.map((n) => n.title)).to.deep.equal(['New message from Ivan Petrov']);
    source.pushBurst(9_999, alert('burst-9999', 's-9999'));
    expect(shown).to.have.length(2);
    expect(shown[0]!.closed, 'the first one is replaced').to.equal(true);
    expect(shown[1]!.title).to.equal('10000 new requests in Customer Support');
    expect(shown[1]!.options!.body).to.equal('Latest from Ivan Petrov: Hello <b>there</b>');
    expect(shown[1]!.options!.tag).to.equal('live-chat-requests-lc-support');
    shown[1]!.onclick!(new Event('click'));
    expect(opened).to.deep.equal(['s-9999']);

    source.pushBurst(37, alert('more', 's-3'));
    expect(shown.map((n) => n.title).slice(2)).to.deep.equal([
      '10037 new requests in Customer Support',
    ]);
    expect(
      shown.filter((n) => !n.closed),
      'one on the desktop',
    ).to.have.length(1);

    // Back at the page, then away again: the count starts afresh.
    fake.document.setAttended(true, fake.window);
    fake.document.setAttended(false, fake.window);
    source.push(alert('later', 's-1'));
    expect(shown.at(-1)!.title).to.equal('New message from Ivan Petrov');
  });

  it('in-app alerts: only while neither sound nor a notification reaches the user; held for the first listener while nobody listens', () => {
    const { controller, source } = withAlertSource();
    const sales = (id: string, sessionId: string): Alert => ({
      ...alert(id, sessionId),
      liveChatId: 'lc-sales',
    });
    controller.setSettings({ sound: false, desktop: false });

    // Nobody listens yet (the in-app alert's code is still on its way): held, per live chat.
    source.push(alert('a', 's-1'));
    source.pushBurst(3, sales('b', 's-2'));
    source.pushBurst(4, alert('c', 's-3'));
    const first: AlertBurst[] = [];
    const stopFirst = controller.onInAppAlert((burst) => first.push(burst));
    const seen = (bursts: AlertBurst[]) =>
      bursts.map((b) => [b.liveChatId, b.count, b.sessionCount, b.latest.id]);
    expect(seen(first), 'the live chat heard from last comes last').to.deep.equal([
      ['lc-sales', 3, 3, 'b'],
      ['lc-support', 5, 5, 'c'],
    ]);

    // Handed over once: a second listener gets nothing held, and new bursts reach both.
    const second: AlertBurst[] = [];
    const stopSecond = controller.onInAppAlert((burst) => second.push(burst));
    expect(second).to.deep.equal([]);
    source.push(alert('d', 's-4'));
    expect(seen(first).at(-1)).to.deep.equal(['lc-support', 1, 1, 'd']);
    expect(seen(second)).to.deep.equal([['lc-support', 1, 1, 'd']]);
    stopFirst();
    stopSecond();

    // While sound plays, nothing is for the in-app alert: nothing is held either.
    controller.setSettings({ sound: true });
    controller.previewSound(); // as a gesture would, unlocks audio
    expect(controller.soundUnlocked).to.equal(true);
    source.push(alert('e', 's-5'));
    controller.setSettings({ sound: false });
    const third: AlertBurst[] = [];
    const stopThird = controller.onInAppAlert((burst) => third.push(burst));
    expect(third).to.deep.equal([]);
    stopThird();

    // At most 10 live chats are held: the one heard from longest ago goes first.
    for (let i = 0; i < 11; i++)
      source.push({ ...alert(`many-${i}`, `s-m${i}`), liveChatId: `lc-${i}` });
    const fourth: AlertBurst[] = [];
    const stopFourth = controller.onInAppAlert((burst) => fourth.push(burst));
    expect(fourth.map((b) => b.liveChatId)).to.deep.equal(
      Array.from({ length: 10 }, (_, i) => `lc-${i + 1}`),
    );
    stopFourth();

    // Disconnected, the controller forgets what it held.
    source.push(alert('f', 's-6'));
    controller.disconnect();
    controller.connect();
    const fifth: AlertBurst[] = [];
    controller.onInAppAlert((burst) => fifth.push(burst));
    expect(fifth).to.deep.equal([]);
  });

  it('an alert that withholds the customer shows only its live chat, alone or in a burst', () => {
    const fake = fakeEnvironment();
    const source = alertSource({ 'lc-support': 'Customer Support' });
    controllerFor(source.client, fake).setSettings({ desktop: true, sound: false });
    fake.document.setAttended(false, fake.window);
    const { customerName: _name, preview: _preview, ...withheld } = alert('w-1', 's-7');

    source.push(withheld);
    source.pushBurst(3, { ...withheld, id: 'w-2' });
    const [single, burst] = fake.notifications.shown;
    expect(single!.title).to.equal('New message in Customer Support');
    expect(single!.options!.body).to.equal('');
    expect(burst!.title).to.equal('4 new requests in Customer Support');
    expect(burst!.options!.body).to.equal('');
    const everything = JSON.stringify(fake.notifications.shown.map((n) => [n.title, n.options]));
    expect(everything).not.to.contain('Ivan');
    expect(everything).not.to.contain('Hello');
  });

  it('a mention says who mentioned the user, with the note, or without it when withheld', () => {
    const fake = fakeEnvironment();
    const source = alertSource({ 'lc-support': 'Customer Support' });
    (source.client as unknown as { getUser: (id: string) => unknown }).getUser = (id: string) =>
      id === 'u-anna' ? { id, name: 'Anna Kowalski' } : undefined;
    controllerFor(source.client, fake).setSettings({ desktop: true, sound: false });
    fake.document.setAttended(false, fake.window);
    const mention: Alert = {
      ...alert('m-1', 's-3'),
      kind: 'mention',
      mentionedBy: 'u-anna',
      preview: '@Ben can you check?',
    };
    source.push(mention);
    // The user looks, then goes away again: the next one is notified alone.
    fake.document.setAttended(true, fake.window);
    fake.document.setAttended(false, fake.window);
    const { customerName: _name, preview: _preview, ...withheld } = { ...mention, id: 'm-2' };
    source.push(withheld);
    const [shown, hidden] = fake.notifications.shown;
    expect(shown!.title).to.equal('Anna Kowalski mentioned you');
    expect(shown!.options!.body).to.equal('@Ben can you check?');
    expect(hidden!.title).to.equal('Anna Kowalski mentioned you');
    expect(hidden!.options!.body).to.equal('');
  });

  it('isolates every name and message in a notification, so direction controls cannot reorder its text', () => {
    const fake = fakeEnvironment();
    const source = alertSource({ 'lc-support': 'Customer Support' });
    controllerFor(source.client, fake).setSettings({ desktop: true, sound: false });
    fake.document.setAttended(false, fake.window);
    const spoof = 'evil\u202Emoc.knab';
    source.push({ ...alert('b-1'), customerName: spoof, preview: `pay ${spoof} now` });
    const [shown] = fake.notifications.shown;
    const FSI = '\u2068';
    const PDI = '\u2069';
    expect(shown!.raw.title).to.equal(`New message from ${FSI}${spoof}${PDI}`);
    expect(shown!.raw.options!.body).to.equal(`${FSI}pay ${spoof} now${PDI}`);
  });

  it('a burst of customer messages through a real client makes one notification', async () => {
    const fake = fakeEnvironment();
    const { client } = await connectClient(backend, {
      userId: 'u-anna',
      client: { alertBurstMs: 100 },
    });
    controllerFor(client, fake).setSettings({ desktop: true, sound: false });
    fake.document.setAttended(false, fake.window);
    for (let i = 0; i < 37; i++) writeToSupport(backend, 'c-ivan', `Message ${i}`);
    await waitUntil(
      () => fake.notifications.shown.some((n) => n.title.startsWith('37 new requests')),
      'the burst shown as one',
    );
    expect(fake.notifications.shown.filter((n) => !n.closed)).to.have.length(1);
    expect(fake.document.title).to.equal('(37) Live chats');
  });

  it('plays no sound before a user gesture has unlocked audio', async () => {
    const { fake, source } = withAlertSource();
    source.push(alert('a-1'));
    expect(fake.audio).to.have.length(0);
    fake.document.dispatchEvent(new Event('pointerdown'));
    expect(fake.audio).to.have.length(1);
    fake.advance(2000);
    source.push(alert('a-2'));
    expect(fake.tones()).to.have.length(2);
  });

  it('each alert is switchable, and the settings are persisted under a namespaced key', async () => {
    const { fake, source, controller } = withAlertSource();
    fake.document.dispatchEvent(new Event('pointerdown'));
    fake.document.setAttended(false, fake.window);
    expect(controller.settings).to.deep.equal(DEFAULT_ALERT_SETTINGS);

    controller.setSettings({ sound: false, desktop: false, titleBadge: false });
    expect(JSON.parse(fake.storage.getItem(ALERT_SETTINGS_STORAGE_KEY)!)).to.deep.equal({
      sound: false,
      desktop: false,
      titleBadge: false,
    });
    source.push(alert('a-1'));
    expect(fake.tones()).to.have.length(0);
    expect(fake.notifications.shown).to.have.length(0);
    expect(fake.document.title).to.equal('Live chats');

    controller.setSettings({ titleBadge: true });
    source.push(alert('a-2'));
    await endOfRun();
    expect(fake.document.title).to.equal('(1) Live chats');
    controller.setSettings({ titleBadge: false });
    expect(fake.document.title).to.equal('Live chats');
  });

  it('does not notify without permission, nor while the page is in view', async () => {
    const { fake, source, controller } = withAlertSource(fakeEnvironment({ permission: 'denied' }));
    controller.setSettings({ desktop: true });
    fake.document.setAttended(false, fake.window);
    source.push(alert('a-1'));
    expect(fake.notifications.shown).to.have.length(0);

    const granted = fakeEnvironment({ permission: 'granted' });
    const second = alertSource();
    controllerFor(second.client, granted).setSettings({ desktop: true });
    second.push(alert('a-1'));
    expect(granted.notifications.shown).to.have.length(0);
  });

  it('asks permission only when asked to enable desktop notifications', async () => {
    const fake = fakeEnvironment({ permission: 'default', answer: 'granted' });
    const controller = controllerFor(undefined, fake);
    expect(fake.notifications.Notification.requests).to.equal(0);
    expect(controller.desktopPermission).to.equal('default');
    expect(await controller.enableDesktop()).to.equal('granted');
    expect(fake.notifications.Notification.requests).to.equal(1);
    expect(controller.settings.desktop).to.equal(true);

    const blocked = fakeEnvironment({ permission: 'denied' });
    const other = controllerFor(undefined, blocked);
    expect(await other.enableDesktop()).to.equal('denied');
    expect(blocked.notifications.Notification.requests).to.equal(0);
    expect(other.settings.desktop).to.equal(false);

    const none = new AlertsController(null, {
      environment: { ...fakeEnvironment().environment, Notification: undefined },
    });
    expect(none.desktopPermission).to.equal('unsupported');
    expect(await none.enableDesktop()).to.equal('unsupported');
  });

  it('clicking a notification focuses the page and opens the session', async () => {
    const fake = fakeEnvironment();
    const source = alertSource();
    const host = document.createElement('div');
    document.body.append(host);
    const controller = new AlertsController(null, {
      environment: fake.environment,
      onOpen: (a) => host.dispatchEvent(new CustomEvent('open', { detail: a.sessionId })),
    });
    controllers.push(controller);
    controller.setClient(source.client);
    controller.connect();
    controller.setSettings({ desktop: true });
    fake.document.setAttended(false, fake.window);
    source.push(alert('a-1', 's-42'));
    const opened: string[] = [];
    host.addEventListener('open', (e) => opened.push((e as CustomEvent<string>).detail));
    fake.notifications.shown[0]!.onclick!(new Event('click'));
    expect(opened).to.deep.equal(['s-42']);
    expect(fake.window.focusCalls).to.equal(1);
    expect(fake.notifications.shown[0]!.closed).to.equal(true);
    host.remove();
  });

  it('adopts a title the page sets while badged', async () => {
    const { fake, source } = withAlertSource();
    fake.document.setAttended(false, fake.window);
    source.push(alert('a-1'));
    await endOfRun();
    expect(fake.document.title).to.equal('(1) Live chats');
    fake.document.title = 'Inbox — Acme';
    source.push(alert('a-2'));
    await endOfRun();
    expect(fake.document.title).to.equal('(2) Inbox — Acme');
    fake.document.setAttended(true, fake.window);
    expect(fake.document.title).to.equal('Inbox — Acme');
  });

  it('in a follower tab: no sound and no desktop notification, but the title badge', async () => {
    const fake = fakeEnvironment();
    const source = alertSource();
    let role: TabRole = 'follower';
    const client = {
      alerts$: source.client.alerts$,
      alertBursts$: source.client.alertBursts$,
      get tabRole() {
        return role;
      },
    } as unknown as LiveChatClient;
    controllerFor(client, fake).setSettings({ sound: true, desktop: true, titleBadge: true });
    fake.document.dispatchEvent(new Event('pointerdown'));
    fake.document.setAttended(false, fake.window);

    source.push(alert('a-1'));
    expect(fake.tones()).to.deep.equal([]);
    expect(fake.notifications.shown).to.have.length(0);
    await endOfRun();
    expect(fake.document.title).to.equal('(1) Live chats');

    // This tab took over from a closed leader: it alerts from the next alert on.
    role = 'leader';
    source.push(alert('a-2'));
    expect(fake.tones()).to.deep.equal([880, 1320]);
    expect(fake.notifications.shown).to.have.length(1);
    await endOfRun();
    expect(fake.document.title).to.equal('(2) Live chats');
  });

  it('three tabs sharing one connection: one beep and one notification per alert, in the leader tab', async () => {
    const key = `u-anna@alerts-${crypto.randomUUID()}`;
    const tabs = [0, 1, 2].map(() =>
      createTabSharedAdapter({ key, connect: () => backend.connect('u-anna') }),
    );
    const fakes = tabs.map(() => fakeEnvironment());
    const tabClients = tabs.map((adapter) => createLiveChatClient({ adapter }));
    for (const client of tabClients) afterThisTest(() => client.dispose());
    try {
      await waitUntil(() => tabClients.every((c) => c.status.state === 'ready'), 'tabs ready', {
        timeout: 5000,
      });
      await waitUntil(
        () => tabClients.map((c) => c.tabRole).join() === 'leader,follower,follower',
        'one leader, two followers',
      );
      for (const [i, fake] of fakes.entries()) {
        controllerFor(tabClients[i], fake).setSettings({ sound: true, desktop: true });
        fake.document.dispatchEvent(new Event('pointerdown'));
        fake.document.setAttended(false, fake.window);
      }
      const allTones = () => fakes.flatMap((fake) => fake.tones());
      const shown = () => fakes.map((fake) => fake.notifications.shown.length);

      writeToSupport(backend, 'c-ivan', 'Hello?');
      await waitUntil(
        () => fakes.every((fake) => fake.document.title === '(1) Live chats'),
        'every tab badges its title',
      );
      await aTimeout(20);
      expect(allTones()).to.deep.equal([880, 1320]);
      expect(fakes[0]!.tones()).to.deep.equal([880, 1320]);
      expect(shown()).to.deep.equal([1, 0, 0]);

      // The leader tab closes: the tab that takes over sounds for the next alert, once.
      tabClients[0]!.dispose();
      tabs[0]!.dispose();
      await waitUntil(() => tabClients[1]!.tabRole === 'leader', 'takeover', { timeout: 2000 });
      for (const fake of fakes) fake.advance(5000);
      writeToSupport(backend, 'c-maria', 'Anyone?');
      await waitUntil(
        () => fakes.slice(1).every((fake) => fake.document.title === '(2) Live chats'),
        'the remaining tabs badge their titles',
        { timeout: 5000 },
      );
      // Within the client's burst window of the first alert, the notification waits for its end.
      await waitUntil(() => shown()[1] === 1, 'the new leader notifies', { timeout: 3000 });
      await aTimeout(20);
      expect(fakes[1]!.tones()).to.deep.equal([880, 1320]);
      expect(fakes[2]!.tones()).to.deep.equal([]);
      expect(shown()).to.deep.equal([1, 1, 0]);
    } finally {
      for (const tab of tabs) tab.dispose();
    }
  });

  it('as a reactive controller it subscribes while the host is connected, and leaves nothing behind', async () => {
    const source = alertSource();
    const fake = fakeEnvironment();
    class AlertsHost extends LitElement {
      readonly alerts = new AlertsController(this, { environment: fake.environment });
      set client(client: LiveChatClient) {
        this.alerts.setClient(client);
      }
    }
    customElements.define('alerts-test-host', AlertsHost);
    await testForLeaks(
      ({ client }) => html`<alerts-test-host .client=${client}></alerts-test-host>`,
      {
        client: source.client,
        subscriptions: 2,
        counters: {
          'listeners on the document': () => fake.document.listeners,
          'listeners on the window': () => fake.window.listeners,
        },
        whileMounted: async (_host, round) => {
          expect(fake.document.listeners).to.equal(3);
          expect(fake.window.listeners).to.equal(2);
          fake.document.setAttended(false, fake.window);
          source.push(alert(`a-${round}`));
          await endOfRun();
          expect(fake.document.title).to.equal('(1) Live chats');
        },
        afterRemoval: () => {
          expect(fake.document.title).to.equal('Live chats');
          fake.document.setAttended(true, fake.window);
        },
      },
    );
  });
});
