import { createHash } from 'node:crypto';
import type { ArticleSummary } from './article';
import { decodeMinhash, estimateJaccard, MINHASH_SIZE } from './fingerprint';
import { resolveNames } from './names';
import { parseStoryTerms } from './story-terms';
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
/**
 * Two articles may be about the same story when the idf-weighted cosine of their story terms reaches this; in
 * different languages, over the terms both languages have in the date (see CROSS_LANGUAGE_SIMILARITY).
 */
export const STORY_SIMILARITY = 0.2;
/** The same, for two articles in different languages. */
export const CROSS_LANGUAGE_SIMILARITY = 0.2;
/**
 * Two stories joined by such a link become one only when the cosine of their centroids reaches this (centroid
 * linkage), so that a chain of articles each like the next does not join unrelated stories: two storms of one week
 * each share words with a third article about the weather, not with each other.
 */
export const STORY_LINKAGE = 0.15;
/** The same, for two stories that have no language in common: their centroids share only names, places and cognates. */
const CROSS_LANGUAGE_LINKAGE = 0.05;
/**
 * Across languages a vector's norm is this blend of its whole norm and its norm over the terms the other language has
 * in the date: the words no article of that language could share weigh less, but a vector of one shared term is not
 * taken for the whole article.
 */
const CROSS_NORM_BLEND = 0.5;
/** Two articles whose dates lie more than this many days apart are never one story (a month is the days it spans). */
export const STORY_WINDOW_DAYS = 7;
/** A term in more articles than this is too common to find candidates by (it still counts in the score). */
const MAX_POSTINGS = 100;
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

/**
 * The features stories are found by: the article's story terms (story-terms.ts), names resolved against the other
 * names of the date (`resolve`); for an article stored before it had terms, its names (also by their last word, so
 * "Biden" meets "Joe Biden") and keyword stems.
 */
