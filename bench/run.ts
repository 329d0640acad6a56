import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { apiLoad } from './api-load';
import { coldStart } from './cold-start';
import { digestCore } from './digest-core';
import { generation } from './generation';
import { ingest } from './ingest';
import { type Benchmark, type BenchmarkResult, collect, table } from './report';

/**
 * `npm run bench [-- --quick] [--only name,…] [--out file]`: runs every benchmark against its
 * baseline in this same run, prints the table and writes the results file.
 */
const BENCHMARKS: readonly Benchmark[] = [coldStart, apiLoad, ingest, digestCore, generation];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: resolve(import.meta.dirname, 'results.json') },
  },
});

const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; there are ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}

const context = {
  quick: values.quick,
  log: (message: string) => console.error(`  ${message}`),
};

const results: BenchmarkResult[] = [];
for (const benchmark of BENCHMARKS.filter((candidate) => !only || only.includes(candidate.name))) {
  console.error(`${benchmark.name}…`);
  results.push(...(await benchmark.run(context)));
}

const collected = collect(values.quick, results);
await mkdir(dirname(values.out), { recursive: true });
await writeFile(values.out, `${JSON.stringify(collected, null, 2)}\n`);
console.log(table(collected));
console.log(`\n${collected.allTargetsMet ? 'Every target met.' : 'Some targets MISSED: see notes in'} ${values.out}`);
