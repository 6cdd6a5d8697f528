export * from './classify.js';
export * from './domains.js';
