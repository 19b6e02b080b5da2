import type { ReactiveElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { Id, SessionGroupKind } from '@live-chat/core';
import type { NavigationSelection } from '../events/navigate.js';

/** A class of elements, as a mixin takes and extends it. */
// A mixin's base must be constructible with any arguments (TypeScript's rule for mixins).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ElementClass<T = ReactiveElement> = new (...args: any[]) => T;

/**
 * The menu's selection as properties and attributes: `view`, `live-chat-id` and `group`, and
 * the same as one {@link NavigationSelection} object (`selection`).
 */
export interface NavigationSelectionProperties {
  /** The selected view: `reports`, `monitor`, or `group` (with `live-chat-id` and `group`); none when empty. */
  view: NavigationSelection['view'] | undefined;
  /** The live chat of the selected group. */
  liveChatId: Id | undefined;
  /** The selected group of `live-chat-id`. */
  group: SessionGroupKind | undefined;
  /** The current selection, or `null`; setting it sets `view`, `live-chat-id` and `group`. */
  selection: NavigationSelection | null;
}

/**
 * Gives an element the menu's selection ({@link NavigationSelectionProperties}):
 * `<live-chat-navigation>` shows it, `<live-chat-workspace>` keeps it for its menu and panes.
 * Both take the same attributes, so a host sets either one the same way.
 */
export function NavigationSelectionMixin<B extends ElementClass>(
  base: B,
): B & ElementClass<NavigationSelectionProperties> {
  class NavigationSelectionElement extends base {
    /** The selected view: `reports`, `monitor`, or `group` (with `live-chat-id` and `group`); none when empty. */
    @property({ reflect: true })
    view: NavigationSelection['view'] | undefined;

    /** The live chat of the selected group. */
    @property({ attribute: 'live-chat-id', reflect: true })
    liveChatId: Id | undefined;

    /** The selected group of `live-chat-id`. */
    @property({ reflect: true })
    group: SessionGroupKind | undefined;

    /** The current selection, or `null`. */
    get selection(): NavigationSelection | null {
      if (this.view === 'reports' || this.view === 'monitor') return { view: this.view };
      if (this.view === 'group' && this.liveChatId && this.group) {
        return { view: 'group', liveChatId: this.liveChatId, group: this.group };
      }
      return null;
    }

    /** Selects an entry (Reports, the monitor, or one group of one live chat), or nothing with `null`. */
    set selection(value: NavigationSelection | null) {
      this.view = value?.view;
      this.liveChatId = value?.view === 'group' ? value.liveChatId : undefined;
      this.group = value?.view === 'group' ? value.group : undefined;
    }
  }
  return NavigationSelectionElement;
}
