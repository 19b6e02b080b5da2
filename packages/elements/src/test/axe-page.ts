/**
 * Test support: axe on the whole page, with the best-practice rules as well as WCAG 2.2 AA
 * (`expect(el).to.be.accessible()` runs axe's default set on one element, which leaves out
 * page rules such as `region`: content outside every landmark).
 */
import type axe from 'axe-core';
// Registers `window.axe` (axe-core is a script, not a module).
import 'axe-core';

/**
 * The axe rule sets the page is held to: WCAG 2.0 to 2.2, A and AA, best practice, and the
 * rules axe still calls experimental (focus order semantics, label in name).
 */
export const AXE_TAGS = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22a',
  'wcag22aa',
  'best-practice',
  'experimental',
] as const;

/** One violation as a line a person can act on: the rule, then the offending nodes. */
function violationText(violation: axe.Result): string {
  const nodes = violation.nodes
    .slice(0, 4)
    .map((node) => `    ${JSON.stringify(node.target)} ${node.html.slice(0, 160)}`);
  return [`${violation.id} (${violation.impact ?? 'n/a'}): ${violation.help}`, ...nodes].join('\n');
}

/** The axe violations of the whole document (through every shadow root), one line each. */
export async function pageViolations(): Promise<string[]> {
  const { axe: engine } = window as unknown as { axe: typeof axe };
  const results = await engine.run(document, {
    runOnly: { type: 'tag', values: [...AXE_TAGS] },
    resultTypes: ['violations'],
  });
  return results.violations.map(violationText);
}
