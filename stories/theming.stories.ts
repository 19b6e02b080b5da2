import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import type { ToolbarArgs } from './support/toolbar.js';

/** The global tokens a host sets, as story controls. */
interface ThemingArgs extends ToolbarArgs {
  '--live-chat-color-accent': string;
  '--live-chat-color-accent-text': string;
  '--live-chat-color-accent-soft': string;
  '--live-chat-color-background': string;
  '--live-chat-color-surface': string;
  '--live-chat-color-surface-raised': string;
  '--live-chat-color-text': string;
  '--live-chat-color-muted': string;
  '--live-chat-color-border': string;
  '--live-chat-color-unread': string;
  '--live-chat-color-new': string;
  '--live-chat-color-focus': string;
  '--live-chat-radius': string;
  '--live-chat-space': string;
  '--live-chat-font': string;
  '--live-chat-font-size': string;
  /** Story: extra CSS for `::part()` rules, applied to the page. */
  parts: string;
}

/** An "Acme" brand: violet accent, warm surfaces, rounder corners, a serif-free geometric font. */
const ACME_LIGHT: Omit<ThemingArgs, keyof ToolbarArgs> = {
  '--live-chat-color-accent': '#6d28d9',
  '--live-chat-color-accent-text': '#ffffff',
  '--live-chat-color-accent-soft': '#ede9fe',
  '--live-chat-color-background': '#fffdf9',
  '--live-chat-color-surface': '#f7f3ec',
  '--live-chat-color-surface-raised': '#ffffff',
  '--live-chat-color-text': '#231a12',
  '--live-chat-color-muted': '#5e5247',
  '--live-chat-color-border': '#e3d9cc',
  '--live-chat-color-unread': '#b91c1c',
  '--live-chat-color-new': '#0f766e',
  '--live-chat-color-focus': '#6d28d9',
  '--live-chat-radius': '14px',
  '--live-chat-space': '10px',
  '--live-chat-font': "'Avenir Next', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif",
  '--live-chat-font-size': '15px',
  parts: '',
};

const ACME_DARK: Omit<ThemingArgs, keyof ToolbarArgs> = {
  ...ACME_LIGHT,
  '--live-chat-color-accent': '#c4b5fd',
  '--live-chat-color-accent-text': '#1e1038',
  '--live-chat-color-accent-soft': '#3b2a63',
  '--live-chat-color-background': '#17120d',
  '--live-chat-color-surface': '#221b14',
  '--live-chat-color-surface-raised': '#2c241b',
  '--live-chat-color-text': '#f3ece3',
  '--live-chat-color-muted': '#c2b5a6',
  '--live-chat-color-border': '#4a3e31',
  '--live-chat-color-unread': '#fca5a5',
  '--live-chat-color-new': '#5eead4',
  '--live-chat-color-focus': '#c4b5fd',
};

const tokenNames = Object.keys(ACME_LIGHT).filter((name) => name.startsWith('--')) as Array<
  keyof ThemingArgs
>;

const meta: Meta<ThemingArgs> = {
  title: 'Theming',
  component: 'live-chat-workspace',
  // The Theming page (theming.mdx) is this file's documentation.
  tags: ['!autodocs'],
  args: ACME_LIGHT,
  argTypes: {
    ...Object.fromEntries(
      tokenNames.map((name) => [
        name,
        {
          control: name.startsWith('--live-chat-color-') ? 'color' : 'text',
          table: { category: 'global tokens' },
        },
      ]),
    ),
    parts: {
      control: 'text',
      table: { category: 'parts' },
      description: 'Story: CSS with ::part() rules',
    },
  },
  loaders: [withClient({ binders: true })],
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    const style = Object.fromEntries(tokenNames.map((name) => [name, String(args[name])]));
    return html`${
        args.parts
          ? html`<style>
              ${args.parts}
            </style>`
          : ''
      }
      <live-chat-workspace
        class=${args.parts ? 'restyled-with-parts' : 'restyled'}
        .client=${fixture.client}
        session-id=${ifDefined(fixture.sessions.mine)}
        view="group"
        live-chat-id="lc-support"
        group="mine"
        no-alerts
        theme=${args.theme}
        locale=${args.locale}
        style=${styleMap({ display: 'block', height: '680px', ...style })}
      ></live-chat-workspace>`;
  },
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj<ThemingArgs>;

/** The workspace with the "Acme" brand's tokens set on the element. */
export const RestyledWorkspace: Story = {};

/** The same brand's dark palette (with `theme="dark"`, tokens set for dark). */
export const RestyledDark: Story = { args: ACME_DARK, globals: { theme: 'dark' } };

/** Tokens plus `::part()` rules for structure: a bolder header and square session rows. */
export const TokensAndParts: Story = {
  args: {
    parts: [
      'live-chat-workspace.restyled-with-parts::part(header) { border-bottom: 3px solid #6d28d9; }',
      'live-chat-workspace.restyled-with-parts::part(title) { letter-spacing: .04em; text-transform: uppercase; }',
    ].join('\n'),
  },
};
