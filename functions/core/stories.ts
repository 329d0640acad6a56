import { createHash } from 'node:crypto';
import type { ArticleSummary } from './article';
import { decodeMinhash, estimateJaccard, MINHASH_SIZE } from './fingerprint';
import { compareStrings, foldAccents } from './text';

/**
 * Duplicates and stories of one date, from the stored summaries alone. Everything is ordered by content
 * (ids are content hashes), never by arrival, so the same articles always give the same groups; and
 * nothing compares all pairs: duplicates are found through MinHash-LSH buckets, stories through an
 * inverted index of shared names and keywords.
 */

/** Near-duplicates: estimated Jaccard similarity of word 3-shingles at or above this. */
export const NEAR_DUPLICATE_JACCARD = 0.5;
/** LSH: the signature cut into bands of this many rows; two articles sharing a band are compared. */
const ROWS_PER_BAND = 2;
/** Two articles are about the same story when the idf-weighted cosine of their names and keywords reaches this. */
export const STORY_SIMILARITY = 0.25;
/** A name or keyword in more articles than this is too common to find candidates by (it still counts in the score). */
const MAX_POSTINGS = 200;
const ENTITY_WEIGHT = 2;
const KEYWORD_WEIGHT = 1;
const STEM_LENGTH = 6;

/** One item of the digest: an article, with the copies and near-copies shown under it. */
export interface Item {
  readonly article: ArticleSummary;
  readonly duplicates: readonly ArticleSummary[];
}

export interface StoryGroup {
  readonly id: string;
  /** The headline of the story's most central article. */
  readonly headline: string;
  readonly items: readonly Item[];
  /** Ids of every article in the story, duplicates included, in digest order. */
  readonly articleIds: readonly string[];
  readonly keywords: readonly string[];
  readonly entities: readonly string[];
  /** Item similarity to the rest of the story, per item, in `items` order. */
  readonly centrality: readonly number[];
}

export function byDateThenId(a: ArticleSummary, b: ArticleSummary): number {
  return a.date === b.date ? compareStrings(a.id, b.id) : compareStrings(b.date, a.date);
}

