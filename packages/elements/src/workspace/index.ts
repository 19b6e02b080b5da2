// `@live-chat/elements/workspace`: defines <live-chat-workspace> (the whole workspace) and exports
// its class and types. It costs about as much as the whole package: what the workspace shows at
// once comes with it, what it shows on demand (reports, search, alert settings, About the
// session, New Session) is loaded with import() the first time it is shown.
export * from './workspace.js';
