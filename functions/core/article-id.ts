/**
 * The shape of every article id: the first 16 hex digits of a SHA-256 (see `articleId`). A module of
 * its own so the API can check ids without bundling the text analysis that makes them.
 */
export const ARTICLE_ID = /^[0-9a-f]{16}$/;

/** The shape of every story id: 12 hex digits of a SHA-256 (see `storyGroup`). */
export const STORY_ID = /^[0-9a-f]{12}$/;