/** Identical normalized bodies are one item; near-duplicates join the item too. */
export function groupDuplicates(articles: Iterable<ArticleSummary>): Item[] {
  const sorted = [...articles].sort((a, b) => compareStrings(a.id, b.id));
  const sets = new DisjointSets(sorted.length);
  const byBody = new Map<string, number>();
  sorted.forEach((article, index) => {
    const key = article.bodyHash || article.id;
    const first = byBody.get(key);
    if (first === undefined) byBody.set(key, index);
    else sets.union(first, index);
  });
  const signatures = sorted.map((article) => decodeMinhash(article.minhash));
  const buckets = new Map<number, number[]>();
  for (const index of byBody.values()) {
    const signature = signatures[index] as Uint16Array;
    if (signature.length !== MINHASH_SIZE) continue;
    for (let band = 0; band < MINHASH_SIZE; band += ROWS_PER_BAND) {
      // The band and its minima as one number, not a string per band and article. Should more rows ever
      // overflow it, keys would only collide: a bucket finds candidates, and every candidate is still compared.
      let key = band;
      for (let row = band; row < band + ROWS_PER_BAND; row += 1) key = key * 0x10000 + (signature[row] as number);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  }
  // Within a bucket each article is compared with one member of every group already there, not with every
  // member: a wire story copied a thousand times costs a thousand comparisons, not half a million. A pair
  // that meets again in another band is compared again: 64 slots cost less than remembering every pair
  // compared, which for ten thousand articles of overlapping text is millions of pairs.
  for (const bucket of buckets.values()) {
    const representatives: number[] = [];
    for (const index of bucket) {
      let joined = false;
      for (const representative of representatives) {
        if (sets.find(index) === sets.find(representative)) {
          joined = true;
          break;
        }
        const similarity = estimateJaccard(signatures[representative] as Uint16Array, signatures[index] as Uint16Array);
        if (similarity >= NEAR_DUPLICATE_JACCARD) {
          sets.union(representative, index);
          joined = true;
          break;
        }
      }
      if (!joined) representatives.push(index);
    }
  }
  return sets.groups().map((members) => {
    const group = members.map((index) => sorted[index] as ArticleSummary).sort(representativeFirst);
    const [article, ...duplicates] = group as [ArticleSummary, ...ArticleSummary[]];
    return { article, duplicates: duplicates.sort(byDateThenId) };
  });
}

/** The copy shown: the earliest, then the longest, then the smallest id. */
function representativeFirst(a: ArticleSummary, b: ArticleSummary): number {
  return compareStrings(a.date, b.date) || b.wordCount - a.wordCount || compareStrings(a.id, b.id);
}

/** The features stories are found by: names (also by their last word, so "Biden" meets "Joe Biden") and keyword stems. */
export function storyFeatures(article: ArticleSummary): Map<string, number> {
  const features = new Map<string, number>();
  for (const name of article.entities ?? []) {
    const folded = foldAccents(name);
    features.set(`e:${folded}`, ENTITY_WEIGHT);
    const last = folded.split(' ').at(-1);
    if (last && last !== folded && last.length > 2) features.set(`e:${last}`, ENTITY_WEIGHT);
  }
  for (const keyword of article.keywords ?? []) {
    const key = `k:${keywordStem(keyword)}`;
    if (!features.has(key)) features.set(key, KEYWORD_WEIGHT);
  }
  return features;
}

/** A cheap cross-article stem: "sancties" and "sanctie", "gesprek" and "gesprekken" meet. */
export function keywordStem(keyword: string): string {
  return foldAccents(keyword).slice(0, STEM_LENGTH);
}

/**
 * Items grouped into stories, strongest first: most articles, then most items, then content order.
 * `work`, when given, counts the similarity computations, so tests can check the growth without a clock.
 */
export function groupStories(items: readonly Item[], work?: { comparisons: number }): StoryGroup[] {
  const sorted = [...items].sort((a, b) => compareStrings(a.article.id, b.article.id));
  // Features become numbered terms and vectors typed arrays: the similarities are most of the work, and this
  // way each costs the same however large the date, where lookups in string-keyed maps slow as the date grows.
  const termOf = new Map<string, number>();
  const frequency: number[] = [];
  const features = sorted.map((item) => {
    const set = storyFeatures(item.article);
    const terms = new Int32Array(set.size);
    const weights = new Float64Array(set.size);
    let position = 0;
    for (const [key, weight] of set) {
      let term = termOf.get(key);
      if (term === undefined) {
        term = termOf.size;
        termOf.set(key, term);
        frequency.push(0);
      }
      frequency[term] = (frequency[term] as number) + 1;
      terms[position] = term;
      weights[position] = weight;
      position += 1;
    }
    return { terms, weights };
  });
  const idf = (term: number) => Math.log(1 + sorted.length / (frequency[term] as number));
  const vectors = features.map(({ terms, weights }) => {
    const values = new Float64Array(terms.length);
    let norm = 0;
    terms.forEach((term, position) => {
      const value = (weights[position] as number) * idf(term);
      values[position] = value;
      norm += value * value;
    });
    return toVector(terms, values, Math.sqrt(norm));
  });
  const similarity = (a: number, b: number) => {
    if (work) work.comparisons += 1;
    return cosine(vectors[a] as Vector, vectors[b] as Vector);
  };

  const postings = frequency.map((count) => (count > MAX_POSTINGS ? undefined : ([] as number[])));
  vectors.forEach(({ terms }, index) => {
    for (const term of terms) postings[term]?.push(index);
  });
  // Posting lists are in index order and hold the article itself: the articles after it in a list start one
  // past the entries of that list already visited.
  const visited = new Int32Array(frequency.length);
  const shared = new Int32Array(sorted.length);
  const candidates: number[] = [];
  const sets = new DisjointSets(sorted.length);
  // Summed over the links found, not over every pair: a story of thousands stays linear in its links.
  const centrality = new Float64Array(sorted.length);
  vectors.forEach(({ terms }, index) => {
    candidates.length = 0;
    for (const term of terms) {
      const list = postings[term];
      if (!list) continue;
      const from = (visited[term] as number) + 1;
      visited[term] = from;
      for (let position = from; position < list.length; position += 1) {
        const other = list[position] as number;
        if (shared[other] === 0) candidates.push(other);
        shared[other] = (shared[other] as number) + 1;
      }
    }
    // In the order first met, so that links, and the sums of their scores, come in the same order every time.
    for (const other of candidates) {
      const count = shared[other] as number;
      shared[other] = 0;
      if (count < 2) continue;
      const score = similarity(index, other);
      if (score < STORY_SIMILARITY) continue;
      sets.union(index, other);
      centrality[index] = (centrality[index] as number) + score;
      centrality[other] = (centrality[other] as number) + score;
    }
  });

  const stories = sets.groups().map((members) => {
    const order = members
      .map((member) => ({ member, centrality: centrality[member] as number }))
      .sort(
        (a, b) =>
          b.centrality - a.centrality ||
          byDateThenId((sorted[a.member] as Item).article, (sorted[b.member] as Item).article),
      );
    const storyItems = order.map(({ member }) => sorted[member] as Item);
    const ids = storyItems.flatMap((item) => [item.article.id, ...item.duplicates.map((duplicate) => duplicate.id)]);
    return {
      id: createHash('sha256')
        .update([...ids].sort().join(','))
        .digest('hex')
        .slice(0, 12),
      headline: storyItems[0]?.article.headline ?? '',
      items: storyItems,
      articleIds: ids,
      keywords: topShared(storyItems, (article) => article.keywords ?? [], keywordStem, 5),
      entities: topShared(storyItems, (article) => article.entities ?? [], foldAccents, 5),
      centrality: order.map(({ centrality }) => centrality),
    };
  });
  return stories.sort(
    (a, b) =>
      b.articleIds.length - a.articleIds.length ||
      b.items.length - a.items.length ||
      compareStrings(a.headline, b.headline) ||
      compareStrings(a.id, b.id),
  );
}

/** Terms and their weights in the article's order, and again sorted by term, to look one up by halving. */
interface Vector {
  readonly terms: Int32Array;
  readonly values: Float64Array;
  readonly sortedTerms: Int32Array;
  readonly sortedValues: Float64Array;
  readonly norm: number;
}

function toVector(terms: Int32Array, values: Float64Array, norm: number): Vector {
  const order = Array.from(terms.keys()).sort((a, b) => (terms[a] as number) - (terms[b] as number));
  return {
    terms,
    values,
    sortedTerms: Int32Array.from(order, (position) => terms[position] as number),
    sortedValues: Float64Array.from(order, (position) => values[position] as number),
    norm,
  };
}

/** Summed in the smaller vector's own order, so that a score never depends on how terms were numbered. */
function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
  let dot = 0;
  for (let position = 0; position < small.terms.length; position += 1) {
    dot += (small.values[position] as number) * weightOf(large, small.terms[position] as number);
  }
  return dot / (a.norm * b.norm);
}

