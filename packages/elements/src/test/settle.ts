import { aTimeout } from '@open-wc/testing';
import { LitElement } from 'lit';

/**
 * Test support: waits until every Lit element in and under `root` (its light DOM and every
 * shadow tree inside) has rendered, three times over with a macrotask between, so that
 * components a first render creates get to render too.
 */
export async function settle(root: Element): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const pending: Promise<unknown>[] = [];
    const visit = (node: Element | ShadowRoot) => {
      for (const child of node.querySelectorAll('*')) {
        if (child instanceof LitElement) pending.push(child.updateComplete);
        if (child.shadowRoot) visit(child.shadowRoot);
      }
    };
    if (root instanceof LitElement) pending.push(root.updateComplete);
    if (root.shadowRoot) visit(root.shadowRoot);
    visit(root);
    await Promise.all(pending);
    await aTimeout(0);
  }
}
