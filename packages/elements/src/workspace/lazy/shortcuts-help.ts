import '../../index.js';
export * from '../../shortcuts/shortcuts-help.js';
