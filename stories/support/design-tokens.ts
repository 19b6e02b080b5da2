/**
 * The design tokens as data, read from the components' own stylesheet
 * (packages/elements/src/styles/tokens.ts) and manifest, so the Theming page can never drift
 * from what the components actually use.
 */
import { tokens } from '../../packages/elements/src/styles/tokens.js';
import manifest from '../../packages/elements/custom-elements.json';

/** One global `--live-chat-*` token with its light and dark defaults. */
export interface DesignToken {
  /** e.g. `--live-chat-color-accent` */
  name: string;
  light: string;
  /** The dark theme's default, when it differs from the light one's rule. */
  dark: string | undefined;
  isColor: boolean;
}

/** One component-level custom property from the Custom Elements Manifest. */
export interface ComponentProperty {
  tagName: string;
  name: string;
  description: string;
}

/** `--_x: var(--live-chat-y, default);` declarations of one CSS block. */
function declarations(block: string): Map<string, string> {
  const found = new Map<string, string>();
  const pattern = /--_[\w-]+:\s*var\((--live-chat-[\w-]+),\s*([^;]+)\);/g;
  for (const match of block.matchAll(pattern)) {
    const name = match[1] as string;
    found.set(name, (match[2] as string).trim());
  }
  return found;
}

/** Every global token, in the order the stylesheet declares them. */
export function designTokens(): DesignToken[] {
  const css = tokens.cssText;
  const darkStart =
    css.indexOf(":host([theme='dark'])") >= 0
      ? css.indexOf(":host([theme='dark'])")
      : css.indexOf(':host([theme="dark"])');
  const lightBlock = darkStart >= 0 ? css.slice(0, darkStart) : css;
  const darkBlock = darkStart >= 0 ? css.slice(darkStart, css.indexOf('}', darkStart)) : '';
  const light = declarations(lightBlock);
  const dark = declarations(darkBlock);
  return [...light].map(([name, value]) => ({
    name,
    light: value,
    dark: dark.get(name),
    isColor: name.startsWith('--live-chat-color-'),
  }));
}

interface ManifestDeclaration {
  tagName?: string;
  customElement?: boolean;
  cssProperties?: Array<{ name: string; description?: string }>;
}

/** Every component-level `--live-chat-<component>-*` property documented with `@cssprop`. */
export function componentProperties(): ComponentProperty[] {
  const out: ComponentProperty[] = [];
  const modules =
    (manifest as { modules?: Array<{ declarations?: ManifestDeclaration[] }> }).modules ?? [];
  for (const module of modules) {
    for (const declaration of module.declarations ?? []) {
      if (!declaration.customElement || !declaration.tagName) continue;
      for (const property of declaration.cssProperties ?? []) {
        out.push({
          tagName: declaration.tagName,
          name: property.name,
          description: property.description ?? '',
        });
      }
    }
  }
  return out.sort((a, b) => a.tagName.localeCompare(b.tagName) || a.name.localeCompare(b.name));
}
