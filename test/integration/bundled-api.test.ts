import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { build } from 'esbuild';
import { buildSideBundles, esbuildOptions } from '../../lib/bundling';
import { FUNCTION_NODE_OPTIONS } from '../../lib/service-function';
import { toHttpApiEvent } from '../../scripts/local/http-api-bridge';
import { seedFiles } from '../seed-files';
import { call, type Service, startService, uploadAndIngest } from './support';

/**
 * The API as deployed: its bundle and its side bundle (lib/bundling.ts) built as CDK builds them, loaded by a Node
 * process of its own, as Lambda loads the asset. The other tests run the handler from its sources, where the side
 * module is imported as TypeScript; this one proves the bundle finds on-demand.mjs beside it and that what it
 * computes there is what the sources compute.
 */
const RUNNER = `import { readFileSync, writeFileSync } from 'node:fs';
const [bundle, eventsFile, resultsFile] = process.argv.slice(2);
const { handler } = await import(bundle);
const context = {
  functionName: 'api', functionVersion: '$LATEST', memoryLimitInMB: '512', awsRequestId: 'bundled-api-test',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:api', logGroupName: '/aws/lambda/api',
  logStreamName: 'local', callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => 10_000,
};
const results = [];
for (const event of JSON.parse(readFileSync(eventsFile, 'utf8'))) results.push(await handler(event, context));
// A file, not stdout: the handler's logger writes there.
writeFileSync(resultsFile, JSON.stringify(results));
`;

const URLS = ['/digests/2021-12', '/digests/2021-12?format=atom', '/openapi.json'] as const;

let service: Service;
let directory: string;
let results: APIGatewayProxyStructuredResultV2[];

beforeAll(async () => {
  service = await startService();
  // No digest generated: the digest is computed on demand, by the side bundle.
  await uploadAndIngest(service, Object.fromEntries(seedFiles));
  directory = await mkdtemp(join(tmpdir(), 'bundled-api-'));
  await build({
    ...esbuildOptions(),
    entryPoints: ['functions/api/handler.ts'],
    outfile: join(directory, 'index.mjs'),
  });
  await buildSideBundles('api', directory);
  const eventsFile = join(directory, 'events.json');
  const resultsFile = join(directory, 'results.json');
  await writeFile(eventsFile, JSON.stringify(URLS.map((url) => toHttpApiEvent({ method: 'GET', url }))));
  await writeFile(join(directory, 'runner.mjs'), RUNNER);
  await promisify(execFile)(
    process.execPath,
    [join(directory, 'runner.mjs'), pathToFileURL(join(directory, 'index.mjs')).href, eventsFile, resultsFile],
    { env: { ...process.env, NODE_OPTIONS: FUNCTION_NODE_OPTIONS, POWERTOOLS_LOG_LEVEL: 'ERROR' }, timeout: 60_000 },
  );
  results = JSON.parse(await readFile(resultsFile, 'utf8')) as APIGatewayProxyStructuredResultV2[];
}, 120_000);

afterAll(async () => {
  await service.close();
  await rm(directory, { recursive: true, force: true });
});

describe('the API bundle as deployed', () => {
  it('computes a digest on demand in its side bundle, as the sources do', async () => {
    const [digest] = results;
    expect(digest?.statusCode).toBe(200);
    const bundled = JSON.parse(String(digest?.body));
    const { body: fromSources } = await call(service, '/digests/2021-12');
    expect(bundled.articleCount).toBe(2);
    // Stamped with the time of its request, the rest the same.
    expect({ ...bundled, generatedAt: undefined }).toEqual({ ...fromSources, generatedAt: undefined });
  });

  it('renders a feed and the OpenAPI document from its side bundle', () => {
    const [, feed, document] = results;
    expect(feed?.statusCode).toBe(200);
    expect(String(feed?.body)).toMatch(/^<\?xml[^>]*\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/u);
    expect(String(feed?.body)).toContain('Gesprek tussen Biden en Poetin afgelopen');
    expect(document?.statusCode).toBe(200);
    expect(JSON.parse(String(document?.body))).toMatchObject({ openapi: '3.1.0', info: { title: 'headline-digest' } });
  });
});
