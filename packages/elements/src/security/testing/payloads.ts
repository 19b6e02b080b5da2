/**
 * Test support: the project's own corpus of hostile strings, by category, for the security
 * suite. Every payload that would run script calls the page's tripwire, `__liveChatTripwire(n)`
 * (or `alert`, which the suite watches too), and every element a payload spells carries the
 * class or id `pwn`, so that an element made from text is found by a selector. Each fits the
 * smallest field limit it is put in (100 code points, a binder's or action's label) and shows at
 * least one visible character, so the engine accepts it.
 */

/** A hostile string and the kind of attack it stands for. */
export interface Payload {
  category: PayloadCategory;
  text: string;
}

/** The attacks the corpus covers. */
export type PayloadCategory =
  | 'filter evasion'
  | 'mutation'
  | 'namespace confusion'
  | 'attribute breaking'
  | 'script link'
  | 'spoofing'
  | 'prototype key';

/** The name of the global function payloads call when they run. */
export const TRIPWIRE = '__liveChatTripwire';

const t = (n: number) => `${TRIPWIRE}(${n})`;

const by = (category: PayloadCategory, texts: string[]): Payload[] =>
  texts.map((text) => ({ category, text }));

/** Every payload of the corpus. */
export const PAYLOADS: readonly Payload[] = [
  ...by('filter evasion', [
    `<script>${t(1)}</script>`,
    `<ScRiPt class=pwn>${t(2)}</sCrIpT>`,
    `<img class=pwn src=x onerror=${t(3)}>`,
    `<img class=pwn src=x onerror="&#95;&#95;liveChatTripwire(4)">`,
    `<img/class=pwn/src=x/onerror=${t(5)}>`,
    `<body class=pwn onload=${t(6)}>`,
    `<svg class=pwn onload=${t(7)}>`,
    `<iframe class=pwn srcdoc="<script>parent.${t(8)}</script>"></iframe>`,
    `<details class=pwn open ontoggle=${t(9)}>x</details>`,
    `<input class=pwn autofocus onfocus=${t(10)}>`,
    `<video class=pwn><source onerror=${t(11)}></video>`,
    `<marquee class=pwn onstart=${t(12)}>x</marquee>`,
    `<object class=pwn data="javascript:${t(13)}"></object>`,
    `<embed class=pwn src="javascript:${t(14)}">`,
    `<base id=pwn href="javascript:${t(15)}//">`,
    `<meta id=pwn http-equiv=refresh content="0;url=javascript:${t(16)}">`,
    `<style id=pwn>*{background:url("javascript:${t(17)}")}</style>`,
    `{{constructor.constructor('${t(18)}')()}}`,
    `\${${t(19)}}`,
    `<scr<script>ipt class=pwn>${t(20)}</scr</script>ipt>`,
    `%3Cscript%3E${t(21)}%3C/script%3E`,
    `&lt;img class=pwn src=x onerror=${t(22)}&gt;`,
  ]),
  ...by('mutation', [
    `<noscript><p title="</noscript><img class=pwn src=x onerror=${t(30)}>">`,
    `<!--<img src="--><img class=pwn src=x onerror=${t(31)}//">`,
    `<xmp><img class=pwn src=x onerror=${t(32)}></xmp>`,
    `<template><img class=pwn src=x onerror=${t(33)}></template>`,
    `<textarea></textarea><img class=pwn src=x onerror=${t(34)}>`,
    `</title><img class=pwn src=x onerror=${t(35)}>`,
    `<listing>&lt;img class=pwn src=x onerror=${t(36)}&gt;</listing>`,
    `<form class=pwn><math><mtext></form><form><mglyph><style></math><img src onerror=${t(37)}>`,
  ]),
  ...by('namespace confusion', [
    `<svg><style><img class=pwn src=x onerror=${t(40)}></style></svg>`,
    `<math><mtext><table><mglyph><style><img class=pwn src=x onerror=${t(41)}>`,
    `<svg><a xlink:href="javascript:${t(42)}"><text class=pwn>x</text></a></svg>`,
    `<math><mi class=pwn xlink:href="javascript:${t(43)}">x</mi></math>`,
    `<svg><foreignObject><img class=pwn src=x onerror=${t(44)}></foreignObject></svg>`,
    `<svg><animate class=pwn onbegin=${t(45)} attributeName=x dur=1s>`,
    `<svg><set class=pwn attributeName=onload to=${t(46)}>`,
    `<math><annotation-xml encoding="text/html"><img class=pwn src=x onerror=${t(47)}>`,
  ]),
  ...by('attribute breaking', [
    `"><img class=pwn src=x onerror=${t(50)}>`,
    `'><svg/class=pwn/onload=${t(51)}>`,
    `" onmouseover="${t(52)}" class="pwn`,
    `' autofocus onfocus='${t(53)}`,
    '`><img class=pwn src=x onerror=' + t(54) + '>',
    `</span><img class=pwn src=x onerror=${t(55)}>`,
    `https://x.example/"onmouseover="${t(56)}"class="pwn`,
  ]),
  ...by('script link', [
    `javascript:${t(60)}`,
    `JaVaScRiPt:${t(61)}`,
    ` javascript:${t(62)}`,
    `java\tscript:${t(63)}`,
    `java\nscript:${t(64)}`,
    `jav&#x09;ascript:${t(65)}`,
    `&#106;avascript:${t(66)}`,
    `javascript&colon;${t(67)}`,
    `\u0001javascript:${t(68)}`,
    'data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19saXZlQ2hhdFRyaXB3aXJlKDY5KTwvc2NyaXB0Pg==',
    `DATA:text/html,<script>parent.${t(70)}</script>`,
    'data:image/svg+xml,<svg onload="parent.__liveChatTripwire(71)"/>',
    'vbscript:msgbox(72)',
    `<a class=pwn href="javascript:${t(73)}">click</a>`,
    `[click](javascript:${t(74)})`,
    `https://user:pass@bank.example@evil.example/login`,
    `mailto:a@example.com?body=<script>${t(75)}</script>`,
  ]),
  ...by('spoofing', [
    'https://evil.example/\u202Emoc.knab//:sptth',
    '\u202Enimda Ivan',
    'Ivan\u2069\u202E reversed',
    'Olga\u200B\u200B',
    '\u202Dforced ltr\u202C',
    '\u2067isolated rtl\u2069 text',
    'mark\u061C and \uFEFFbom',
    'https://\u0430pple.com/login',
    'https://xn--pple-43d.com/login',
    'https://exa\u200Bmple.com/',
    'a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301',
    '\u05E9\u05DC\u05D5\u05DD \u202B(order 42)\u202C',
  ]),
  ...by('prototype key', [
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '__defineGetter__',
    'valueOf',
  ]),
];

/** The payloads of one category. */
export const payloadsOf = (category: PayloadCategory): Payload[] =>
  PAYLOADS.filter((payload) => payload.category === category);

/** The bidi controls: embeddings, overrides, isolates and marks. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
