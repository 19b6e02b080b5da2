// `@live-chat/elements/shortcuts`: defines <live-chat-shortcuts-help> (the `?` help) and exports
// the shortcuts' controller, their default keys and the functions that read a remapping.
export * from './shortcuts-help.js';
export * from './shortcuts-controller.js';
export * from './shortcut-map.js';
export * from './shortcut-settings-store.js';
