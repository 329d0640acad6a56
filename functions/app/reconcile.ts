import { namedArticle } from '../core/name-index';
import type { ArticleStore, IngestQueue, IngestRequest, NameStore, SeedSource } from '../core/ports';
import { checkAllNoted } from './names';

export interface ReconcileDependencies {
  readonly seeds: SeedSource;
  readonly articles: ArticleStore;
  readonly names: NameStore;
  readonly queue: IngestQueue;
}

export interface ReconcileReport {
  readonly checked: number;
  readonly requeued: readonly string[];
  /** Articles whose name items were put right: noted ones checked, and existing ones filed where items were missing. */
  readonly namesRepaired: number;
}

/**
 * Finds every object whose stored state is missing or broken and asks for it to be ingested
 * again, so that an event lost anywhere (S3, SQS, a bug, a hand-deleted item) is repaired by
 * the next run: objects with no record at all, ingested ones whose article is gone, and ones
 * recorded as deleted that exist after all. The name index is repaired in place: an article noted before a change
 * that may have deleted it is checked, and an existing article missing a name item is filed again.
 */
export async function reconcile(deps: ReconcileDependencies): Promise<ReconcileReport> {
  const requests: IngestRequest[] = [];
  let checked = 0;
  // The articles that changes noted before they ran: filed again if they exist, their names cleared if not.
  let namesRepaired = await checkAllNoted(deps);
  const filed = new Set<string>();
  for await (const key of deps.seeds.list()) {
    checked += 1;
    const record = await deps.articles.getObject(key);
    if (!record) {
      requests.push({ key, sequencer: '0' });
    } else if (record.status === 'deleted') {
      requests.push({ key, sequencer: record.sequencer });
    } else if (record.status === 'ingested') {
      // Its summary is all this needs (it exists, and its names): one small read, not the article's text too.
      const [article] = record.articleId ? await deps.articles.getSummaries([record.articleId]) : [];
      if (!article) {
        requests.push({ key, sequencer: record.sequencer });
      } else if (!filed.has(article.id)) {
        // An article whose follow-up failed on every delivery has no name items: filed here.
        filed.add(article.id);
        const named = namedArticle(article);
        if (await deps.names.missing(named)) {
          await deps.names.put(named);
          namesRepaired += 1;
        }
      }
    }
  }
  await deps.queue.enqueue(requests);
  return { checked, requeued: requests.map((request) => request.key), namesRepaired };
}
