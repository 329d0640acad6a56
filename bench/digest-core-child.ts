import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildDigest, type Digest } from '../functions/core/digest';
import { peakRssMb, reportToParent, settledRssMb } from './child';
import { BENCH_DATE, deriveSummaries, type PoolArticle, segmentText } from './digest-inputs';
import { median } from './report';

/**
 * One size of the digest-core benchmark in a process of its own: buildDigest over the date's summaries,
 * alternating with the baseline passes over the same articles, so that a burst of load elsewhere on the
 * machine falls on both alike. Started by digest-core.ts.
 */

export type PassKind = 'digest' | 'bodies' | 'summaries';

export interface DigestCoreChildResult {
  readonly articles: number;
  /** Resident after the input is built and garbage collected: what the summaries alone take. */
  readonly inputRssMb: number;
  /** The high-water mark after the first timed digest, before any baseline pass ran. */
  readonly peakRssMb: number;
  /** Median of the timed passes, per kind. */
  readonly ms: Record<PassKind, number>;
  /** What the digest had to group, for the reader to judge the input by. */
  readonly shape: { readonly items: number; readonly stories: number; readonly largestStory: number };
}

const { values } = parseArgs({
  options: { pool: { type: 'string' }, articles: { type: 'string' }, runs: { type: 'string', default: '1' } },
});

/** Each pass is compiled on this many articles first, so that no size is timed cold. */
const WARM_UP_ARTICLES = 1_000;
const GENERATED_AT = new Date('2024-03-01T06:00:00.000Z');

await reportToParent(async (): Promise<DigestCoreChildResult> => {
  const pool = JSON.parse(await readFile(values.pool as string, 'utf8')) as PoolArticle[];
  const count = Number(values.articles);
  const summaries = deriveSummaries(pool, count);
  const inputRssMb = settledRssMb();

  let digest: Digest | undefined;
  const digestPass = (articles: number) => {
    // The previous digest is let go first, so that no pass holds two.
    digest = undefined;
    digest = buildDigest(BENCH_DATE, summaries.slice(0, articles), GENERATED_AT);
  };
  // The baseline reads what the articles are made of: their bodies, and the headline and summary the digest shows.
  const baselinePasses: Record<Exclude<PassKind, 'digest'>, (articles: number) => void> = {
    bodies: (articles) => {
      for (let index = 0; index < articles; index += 1)
        segmentText((pool[index % pool.length] as PoolArticle).paragraphs);
    },
    summaries: (articles) => {
      for (const summary of summaries.slice(0, articles)) segmentText([summary.headline, summary.summary]);
    },
  };

  const times: Record<PassKind, number[]> = { digest: [], bodies: [], summaries: [] };
  const timed = (kind: PassKind, pass: (articles: number) => void) => {
    globalThis.gc?.();
    const started = performance.now();
    pass(count);
    times[kind].push(performance.now() - started);
  };
  digestPass(Math.min(count, WARM_UP_ARTICLES));
  timed('digest', digestPass);
  const peak = peakRssMb();
  for (const pass of Object.values(baselinePasses)) pass(Math.min(count, WARM_UP_ARTICLES));
  for (let run = 0; run < Number(values.runs); run += 1) {
    if (run > 0) timed('digest', digestPass);
    for (const [kind, pass] of Object.entries(baselinePasses)) timed(kind as PassKind, pass);
  }
  if (!digest) throw new Error('no digest was built');
  return {
    articles: count,
    inputRssMb,
    peakRssMb: peak,
    ms: { digest: median(times.digest), bodies: median(times.bodies), summaries: median(times.summaries) },
    shape: {
      items: digest.articles.length,
      stories: digest.stories.length,
      largestStory: digest.stories[0]?.articleCount ?? 0,
    },
  };
});
