import { createHash } from 'node:crypto';
import { type ArticleSummary, summarizeArticle } from '../functions/core/article';
import { decodeMinhash, MINHASH_SIZE } from '../functions/core/fingerprint';
import { parseSeed } from '../functions/core/seed';
import { foldAccents, splitSentences, splitWords } from '../functions/core/text';
import { generateSeeds, seededRandom } from './corpus';
import { median } from './report';

/**
 * The articles of one date for the digest benchmarks. Analysing an article takes milliseconds (its
 * keywords are stemmed, its language detected), so fifty thousand would take minutes: a pool of
 * generated seed files is analysed for real, once, and larger dates are made of further rounds of
 * the pool, each standing for other articles about other stories (see `deriveSummaries`).
 */

/** Every article of the benchmarks is dated this day: the digest of one date is what is measured. */
export const BENCH_DATE = '2024-02-29';
const CORPUS_SEED = 1;

export interface PoolArticle {
  readonly summary: ArticleSummary;
  /** The body's paragraphs, for the baseline that only segments them. */
  readonly paragraphs: readonly string[];
}

export interface Pool {
  readonly articles: readonly PoolArticle[];
  /** parseSeed + summarizeArticle of the whole pool, as ingest does per file: the median of the timed passes. */
  readonly analysisMs: number;
  /** Segmenting the pool's bodies into sentences and words: the median of the timed passes. */
  readonly segmentationMs: number;
}

/** Timed passes of each, alternating, after one warm-up pass of each. */
const TIMED_PASSES = 3;

const pools = new Map<number, Pool>();

/** The pool of `size` analysed articles; made once per process, as both benchmarks use the same one. */
export function analysedPool(size: number): Pool {
  const known = pools.get(size);
  if (known) return known;
  const texts = [...generateSeeds(size, { seed: CORPUS_SEED, date: BENCH_DATE })].map((seed) => seed.text);
  const parsed = texts.map((text) => parseSeed(text));
  const segment = () => {
    const started = performance.now();
    for (const seed of parsed) segmentText(seed.paragraphs);
    return performance.now() - started;
  };
  let summaries = texts.map((text) => summarizeArticle(parseSeed(text)));
  const analyse = () => {
    const started = performance.now();
    summaries = texts.map((text) => summarizeArticle(parseSeed(text)));
    return performance.now() - started;
  };
  // Both warmed up alike (the analysis above compiles its code and fills the stem cache, as the first files of a
  // container do), then timed in turn: a pass of either alone moves with the machine, and a baseline timed cold
  // had run slower than it does, which flattered the ratio.
  segment();
  const analysis: number[] = [];
  const segmentation: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass += 1) {
    segmentation.push(segment());
    analysis.push(analyse());
  }
  const pool: Pool = {
    articles: summaries.map((summary, index) => ({ summary, paragraphs: parsed[index]?.paragraphs ?? [] })),
    analysisMs: median(analysis),
    segmentationMs: median(segmentation),
  };
  pools.set(size, pool);
  return pool;
}

/** The baseline's whole work: sentences, then the words of each. */
export function segmentText(texts: readonly string[]): number {
  let words = 0;
  for (const text of texts) for (const sentence of splitSentences(text)) words += splitWords(sentence).length;
  return words;
}

/**
 * `count` summaries of one date. The first round is the pool itself. Every further round is the pool
 * again as other articles about other stories, so that a larger date has more stories rather than the
 * same stories ever larger (the corpus has 25 source articles; at fifty thousand files every sentence
 * of it would be reused hundreds of times, which no real date looks like):
 *
 * - new ids and body hashes, so nothing is an identical copy;
 * - the MinHash minima remapped by a bijection of the round, so the near-duplicates within a round are
 *   exactly the pool's and articles of different rounds share no more minima than unrelated texts;
 * - names, keywords and the ids of story terms respelled by a letter substitution of the round (lengths,
 *   capitals and shared stems kept), except one in eight, which stay the same in every round as a country,
 *   a capital or a frequent word does: those grow with the date, as the common terms of a real one do.
 *
 * Each summary is its own copy, strings included, as a store hands them over.
 */
export function deriveSummaries(pool: readonly PoolArticle[], count: number): ArticleSummary[] {
  const summaries: ArticleSummary[] = [];
  let round: Round | undefined;
  for (let index = 0; index < count; index += 1) {
    const from = (pool[index % pool.length] as PoolArticle).summary;
    const number = Math.floor(index / pool.length);
    if (number > 0 && round?.number !== number) round = makeRound(number);
    summaries.push(JSON.parse(JSON.stringify(number === 0 ? from : round?.derive(from))) as ArticleSummary);
  }
  return summaries;
}

interface Round {
  readonly number: number;
  derive(summary: ArticleSummary): ArticleSummary;
}

function makeRound(number: number): Round {
  const random = seededRandom(number);
  const letters = [...'abcdefghijklmnopqrstuvwxyz'];
  for (let index = letters.length - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [letters[index], letters[other]] = [letters[other] as string, letters[index] as string];
  }
  const substitute = new Map<string, string>();
  letters.forEach((to, index) => {
    const from = String.fromCharCode(0x61 + index);
    substitute.set(from, to);
    substitute.set(from.toUpperCase(), to.toUpperCase());
  });
  const respell = (term: string) =>
    isCommonTerm(term) ? term : term.replace(/[a-z]/gi, (letter) => substitute.get(letter) ?? letter);
  // Never zero: every minimum of a round differs from the same article's in the pool.
  const masks = Array.from({ length: MINHASH_SIZE }, () => 1 + Math.floor(random() * 0xffff));
  const hash = (value: string, kind: string) =>
    createHash('sha256').update(`${value}#${kind}#${number}`).digest('hex').slice(0, 16);
  return {
    number,
    derive: (summary) => ({
      ...summary,
      id: hash(summary.id, 'id'),
      bodyHash: hash(summary.bodyHash, 'body'),
      minhash: remapMinhash(summary.minhash, masks),
      keywords: summary.keywords.map(respell),
      entities: summary.entities.map(respell),
      ...(summary.storyTerms ? { storyTerms: summary.storyTerms.map((term) => respellTerm(term, respell)) } : {}),
    }),
  };
}

/** A story term (`kind:id=weight`) with its id respelled, its kind and weight kept. */
function respellTerm(term: string, respell: (value: string) => string): string {
  const colon = term.indexOf(':');
  const equals = term.lastIndexOf('=');
  return `${term.slice(0, colon + 1)}${respell(term.slice(colon + 1, equals))}${term.slice(equals)}`;
}

/** One term in eight, chosen by a hash of its folded spelling, so every round agrees on it. */
function isCommonTerm(term: string): boolean {
  let hash = 0x811c9dc5;
  for (const character of foldAccents(term)) hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 0x01000193);
  return (hash >>> 0) % 8 === 0;
}

function remapMinhash(signature: string, masks: readonly number[]): string {
  const values = decodeMinhash(signature);
  if (values.length !== MINHASH_SIZE) return signature;
  const bytes = new Uint8Array(MINHASH_SIZE * 2);
  values.forEach((value, slot) => {
    const remapped = value ^ (masks[slot] ?? 0);
    bytes[slot * 2] = remapped & 0xff;
    bytes[slot * 2 + 1] = remapped >>> 8;
  });
  return Buffer.from(bytes).toString('base64');
}
