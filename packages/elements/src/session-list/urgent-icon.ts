import { svg } from 'lit';

/**
 * The urgent mark: an exclamation mark in a circle, drawn in the text's colour (it keeps its
 * shape in forced colours). Always shown with the word "Urgent", visibly or for screen readers.
 */
export const urgentIcon = svg`<circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 4.2v4.6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="11.4" r="1" fill="currentColor"/>`;
