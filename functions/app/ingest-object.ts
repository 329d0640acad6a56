import { summarizeArticle } from '../core/article';
import type { ArticleStore, NameStore, ObjectOutcome, SeedSource } from '../core/ports';
import { type Block, decodeSeed, MAX_SEED_BYTES, parseSeed, SeedRejectedError } from '../core/seed';
import { checkNoted, fileNames, noteLeavingArticle } from './names';

export interface IngestDependencies {
  readonly seeds: SeedSource;
  readonly articles: ArticleStore;
  readonly names: NameStore;
}

/** One S3 notification for one object. */
export interface ObjectEvent {
  readonly key: string;
  readonly kind: 'created' | 'removed';
  /** S3's event sequencer: hexadecimal, later events larger. */
  readonly sequencer: string;
  /** Re-apply the object at its current sequencer (reconciliation) instead of only at a newer one. */
  readonly replay?: boolean;
}

export type IngestResult =
  | {
      readonly key: string;
      readonly status: ObjectOutcome['status'];
      readonly articleId?: string;
      readonly code?: string;
      readonly reason?: string;
    }
  | { readonly key: string; readonly status: 'skipped'; readonly reason: string };

/** Optimistic attempts before giving the event back to the queue for redelivery. */
const MAX_ATTEMPTS = 5;

/**
 * S3 sequencers differ in length; left-padded with zeros to one width, string order is event
 * order, which lets DynamoDB conditions compare them.
 */
export function normalizeSequencer(sequencer: string): string {
  return sequencer.toUpperCase().padStart(32, '0');
}

/**
 * Brings the stored state of one object up to date with an S3 event. A duplicate or a late,
 * older event changes nothing; a new upload replaces the object's article; a deletion takes
 * the object out of its article (and the article out of every digest when it was the last
 * source). A bad file is recorded as rejected with its reason; storage failures propagate
 * so that the event is redelivered.
 */
export async function ingestObjectEvent(
  deps: IngestDependencies,
  event: ObjectEvent,
  now: Date,
): Promise<IngestResult> {
  const sequencer = normalizeSequencer(event.sequencer);
  // Read and analysed once: a conflicting write retries the decision against the new record, not the file.
  let outcome: ObjectOutcome | undefined;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const previous = await deps.articles.getObject(event.key);
    const superseded = previous && (event.replay ? previous.sequencer > sequencer : previous.sequencer >= sequencer);
    if (superseded) {
      // A redelivery after the change applied and its name follow-up failed: the article filed again (a no-op when it is).
      if (!event.replay && previous.sequencer === sequencer && previous.status === 'ingested' && previous.articleId) {
        const [current] = await deps.articles.getSummaries([previous.articleId]);
        await fileNames(deps, current);
      }
      return {
        key: event.key,
        status: 'skipped',
        reason: 'a newer or identical event for this key was applied already',
      };
    }
    outcome ??= event.kind === 'removed' ? { status: 'deleted' } : await readOutcome(deps, event.key, now);
    if (!outcome) {
      // The object is gone again; its removal event carries the change.
      return { key: event.key, status: 'skipped', reason: 'the object no longer exists' };
    }
    const at = now.toISOString();
    const article = outcome.status === 'ingested' ? outcome.article : undefined;
    const leaving =
      previous?.status === 'ingested' && previous.articleId !== article?.id ? previous.articleId : undefined;
    // Noted first: once the change applies, nothing else remembers which article the object fed.
    const noted = leaving ? await noteLeavingArticle(deps, leaving) : undefined;
    if (await deps.articles.applyObject({ key: event.key, sequencer, at, previous, outcome })) {
      await fileNames(deps, article);
      if (noted) await checkNoted(deps, noted);
      return describe(event.key, outcome);
    }
  }
  throw new Error(`ingesting ${event.key} kept conflicting with concurrent changes`);
}

/** Records an object whose event could not be processed after every delivery, so operators see it. */
export async function recordFailure(
  deps: IngestDependencies,
  event: ObjectEvent,
  reason: string,
  now: Date,
): Promise<void> {
  const previous = await deps.articles.getObject(event.key);
  const sequencer = normalizeSequencer(event.sequencer);
  if (previous && previous.sequencer >= sequencer) return;
  // A failed object feeds no article: the one it fed may go, with its names.
  const noted =
    previous?.status === 'ingested' && previous.articleId
      ? await noteLeavingArticle(deps, previous.articleId)
      : undefined;
  const applied = await deps.articles.applyObject({
    key: event.key,
    sequencer,
    at: now.toISOString(),
    previous,
    outcome: { status: 'failed', reason },
  });
  if (applied && noted) await checkNoted(deps, noted);
}

async function readOutcome(deps: IngestDependencies, key: string, now: Date): Promise<ObjectOutcome | undefined> {
  const object = await deps.seeds.read(key, MAX_SEED_BYTES);
  if (!object) return undefined;
  try {
    if (!object.bytes) {
      throw new SeedRejectedError(
        'too-large',
        `the file is ${object.size} bytes; the limit is ${MAX_SEED_BYTES} bytes`,
      );
    }
    const seed = parseSeed(decodeSeed(object.bytes));
    const summary = summarizeArticle(seed);
    const blocks = storableBlocks(seed.blocks);
    return {
      status: 'ingested',
      article: {
        ...summary,
        ...(seed.title ? { title: seed.title } : {}),
        blocks,
        ...(blocks.length < seed.blocks.length ? { truncated: true } : {}),
        sources: [key],
        ingestedAt: now.toISOString(),
      },
    };
  } catch (error) {
    if (error instanceof SeedRejectedError) return { status: 'rejected', code: error.code, reason: error.message };
    throw error;
  }
}

/**
 * DynamoDB items are limited to 400 KB. The digest needs only the summary, so a long body is
 * stored up to this many characters of whole blocks; the full text stays in S3.
 */
export const MAX_STORED_BODY_CHARS = 200_000;

function storableBlocks(blocks: readonly Block[]): readonly Block[] {
  let chars = 0;
  const kept: Block[] = [];
  for (const block of blocks) {
    chars += block.text.length;
    if (chars > MAX_STORED_BODY_CHARS && kept.length > 0) break;
    kept.push(
      block.text.length > MAX_STORED_BODY_CHARS
        ? { ...block, text: block.text.slice(0, MAX_STORED_BODY_CHARS) }
        : block,
    );
  }
  return kept;
}

function describe(key: string, outcome: ObjectOutcome): IngestResult {
  switch (outcome.status) {
    case 'ingested':
      return { key, status: 'ingested', articleId: outcome.article.id };
    case 'rejected':
      return { key, status: 'rejected', code: outcome.code, reason: outcome.reason };
    case 'failed':
      return { key, status: 'failed', reason: outcome.reason };
    case 'deleted':
      return { key, status: 'deleted' };
  }
}
