import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { LiveChatShortcutsHelp } from './shortcuts-help.js';
import { ShortcutsController } from './shortcuts-controller.js';
import {
  parseShortcut,
  resolveShortcuts,
  type ShortcutAction,
  type ShortcutsSetting,
} from './shortcut-map.js';
import { pressKeys } from '../test/keyboard.js';
import { waitUntil } from '../test/seeded-client.js';
import './shortcuts-help.js';

/** Storage of its own, so that tests never share the user's choice. */
const memoryStorage = (): Pick<Storage, 'getItem' | 'setItem'> => {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
  };
};

class ShortcutsHost extends LitElement {
  setting: ShortcutsSetting = true;
  ran: ShortcutAction[] = [];
  storage = memoryStorage();
  keys = new ShortcutsController(this, {
    setting: () => this.setting,
    run: (action) => (this.ran.push(action), true),
    storage: this.storage,
  });
  override render() {
    return html`<input aria-label="Reply" /><button>Other</button>`;
  }
}
customElements.define('shortcuts-test-host', ShortcutsHost);

const mountHost = () => fixture<ShortcutsHost>(html`<shortcuts-test-host></shortcuts-test-host>`);

describe('keyboard shortcuts', () => {
  it('reads remappings as people write keys, keeping the default for what is not a key', () => {
    expect(parseShortcut('Alt+Shift+K')).to.deep.equal({ key: 'k' });
    expect(parseShortcut('g')).to.equal('g');
    expect(parseShortcut('Ctrl+K')).to.equal(undefined);
    const keys = resolveShortcuts({ close: 'Alt+Shift+K', search: false, queue: 'Ctrl+Q' });
    expect(keys.get('close')).to.deep.equal({ key: 'k' });
    expect(keys.has('search')).to.equal(false);
    expect(keys.get('queue')).to.deep.equal({ key: 'q' });
    expect(resolveShortcuts(false).size).to.equal(0);
  });

  it('fires Alt+Shift keys anywhere, single keys never in a text field', async () => {
    const el = await mountHost();
    el.shadowRoot!.querySelector('input')!.focus();
    await pressKeys('?');
    await pressKeys('Alt+Shift+X');
    expect(el.ran).to.deep.equal(['close']);
    el.shadowRoot!.querySelector('button')!.focus();
    await pressKeys('?');
    expect(el.ran).to.deep.equal(['close', 'help']);
  });

  it('follows a remapping, and fires nothing when turned off by the host or by the user', async () => {
    const el = await mountHost();
    el.shadowRoot!.querySelector('button')!.focus();
    el.setting = { close: 'Alt+Shift+K' };
    await pressKeys('Alt+Shift+X');
    await pressKeys('Alt+Shift+K');
    expect(el.ran).to.deep.equal(['close']);
    el.setting = false;
    await pressKeys('Alt+Shift+M');
    el.setting = true;
    el.keys.setEnabled(false);
    await pressKeys('Alt+Shift+M');
    expect(el.ran).to.deep.equal(['close']);
    expect(el.keys.keysOf('mine')).to.equal(undefined);
    expect(JSON.parse(el.storage.getItem('live-chat-workspace:shortcuts')!)).to.deep.equal({
      enabled: false,
    });
  });

  it('the help lists every shortcut in a captioned table, and turns them off; focus goes back on close', async () => {
    const host = await mountHost();
    const opener = host.shadowRoot!.querySelector('button')!;
    opener.focus();
    const help = await fixture<LiveChatShortcutsHelp>(
      html`<live-chat-shortcuts-help .controller=${host.keys}></live-chat-shortcuts-help>`,
    );
    await help.show();
    const $ = (selector: string) => help.shadowRoot!.querySelector(selector);
    expect(help.open).to.equal(true);
    expect($('caption')!.textContent!.trim()).to.equal('Shortcuts of the workspace');
    expect($('[data-action="take-next"] kbd')!.textContent).to.equal('Alt+Shift+O');
    expect($('[data-action="skip-counter"] kbd')!.textContent).to.equal('Alt+Shift+N');
    await expect(help).to.be.accessible();
    const toggle = $('input[type="checkbox"]') as HTMLInputElement;
    toggle.click();
    expect(host.keys.enabled).to.equal(false);
    await help.updateComplete;
    expect($('[data-action="take-next"]')!.textContent).to.contain('Off');
    help.close();
    await waitUntil(() => host.shadowRoot!.activeElement === opener, 'focus back on the opener');
  });
});
