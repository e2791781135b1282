/** The optimizers: their registry, and what an entry is. */
export * from './types';
export * from './entry';
export * from './registry';
