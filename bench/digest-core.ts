import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './child';
import type { DigestCoreChildResult, PassKind } from './digest-core-child';
import { analysedPool, type Pool } from './digest-inputs';
import {
  type BenchContext,
  type Benchmark,
  type BenchmarkResult,
  type Figure,
  fittedExponent,
  median,
  ratioFigure,
  round,
  valueFigure,
} from './report';

/**
 * Benchmark 4: the digest of one date (buildDigest over the date's stored summaries, what generation
 * runs per date) at three sizes, each size in a fresh process per round, alternating with a pass that
 * only segments the same articles into sentences and words.
 */

interface Settings {
  /** Articles analysed for real; larger dates are made of rounds of them (digest-inputs.ts). */
  readonly pool: number;
  readonly sizes: readonly number[];
  readonly rounds: number;
  /** Timed digests per process, by size: more where a pass is short and one hiccup would weigh. */
  readonly runs: (articles: number) => number;
}

const FULL: Settings = {
  pool: 1_000,
  sizes: [1_000, 10_000, 50_000],
  rounds: 2,
  runs: (articles) => (articles <= 1_000 ? 5 : articles <= 10_000 ? 2 : 1),
};
const QUICK: Settings = { pool: 200, sizes: [200, 500, 1_000], rounds: 1, runs: () => 2 };

const TARGETS = {
  exponent: 1.15,
  throughputRatio: 0.25,
  peakRssMb: 512,
  peakRssArticles: 10_000,
  analysisRatio: 0.1,
} as const;

