/** The guided lesson's pure part: the scenes as data, and every number they say. */
export * from './scenes';
export * from './numbers';
export * from './text';
