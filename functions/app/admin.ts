import { InvalidCursorError } from '../adapters/dynamodb-article-store';
import type { ArticleStore, Page, Rejection } from '../core/ports';
import { badRequest } from './errors';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `limit` as a page size: absent means the default; anything but a whole number in range is the caller's error. */
export function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw badRequest(`limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}, got '${value}'`);
  }
  return limit;
}

/** Rejected seed files, newest first, with the reason each was refused. */
export async function listRejections(
  articles: ArticleStore,
  query: { limit?: string; cursor?: string },
): Promise<{ rejections: readonly Rejection[]; cursor?: string }> {
  let page: Page<Rejection>;
  try {
    page = await articles.listRejections(parseLimit(query.limit), query.cursor);
  } catch (error) {
    if (error instanceof InvalidCursorError) throw badRequest(`cursor: ${error.message}`);
    throw error;
  }
  return { rejections: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** How many seed objects ended in each state; `deadLettered` ran out of deliveries and needs an operator. */
export async function ingestStatus(articles: ArticleStore) {
  const counts = await articles.countObjects();
  return { ingested: counts.ingested, rejected: counts.rejected, deleted: counts.deleted, deadLettered: counts.failed };
}
