import type { ArticleStore, Rejection } from '../core/ports';
import { readPage } from './paging';

/** Rejected seed files, newest first, with the reason each was refused. */
export async function listRejections(
  articles: ArticleStore,
  query: { limit?: string; cursor?: string },
): Promise<{ rejections: readonly Rejection[]; cursor?: string }> {
  const page = await readPage(query, (limit, cursor) => articles.listRejections(limit, cursor));
  return { rejections: page.items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** How many seed objects ended in each state; `deadLettered` ran out of deliveries and needs an operator. */
export async function ingestStatus(articles: ArticleStore) {
  const counts = await articles.countObjects();
  return { ingested: counts.ingested, rejected: counts.rejected, deleted: counts.deleted, deadLettered: counts.failed };
}