export function storyFeatures(
  article: ArticleSummary,
  resolve: ReadonlyMap<string, string> = new Map(),
): Map<string, number> {
  const features = new Map<string, number>();
  if (article.storyTerms) {
    for (const { term, weight } of parseStoryTerms(article.storyTerms)) {
      const name = term.startsWith(NAME_KIND) ? resolve.get(term.slice(NAME_KIND.length)) : undefined;
      const key = name === undefined ? term : `${NAME_KIND}${name}`;
      features.set(key, Math.max(features.get(key) ?? 0, weight));
    }
    return features;
  }
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

const NAME_KIND = 'n:';

/** The names of a date resolved against each other: `putin` → `vladimir-putin` when the date has one Putin (names.ts). */
export function dateNames(articles: readonly ArticleSummary[]): Map<string, string> {
  const ids = new Set<string>();
  for (const article of articles) {
    for (const { term } of parseStoryTerms(article.storyTerms ?? [])) {
      if (term.startsWith(NAME_KIND)) ids.add(term.slice(NAME_KIND.length));
    }
  }
  return resolveNames(ids);
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
  const names = dateNames(sorted.map((item) => item.article));
  // Languages as bits: for each term, the languages of the date's articles that have it.
  const languageBit = new Map<string, number>();
  const languages = sorted.map((item) => {
    const language = item.article.language ?? 'und';
    let bit = languageBit.get(language);
    if (bit === undefined) {
      bit = languageBit.size < 31 ? 1 << languageBit.size : 0;
      languageBit.set(language, bit);
    }
    return bit;
  });
  const termLanguages: number[] = [];
  const features = sorted.map((item, index) => {
    const set = storyFeatures(item.article, names);
    const terms = new Int32Array(set.size);
    const weights = new Float64Array(set.size);
    let position = 0;
    for (const [key, weight] of set) {
      let term = termOf.get(key);
      if (term === undefined) {
        term = termOf.size;
        termOf.set(key, term);
        frequency.push(0);
        termLanguages.push(0);
      }
      frequency[term] = (frequency[term] as number) + 1;
      termLanguages[term] = (termLanguages[term] as number) | (languages[index] as number);
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
  // Across languages, each vector counts less of the terms the other article's language does not have in this date
  // (words no article of that language could share); norms by language, computed when first needed.
  const crossNorms = new Float64Array(sorted.length * 32).fill(-1);
  const crossNorm = (index: number, bit: number) => {
    const key = index * 32 + Math.clz32(bit);
    let norm = crossNorms[key] as number;
    if (norm < 0) {
      const { terms, values } = vectors[index] as Vector;
      let shared = 0;
      for (let position = 0; position < terms.length; position += 1) {
        if (((termLanguages[terms[position] as number] as number) & bit) !== 0)
          shared += (values[position] as number) ** 2;
      }
      const whole = (vectors[index] as Vector).norm ** 2;
      norm = Math.sqrt(CROSS_NORM_BLEND * whole + (1 - CROSS_NORM_BLEND) * shared);
      crossNorms[key] = norm;
    }
    return norm;
  };
  const similarity = (a: number, b: number): number => {
    if (work) work.comparisons += 1;
    const bitA = languages[a] as number;
    const bitB = languages[b] as number;
    if (bitA === bitB || bitA === 0 || bitB === 0) return cosine(vectors[a] as Vector, vectors[b] as Vector);
    const norms = crossNorm(a, bitB) * crossNorm(b, bitA);
    return norms === 0 ? 0 : dot(vectors[a] as Vector, vectors[b] as Vector) / norms;
  };
  const days = sorted.map((item) => dayInterval(item.article.date));
  const withinWindow = (a: number, b: number) => {
    const [startA, endA] = days[a] as [number, number];
    const [startB, endB] = days[b] as [number, number];
    return Math.max(startB - endA, startA - endB, 0) <= STORY_WINDOW_DAYS;
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
  const links = new Links();
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
    for (const other of candidates) {
      const count = shared[other] as number;
      shared[other] = 0;
      if (count < 2 || !withinWindow(index, other)) continue;
      const score = similarity(index, other);
      const threshold = languages[index] === languages[other] ? STORY_SIMILARITY : CROSS_LANGUAGE_SIMILARITY;
      if (score >= threshold) links.add(index, other, score);
    }
  });

  // Strongest links first, each joining two stories only when their centroids are alike; ties by index, so that the
  // same articles always give the same stories.
  const sets = new DisjointSets(sorted.length);
  const centroids = new Centroids(vectors, languages);
  for (const link of links.strongestFirst()) {
    const rootA = sets.find(links.a(link));
    const rootB = sets.find(links.b(link));
    if (rootA === rootB) continue;
    const common = centroids.languages(rootA) & centroids.languages(rootB);
    if (!centroids.alike(rootA, rootB, common !== 0 ? STORY_LINKAGE : CROSS_LANGUAGE_LINKAGE)) continue;
    sets.union(rootA, rootB);
    centroids.merge(sets.find(rootA), rootA === sets.find(rootA) ? rootB : rootA);
  }
  // Summed over the links within a story, not over every pair: a story of thousands stays linear in its links.
  const centrality = new Float64Array(sorted.length);
  for (let link = 0; link < links.size; link += 1) {
    const a = links.a(link);
    const b = links.b(link);
    if (sets.find(a) !== sets.find(b)) continue;
    centrality[a] = (centrality[a] as number) + links.score(link);
    centrality[b] = (centrality[b] as number) + links.score(link);
  }

  const stories = sets.groups().map((members) => {
    const order = members
      .map((member) => ({ member, centrality: centrality[member] as number }))
      .sort(
        (a, b) =>
          b.centrality - a.centrality ||
          byDateThenId((sorted[a.member] as Item).article, (sorted[b.member] as Item).article),
      );
    return storyGroup(
      order.map(({ member }) => sorted[member] as Item),
      order.map(({ centrality }) => centrality),
    );
  });
  return stories.sort(byStoryRank);
}

/** A story of these items, most central first: its id the hash of every article id in it, duplicates included. */
export function storyGroup(storyItems: readonly Item[], centrality: readonly number[]): StoryGroup {
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
    centrality,
  };
}

/** Stories strongest first: most articles, then most items, then by headline and id. */
export function byStoryRank(a: StoryGroup, b: StoryGroup): number {
  return (
    b.articleIds.length - a.articleIds.length ||
    b.items.length - a.items.length ||
    compareStrings(a.headline, b.headline) ||
    compareStrings(a.id, b.id)
  );
}

/** Terms and their weights in the article's order, and again sorted by term, for dot products by merging. */
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

function cosine(a: Vector, b: Vector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  return dot(a, b) / (a.norm * b.norm);
}

/**
 * Summed over both vectors' terms in term order (a merge, not a look-up per term): the same articles number their
 * terms alike, so a score is the same in every digest of the same articles.
 */
function dot(a: Vector, b: Vector): number {
  const termsA = a.sortedTerms;
  const termsB = b.sortedTerms;
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < termsA.length && j < termsB.length) {
    const termA = termsA[i] as number;
    const termB = termsB[j] as number;
    if (termA === termB) {
      sum += (a.sortedValues[i] as number) * (b.sortedValues[j] as number);
      i += 1;
      j += 1;
    } else if (termA < termB) i += 1;
    else j += 1;
  }
  return sum;
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
export function countShared<T = ArticleSummary>(
  articles: readonly T[],
  values: (article: T) => readonly string[],
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

/** The days a date spans, as day numbers: a day is one, a month its days, a year its days. */
export function dayInterval(date: string): [number, number] {
  const [year = 1970, month, day] = date.split('-').map(Number);
  const dayNumber = (y: number, m: number, d: number) => Date.UTC(y, m, d) / 86_400_000;
  if (month === undefined) return [dayNumber(year, 0, 1), dayNumber(year + 1, 0, 0)];
  if (day === undefined) return [dayNumber(year, month - 1, 1), dayNumber(year, month, 0)];
  const at = dayNumber(year, month - 1, day);
  return [at, at];
}

/** Links between articles as typed arrays: two indices and a score each. */
class Links {
  private from = new Int32Array(1024);
  private to = new Int32Array(1024);
  private scores = new Float64Array(1024);
  size = 0;

  add(a: number, b: number, score: number): void {
    if (this.size === this.from.length) {
      const grow = <T extends Int32Array | Float64Array>(array: T, make: (length: number) => T): T => {
        const grown = make(array.length * 2);
        grown.set(array);
        return grown;
      };
      this.from = grow(this.from, (length) => new Int32Array(length));
      this.to = grow(this.to, (length) => new Int32Array(length));
      this.scores = grow(this.scores, (length) => new Float64Array(length));
    }
    this.from[this.size] = Math.min(a, b);
    this.to[this.size] = Math.max(a, b);
    this.scores[this.size] = score;
    this.size += 1;
  }

  a(link: number): number {
    return this.from[link] as number;
  }

  b(link: number): number {
    return this.to[link] as number;
  }

  score(link: number): number {
    return this.scores[link] as number;
  }

  /** Link numbers by score, highest first, then by their articles' indices. */
  strongestFirst(): Int32Array {
    const order = new Int32Array(this.size);
    for (let link = 0; link < this.size; link += 1) order[link] = link;
    const { from, to, scores } = this;
    return order.sort(
      (x, y) =>
        (scores[y] as number) - (scores[x] as number) ||
        (from[x] as number) - (from[y] as number) ||
        (to[x] as number) - (to[y] as number),
    );
  }
}

/**
 * The centroid of each story being formed (the sum of its articles' vectors), kept at its root: built on first use
 * from the root's own vector, merged smaller into larger, so that every term moves a logarithmic number of times.
 */
class Centroids {
  private readonly sums = new Map<number, { terms: Map<number, number>; normSquared: number; languages: number }>();

  constructor(
    private readonly vectors: readonly Vector[],
    private readonly bits: readonly number[],
  ) {}

  private of(root: number) {
    let centroid = this.sums.get(root);
    if (!centroid) {
      const { terms, values, norm } = this.vectors[root] as Vector;
      const map = new Map<number, number>();
      for (let position = 0; position < terms.length; position += 1) {
        map.set(terms[position] as number, values[position] as number);
      }
      centroid = { terms: map, normSquared: norm * norm, languages: this.bits[root] as number };
      this.sums.set(root, centroid);
    }
    return centroid;
  }

  languages(root: number): number {
    return this.sums.get(root)?.languages ?? (this.bits[root] as number);
  }

  alike(a: number, b: number, threshold: number): boolean {
    const first = this.of(a);
    const second = this.of(b);
    if (first.normSquared === 0 || second.normSquared === 0) return false;
    const [small, large] = first.terms.size <= second.terms.size ? [first, second] : [second, first];
    let dot = 0;
    for (const [term, value] of small.terms) dot += value * (large.terms.get(term) ?? 0);
    return dot / Math.sqrt(first.normSquared * second.normSquared) >= threshold;
  }

  /** The centroid of `from` added into that of `into`, which becomes the story's root. */
  merge(into: number, from: number): void {
    const a = this.of(into);
    const b = this.of(from);
    const [small, large] = a.terms.size >= b.terms.size ? [b, a] : [a, b];
    for (const [term, value] of small.terms) {
      const before = large.terms.get(term) ?? 0;
      const after = before + value;
      large.terms.set(term, after);
      large.normSquared += after * after - before * before;
    }
    large.languages |= small.languages;
    this.sums.delete(from);
    this.sums.set(into, large);
  }
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
