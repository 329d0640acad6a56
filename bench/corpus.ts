import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Seed files for benchmarks, made from the evaluation articles' sentences (Dutch, English,
 * German, French, Frisian) by a seeded generator: the same seed gives the same files on every
 * machine, so runs are comparable, and the text is real prose in the languages the service meets.
 */
const ARTICLES_DIRECTORY = resolve(import.meta.dirname, '../test/fixtures/eval/articles');

export interface GeneratedSeed {
  readonly key: string;
  readonly text: string;
}

export interface CorpusOptions {
  /** Same seed, same files. */
  readonly seed?: number;
  /** Every file is dated this day; otherwise days spread over 2020–2024. */
  readonly date?: string;
}

/** Share of each language, as the service sees them: mostly Dutch. */
const LANGUAGE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['nl', 0.6],
  ['en', 0.15],
  ['de', 0.15],
  ['fr', 0.07],
  ['fy', 0.03],
];

/** mulberry32: small, fast, and good enough to pick sentences. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SourceArticle {
  readonly language: string;
  readonly sentences: readonly string[];
}

let sources: readonly SourceArticle[] | undefined;

function sourceArticles(): readonly SourceArticle[] {
  sources ??= readdirSync(ARTICLES_DIRECTORY)
    .sort()
    .map((name) => {
      const body = readFileSync(join(ARTICLES_DIRECTORY, name), 'utf8').replace(/^\s*date\s+\S+\s*/, '');
      const sentences = body
        .split(/\n\s*\n/)
        .flatMap((paragraph) =>
          paragraph
            .replace(/\s+/g, ' ')
            .trim()
            .split(/(?<=[.!?])\s+(?=[A-ZÀ-Ý"'])/),
        )
        .filter((sentence) => sentence.split(' ').length >= 4);
      return { language: name.slice(0, 2), sentences };
    });
  return sources;
}

/**
 * `count` seed files. Each is about one story of its language: sentences of one source article
 * first, then sentences of others in the same language, 4–12 paragraphs (about 150–900 words),
 * with numbers varied so no two files are the same.
 */
export function* generateSeeds(count: number, options: CorpusOptions = {}): Generator<GeneratedSeed> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const byLanguage = new Map<string, SourceArticle[]>();
  for (const article of sourceArticles()) {
    byLanguage.set(article.language, [...(byLanguage.get(article.language) ?? []), article]);
  }
  for (let index = 0; index < count; index += 1) {
    const language = weighted(random(), LANGUAGE_WEIGHTS);
    const pool = byLanguage.get(language) ?? [];
    const story = pick(pool);
    const paragraphs: string[] = [];
    const paragraphCount = 4 + Math.floor(random() * 9);
    for (let paragraph = 0; paragraph < paragraphCount; paragraph += 1) {
      const sentenceCount = 2 + Math.floor(random() * 3);
      const sentences: string[] = [];
      for (let sentence = 0; sentence < sentenceCount; sentence += 1) {
        const from = random() < 0.6 ? story : pick(pool);
        sentences.push(pick(from.sentences).replace(/\d+/g, (digits) => String(vary(Number(digits), random))));
      }
      paragraphs.push(sentences.join(' '));
    }
    const date = options.date ?? randomDate(random);
    yield {
      key: `bench/${language}/${String(index).padStart(6, '0')}.txt`,
      text: ` date ${date} ${paragraphs.join('\n\n')}\n`,
    };
  }
}

function weighted(value: number, weights: readonly (readonly [string, number])[]): string {
  let total = 0;
  for (const [name, weight] of weights) {
    total += weight;
    if (value < total) return name;
  }
  return (weights[0] as readonly [string, number])[0];
}

function vary(number: number, random: () => number): number {
  // Years stay plausible; other numbers move by up to half their size.
  if (number >= 1900 && number <= 2100) return 2000 + Math.floor(random() * 25);
  return Math.max(1, Math.round(number * (0.5 + random())));
}

function randomDate(random: () => number): string {
  const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 5 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}
