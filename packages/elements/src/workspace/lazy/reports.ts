import '../../index.js';
export * from '../../reports/reports.js';
