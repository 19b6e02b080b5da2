// docs/theming.md: the guide's stylesheet restyles the workspace and every component inside it,
// through global tokens (light and dark), a component variable and a part.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '@live-chat/elements';
import { followSystemTheme } from '../../docs/examples/theming/follow-system-theme.js';
import { deepQueryAll, fetchText, waitForText } from './support/dom.js';
import { mountWorkspace } from './support/workspace-fixture.js';

const token = (element: Element, name: string) =>
  getComputedStyle(element).getPropertyValue(name).trim();

describe('docs/theming.md', function () {
  this.timeout(30_000);

  it('brand-theme.css sets the tokens of every component, gives dark its own values, and styles a part', async () => {
    const style = document.createElement('style');
    style.textContent = await fetchText('/docs/examples/theming/brand-theme.css');
    document.head.append(style);
    const { workspace, unmount } = mountWorkspace();
    try {
      await waitForText(workspace, 'Customer Support');
      const [navigation] = deepQueryAll(workspace, 'live-chat-navigation');
      const [counter] = deepQueryAll(workspace, 'live-chat-counter');
      for (const element of [workspace, navigation!, counter!]) {
        expect(token(element, '--_accent'), element.localName).to.equal('#6a1b9a');
        expect(token(element, '--_radius'), element.localName).to.equal('4px');
      }
      const header = workspace.shadowRoot!.querySelector('[part~="header"]')!;
      expect(getComputedStyle(header).borderBottomColor).to.equal('rgb(106, 27, 154)');
      const sidebar = workspace.shadowRoot!.querySelector('[part~="sidebar"]')!;
      expect(sidebar.getBoundingClientRect().width).to.equal(320);

      workspace.theme = 'dark';
      await waitUntil(
        () => navigation!.getAttribute('theme') === 'dark',
        'the theme did not reach the components',
      );
      for (const element of [workspace, navigation!, counter!]) {
        expect(token(element, '--_accent'), element.localName).to.equal('#ce93d8');
        // Tokens the brand leaves alone keep the built-in dark palette.
        expect(token(element, '--_bg'), element.localName).to.equal('#15181e');
      }
      expect(getComputedStyle(header).borderBottomColor).to.equal('rgb(206, 147, 216)');
    } finally {
      await unmount();
      style.remove();
    }
  });

  it('followSystemTheme keeps the theme equal to prefers-color-scheme until stopped', async () => {
    const workspace = document.createElement('live-chat-workspace');
    document.body.append(workspace);
    try {
      await emulateMedia({ colorScheme: 'light' });
      const stop = followSystemTheme(workspace);
      expect(workspace.theme).to.equal('light');
      await emulateMedia({ colorScheme: 'dark' });
      await waitUntil(() => workspace.theme === 'dark', 'the theme did not follow the system');
      stop();
      await emulateMedia({ colorScheme: 'light' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(workspace.theme, 'no longer following').to.equal('dark');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
      workspace.remove();
    }
  });
});
