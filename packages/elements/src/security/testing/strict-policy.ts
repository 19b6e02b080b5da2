/**
 * Test support: puts the page under the strict Content Security Policy docs/security.md asks
 * hosts to serve, with Trusted Types enforced, and records every violation from then on.
 *
 * Import it first in a test file, before anything that loads Lit: the policy then holds while
 * Lit creates its `lit-html` Trusted Types policy and for everything the components do. (The
 * test runner's own page script has loaded by then; the policy covers what runs after it.)
 */
import { CONTENT_SECURITY_POLICY } from '../../../../../docs/examples/security/content-security-policy.js';

/**
 * The policy docs/security.md gives hosts: scripts and styles from the page's origin only, DOM
 * sinks through Lit's `lit-html` Trusted Types policy only.
 */
export const STRICT_POLICY = CONTENT_SECURITY_POLICY;

/** What a violation said: the directive it broke and what was blocked. */
export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}

const violations: Violation[] = [];

document.addEventListener('securitypolicyviolation', (event) => {
  violations.push({
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    sample: event.sample,
  });
});

const meta = document.createElement('meta');
meta.httpEquiv = 'Content-Security-Policy';
meta.content = STRICT_POLICY;
document.head.append(meta);

/** The violations reported since the policy was put in force (a copy). */
export function policyViolations(): Violation[] {
  return [...violations];
}

/** Forgets the violations reported so far. */
export function clearPolicyViolations(): void {
  violations.length = 0;
}
