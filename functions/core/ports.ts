import type { Article, ArticleSummary } from './article';
import type { Digest } from './digest';
import type { NamedArticle } from './name-index';
import type { RejectionCode } from './seed';
import type { StoryDay } from './story-days';
import type { PeriodTally } from './tally';

/** A seed object as read from storage; `bytes` is absent when the object is larger than the reader's limit. */
export type SeedObject =
  | { readonly key: string; readonly size: number; readonly bytes: Uint8Array }
  | { readonly key: string; readonly size: number; readonly bytes?: undefined };

export interface SeedSource {
  /** The object's content, or only its size when it exceeds `maxBytes`; undefined when it no longer exists. */
  read(key: string, maxBytes: number): Promise<SeedObject | undefined>;
  /** Every key in the source, page by page. */
  list(): AsyncIterable<string>;
}

/** A request to (re)ingest an object, as the ingest function receives it from its queue. */
export interface IngestRequest {
  readonly key: string;
  /** The sequencer to apply it at: the object's current one when its stored state is to be rebuilt. */
  readonly sequencer: string;
}

export interface IngestQueue {
  enqueue(requests: readonly IngestRequest[]): Promise<void>;
}

export type ObjectStatus = 'ingested' | 'rejected' | 'deleted' | 'failed';

/** What became of one seed object, as last applied. */
export interface ObjectRecord {
  readonly key: string;
  readonly status: ObjectStatus;
  /** The S3 event sequencer of the change applied last, normalized so that string order is event order. */
  readonly sequencer: string;
  readonly at: string;
  readonly articleId?: string;
  readonly code?: string;
  readonly reason?: string;
}

/** The new state of an object; an ingested one names the article it feeds. */
export type ObjectOutcome =
  | { readonly status: 'ingested'; readonly article: Article }
  | { readonly status: 'rejected'; readonly code: RejectionCode; readonly reason: string }
  | { readonly status: 'deleted' }
  | { readonly status: 'failed'; readonly reason: string };

export interface ObjectChange {
  readonly key: string;
  readonly sequencer: string;
  readonly at: string;
  /** The record read before deciding; the change applies only if it is still the current one. */
  readonly previous: ObjectRecord | undefined;
  readonly outcome: ObjectOutcome;
}

export interface Rejection {
  readonly key: string;
  readonly code: string;
  readonly reason: string;
  readonly rejectedAt: string;
}

/** What a listing throws for a cursor it did not hand out. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; absent on the last page. */
  readonly cursor?: string;
}

export type IngestCounts = Readonly<Record<ObjectStatus, number>>;

export interface ArticleStore {
  getObject(key: string): Promise<ObjectRecord | undefined>;
  /**
   * Applies an object's new state in one transaction: its record, the status counts, and the
   * articles it stops or starts feeding (an article with no sources left is deleted, and its
   * periods marked changed). Returns false, changing nothing, when the record is no longer `previous`.
   */
  applyObject(change: ObjectChange): Promise<boolean>;
  get(id: string): Promise<Article | undefined>;
  /** Every article dated inside `period`, page by page, without their text. */
  listSummaries(period: string): AsyncIterable<ArticleSummary>;
  /** The articles dated exactly `date`: for a month or a year, those dated only to it. */
  listDated(date: string): AsyncIterable<ArticleSummary>;
  /** The summaries of these articles, in the order asked; those that no longer exist left out. */
  getSummaries(ids: readonly string[]): Promise<ArticleSummary[]>;
  listRejections(limit: number, cursor?: string): Promise<Page<Rejection>>;
  countObjects(): Promise<IngestCounts>;
}

/** The bookkeeping of one period: how many articles it has and whether its digest is current. */
export interface PeriodState {
  readonly period: string;
  readonly articleCount: number;
  /** Incremented by every change to the period's articles. */
  readonly version: number;
  /** The `version` the stored digest was built from; 0 when none is stored. */
  readonly digestVersion: number;
  /**
   * Changes to this period's own articles not yet added to its month and year (DigestStore.rollUp); absent when none.
   * Ingest marks only an article's own period, so while this is set the wider periods are out of date.
   */
  readonly pendingChanges?: number;
}

