import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Results } from '../../bench/report';
import { PROJECT_ROOT } from '../../scripts/local/stack';

/** Benchmarks are not tests: this runs the quick mode only to prove `npm run bench` still works and writes valid results. */
const BENCHMARKS = ['cold-start', 'api', 'ingest', 'digest-core', 'generation'];

let directory: string;
let results: Results;
let table: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'headline-digest-bench-'));
  const out = join(directory, 'results.json');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bench/run.ts', '--quick', '--out', out],
    { cwd: PROJECT_ROOT, env: { ...process.env, NODE_OPTIONS: '' }, maxBuffer: 16 * 1024 * 1024 },
  );
  table = stdout;
  results = JSON.parse(await readFile(out, 'utf8')) as Results;
}, 300_000);

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('npm run bench -- --quick', () => {
  it('runs every benchmark and says it was a quick run', () => {
    expect(results.quick).toBe(true);
    const names = results.benchmarks.map((benchmark) => benchmark.name.split(':')[0]);
    expect([...new Set(names)]).toEqual(BENCHMARKS);
    expect(results.machine).toMatchObject({ cores: expect.any(Number), node: process.version });
  });

  it('gives every figure its measured value, its baseline and their ratio, and judges each target', () => {
    for (const benchmark of results.benchmarks) {
      expect(benchmark.figures.length).toBeGreaterThan(0);
      expect(benchmark.measured).toBeInstanceOf(Object);
      expect(benchmark.baseline).toBeInstanceOf(Object);
      for (const figure of benchmark.figures) {
        expect(Number.isFinite(figure.measured)).toBe(true);
        if (figure.baseline !== null && figure.ratio !== null) {
          expect(figure.ratio).toBeCloseTo(figure.measured / figure.baseline, 1);
        }
        if (figure.target !== undefined) {
          expect(figure.target).toMatch(/^(ratio|value) (<=|>=) \d/);
          expect(typeof figure.met).toBe('boolean');
        }
      }
    }
    const missed = results.benchmarks.flatMap((benchmark) =>
      benchmark.figures.filter((figure) => figure.met === false),
    );
    expect(results.allTargetsMet).toBe(missed.length === 0);
  });

  it('prints the table it wrote', () => {
    for (const benchmark of results.benchmarks) expect(table).toContain(`| ${benchmark.name} |`);
  });
});
