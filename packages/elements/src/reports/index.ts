// `@live-chat/elements/reports`: defines <live-chat-reports> (the two reports) and exports its
// class and types. It imports only what that element renders: a host importing this entry alone
// ships nothing else of the package.
export * from './reports.js';
