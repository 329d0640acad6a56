import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../scripts/local/stack';
import { fetchJson } from './support';

/** The README's first command, as a user runs it: every engine started, and stopped again by Ctrl-C. */
let child: ChildProcess;
let output = '';
let localDirectory: string;

beforeAll(async () => {
  localDirectory = await mkdtemp(join(tmpdir(), 'headline-digest-start-'));
  // The same command line as `npm start`, on the Node that runs the tests.
  child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      S3_PORT: '0',
      DYNAMODB_PORT: '0',
      LOCAL_DIR: localDirectory,
      DYNAMODB_LOCAL_DIR: join(PROJECT_ROOT, '.local', 'dynamodb-local'),
      GENERATE_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`npm start exited early with ${code}:\n${output}`)));
  });
});

afterAll(async () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await rm(localDirectory, { recursive: true, force: true });
});

const endpoint = (label: string) => {
  const match = new RegExp(`${label}\\s+(http://\\S+)`).exec(output);
  if (!match?.[1]) throw new Error(`no ${label} endpoint in:\n${output}`);
  return match[1];
};

describe('npm start', () => {
  it('prints the API, S3 and DynamoDB endpoints and the bucket', () => {
    expect(output).toMatch(/API\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/S3\s+http:\/\/127\.0\.0\.1:\d+\s+bucket: headline-digest-seeds/);
    expect(output).toMatch(/DynamoDB\s+http:\/\/127\.0\.0\.1:\d+/);
  });

  it('serves the digest of the seeds', async () => {
    const { statusCode, body } = await fetchJson(`${endpoint('API')}/digests/2021-12`);
    expect(statusCode).toBe(200);
    expect(body.articleCount).toBe(2);
  });

  it('stops every engine it started on SIGINT', async () => {
    const dynamoDb = endpoint('DynamoDB');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(dynamoDb)).rejects.toThrow();
    await expect(fetch(endpoint('S3'))).rejects.toThrow();
  });
});
