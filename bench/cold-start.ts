import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { buildSideBundles, esbuildOptions } from '../lib/bundling';
import { FUNCTION_NODE_OPTIONS, METRICS_NAMESPACE } from '../lib/service-function';
import { INGEST_MAX_RECEIVE_COUNT } from '../lib/service-stack';
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
 * Benchmark 1 (issue #8): each function's production bundle, built with the options CDK deploys it
 * with, against a bundle that only constructs a DynamoDB client. Init time is measured in fresh Node
 * processes, alternating with the baseline's, so that the drift of a shared machine hits both alike.
 */

const ROOT = resolve(import.meta.dirname, '..');
const MAX_BUNDLE_BYTES = 1_048_576;
const ROUNDS = { quick: 3, full: 25 };
const LARGEST_INPUTS = 8;

const TABLE_NAME = 'bench-table';
const BUCKET_NAME = 'bench-seeds';

interface Subject {
  readonly name: string;
  /** The entry as CDK is given it, or the baseline's source. */
  readonly entry: { readonly path: string } | { readonly contents: string };
  /** The settings the handler reads at start-up, as the stack sets them. */
  readonly environment: Readonly<Record<string, string>>;
  /** Issue #18's bound on its init time over the baseline's: the API answers readers, so its cold start is tighter. */
  readonly maxInitRatio?: number;
}

const BASELINE: Subject = {
  name: 'baseline',
  entry: {
    contents: [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      'export const client = new DynamoDBClient({});',
      'export const handler = async () => undefined;',
    ].join('\n'),
  },
  environment: {},
};

const FUNCTIONS: readonly Subject[] = [
  { name: 'api', entry: { path: 'functions/api/handler.ts' }, environment: { TABLE_NAME }, maxInitRatio: 1.25 },
  {
    name: 'ingest',
    entry: { path: 'functions/ingest/handler.ts' },
    environment: { TABLE_NAME, BUCKET_NAME, MAX_RECEIVE_COUNT: String(INGEST_MAX_RECEIVE_COUNT) },
    maxInitRatio: 1.5,
  },
  {
    name: 'generate-digests',
    entry: { path: 'functions/generate-digests/handler.ts' },
    environment: {
      TABLE_NAME,
      BUCKET_NAME,
      INGEST_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/123456789012/bench-ingest',
    },
    maxInitRatio: 1.5,
  },
];

/**
 * What ingest's init leaves to a container's first article: the analysis of one article right after importing a
 * bundle of the core built as the functions are, against the next article in the same process. The language packs,
 * tinyld's model, the pattern tags' expressions and the name tables are built on first use (core/lazy.ts), so the init
 * figure alone would hide what moved out of it.
 */
const FIRST_ARTICLE: Subject = {
  name: 'ingest-first-article',
  entry: {
    contents: [
      "export { parseSeed } from './functions/core/seed';",
      "export { summarizeArticle } from './functions/core/article';",
    ].join('\n'),
  },
  environment: {},
};
const SEEDS_DIRECTORY = join(ROOT, 'seeds');

const FIRST_ARTICLE_PROBE = `import { readFileSync } from 'node:fs';
const [first, second] = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const { parseSeed, summarizeArticle } = await import(process.argv[2]);
let started = performance.now();
summarizeArticle(parseSeed(first));
const firstMs = performance.now() - started;
started = performance.now();
summarizeArticle(parseSeed(second));
process.stdout.write(JSON.stringify({ firstMs, secondMs: performance.now() - started }));
`;

/**
 * Times the import inside the child, so that spawning a process is not counted; `performance.now()`
 * counts from the process's start, so `readyMs` is how long until the handler could take an event.
 */
const PROBE = `const started = performance.now();
await import(process.argv[2]);
const ready = performance.now();
process.stdout.write(JSON.stringify({ importMs: ready - started, readyMs: ready }));
`;

interface Bundle {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly sourceMapBytes: number;
  /** Bytes each package (or project file) puts into the bundle, largest first. */
  readonly largestInputs: readonly { readonly input: string; readonly bytes: number; readonly files: number }[];
  /** The function's side bundles (lib/bundling.ts): built beside it, imported on first need, not at init. */
  readonly sideBundles: readonly { readonly module: string; readonly bytes: number }[];
}

async function bundle(subject: Subject, directory: string): Promise<Bundle> {
  const options = esbuildOptions();
  const file = join(directory, subject.name, options.format === 'esm' ? 'index.mjs' : 'index.js');
  const entry =
    'path' in subject.entry
      ? { entryPoints: [subject.entry.path] }
      : {
          stdin: {
            contents: subject.entry.contents,
            resolveDir: ROOT,
            sourcefile: 'baseline.ts',
            loader: 'ts' as const,
          },
        };
  const { metafile } = await build({ ...options, ...entry, outfile: file });
  const sides = 'path' in subject.entry ? await buildSideBundles(subject.name, dirname(file)) : [];
  const sideBundles = await Promise.all(
    sides.map(async ({ module, file: sideFile }) => ({ module, bytes: (await readFile(sideFile)).length })),
  );
  const code = await readFile(file);
  const sourceMap = options.sourcemap ? (await readFile(`${file}.map`)).length : 0;
  return {
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    sourceMapBytes: sourceMap,
    largestInputs: largestInputs(metafile),
    sideBundles,
  };
}

function largestInputs(metafile: Metafile) {
  // One build, one entry: its outputs are the bundle and its source map.
  const output = Object.entries(metafile.outputs).find(([path]) => !path.endsWith('.map'))?.[1];
  if (!output) throw new Error("esbuild's metafile names no bundle");
  const totals = new Map<string, { bytes: number; files: number }>();
  for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
    const input = packageOf(path);
    const total = totals.get(input) ?? { bytes: 0, files: 0 };
    total.bytes += bytesInOutput;
    total.files += 1;
    totals.set(input, total);
  }
  return [...totals]
    .map(([input, total]) => ({ input, ...total }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, LARGEST_INPUTS);
}

/** `@smithy/core` for any file of that package, however deeply nested; a project file by its own path. */
function packageOf(path: string): string {
  const inside = path.split('node_modules/').at(-1) ?? path;
  if (inside === path) return path;
  const [scope, name] = inside.split('/');
  return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? path);
}

