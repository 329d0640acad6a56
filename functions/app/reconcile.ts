import type { ArticleStore, IngestQueue, IngestRequest, SeedSource } from '../core/ports';

export interface ReconcileDependencies {
  readonly seeds: SeedSource;
  readonly articles: ArticleStore;
  readonly queue: IngestQueue;
}

export interface ReconcileReport {
  readonly checked: number;
  readonly requeued: readonly string[];
}

/**
 * Finds every object whose stored state is missing or broken and asks for it to be ingested
 * again, so that an event lost anywhere (S3, SQS, a bug, a hand-deleted item) is repaired by
 * the next run: objects with no record at all, ingested ones whose article is gone, and ones
 * recorded as deleted that exist after all.
 */
export async function reconcile(deps: ReconcileDependencies): Promise<ReconcileReport> {
  const requests: IngestRequest[] = [];
  let checked = 0;
  for await (const key of deps.seeds.list()) {
    checked += 1;
    const record = await deps.articles.getObject(key);
    if (!record) {
      requests.push({ key, sequencer: '0' });
    } else if (record.status === 'deleted') {
      requests.push({ key, sequencer: record.sequencer });
    } else if (record.status === 'ingested' && !(record.articleId && (await deps.articles.get(record.articleId)))) {
      requests.push({ key, sequencer: record.sequencer });
    }
  }
  await deps.queue.enqueue(requests);
  return { checked, requeued: requests.map((request) => request.key) };
}
