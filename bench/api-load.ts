import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { generateSeeds } from './corpus';
import { type BenchService, uploadSeeds, withBenchService } from './local-service';
import {
  type BenchContext,
  type Benchmark,
  type BenchmarkResult,
  median,
  ratioFigure,
  round,
  valueFigure,
} from './report';

/**
 * Benchmark 2: `GET /digests/{date}` of a stored digest under a fixed load (autocannon: fixed
 * connections, fixed duration), against a bare `node:http` server doing the one GetItem the route
 * cannot do without, on the same DynamoDB Local, in the same process, in alternating rounds.
 */

/** A closed day in the past, so its digest is stored once and never regenerated during the load. */
const DIGEST_DATE = '2024-06-12';
const CONNECTIONS = 10;
const UPLOAD_CONCURRENCY = 8;
/** Far above what either server answers on loopback: only there so that no round is unbounded in count. */
const MAX_REQUESTS_PER_SECOND = 20_000;

interface Settings {
  readonly articles: number;
  readonly seconds: number;
  readonly warmUpSeconds: number;
  readonly rounds: number;
  /**
   * autocannon walks away from the requests in flight when a round ends; the server still answers
   * them. This pause (above any p99 seen) keeps them out of the next round and out of the shutdown.
   */
  readonly settleSeconds: number;
}

/** Big enough to be a realistic day, small enough that the stored digest is one item (no parts). */
const FULL: Settings = { articles: 250, seconds: 8, warmUpSeconds: 5, rounds: 5, settleSeconds: 2 };
const QUICK: Settings = { articles: 60, seconds: 2, warmUpSeconds: 1, rounds: 1, settleSeconds: 1 };

interface Round {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** CPU time of the service process (both servers live there) per request answered: its own share of the work. */
  readonly serviceCpuMsPerRequest: number;
  /** The machine's one-minute load average at the end of the round: how much else was running. */
  readonly loadAverage: number;
}

async function run(context: BenchContext): Promise<readonly BenchmarkResult[]> {
  const settings = context.quick ? QUICK : FULL;
  return [await withBenchService(context, (service) => measure(service, settings, context))];
}