async function run(context: BenchContext): Promise<readonly BenchmarkResult[]> {
  const settings = context.quick ? QUICK : FULL;
  context.log(`analysing a pool of ${settings.pool} generated articles`);
  const pool = analysedPool(settings.pool);
  const directory = await mkdtemp(join(tmpdir(), 'headline-digest-bench-digest-'));
  try {
    const poolFile = join(directory, 'pool.json');
    await writeFile(poolFile, JSON.stringify(pool.articles));
    const results = new Map<number, DigestCoreChildResult[]>();
    for (let roundIndex = 0; roundIndex < settings.rounds; roundIndex += 1) {
      for (const articles of settings.sizes) {
        context.log(`${label(articles)} articles (round ${roundIndex + 1} of ${settings.rounds})`);
        const result = await runChild<DigestCoreChildResult>('digest-core-child.ts', [
          ...['--pool', poolFile, '--articles', String(articles), '--runs', String(settings.runs(articles))],
        ]);
        results.set(articles, [...(results.get(articles) ?? []), result]);
      }
    }
    return [summarize(context.quick, settings, pool, results)];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

interface Size {
  readonly articles: number;
  readonly ms: Record<PassKind, number>;
  readonly articlesPerSecond: Record<PassKind, number>;
  readonly peakRssMb: number;
  readonly inputRssMb: number;
  readonly shape: DigestCoreChildResult['shape'] | undefined;
  readonly rounds: readonly { readonly ms: Record<PassKind, number>; readonly peakRssMb: number }[];
}

const KINDS: readonly PassKind[] = ['digest', 'bodies', 'summaries'];

function summarize(
  quick: boolean,
  settings: Settings,
  pool: Pool,
  results: ReadonlyMap<number, readonly DigestCoreChildResult[]>,
): BenchmarkResult {
  const sizes: Size[] = settings.sizes.map((articles) => {
    const runs = results.get(articles) ?? [];
    const perKind = (value: (kind: PassKind) => number) =>
      Object.fromEntries(KINDS.map((kind) => [kind, value(kind)])) as Record<PassKind, number>;
    const ms = perKind((kind) => median(runs.map((result) => result.ms[kind])));
    return {
      articles,
      ms: perKind((kind) => round(ms[kind], 1)),
      articlesPerSecond: perKind((kind) => round((articles * 1000) / ms[kind], 1)),
      peakRssMb: round(median(runs.map((result) => result.peakRssMb)), 1),
      inputRssMb: round(median(runs.map((result) => result.inputRssMb)), 1),
      shape: runs[0]?.shape,
      rounds: runs.map((result) => ({
        ms: perKind((kind) => round(result.ms[kind], 1)),
        peakRssMb: round(result.peakRssMb, 1),
      })),
    };
  });
  const exponentOf = (kind: PassKind) =>
    round(fittedExponent(sizes.map((size) => ({ x: size.articles, y: size.ms[kind] }))), 3);
  const exponents = { digest: exponentOf('digest'), bodies: exponentOf('bodies'), summaries: exponentOf('summaries') };
  const largest = sizes.at(-1);
  const span = `${label(sizes[0]?.articles ?? 0)}–${label(largest?.articles ?? 0)} articles`;

  const figures: Figure[] = [
    ...sizes.map((size) =>
      ratioFigure(
        `throughput, ${label(size.articles)} articles`,
        'articles/s',
        size.articlesPerSecond.digest,
        size.articlesPerSecond.bodies,
        { min: TARGETS.throughputRatio },
      ),
    ),
    valueFigure(`time exponent, ${span}`, 'exponent', exponents.digest, { max: TARGETS.exponent }, exponents.bodies),
    ...sizes.map((size) =>
      valueFigure(
        `peak RSS, ${label(size.articles)} articles (baseline: the input alone)`,
        'MB',
        size.peakRssMb,
        size.articles === TARGETS.peakRssArticles ? { max: TARGETS.peakRssMb } : undefined,
        size.inputRssMb,
      ),
    ),
    ...(largest
      ? [
          ratioFigure(
            `throughput against segmenting headline + summary only, ${label(largest.articles)} articles`,
            'articles/s',
            largest.articlesPerSecond.digest,
            largest.articlesPerSecond.summaries,
          ),
        ]
      : []),
    ratioFigure(
      `per-article analysis at ingest (parseSeed + summarizeArticle), ${label(pool.articles.length)} articles`,
      'articles/s',
      (pool.articles.length * 1000) / pool.analysisMs,
      (pool.articles.length * 1000) / pool.segmentationMs,
      { min: TARGETS.analysisRatio },
    ),
  ];

  return {
    name: 'digest-core',
    description:
      `buildDigest over one date of precomputed article summaries (${span}), each size in a fresh process, ` +
      'against splitSentences + splitWords over the same articles’ bodies, alternating in the same process',
    measured: {
      sizes: sizes.map(({ articles, ms, articlesPerSecond, peakRssMb, inputRssMb, shape, rounds }) => ({
        articles,
        ms: ms.digest,
        articlesPerSecond: articlesPerSecond.digest,
        peakRssMb,
        inputRssMb,
        shape,
        rounds: rounds.map((entry) => ({ ms: entry.ms.digest, peakRssMb: entry.peakRssMb })),
      })),
      exponent: exponents.digest,
      analysis: {
        articles: pool.articles.length,
        ms: round(pool.analysisMs, 1),
        articlesPerSecond: round((pool.articles.length * 1000) / pool.analysisMs, 1),
      },
    },
    baseline: {
      sizes: sizes.map(({ articles, ms, articlesPerSecond, rounds }) => ({
        articles,
        ms: { bodies: ms.bodies, summaries: ms.summaries },
        articlesPerSecond: { bodies: articlesPerSecond.bodies, summaries: articlesPerSecond.summaries },
        rounds: rounds.map((entry) => ({ bodies: entry.ms.bodies, summaries: entry.ms.summaries })),
      })),
      exponent: { bodies: exponents.bodies, summaries: exponents.summaries },
      poolSegmentation: { articles: pool.articles.length, ms: round(pool.segmentationMs, 1) },
    },
    figures,
    notes: notes(quick, settings, sizes, exponents),
  };
}

function notes(
  quick: boolean,
  settings: Settings,
  sizes: readonly Size[],
  exponents: Record<PassKind, number>,
): readonly string[] {
  const notes = [
    'Measured: buildDigest(date, summaries), what the generator runs per date. The per-article analysis ' +
      '(parseSeed + summarizeArticle) runs once per file at ingest (benchmark 3); its rate is measured against ' +
      'the same segmentation of the same bodies, after a warm-up pass (compiled code, a filled stem cache, as in ' +
      'a container that has read a few files), with a target of its own.',
    'Baseline: splitSentences + splitWords over every article body (generated, ~120–700 words, nl/en/de/fr/fy), ' +
      'the text the date is made of; the throughput target is against it. Segmenting only the headline and ' +
      'summary that the digest reads is a much smaller amount of text, reported as a stricter reference.',
    `Input: a pool of ${settings.pool} generated articles analysed for real; larger dates add rounds of the pool ` +
      'with new ids, MinHash minima remapped per round and seven in eight names, keywords and story terms respelled per round, ' +
      'so that a larger date has more stories, not the same 25 source stories ever larger (bench/digest-inputs.ts).',
    `Times: medians over ${settings.rounds} round(s) of one fresh process per size, in which digest and baseline ` +
      'passes alternate after a warm-up. Peak RSS: the high-water mark (maxRSS) after the first digest, before ' +
      'any baseline pass; its baseline is the resident memory of the input alone after a collection.',
  ];
  if (quick) notes.push('Quick run: smaller sizes; figures are not comparable to a full run.');
  const slowTarget = sizes.some(
    (size) => size.articlesPerSecond.digest < TARGETS.throughputRatio * size.articlesPerSecond.bodies,
  );
  if (slowTarget || exponents.digest > TARGETS.exponent) {
    notes.push(
      `Digest times: ${sizes.map((size) => `${label(size.articles)} ${round(size.ms.digest / 1000, 2)} s`).join(', ')}` +
        ` (exponent ${exponents.digest}; baseline ${exponents.bodies}). Most of it is story grouping (groupStories): ` +
        'counting the story terms each article shares with others over posting lists of up to 100 articles, then the ' +
        'cosine of every pair sharing two and dated within a week, and the centroid linkage of the links found; ' +
        'the lists of terms common to the whole date lengthen with it, up to that cap.',
    );
  }
  const budget = sizes.find((size) => size.articles === TARGETS.peakRssArticles);
  if (budget && budget.peakRssMb > TARGETS.peakRssMb) {
    notes.push(
      `Peak RSS at ${label(budget.articles)} articles: ${budget.peakRssMb} MB, of which the input alone ` +
        `${budget.inputRssMb} MB.`,
    );
  }
  return notes;
}

function label(articles: number): string {
  return articles >= 1_000 && articles % 1_000 === 0 ? `${articles / 1_000}k` : String(articles);
}

export const digestCore: Benchmark = { name: 'digest-core', run };
