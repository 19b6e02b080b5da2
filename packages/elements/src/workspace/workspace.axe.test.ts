/**
 * The full workspace on a page passes axe with the best-practice rules as well as WCAG 2.2 AA,
 * in every main state: each pane, each dialog, both themes, both languages, forced colours.
 */
import { mountWorkspacePage } from '../../../../docs/examples/accessibility/workspace-page.js';
import { expect } from '@open-wc/testing';
import { pageViolations } from '../test/axe-page.js';
import { whileMatching } from '../test/cdp.js';
import { openWorkspacePage, WORKSPACE_STATES } from '../test/workspace-page.js';

describe('<live-chat-workspace> on a page: axe, best practice and WCAG 2.2 AA', function () {
  this.timeout(30_000);

  for (const state of WORKSPACE_STATES) {
    it(`has no violation: ${state.name}`, async () => {
      const violations = await whileMatching(state.media ?? [], async () => {
        const page = await openWorkspacePage(mountWorkspacePage, state.options);
        await state.enter?.(page);
        return pageViolations();
      });
      expect(violations).to.deep.equal([]);
    });
  }
});