async function measure(service: BenchService, settings: Settings, context: BenchContext): Promise<BenchmarkResult> {
  context.log(`ingesting ${settings.articles} generated articles dated ${DIGEST_DATE} and generating its digest`);
  const seeds = [...generateSeeds(settings.articles, { seed: 2, date: DIGEST_DATE })];
  await uploadSeeds(service, service.bucketName, seeds, UPLOAD_CONCURRENCY);
  const queue = await service.call('idle');
  await service.call('generateDigests');
  const item = await service.call('digestItem', { date: DIGEST_DATE });
  if (item.bodyBytes === null || item.parts !== null) {
    throw new Error(`the digest of ${DIGEST_DATE} is not stored as one item (${JSON.stringify(item)})`);
  }

  const path = `/digests/${DIGEST_DATE}`;
  const apiUrl = `${service.apiUrl}${path}`;
  const baselineUrl = `${(await service.call('startBaselineApi')).url}${path}`;
  const [served, stored] = await Promise.all([probe(apiUrl), probe(baselineUrl)]);
  if (served.status !== 200 || stored.status !== 200) {
    throw new Error(`GET ${path} answered ${served.status} (API) and ${stored.status} (baseline) before the load`);
  }

  const loadRound = async (url: string, seconds: number): Promise<Round> => {
    const before = await service.call('cpuTime');
    const loaded = await load(url, seconds);
    const after = await service.call('cpuTime');
    const loadAverage = round(loadavg()[0] ?? 0, 2);
    await sleep(settings.settleSeconds * 1000);
    return { ...loaded, serviceCpuMsPerRequest: round((after.ms - before.ms) / loaded.requests, 3), loadAverage };
  };
  // Both servers' code paths compiled (the JVM's too) and their connections open before anything counts.
  await loadRound(baselineUrl, settings.warmUpSeconds);
  await loadRound(apiUrl, settings.warmUpSeconds);
  const baselineRounds: Round[] = [];
  const measuredRounds: Round[] = [];
  for (let index = 1; index <= settings.rounds; index += 1) {
    context.log(`round ${index}/${settings.rounds}: baseline, then the API, ${settings.seconds} s each`);
    baselineRounds.push(await loadRound(baselineUrl, settings.seconds));
    measuredRounds.push(await loadRound(apiUrl, settings.seconds));
  }

  const middle = (rounds: readonly Round[], pick: (round: Round) => number) => median(rounds.map(pick));
  const total = (rounds: readonly Round[], pick: (round: Round) => number) =>
    rounds.reduce((sum, each) => sum + pick(each), 0);
  const errors = (each: Round) => each.errors;
  const non2xx = (each: Round) => each.non2xx;
  const figures = [
    ratioFigure(
      'throughput',
      'requests/s',
      middle(measuredRounds, (each) => each.requestsPerSecond),
      middle(baselineRounds, (each) => each.requestsPerSecond),
      { min: 0.8 },
    ),
    ratioFigure(
      'p50 latency',
      'ms',
      middle(measuredRounds, (each) => each.p50Ms),
      middle(baselineRounds, (each) => each.p50Ms),
    ),
    ratioFigure(
      'p99 latency',
      'ms',
      middle(measuredRounds, (each) => each.p99Ms),
      middle(baselineRounds, (each) => each.p99Ms),
      { max: 1.5 },
    ),
    valueFigure('errors', 'count', total(measuredRounds, errors), { max: 0 }, total(baselineRounds, errors)),
    valueFigure('non-2xx responses', 'count', total(measuredRounds, non2xx), { max: 0 }, total(baselineRounds, non2xx)),
  ];

  const notes = [
    `Load: autocannon, ${CONNECTIONS} connections, ${settings.rounds} round(s) of ${settings.seconds} s per side ` +
      'in alternating order (baseline first), after an untimed warm-up of each; figures are medians over rounds, ' +
      'latencies nearest-rank percentiles of every 2xx response time. Plain GETs: no If-None-Match, so every ' +
      'answer is a 200 with the body.',
    `The digest of ${DIGEST_DATE} holds ${served.articleCount} articles; stored, it is ${item.bodyBytes} bytes ` +
      'of JSON in one item (below the 300 KB at which digests are split into parts), so the baseline is exactly ' +
      `one GetItem. The API answered ${served.bytes} bytes, the baseline ${stored.bytes}.`,
    'Both servers run in one service process (beside s3rver and the idle queue) on the same DynamoDB Local; ' +
      'autocannon runs in the benchmark process. The API side goes through the HTTP API bridge, which turns ' +
      'each request into an API Gateway event, and the real middy handler.',
    ...limits(figures, { measuredRounds, baselineRounds, servedBytes: served.bytes, storedBytes: item.bodyBytes }),
  ];

  return {
    name: 'api',
    description: `GET /digests/{date} of a stored digest under load vs one GetItem on bare node:http`,
    measured: {
      url: path,
      connections: CONNECTIONS,
      seconds: settings.seconds,
      articles: served.articleCount,
      responseBytes: served.bytes,
      setupQueue: queue,
      rounds: measuredRounds,
    },
    baseline: {
      url: path,
      connections: CONNECTIONS,
      seconds: settings.seconds,
      storedItemBytes: item.bodyBytes,
      responseBytes: stored.bytes,
      rounds: baselineRounds,
    },
    figures,
    notes,
  };
}

