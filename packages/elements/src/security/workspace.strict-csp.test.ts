// The whole workspace on a page served with the strict policy of docs/security.md: scripts and
// styles from the page's origin only, and Trusted Types enforced with Lit's `lit-html` policy as
// the only one allowed. Its own file, the policy imported first: it holds for the rest of the page.
import { policyViolations, clearPolicyViolations, STRICT_POLICY } from './testing/strict-policy.js';
import { mountWorkspacePage } from '../../../../docs/examples/accessibility/workspace-page.js';
import { expect, fixture, html } from '@open-wc/testing';
import { whileMatching } from '../test/cdp.js';
import { settle } from '../test/settle.js';
import { waitUntil } from '../test/seeded-client.js';
import {
  inWorkspace,
  openMySession,
  openWorkspacePage,
  WORKSPACE_STATES,
  type WorkspacePage,
} from '../test/workspace-page.js';
import { deepQuery } from '../test/deep-query.js';

/** Types `text` into the workspace's search field and waits for its results. */
async function searchFor(page: WorkspacePage, text: string): Promise<void> {
  const input = inWorkspace<HTMLInputElement>(page, '[part~="input"][role="combobox"]');
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await waitUntil(() => deepQuery(page.el, '[part~="hit"]'), `no search hit for ${text}`);
  await settle(page.el);
}

describe('<live-chat-workspace> under a strict CSP with Trusted Types', function () {
  this.timeout(30_000);

  beforeEach(clearPolicyViolations);

  it('the policy is in force: inline styles, string HTML and other policy names are refused', async () => {
    expect(STRICT_POLICY).to.contain("require-trusted-types-for 'script'");
    const probe = await fixture<HTMLDivElement>(html`<div></div>`);
    expect(() => (probe.innerHTML = '<b>bold</b>')).to.throw(TypeError);
    const { trustedTypes } = window as unknown as {
      trustedTypes: { createPolicy(name: string, rules: object): unknown };
    };
    expect(() => trustedTypes.createPolicy('another-policy', {})).to.throw();
    // A template with an inline style attribute, as the session list's rows once had.
    await fixture(html`<span style="display: block"></span>`);
    await waitUntil(() => policyViolations().length >= 3, 'no violation reported');
    expect(policyViolations().map((v) => v.directive)).to.include.members([
      'require-trusted-types-for',
      'trusted-types',
      'style-src-attr',
    ]);
  });

  for (const state of WORKSPACE_STATES) {
    it(`reports no violation: ${state.name}`, async () => {
      await whileMatching(state.media ?? [], async () => {
        const page = await openWorkspacePage(mountWorkspacePage, state.options);
        await state.enter?.(page);
        await settle(page.el);
      });
      expect(policyViolations()).to.deep.equal([]);
    });
  }

  it('reports no violation: search results with a session open, and with none', async () => {
    const page = await openWorkspacePage(mountWorkspacePage);
    await searchFor(page, 'a');
    await openMySession(page);
    await searchFor(page, 'e');
    expect(policyViolations()).to.deep.equal([]);
  });
});
