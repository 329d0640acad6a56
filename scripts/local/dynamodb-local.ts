import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB Local is AWS's own engine. The npm registry carries its jar inside the
 * amplify-dynamodb-simulator package; only that package's `emulator/` folder is used,
 * and the tarball is checked against the integrity pinned here before it is unpacked.
 */
const PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
const PACKAGE_INTEGRITY =
  'sha512-xTeeRLvzEfqyd5lh3bH4c0kHvSHHmmhD5ZDsHFKAQ5g2Zl6JqlFdutaQhCLHzxEp6Ry1o7TB6niIoXuQAnSewQ==';
const MIN_JAVA_MAJOR = 17;

export interface RunningDynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

export class MissingJavaError extends Error {
  override readonly name = 'MissingJavaError';
}

/** Fails with an actionable message when Java 17+ is not on the PATH. */
export function checkJava(): void {
  // `java -version` writes to stderr.
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new MissingJavaError(
      `DynamoDB Local needs a Java ${MIN_JAVA_MAJOR}+ runtime and 'java' could not be run (${result.error.message}). ` +
        'Install one (Debian/Ubuntu: apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17) and try again.',
    );
  }
  const major = javaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major !== undefined && major < MIN_JAVA_MAJOR) {
    throw new MissingJavaError(
      `DynamoDB Local needs Java ${MIN_JAVA_MAJOR}+, but 'java' is version ${major}. Install a newer runtime and try again.`,
    );
  }
}

export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  // Java 8 and older report themselves as 1.x.
  return first === 1 ? Number(match[2]) : first;
}

/** Downloads and verifies DynamoDB Local into `directory` unless it is already there. */
export async function ensureDynamoDbLocal(directory: string): Promise<string> {
  const jar = join(directory, 'DynamoDBLocal.jar');
  if (existsSync(jar)) return directory;
  await mkdir(join(directory, '..'), { recursive: true });
  const scratch = await mkdtemp(`${directory}.download-`);
  try {
    const packed = JSON.parse(
      execFileSync('npm', ['pack', PACKAGE, '--json', '--pack-destination', scratch], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      }),
    ) as { filename: string }[];
    const tarball = join(scratch, packed[0]?.filename ?? '');
    const integrity = `sha512-${createHash('sha512')
      .update(await readFile(tarball))
      .digest('base64')}`;
    if (integrity !== PACKAGE_INTEGRITY) {
      throw new Error(`${PACKAGE} does not match its pinned integrity (got ${integrity}); refusing to run it`);
    }
    execFileSync('tar', ['-xzf', tarball, '-C', scratch, 'package/emulator']);
    // Unpacked beside the target and renamed into place, so a half-finished download is never used.
    await rename(join(scratch, 'package', 'emulator'), directory).catch((error: NodeJS.ErrnoException) => {
      if (!existsSync(jar)) throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return directory;
}

export async function startDynamoDbLocal(options: {
  directory: string;
  port: number;
  host?: string;
  /** Keep the data in this folder, so that it survives a restart; in memory when absent. */
  dataDirectory?: string;
}): Promise<RunningDynamoDbLocal> {
  checkJava();
  const directory = await ensureDynamoDbLocal(options.directory);
  const host = options.host ?? '127.0.0.1';
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(directory, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(directory, 'DynamoDBLocal.jar'),
      ...(options.dataDirectory ? ['-dbPath', options.dataDirectory] : ['-inMemory']),
      // One database whatever region or credentials a client uses.
      '-sharedDb',
      '-port',
      String(options.port),
    ],
    // It writes a metadata file into its working directory: keep that out of the project.
    { cwd: directory, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  // Should this process die without stopping the stack, the engine must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const endpoint = `http://${host}:${options.port}`;
  await waitUntilServing(endpoint, child, () => stderr);
  return {
    endpoint,
    stop: async () => {
      process.off('exit', killOnExit);
      await stopChild(child);
    },
  };
}

async function waitUntilServing(endpoint: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited with code ${code}: ${stderr()}`)));
    child.once('error', reject);
  });
  try {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const ready = await Promise.race([
        client.send(new ListTablesCommand({})).then(
          () => true,
          () => false,
        ),
        exited,
      ]);
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    child.kill('SIGKILL');
    throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${stderr()}`);
  } finally {
    client.destroy();
    exited.catch(() => undefined);
  }
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