/** Where the service process's CPU went, and what a missed target comes from, in the run's own numbers. */
function limits(
  figures: readonly { metric: string; met?: boolean }[],
  run: { measuredRounds: Round[]; baselineRounds: Round[]; servedBytes: number; storedBytes: number },
): string[] {
  const missed = new Set(figures.filter((figure) => figure.met === false).map((figure) => figure.metric));
  const cpu = (rounds: readonly Round[]) => round(median(rounds.map((each) => each.serviceCpuMsPerRequest)), 2);
  const core = (rounds: readonly Round[]) =>
    round(median(rounds.map((each) => (each.requestsPerSecond * each.serviceCpuMsPerRequest) / 1000)), 2);
  const busy = (rounds: readonly Round[]) => round(median(rounds.map((each) => each.loadAverage)), 1);
  const apiCpu = cpu(run.measuredRounds);
  const baselineCpu = cpu(run.baselineRounds);
  const notes = [
    `The service process spent ${apiCpu} ms of CPU per API request and ${baselineCpu} ms per baseline request: ` +
      `on its one event loop, caps of ${Math.floor(1000 / apiCpu)} and ${Math.floor(1000 / baselineCpu)} ` +
      `requests/s even with a core to itself. It kept ${core(run.measuredRounds)} of a core busy during the API ` +
      `rounds and ${core(run.baselineRounds)} during the baseline's, sharing ${cpus().length} cores with DynamoDB ` +
      `Local, autocannon and whatever else ran (load average ${busy(run.measuredRounds)} and ` +
      `${busy(run.baselineRounds)}).`,
  ];
  if (missed.has('throughput') || missed.has('p99 latency')) {
    const apiShare = core(run.measuredRounds);
    const baselineShare = core(run.baselineRounds);
    notes.push(
      'What the API does beyond the baseline costs CPU on that one event loop: a second GetItem (the period ' +
        `state, for \`stale\`), parsing the ${run.storedBytes}-byte stored JSON and serializing the ` +
        `${run.servedBytes}-byte page, hashing it for the ETag, the middy middleware, and the bridge building ` +
        `an API Gateway event. ${shareVerdict(apiShare, baselineShare)}`,
    );
  }
  if (missed.has('errors') || missed.has('non-2xx responses')) {
    notes.push('Errors or non-2xx answers under load: see the rounds in `measured` for when they happened.');
  }
  return notes;
}

/** How the service process's share of the cores compares between the two kinds of rounds, and what that says. */
function shareVerdict(api: number, baseline: number): string {
  if (api > baseline * 1.15) {
    return (
      'The process was busier during the API rounds than during the baseline rounds, which were held back ' +
      "elsewhere (DynamoDB Local or the machine's other load): the API's extra CPU per request is what holds it back."
    );
  }
  if (api < baseline * 0.85) {
    return (
      'The process got less of the cores during the API rounds than during the baseline rounds, so part of the ' +
      "gap is the machine's other load rather than the API: compare the rounds in `measured` and `baseline`."
    );
  }
  return (
    'The process got about the same share of the cores either way, so throughput followed CPU per request, ' +
    'and requests queueing behind it stretched the tail.'
  );
}

async function probe(url: string): Promise<{ status: number; bytes: number; articleCount: number | null }> {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  const parsed = JSON.parse(body.toString('utf8')) as { articleCount?: number };
  return { status: response.status, bytes: body.length, articleCount: parsed.articleCount ?? null };
}

function load(url: string, seconds: number): Promise<Omit<Round, 'serviceCpuMsPerRequest' | 'loadAverage'>> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        maxOverallRequests: MAX_REQUESTS_PER_SECOND * seconds,
      },
      (error: unknown, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requestsPerSecond: round(result.requests.total / result.duration, 1),
          p50Ms: round(percentile(latencies, 50), 3),
          p99Ms: round(percentile(latencies, 99), 3),
          requests: result.requests.total,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
        });
      },
    );
    // autocannon's own histogram counts whole milliseconds, too coarse for sub-millisecond loopback answers.
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], percent: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((percent / 100) * sorted.length) - 1)] as number;
}

export const apiLoad: Benchmark = { name: 'api', run };
