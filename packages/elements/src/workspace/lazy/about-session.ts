import '../../index.js';
export * from '../../about-session/about-session.js';