export interface DigestStore {
  listPeriods(): Promise<PeriodState[]>;
  /** Periods that have articles, newest first, a page at a time. */
  listPeriodsWithArticles(limit: number, cursor?: string): Promise<Page<PeriodState>>;
  getPeriod(period: string): Promise<PeriodState | undefined>;
  /** The periods of the same level (day, month or year) just before and just after this one that have articles. */
  neighbours(period: string): Promise<{ readonly previous?: string; readonly next?: string }>;
  get(period: string): Promise<Digest | undefined>;
  /**
   * Stores a digest built from period version `version`. Returns false, storing nothing,
   * when a digest of the same or a newer version is already stored.
   */
  put(digest: Digest, version: number): Promise<boolean>;
  /**
   * Marks a period's digest out of date (its version moves on), as a change to its articles does; undefined,
   * changing nothing, when the period has no state.
   */
  markChanged(period: string): Promise<PeriodState | undefined>;
  /**
   * Adds the period's pending changes to its wider periods (their article count, and their version moved on, so they
   * are stale), clearing them in the same transaction: each change counted once, however many generators run.
   */
  rollUp(period: string): Promise<void>;
  /** Whether any period inside this month or year has pending changes: its digest is then out of date too. */
  hasPendingChanges(period: string): Promise<boolean>;
  /** The stored tallies of these periods (tally.ts), by period; a period with none is left out. */
  getTallies(periods: readonly string[]): Promise<Map<string, PeriodTally>>;
  putTally(tally: PeriodTally): Promise<void>;
}

/** A story's part in one unit as stored, with when it was written. */
export type StoredStoryDay = StoryDay & { readonly updatedAt: string };

/** Stories across days (story-days.ts): each story's part in each unit it has articles in. */
export interface StoryStore {
  /** The stories of one unit (a day, or the articles dated only to a month or a year) as last stored. */
  listUnit(unit: string): Promise<StoryDay[]>;
  /** Stores a unit's stories in place of `previous` (what `listUnit` gave): the changed written, the gone deleted. */
  putUnit(unit: string, next: readonly StoryDay[], previous: readonly StoryDay[], at: string): Promise<void>;
  /** Every unit of one story, oldest first; empty for an unknown story. */
  getStory(id: string): Promise<StoredStoryDay[]>;
}

/** A name's page: its spellings and counts, and one page of its articles, newest first. */
export interface NameListing {
  /** Each spelling its articles give it, with how many of them do, most used first. */
  readonly spellings: readonly { readonly spelling: string; readonly count: number }[];
  /** Its articles by period (each day, month and year they fall in), oldest period first. */
  readonly periods: readonly { readonly period: string; readonly count: number }[];
  readonly articles: Page<NamedArticle>;
}

/**
 * The name index (name-index.ts): an item per article and name, written after the article as an idempotent
 * follow-up and repaired by reconciliation; and a note of each article a change may delete, until its items are checked.
 */
export interface NameStore {
  /** Files the article under each of its names; what is filed already is left as it is (and not counted again). */
  put(article: NamedArticle): Promise<void>;
  /** Takes the article out from under each of its names; what is gone already stays gone. */
  remove(article: NamedArticle): Promise<void>;
  /** Whether any of the article's name items is missing. */
  missing(article: NamedArticle): Promise<boolean>;
  /** Notes an article a change may delete, with its names, so that its items are removed even if the change's follow-up never runs. */
  noteCheck(article: NamedArticle): Promise<void>;
  /** The articles noted and not yet checked. */
  listChecks(): Promise<NamedArticle[]>;
  clearCheck(articleId: string): Promise<void>;
  /** A page of a name's articles, newest first, with its spellings and counts; undefined when it has no article. */
  read(name: string, limit: number, cursor?: string): Promise<NameListing | undefined>;
}
