/**
 * The preview's toolbar (Theme, Locale): the args its decorator gives every story's render, and
 * story annotations that pin the theme or the locale whatever the toolbar says.
 */

/** Args the preview's decorator fills from the toolbar (Theme, Locale). */
export interface ToolbarArgs {
  theme: 'light' | 'dark';
  locale: string;
}

/** Pins the dark theme. */
export const DARK = { globals: { theme: 'dark' } } as const;
/** Pins the Russian locale. */
export const RUSSIAN = { globals: { locale: 'ru' } } as const;
/** Pins the dark theme and the Russian locale. */
export const DARK_RUSSIAN = { globals: { theme: 'dark', locale: 'ru' } } as const;
