import '../../index.js';
export * from '../../search/search.js';
