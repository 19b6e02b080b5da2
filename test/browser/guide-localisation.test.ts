// docs/localisation.md: the guide's German catalogue is used by translate() and by a workspace
// whose locale is switched at run time; missing texts fall back to English.
import '@live-chat/elements/locales/ru'; // the Russian texts, which a test shows
import { expect, waitUntil } from '@open-wc/testing';
import { translate } from '@live-chat/elements';
import { registerGerman, renameTitle } from '../../docs/examples/localisation/german.js';
import { deepText, waitForText } from './support/dom.js';
import { mountWorkspace } from './support/workspace-fixture.js';

describe('docs/localisation.md', function () {
  this.timeout(30_000);

  it('registers German: its texts, plural forms, regional and English fallbacks', () => {
    registerGerman();
    expect(translate('de', 'workspace.title')).to.equal('Live-Chats');
    expect(translate('de-AT', 'navigation.group.queue')).to.equal('Warteschlange');
    expect(translate('de', 'counter.unread.label', { count: 1 })).to.equal(
      '1 ungelesene Nachricht',
    );
    expect(translate('de', 'counter.unread.label', { count: 3 })).to.equal(
      '3 ungelesene Nachrichten',
    );
    expect(translate('de', 'navigation.group-size', { count: 5 })).to.equal('5 Sitzungen');
    // Not translated by the example: English.
    expect(translate('de', 'workspace.no-session-hint')).to.equal(
      translate('en', 'workspace.no-session-hint'),
    );
  });

  it('switches a running workspace between English, German and Russian', async () => {
    registerGerman();
    const { workspace, unmount } = mountWorkspace();
    try {
      await waitForText(workspace, 'My sessions');
      workspace.locale = 'de';
      await waitForText(workspace, 'Meine Sitzungen');
      await waitForText(workspace, 'Live-Chats');
      workspace.locale = 'ru';
      await waitForText(workspace, 'Мои сессии');
      workspace.locale = 'en';
      await waitUntil(
        () =>
          deepText(workspace).includes('My sessions') &&
          !deepText(workspace).includes('Meine Sitzungen'),
      );
    } finally {
      await unmount();
    }
  });

  it('renames an English label for every workspace', () => {
    expect(translate('en', 'workspace.title')).to.equal('Live Chats');
    renameTitle();
    expect(translate('en', 'workspace.title')).to.equal('Support desk');
  });
});
