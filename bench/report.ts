import { cpus, freemem, totalmem } from 'node:os';

/** One figure compared with its baseline: `ratio` is measured ÷ baseline. */
export interface Figure {
  readonly metric: string;
  readonly unit: string;
  readonly measured: number;
  readonly baseline: number | null;
  readonly ratio: number | null;
  /** e.g. `ratio <= 1.5`, `value <= 1048576`, `exponent <= 1.15`; absent when the figure is only reported. */
  readonly target?: string;
  readonly met?: boolean;
}

export interface BenchmarkResult {
  readonly name: string;
  readonly description: string;
  /** The raw values of the measured run and of its baseline, as collected. */
  readonly measured: Record<string, unknown>;
  readonly baseline: Record<string, unknown>;
  readonly figures: readonly Figure[];
  /** What limits a figure whose target is missed, or anything a reader must know to read it. */
  readonly notes?: readonly string[];
}

export interface BenchContext {
  /** A fast smoke run: fewer repetitions and smaller inputs; figures are not comparable to a full run. */
  readonly quick: boolean;
  /** Progress for the person watching; never part of the results. */
  log(message: string): void;
}

export interface Benchmark {
  readonly name: string;
  run(context: BenchContext): Promise<readonly BenchmarkResult[]>;
}

export interface Results {
  readonly generatedAt: string;
  readonly quick: boolean;
  readonly machine: Record<string, unknown>;
  readonly benchmarks: readonly BenchmarkResult[];
  /** Every figure with a target met it. */
  readonly allTargetsMet: boolean;
}

type Bound = { readonly max: number } | { readonly min: number };

/** A figure against its baseline, with a target on the ratio (`{ max: 1.5 }` means ratio ≤ 1.5). */
export function ratioFigure(metric: string, unit: string, measured: number, baseline: number, bound?: Bound): Figure {
  const ratio = baseline === 0 ? null : round(measured / baseline, 3);
  return {
    metric,
    unit,
    measured: round(measured, 3),
    baseline: round(baseline, 3),
    ratio,
    ...(bound && { target: `ratio ${describe(bound)}`, met: ratio !== null && within(ratio, bound) }),
  };
}

/** A figure with an absolute target (bundle bytes, an exponent, zero errors), or none; `baseline` is for context. */
export function valueFigure(
  metric: string,
  unit: string,
  measured: number,
  bound?: Bound,
  baseline: number | null = null,
): Figure {
  return {
    metric,
    unit,
    measured: round(measured, 3),
    baseline: baseline === null ? null : round(baseline, 3),
    ratio: baseline ? round(measured / baseline, 3) : null,
    ...(bound && { target: `value ${describe(bound)}`, met: within(measured, bound) }),
  };
}

function describe(bound: Bound): string {
  return 'max' in bound ? `<= ${bound.max}` : `>= ${bound.min}`;
}

function within(value: number, bound: Bound): boolean {
  return 'max' in bound ? value <= bound.max : value >= bound.min;
}

export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Least-squares slope of log(y) on log(x): how time grows with input size (1 is linear). */
export function fittedExponent(points: readonly { x: number; y: number }[]): number {
  const logs = points.map(({ x, y }) => ({ x: Math.log(x), y: Math.log(y) }));
  const meanX = logs.reduce((sum, point) => sum + point.x, 0) / logs.length;
  const meanY = logs.reduce((sum, point) => sum + point.y, 0) / logs.length;
  const covariance = logs.reduce((sum, point) => sum + (point.x - meanX) * (point.y - meanY), 0);
  const variance = logs.reduce((sum, point) => sum + (point.x - meanX) ** 2, 0);
  return covariance / variance;
}

export function machine(): Record<string, unknown> {
  const cores = cpus();
  return {
    cpu: cores[0]?.model ?? 'unknown',
    cores: cores.length,
    memoryGiB: round(totalmem() / 2 ** 30, 1),
    freeMemoryGiB: round(freemem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function collect(quick: boolean, benchmarks: readonly BenchmarkResult[]): Results {
  return {
    generatedAt: new Date().toISOString(),
    quick,
    machine: machine(),
    benchmarks,
    allTargetsMet: benchmarks.every((benchmark) => benchmark.figures.every((figure) => figure.met !== false)),
  };
}

const format = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : Number.isInteger(value) ? String(value) : value.toFixed(3);

/** The results as a Markdown table: what the terminal prints and what the README shows. */
export function table(results: Results): string {
  const rows = results.benchmarks.flatMap((benchmark) =>
    benchmark.figures.map((figure) => [
      benchmark.name,
      `${figure.metric} (${figure.unit})`,
      format(figure.measured),
      format(figure.baseline),
      format(figure.ratio),
      figure.target ?? '',
      figure.met === undefined ? '' : figure.met ? 'met' : 'MISSED',
    ]),
  );
  const header = ['benchmark', 'figure', 'measured', 'baseline', 'ratio', 'target', ''];
  const lines = [header, header.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}
