import '../../index.js';
export * from '../../new-session/new-session.js';
