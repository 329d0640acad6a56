import { summarizeArticle } from '../core/article';
import type { ArticleStore, SaveOutcome, SeedSource } from '../core/ports';
import { decodeSeed, parseSeed, type RejectionCode, SeedRejectedError } from '../core/seed';

export type IngestResult =
  | { readonly status: 'ingested'; readonly key: string; readonly articleId: string; readonly outcome: SaveOutcome }
  | { readonly status: 'rejected'; readonly key: string; readonly code: RejectionCode; readonly reason: string };

export interface IngestDependencies {
  readonly seeds: SeedSource;
  readonly articles: ArticleStore;
}

/**
 * Turns one seed object into an article, or records why it cannot be one. Storage
 * failures propagate so that the delivery is retried; a bad file never does.
 */
export async function ingestObject(deps: IngestDependencies, key: string, now: Date): Promise<IngestResult> {
  const { bytes } = await deps.seeds.read(key);
  let seed: ReturnType<typeof parseSeed>;
  try {
    seed = parseSeed(decodeSeed(bytes));
  } catch (error) {
    if (!(error instanceof SeedRejectedError)) throw error;
    await deps.articles.recordRejection({
      key,
      code: error.code,
      reason: error.message,
      rejectedAt: now.toISOString(),
    });
    return { status: 'rejected', key, code: error.code, reason: error.message };
  }
  const summary = summarizeArticle(seed);
  const outcome = await deps.articles.save(
    { ...summary, paragraphs: seed.paragraphs, sources: [key], ingestedAt: now.toISOString() },
    key,
  );
  return { status: 'ingested', key, articleId: summary.id, outcome };
}
