import '../../index.js';
export * from '../../alert-toast/alert-toast.js';
