import '../../index.js';
export * from '../../monitor/monitor.js';
