import '../../index.js';
export * from '../../activity/activity.js';
