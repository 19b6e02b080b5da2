/**
 * Texts that stress layouts and safety: long and unbroken words, long URLs, right-to-left and
 * mixed scripts, and customer messages made of markup that must be shown literally.
 */

/** One 240-character word with no break opportunity. */
export const LONG_WORD =
  'Supercalifragilisticexpialidocious' +
  'Pneumonoultramicroscopicsilicovolcanoconiosis' +
  'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft' +
  'Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz' +
  'XXXXXXXXXXXXXXXXXXXXXX';

/** A customer name far longer than any layout expects. */
export const LONG_NAME =
  'Maximiliana Alexandrina Konstantinopoulou-Vanderbilt-Featherstonehaugh-Oyelaran-Wolfeschlegelsteinhausenbergerdorff the Third';

/** A session name at the 200-character limit. */
export const LONG_SESSION_NAME = (
  'Refund request for order #A-2026-03-0042917 — damaged parcel, missing charger, wrong colour, ' +
  'second attempt after the courier lost the first replacement; escalated by the customer twice'
).slice(0, 200);

/** A URL of 600+ characters without a single space. */
export const LONG_URL = `https://example.com/orders/A-2026-03-0042917/${'tracking-details/'.repeat(30)}?session=${'0123456789abcdef'.repeat(8)}`;

/** A long message: paragraphs, an unbroken word, a long URL and some Russian. */
export const LONG_MESSAGE = [
  'Hello, I am writing again because my previous three messages were not answered and the situation has become urgent. ' +
    'I ordered a laptop on the 2nd of March, paid by card, and received a confirmation e-mail with the order number.',
  'The parcel arrived damaged: the box was crushed, the screen is cracked and the charger is missing. I took photos of everything. ' +
    'I would like either a full refund or a replacement delivered before the end of the month.',
  `Reference code: ${LONG_WORD}`,
  `Tracking link: ${LONG_URL}`,
  'Здравствуйте! Пишу повторно: посылка пришла повреждённой, экран треснул, зарядного устройства нет. Прошу вернуть деньги.',
].join('\n\n');

/** A customer name that is markup (shown as text, never parsed). */
export const MARKUP_NAME = '<img src=x onerror="window.__storyXss=1"> Mallory <b>Hacker</b>';

/** Customer messages made of markup, scripts and unsafe links: all must render literally. */
export const MARKUP_MESSAGES: readonly string[] = [
  '<script>window.__storyXss = 1; alert("xss")</script>',
  '<img src=x onerror="window.__storyXss=1;alert(1)"> <b>not bold</b> <i>not italic</i>',
  '<a href="javascript:alert(1)">click me</a> and javascript:alert(2) and data:text/html,<script>alert(3)</script>',
  '<style>* { display: none !important; }</style><iframe src="https://example.com"></iframe>',
  'Safe links only: https://example.com/help?q=<tag>&x="quote" and mailto:help@example.com, but not ftp://example.com',
  '{{constructor.constructor("alert(4)")()}} ${alert(5)} &lt;escaped&gt; &amp;amp;',
];
