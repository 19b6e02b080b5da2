import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { Attachment, ClientResult } from '@live-chat/core';
import '@live-chat/elements/attachments';
import './support/elements.js';
import { fixtureOf, withClient } from './support/client-loader.js';
import { clientWith } from './support/client-overrides.js';
import { PAGE, PDF, SCREENSHOT } from './support/story-files.js';
import { DARK, RUSSIAN, type ToolbarArgs } from './support/toolbar.js';

/** What the download of the story's file answers. */
type Answer = 'bytes' | 'page' | 'never' | 'fails';

interface AttachmentArgs extends ToolbarArgs {
  /** Story: the file of a message, as the backend describes it. */
  file: 'image' | 'pdf';
  /** Story: what `client.download` answers for it. */
  answer: Answer;
}

const FILES: Record<AttachmentArgs['file'], Attachment> = {
  image: {
    id: 'f-story-image',
    name: 'error-dialog.png',
    type: 'image/png',
    size: 486,
    image: true,
  },
  pdf: { id: 'f-story-pdf', name: 'invoice-2026-11.pdf', type: 'application/pdf', size: 62_114 },
};

function answerOf(args: AttachmentArgs): Promise<ClientResult<Uint8Array>> {
  switch (args.answer) {
    case 'never':
      return new Promise(() => undefined);
    case 'fails':
      return Promise.resolve({
        ok: false,
        error: { code: 'INTERNAL', message: 'The file store did not answer.' },
      });
    case 'page':
      return Promise.resolve({ ok: true, value: PAGE });
    case 'bytes':
      return Promise.resolve({ ok: true, value: args.file === 'image' ? SCREENSHOT : PDF });
  }
}

const meta: Meta<AttachmentArgs> = {
  title: 'Components/Attachment',
  component: 'live-chat-attachment',
  parameters: {
    docs: {
      description: {
        component:
          'One file of a message: a Download button with its name and size, which saves the file and never opens it in the page, and for an image a preview, shown only when the bytes (fetched with `client.download` once it is near the view) really are a PNG, JPEG, GIF or WebP. Loaded by the conversation the first time a message carries a file.',
      },
    },
  },
  args: { file: 'image', answer: 'bytes' },
  argTypes: {
    file: { control: 'inline-radio', options: ['image', 'pdf'] },
    answer: { control: 'inline-radio', options: ['bytes', 'page', 'never', 'fails'] },
  },
  loaders: [withClient()],
  render: (args, { loaded }) => {
    const fixture = fixtureOf(loaded);
    const client = clientWith(fixture, () => ({ download: () => answerOf(args) }));
    return html`<div style="width:360px;max-width:100%">
      <live-chat-attachment
        .client=${client}
        .attachment=${FILES[args.file]}
        theme=${args.theme}
        locale=${args.locale}
      ></live-chat-attachment>
    </div>`;
  },
};
export default meta;

type Story = StoryObj<AttachmentArgs>;

/** An image whose bytes are a PNG: its preview (Enter shows it larger) and Download. */
export const Image: Story = {};

/** A PDF: only its Download button, with name and size. */
export const File: Story = { args: { file: 'pdf' } };

/** Said to be a PNG, but its bytes are a web page: no preview, only Download. */
export const NotAnImage: Story = { args: { answer: 'page' } };

/** The preview on its way (the download never answers here). */
export const PreviewLoading: Story = { args: { answer: 'never' } };

/** The preview could not be loaded: why, with Retry. */
export const PreviewFailed: Story = { args: { answer: 'fails' } };

export const Dark: Story = { ...DARK };
export const Russian: Story = { ...RUSSIAN, args: { answer: 'fails' } };
