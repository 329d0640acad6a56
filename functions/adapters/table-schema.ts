/**
 * The single-table layout, shared by the CDK stack, the local stack and the adapters so
 * that all three agree on names.
 *
 * | item            | pk                 | sk       | byDate index (gsi1pk / gsi1sk)      |
 * | article         | ARTICLE#<id>       | ARTICLE  | DATE#<year>#<shard> / <date>#<id>   |
 * | source object   | OBJECT#<key>       | OBJECT   | REJECTED / <at>#<key> (rejected only) |
 * | object counts   | STATS              | OBJECTS  |                                     |
 * | period state    | PERIODS            | <period> |                                     |
 * | digest          | DIGEST#<period>    | DIGEST   |                                     |
 * | period tally    | DIGEST#<period>    | TALLY    |                                     |
 * | story in a unit | STORY#<id>         | <unit>   | UNIT#<unit> / <id>                  |
 * | article of name | NAME#<name>#<shard> | <date>#<article id> |                              |
 * | name counts     | NAME#<name>        | COUNTS#<month> (or <year>) |                   |
 * | names to check  | NAMESYNC           | <article id> |                                 |
 */
export const TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const BY_DATE_INDEX = {
  name: 'byDate',
  partitionKey: 'gsi1pk',
  sortKey: 'gsi1sk',
  /** Only what a digest needs is projected, so generating a digest never reads article text. */
  projectedAttributes: ['entry'],
} as const;

/**
 * Articles of one year are spread over this many index partitions, so that a busy date
 * does not funnel every write into one partition; readers query the shards in parallel.
 */
export const DATE_SHARDS = 4;

export const keys = {
  article: (id: string) => ({ pk: `ARTICLE#${id}`, sk: 'ARTICLE' }),
  object: (key: string) => ({ pk: `OBJECT#${key}`, sk: 'OBJECT' }),
  period: (period: string) => ({ pk: 'PERIODS', sk: period }),
  digest: (period: string) => ({ pk: `DIGEST#${period}`, sk: 'DIGEST' }),
  /** What a larger period sums of this one: its counts and its largest stories. */
  tally: (period: string) => ({ pk: `DIGEST#${period}`, sk: 'TALLY' }),
  ingestCounts: () => ({ pk: 'STATS', sk: 'OBJECTS' }),
  dateShard: (year: string, shard: number) => `DATE#${year}#${shard}`,
  /** A story's part in one unit: a day, or the articles dated only to a month or a year. */
  storyDay: (id: string, unit: string) => ({ pk: `STORY#${id}`, sk: unit }),
  story: (id: string) => `STORY#${id}`,
  /** The byDate index partition of a unit's stories. */
  unitStories: (unit: string) => `UNIT#${unit}`,
  /**
   * An article under one of its names: a name's articles read newest first from its shards (the article's
   * shard, as in the byDate index), so that a name in thousands of articles a day spreads its writes.
   */
  nameArticle: (name: string, date: string, articleId: string) => ({
    pk: `NAME#${name}#${shardOf(articleId)}`,
    sk: `${date}#${articleId}`,
  }),
  nameShard: (name: string, shard: number) => `NAME#${name}#${shard}`,
  /** A name's article counts and spellings of one month (its days' and its own), or of a year's own articles. */
  nameCounts: (name: string, monthOrYear: string) => ({ pk: `NAME#${name}`, sk: `COUNTS#${monthOrYear}` }),
  nameCountsPartition: (name: string) => `NAME#${name}`,
  /** An article whose name items are to be checked: written before a change that may delete it. */
  nameCheck: (articleId: string) => ({ pk: 'NAMESYNC', sk: articleId }),
  nameChecks: () => 'NAMESYNC',
} as const;

/** A stable shard per article id: the id is already a hash, so its first hex digit is uniform. */
export function shardOf(id: string): number {
  return Number.parseInt(id.slice(0, 1), 16) % DATE_SHARDS;
}
