// The poster's names in the page, shared with the build that makes it (build/poster.ts imports this
// file alone, so it imports nothing).

/** The <template> holding the poster in the built index.html. */
export const POSTER_TEMPLATE_ID = 'downhill-poster';
/** Marks the poster's top elements in #root while it is shown. */
export const POSTER_ATTRIBUTE = 'data-poster';
