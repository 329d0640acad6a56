import type { Article, ArticleSummary } from './article';
import type { Digest } from './digest';
import type { RejectionCode } from './seed';

/** A seed object as read from storage. */
export interface SeedObject {
  readonly key: string;
  readonly bytes: Uint8Array;
}

export interface SeedSource {
  read(key: string): Promise<SeedObject>;
}

export type SaveOutcome = 'created' | 'source-added' | 'unchanged';

export interface Rejection {
  readonly key: string;
  readonly code: RejectionCode;
  readonly reason: string;
  readonly rejectedAt: string;
}

export interface ArticleStore {
  /** Stores the article for `sourceKey`; the same content from another key adds that key as a source. */
  save(article: Article, sourceKey: string): Promise<SaveOutcome>;
  recordRejection(rejection: Rejection): Promise<void>;
  get(id: string): Promise<Article | undefined>;
  /** Every article dated inside `period`, page by page, without their text. */
  listSummaries(period: string): AsyncIterable<ArticleSummary>;
}

/** The bookkeeping of one period: how many articles it has and whether its digest is current. */
export interface PeriodState {
  readonly period: string;
  readonly articleCount: number;
  /** Incremented by every change to the period's articles. */
  readonly version: number;
  /** The `version` the stored digest was built from; 0 when none is stored. */
  readonly digestVersion: number;
}

export interface DigestStore {
  listPeriods(): Promise<PeriodState[]>;
  getPeriod(period: string): Promise<PeriodState | undefined>;
  get(period: string): Promise<Digest | undefined>;
  /**
   * Stores a digest built from period version `version`. Returns false, storing nothing,
   * when a digest of the same or a newer version is already stored.
   */
  put(digest: Digest, version: number): Promise<boolean>;
}