interface Sample {
  readonly importMs: number;
  readonly readyMs: number;
  /** Spawn to exit, seen from this process. */
  readonly wallMs: number;
}

const execute = promisify(execFile);

async function probe(probeFile: string, subject: Subject, bundled: Bundle): Promise<Sample> {
  // Only what Lambda would set: nothing from this shell (AWS_PROFILE, NODE_OPTIONS, …) leaks in.
  const env = {
    NODE_OPTIONS: FUNCTION_NODE_OPTIONS,
    POWERTOOLS_SERVICE_NAME: subject.name,
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    POWERTOOLS_LOG_LEVEL: 'SILENT',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDBENCHMARK',
    AWS_SECRET_ACCESS_KEY: 'benchmark',
    ...subject.environment,
  };
  const started = performance.now();
  const { stdout } = await execute(process.execPath, [probeFile, pathToFileURL(bundled.file).href], {
    env,
    timeout: 60_000,
  });
  const wallMs = performance.now() - started;
  const { importMs, readyMs } = JSON.parse(stdout) as { importMs: number; readyMs: number };
  return { importMs, readyMs, wallMs };
}

const summary = (samples: readonly Sample[], key: keyof Sample) => {
  const values = samples.map((sample) => round(sample[key], 3));
  return { median: round(median(values), 3), samples: values };
};

const raw = (bundled: Bundle, samples: readonly Sample[]) => ({
  bytes: bundled.bytes,
  gzipBytes: bundled.gzipBytes,
  sourceMapBytes: bundled.sourceMapBytes,
  largestInputs: bundled.largestInputs,
  sideBundles: bundled.sideBundles,
  importMs: summary(samples, 'importMs'),
  readyMs: summary(samples, 'readyMs'),
  wallMs: summary(samples, 'wallMs'),
});

