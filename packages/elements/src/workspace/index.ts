// `@live-chat/elements/workspace`: defines <live-chat-workspace> (the whole workspace, with every
// component inside it) and exports its class and types. Importing it costs about as much as the
// whole package, since the workspace renders every component.
export * from './workspace.js';