function weightOf(vector: Vector, term: number): number {
  let low = 0;
  let high = vector.sortedTerms.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = vector.sortedTerms[middle] as number;
    if (found === term) return vector.sortedValues[middle] as number;
    if (found < term) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

/** The values most items share, counted once per item, in their most frequent spelling. */
export function topShared(
  items: readonly Item[],
  values: (article: ArticleSummary) => readonly string[],
  keyOf: (value: string) => string,
  limit: number,
): string[] {
  return countShared(
    items.map((item) => item.article),
    values,
    keyOf,
  )
    .slice(0, limit)
    .map(({ value }) => value);
}

export interface Counted {
  readonly value: string;
  readonly count: number;
}

/**
 * Per key: in how many articles it occurs, and its most frequent spelling; most frequent first, then the
 * one ranked higher in the articles' own lists (they are most prominent first).
 */
export function countShared(
  articles: readonly ArticleSummary[],
  values: (article: ArticleSummary) => readonly string[],
  keyOf: (value: string) => string,
): Counted[] {
  const counts = new Map<string, { count: number; rank: number; spellings: Map<string, number> }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const [rank, value] of values(article).entries()) {
      const key = keyOf(value);
      if (seen.has(key)) continue;
      seen.add(key);
      const entry = counts.get(key) ?? { count: 0, rank: 0, spellings: new Map<string, number>() };
      entry.count += 1;
      entry.rank += rank;
      entry.spellings.set(value, (entry.spellings.get(value) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  return [...counts.values()]
    .map(({ count, rank, spellings }) => ({ value: preferredSpelling(spellings), count, rank }))
    .sort((a, b) => b.count - a.count || a.rank - b.rank || compareStrings(a.value, b.value))
    .map(({ value, count }) => ({ value, count }));
}

function preferredSpelling(spellings: ReadonlyMap<string, number>): string {
  return [...spellings.entries()].sort(
    ([a, countA], [b, countB]) => countB - countA || a.length - b.length || compareStrings(a, b),
  )[0]?.[0] as string;
}

/** Union-find over 0..n-1; groups come out ordered by their smallest member, members ascending. */
class DisjointSets {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, index) => index);
  }

  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    let node = index;
    while (this.parent[node] !== root) {
      const next = this.parent[node] as number;
      this.parent[node] = root;
      node = next;
    }
    return root;
  }

  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA === rootB) return;
    // The smaller index becomes the root, so the result does not depend on the order of unions.
    if (rootA < rootB) this.parent[rootB] = rootA;
    else this.parent[rootA] = rootB;
  }

  groups(): number[][] {
    const groups = new Map<number, number[]>();
    for (let index = 0; index < this.parent.length; index += 1) {
      const root = this.find(index);
      const group = groups.get(root);
      if (group) group.push(index);
      else groups.set(root, [index]);
    }
    return [...groups.values()];
  }
}
