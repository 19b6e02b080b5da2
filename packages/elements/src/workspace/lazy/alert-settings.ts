import '../../index.js';
export * from '../../alert-settings/alert-settings.js';
