import { html, nothing, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ErrorInfo } from '@live-chat/core';
import type { Translate } from '../i18n/catalogue.js';
import { isolatedMessage } from '../shared/untrusted-text.js';
import { clamped } from '../shared/clamped-text.js';
import { formatFileSize } from './file-size.js';
import type { PickedFile } from './file-tray.js';

/** What the chips show their files with, and what their Remove buttons call. */
export interface ChipsContext {
  t: Translate;
  locale: string;
  /** Why a file was refused, in words. */
  refusal: (error: ErrorInfo) => string;
  remove: (key: number) => void;
}

function renderChip(file: PickedFile, context: ChipsContext): TemplateResult {
  const { t } = context;
  const state =
    file.state === 'uploading'
      ? t('fileTray.uploading')
      : file.state === 'ready'
        ? t('fileTray.ready')
        : file.error
          ? context.refusal(file.error)
          : '';
  return html`<li
    class=${classMap({ chip: true, [file.state]: true })}
    part="attachment-chip ${file.state}"
  >
    <span class="name">${clamped(file.name)}</span>
    <span class="size">${formatFileSize(file.size, context.locale)}</span>
    <span class="state" part="attachment-state"
      >${file.state === 'failed' ? html`<span aria-hidden="true">⚠ </span>` : nothing}${state}</span
    >
    <button
      type="button"
      class="remove"
      part="remove-attachment"
      @click=${() => context.remove(file.key)}
    >
      <span aria-hidden="true">×</span
      ><span class="visually-hidden"
        >${isolatedMessage(t, 'fileTray.remove', { name: file.name })}</span
      >
    </button>
  </li>`;
}

/** The files as chips, in a list named "Files to send"; nothing without files. */
export function renderChips(
  files: readonly PickedFile[],
  context: ChipsContext,
): TemplateResult | typeof nothing {
  return files.length
    ? html`<ul class="chips" part="attach-list" aria-label=${context.t('fileTray.list')}>
        ${repeat(
          files,
          (file) => file.key,
          (file) => renderChip(file, context),
        )}
      </ul>`
    : nothing;
}