function quartiles(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) => round(sorted[Math.round(share * (sorted.length - 1))] as number, 3);
  return { p25: at(0.25), median: round(median(sorted), 3), p75: at(0.75) };
}

const kib = (bytes: number) => `${round(bytes / 1024, 1)} KiB`;
const describeInputs = (bundled: Bundle) =>
  bundled.largestInputs
    .slice(0, 5)
    .map(({ input, bytes, files }) => `${input} ${kib(bytes)} (${files} file${files === 1 ? '' : 's'})`)
    .join(', ');

async function run(context: BenchContext): Promise<readonly BenchmarkResult[]> {
  const directory = await mkdtemp(join(tmpdir(), 'cold-start-'));
  try {
    const subjects = [BASELINE, ...FUNCTIONS];
    context.log(`bundling ${subjects.map((subject) => subject.name).join(', ')} as CDK does`);
    const bundles = await Promise.all(subjects.map((subject) => bundle(subject, directory)));
    const probeFile = join(directory, 'probe.mjs');
    await writeFile(probeFile, PROBE);

    const rounds = context.quick ? ROUNDS.quick : ROUNDS.full;
    const loadAverage = { before: round(loadavg()[0] ?? 0, 2), after: 0 };
    const samples = subjects.map((): Sample[] => []);
    // Cycle 0 is discarded: it pays for reading the bundles into the page cache, which the rest would not.
    for (let cycle = 0; cycle <= rounds; cycle++) {
      context.log(cycle === 0 ? 'warming up' : `round ${cycle}/${rounds}`);
      // A different subject goes first each cycle, so none always follows a pause or a particular neighbour.
      for (let step = 0; step < subjects.length; step++) {
        const index = (cycle + step) % subjects.length;
        const sample = await probe(probeFile, subjects[index] as Subject, bundles[index] as Bundle);
        if (cycle > 0) samples[index]?.push(sample);
      }
    }

    const firstArticle = await measureFirstArticle(context, directory, rounds);
    loadAverage.after = round(loadavg()[0] ?? 0, 2);
    const [baselineBundle, ...functionBundles] = bundles as [Bundle, ...Bundle[]];
    const [baselineSamples, ...functionSamples] = samples as [Sample[], ...Sample[][]];
    const baseline = raw(baselineBundle, baselineSamples);
    const results = FUNCTIONS.map((subject, index): BenchmarkResult => {
      const maxInitRatio = subject.maxInitRatio ?? 1.5;
      const bundled = functionBundles[index] as Bundle;
      const own = functionSamples[index] as Sample[];
      const measured = {
        ...raw(bundled, own),
        // Each cycle's import time over the baseline's in that cycle: how steady the ratio was while the machine drifted.
        pairedImportRatios: quartiles(
          own.map((sample, cycle) => sample.importMs / (baselineSamples[cycle] as Sample).importMs),
        ),
        loadAverage,
      };
      const figures = [
        ratioFigure('init time (median import)', 'ms', measured.importMs.median, baseline.importMs.median, {
          max: maxInitRatio,
        }),
        ratioFigure('process start to ready (median)', 'ms', measured.readyMs.median, baseline.readyMs.median),
        valueFigure('bundle size (minified)', 'bytes', bundled.bytes, { max: MAX_BUNDLE_BYTES }, baselineBundle.bytes),
        valueFigure('bundle size (gzipped)', 'bytes', bundled.gzipBytes, undefined, baselineBundle.gzipBytes),
        // Loaded by the first request that needs one, not at init: not in the init time above.
        ...bundled.sideBundles.map(({ module, bytes }) =>
          valueFigure(`side bundle ${module}.mjs (minified, loaded on first need)`, 'bytes', bytes, {
            max: MAX_BUNDLE_BYTES,
          }),
        ),
      ];
      const notes = [
        `Init: median of ${rounds} fresh \`node ${FUNCTION_NODE_OPTIONS}\` processes (${process.version}) awaiting ` +
          'import() of the bundle, clients constructed at module scope; alternated with the baseline, which only ' +
          'constructs a DynamoDBClient. Lambda’s own runtime bootstrap is in neither.',
      ];
      const busiest = Math.max(loadAverage.before, loadAverage.after);
      if (busiest > cpus().length) {
        notes.push(
          `The machine was busy (load average ${busiest} on ${cpus().length} cores): init times are noisier than ` +
            `usual; pairedImportRatios shows how far each cycle's ratio strayed.`,
        );
      }
      if (bundled.bytes > MAX_BUNDLE_BYTES) {
        notes.push(
          `The bundle is ${bundled.bytes - MAX_BUNDLE_BYTES} bytes over 1 MiB. Largest inputs (esbuild metafile, ` +
            `bytes in output): ${describeInputs(bundled)}.`,
        );
      }
      const initRatio = measured.importMs.median / baseline.importMs.median;
      if (initRatio > maxInitRatio) {
        notes.push(
          `Init takes ${round(initRatio, 2)}× the baseline's. Before the handler exists V8 compiles the whole ` +
            `bundle and runs every module's top level, so init grows with its size (${kib(bundled.bytes)} against ` +
            `${kib(baselineBundle.bytes)}) and with work done at module scope. Largest inputs: ${describeInputs(bundled)}.`,
        );
      }
      return {
        name: `cold-start:${subject.name}`,
        description: `The ${subject.name} function's production bundle: size, and init time against a bundle that only constructs a DynamoDB client`,
        measured,
        baseline,
        figures,
        notes,
      };
    });
    return [...results, firstArticle];
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

async function measureFirstArticle(context: BenchContext, directory: string, rounds: number): Promise<BenchmarkResult> {
  const bundled = await bundle(FIRST_ARTICLE, directory);
  const probeFile = join(directory, 'first-article.mjs');
  await writeFile(probeFile, FIRST_ARTICLE_PROBE);
  const seeds = (await readdir(SEEDS_DIRECTORY)).filter((file) => file.endsWith('.txt')).sort();
  if (seeds.length < 2) throw new Error(`cold-start needs two seed files in ${SEEDS_DIRECTORY}`);
  const texts = await Promise.all(seeds.slice(0, 2).map((file) => readFile(join(SEEDS_DIRECTORY, file), 'utf8')));
  const textsFile = join(directory, 'first-article-texts.json');
  await writeFile(textsFile, JSON.stringify(texts));
  const samples: { firstMs: number; secondMs: number }[] = [];
  // Cycle 0 reads the bundle into the page cache, as the init rounds' first cycle does.
  for (let cycle = 0; cycle <= rounds; cycle++) {
    context.log(`first article ${cycle}/${rounds}`);
    const { stdout } = await execute(process.execPath, [probeFile, pathToFileURL(bundled.file).href, textsFile], {
      env: { NODE_OPTIONS: FUNCTION_NODE_OPTIONS },
      timeout: 60_000,
    });
    if (cycle > 0) samples.push(JSON.parse(stdout) as { firstMs: number; secondMs: number });
  }
  const first = median(samples.map((sample) => sample.firstMs));
  const second = median(samples.map((sample) => sample.secondMs));
  return {
    name: 'cold-start:ingest-first-article',
    description:
      "What ingest's init leaves to a container's first article: its analysis (parseSeed + summarizeArticle) right " +
      'after import, against the next article in the same process',
    measured: {
      firstMs: { median: round(first, 3), samples: samples.map((sample) => round(sample.firstMs, 3)) },
      bytes: bundled.bytes,
    },
    baseline: {
      secondMs: { median: round(second, 3), samples: samples.map((sample) => round(sample.secondMs, 3)) },
    },
    figures: [ratioFigure('first article’s analysis after init (median)', 'ms', first, second)],
    notes: [
      `Median of ${rounds} fresh \`node ${FUNCTION_NODE_OPTIONS}\` processes importing a bundle of the core built ` +
        `as the functions are, then analysing the two seeds in turn: the first pays for what init leaves to first ` +
        'use (the language packs, tinyld’s model, the patterns, the name tables) and for compiling the analysis; ' +
        'no target, shown so that moving work out of init cannot hide it.',
    ],
  };
}

export const coldStart: Benchmark = { name: 'cold-start', run };
