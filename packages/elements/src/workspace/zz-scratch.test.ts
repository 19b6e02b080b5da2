import { fixture, html } from '@open-wc/testing';
import type axe from 'axe-core';
import 'axe-core';
it('scratch', async () => {
  const el = await fixture(html`<div>
    <button id="a" aria-label="Queue, 3007 sessions"><span>Queue</span> <span>3,007</span></button>
    <button id="b" aria-label="Queue, 3,007 sessions"><span>Queue</span> <span>3,007</span></button>
    <button id="c" aria-label="Queue, 3 007 sessions"><span>Queue</span> <span>3 007</span></button>
    <button id="d" aria-label="Queue, 37 sessions"><span>Queue</span> <span>37</span></button>
  </div>`);
  const engine = (window as unknown as { axe: typeof axe }).axe;
  const r = await engine.run(el, { runOnly: ['label-content-name-mismatch'] });
  throw new Error(JSON.stringify(r.violations.map((v) => v.nodes.map((n) => n.target))) + ' passes ' + JSON.stringify(r.passes.map((v) => v.nodes.map((n) => n.target))));
});
