import '../locales/ru.js'; // the Russian texts, which some of these tests show
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { AlertsController } from '../controllers/alerts/alerts-controller.js';
import { ALERT_SETTINGS_STORAGE_KEY } from '../controllers/alerts/alert-settings-store.js';
import { fakeEnvironment } from '../controllers/alerts/alerts-testing.js';
import { testForLeaks } from '../test/test-for-leaks.js';
import './alert-settings.js';
import type { LiveChatAlertSettings } from './alert-settings.js';

const switchFor = (el: LiveChatAlertSettings, name: string) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>(`[role="switch"][data-setting="${name}"]`)!;
const checked = (el: LiveChatAlertSettings, name: string) =>
  switchFor(el, name).getAttribute('aria-checked');
const description = (el: LiveChatAlertSettings, name: string) =>
  el.shadowRoot!.getElementById(`${name}-description`)!.textContent!.trim();
const stored = (fake: ReturnType<typeof fakeEnvironment>) =>
  JSON.parse(fake.storage.getItem(ALERT_SETTINGS_STORAGE_KEY) ?? 'null');

describe('<live-chat-alert-settings>', () => {
  it('renders three named, described switches with the defaults', async () => {
    const fake = fakeEnvironment({ permission: 'default' });
    const el = await fixture<LiveChatAlertSettings>(
      html`<live-chat-alert-settings .environment=${fake.environment}></live-chat-alert-settings>`,
    );
    const switches = [...el.shadowRoot!.querySelectorAll('[role="switch"]')];
    expect(switches).to.have.length(3);
    expect(checked(el, 'sound')).to.equal('true');
    expect(checked(el, 'desktop')).to.equal('false');
    expect(checked(el, 'titleBadge')).to.equal('true');
    const sound = switchFor(el, 'sound');
    expect(
      el.shadowRoot!.getElementById(sound.getAttribute('aria-labelledby')!)!.textContent,
    ).to.equal('Sound');
    expect(description(el, 'desktop')).to.contain('The browser will ask for your permission');
    expect(
      el.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-labelledby'),
    ).to.equal('heading');
    await expect(el).to.be.accessible();
  });

  it('toggles with click, Space and Enter, stores the settings and fires an event', async () => {
    const fake = fakeEnvironment();
    const el = await fixture<LiveChatAlertSettings>(
      html`<live-chat-alert-settings .environment=${fake.environment}></live-chat-alert-settings>`,
    );
    const deprecated = oneEvent(el, 'live-chat-alert-settings-change');
    setTimeout(() => switchFor(el, 'sound').click());
    const event = await oneEvent(el, 'live-chat-alert-settings-changed');
    expect(event.detail).to.deep.equal({ sound: false, desktop: false, titleBadge: true });
    expect((await deprecated).detail).to.deep.equal(event.detail);
    await el.updateComplete;
    expect(checked(el, 'sound')).to.equal('false');
    expect(stored(fake).sound).to.equal(false);

    switchFor(el, 'titleBadge').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checked(el, 'titleBadge')).to.equal('false');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(checked(el, 'titleBadge')).to.equal('true');
    expect(stored(fake)).to.deep.equal({ sound: false, desktop: false, titleBadge: true });
  });

  it('switching sound on plays the beep once (the click unlocks audio)', async () => {
    const fake = fakeEnvironment();
    fake.storage.setItem(
      ALERT_SETTINGS_STORAGE_KEY,
      JSON.stringify({ sound: false, desktop: false, titleBadge: true }),
    );
    const el = await fixture<LiveChatAlertSettings>(
      html`<live-chat-alert-settings .environment=${fake.environment}></live-chat-alert-settings>`,
    );
    expect(checked(el, 'sound')).to.equal('false');
    switchFor(el, 'sound').click();
    await el.updateComplete;
    expect(checked(el, 'sound')).to.equal('true');
    expect(fake.tones()).to.deep.equal([880, 1320]);
  });

  it('asks the browser for permission when desktop notifications are switched on', async () => {
    const fake = fakeEnvironment({ permission: 'default', answer: 'granted' });
    const el = await fixture<LiveChatAlertSettings>(
      html`<live-chat-alert-settings .environment=${fake.environment}></live-chat-alert-settings>`,
    );
    expect(fake.notifications.Notification.requests).to.equal(0);
    switchFor(el, 'desktop').click();
    await waitUntil(() => checked(el, 'desktop') === 'true', 'desktop on');
    expect(fake.notifications.Notification.requests).to.equal(1);
    expect(stored(fake).desktop).to.equal(true);
    expect(description(el, 'desktop')).to.equal(
      'Show a notification while the workspace is in the background.',
    );
    switchFor(el, 'desktop').click();
    await el.updateComplete;
    expect(checked(el, 'desktop')).to.equal('false');
    expect(fake.notifications.Notification.requests).to.equal(1);
  });

  it('says "blocked by the browser" when permission is denied, and stays off', async () => {
    const fake = fakeEnvironment({ permission: 'default', answer: 'denied' });
    const el = await fixture<LiveChatAlertSettings>(
      html`<live-chat-alert-settings .environment=${fake.environment}></live-chat-alert-settings>`,
    );
    switchFor(el, 'desktop').click();
    await waitUntil(
      () => description(el, 'desktop').startsWith('Blocked by the browser'),
      'blocked text',
    );
    expect(checked(el, 'desktop')).to.equal('false');
    expect(stored(fake)?.desktop ?? false).to.equal(false);
    expect(el.shadowRoot!.getElementById('desktop-description')!.getAttribute('role')).to.equal(
      'status',
    );
    await expect(el).to.be.accessible();

    // Already denied: no second request, the explanation shows at once.
    const denied = fakeEnvironment({ permission: 'denied' });
    const other = await fixture<LiveChatAlertSettings>(
      html`<live-chat-alert-settings
        .environment=${denied.environment}
      ></live-chat-alert-settings>`,
    );
    expect(description(other, 'desktop')).to.match(/^Blocked by the browser/);
    switchFor(other, 'desktop').click();
    await other.updateComplete;
    expect(denied.notifications.Notification.requests).to.equal(0);
    expect(checked(other, 'desktop')).to.equal('false');
  });

  it('marks desktop notifications unavailable where the browser has none', async () => {
    const fake = fakeEnvironment();
    const el = await fixture<LiveChatAlertSettings>(
      html`<live-chat-alert-settings
        .environment=${{ ...fake.environment, Notification: undefined }}
      ></live-chat-alert-settings>`,
    );
    expect(switchFor(el, 'desktop').getAttribute('aria-disabled')).to.equal('true');
    expect(description(el, 'desktop')).to.equal(
      'This browser does not support desktop notifications.',
    );
    await expect(el).to.be.accessible();
  });

  it('works on a given controller (the workspace’s), and follows its changes', async () => {
    const fake = fakeEnvironment();
    const controller = new AlertsController(null, { environment: fake.environment });
    const el = await fixture<LiveChatAlertSettings>(
      html`<live-chat-alert-settings .controller=${controller}></live-chat-alert-settings>`,
    );
    switchFor(el, 'titleBadge').click();
    await el.updateComplete;
    expect(controller.settings.titleBadge).to.equal(false);
    controller.setSettings({ sound: false });
    await el.updateComplete;
    expect(checked(el, 'sound')).to.equal('false');
  });

  it('speaks Russian', async () => {
    const fake = fakeEnvironment({ permission: 'denied' });
    const el = await fixture<LiveChatAlertSettings>(
      html`<live-chat-alert-settings
        locale="ru"
        .environment=${fake.environment}
      ></live-chat-alert-settings>`,
    );
    expect(el.shadowRoot!.getElementById('sound-label')!.textContent).to.equal('Звук');
    expect(description(el, 'desktop')).to.match(/^Заблокировано браузером/);
  });

  it('leaves no listener behind after being mounted and removed 50 times', async () => {
    const fake = fakeEnvironment();
    const controller = new AlertsController(null, { environment: fake.environment });
    let listeners = 0;
    const onSettingsChange = controller.onSettingsChange.bind(controller);
    controller.onSettingsChange = (listener) => {
      listeners++;
      const off = onSettingsChange(listener);
      return () => {
        listeners--;
        return off();
      };
    };
    // One with its own controller, one on the shared controller.
    await testForLeaks(
      () =>
        html`<live-chat-alert-settings .environment=${fake.environment}></live-chat-alert-settings
          ><live-chat-alert-settings .controller=${controller}></live-chat-alert-settings>`,
      {
        counters: {
          'settings listeners': () => listeners,
          'listeners on the window': () => fake.window.listeners,
          'listeners on the document': () => fake.document.listeners,
        },
        whileMounted: () => {
          expect(listeners).to.equal(1);
          expect(fake.window.listeners).to.equal(2); // the element's own controller: focus + storage
        },
      },
    );
  });
});
