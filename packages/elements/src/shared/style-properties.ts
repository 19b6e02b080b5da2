import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** Inline style properties by their CSS names (`{ height: '640px', '--offset': '3' }`). */
export type StyleProperties = Readonly<Record<string, string>>;

class StylePropertiesDirective extends Directive {
  #previous: StyleProperties = {};

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT)
      throw new Error('styleProperties() belongs on an element: <div ${styleProperties(…)}>');
  }

  render(_properties: StyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of Object.keys(this.#previous))
      if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties))
      if (this.#previous[name] !== value) style.setProperty(name, value);
    this.#previous = properties;
    return noChange;
  }
}

/**
 * Sets an element's inline style properties through the CSSOM (`element.style.setProperty`),
 * never through a `style="…"` attribute in the template: a strict Content Security Policy
 * (`style-src 'self'`) blocks style attributes written by markup, and Lit's `styleMap` writes one
 * on its first render, but it allows script to set properties. Only changed values are written.
 *
 * ```ts
 * html`<div class="spacer" ${styleProperties({ height: `${total * rowHeight}px` })}></div>`
 * ```
 */
export const styleProperties = directive(StylePropertiesDirective);
