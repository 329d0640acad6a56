import { fork } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * One measurement in a process of its own, for the benchmarks that report peak memory: a process's
 * high-water mark is its own, so only a fresh one per measurement says what that measurement needed,
 * untouched by the heap of whatever ran before it in the benchmark process.
 */

const PROJECT_ROOT = resolve(import.meta.dirname, '..');

type Message<T> = { readonly result: T } | { readonly error: string };

/**
 * Runs `script` (a TypeScript file that calls `reportToParent`) with `args` and answers what it reported.
 * Its output goes to stderr with the progress, keeping stdout for the results table.
 */
export function runChild<T>(script: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = fork(resolve(import.meta.dirname, script), [...args], {
      cwd: PROJECT_ROOT,
      execPath: process.execPath,
      // --expose-gc: the child collects before it reads the memory its input takes.
      execArgv: ['--import', 'tsx', '--expose-gc'],
      env,
      stdio: ['ignore', 2, 2, 'ipc'],
    });
    let message: Message<T> | undefined;
    child.once('message', (received: Message<T>) => {
      message = received;
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (message && 'result' in message) resolvePromise(message.result);
      else reject(new Error(`${script} ${args.join(' ')}: ${message?.error ?? `exited with ${code ?? signal}`}`));
    });
  });
}

/** The child's side: runs `measure` and hands its result (or its failure) to the parent, then ends the process. */
export async function reportToParent<T>(measure: () => Promise<T>): Promise<void> {
  let message: Message<T>;
  try {
    message = { result: await measure() };
  } catch (error) {
    message = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    process.exitCode = 1;
  }
  const send = process.send?.bind(process);
  if (send) await new Promise<void>((done) => send(message, undefined, {}, () => done()));
  // Run by hand, without a parent: the result is printed instead.
  else console.log(JSON.stringify(message, null, 2));
  // Whatever the measured code left open (an SDK client's sockets) must not keep the process, nor its parent, waiting.
  process.exit();
}

/** The settings a service process reads: a child gets them from its benchmark, never from the shell or another benchmark. */
const SERVICE_SETTINGS =
  /^(AWS_|POWERTOOLS_|TABLE_NAME$|BUCKET_NAME$|INGEST_QUEUE_URL$|MAX_RECEIVE_COUNT$|S3_FORCE_PATH_STYLE$)/;

/** This process's environment without the service's settings, for a child that is given its own. */
export function environmentWithoutServiceSettings(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !SERVICE_SETTINGS.test(name)));
}

const MIB = 2 ** 20;

/** The most memory this process has held resident so far, in MB of 2^20 bytes (maxRSS comes in KiB). */
export function peakRssMb(): number {
  return (process.resourceUsage().maxRSS * 1024) / MIB;
}

/** Resident memory now, after a full collection: what the live objects take, garbage left aside. */
export function settledRssMb(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss / MIB;
}
