import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIDE_BUNDLES } from '../../lib/service-function';
import { projectFunctions, resourcesOf, roleOf, synth } from './synth';

const dev = synth('dev');
const prod = synth('prod');
const functions = projectFunctions(dev, dev.service);
const FUNCTIONS_DIR = new URL('../../functions/', import.meta.url);

/** Every folder under functions/ with a handler is a deployable function. */
const handlerFolders = readdirSync(FUNCTIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .filter((entry) => readdirSync(new URL(`${entry.name}/`, FUNCTIONS_DIR)).includes('handler.ts'))
  .map((entry) => entry.name)
  .sort();

describe('project functions', () => {
  it('are the three handlers under functions/, all in the service stack', () => {
    expect(handlerFolders).toEqual(['api', 'generate-digests', 'ingest']);
    expect([...functions.keys()].sort()).toEqual(handlerFolders);
    expect(projectFunctions(dev, dev.data).size).toBe(0);
  });

  it('all run on Node.js 24, in both stages', () => {
    // Not per name: a function added later is caught as well.
    for (const synthesized of [dev, prod]) {
      const runtimes = [...projectFunctions(synthesized, synthesized.service).values()].map(
        ({ resource }) => resource.Properties.Runtime,
      );
      expect(runtimes).toHaveLength(handlerFolders.length);
      expect(new Set(runtimes)).toEqual(new Set(['nodejs24.x']));
    }
  });

  it.each([...functions])('%s runs on Node.js 24 on arm64 with tracing and source maps', (name, { resource }) => {
    expect(resource.Properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      TracingConfig: { Mode: 'Active' },
      Environment: {
        Variables: {
          NODE_OPTIONS: '--enable-source-maps',
          POWERTOOLS_SERVICE_NAME: name,
          POWERTOOLS_METRICS_NAMESPACE: 'HeadlineDigest',
          TABLE_NAME: expect.anything(),
        },
      },
    });
  });

  it('sizes each function for its work', () => {
    const sizing = Object.fromEntries(
      [...functions].map(([name, { resource }]) => [
        name,
        { timeout: resource.Properties.Timeout, memory: resource.Properties.MemorySize },
      ]),
    );
    expect(sizing).toEqual({
      api: { timeout: 10, memory: 512 },
      ingest: { timeout: 30, memory: 512 },
      'generate-digests': { timeout: 300, memory: 1024 },
    });
  });

  it('gives the bucket name to the ingest function and the generator, and the queue URL to the generator only', () => {
    const withVariable = (variable: string) =>
      [...functions]
        .filter(([, { resource }]) => resource.Properties.Environment.Variables[variable])
        .map(([name]) => name)
        .sort();
    expect(withVariable('BUCKET_NAME')).toEqual(['generate-digests', 'ingest']);
    expect(withVariable('INGEST_QUEUE_URL')).toEqual(['generate-digests']);
    const [queueId] = Object.entries(resourcesOf(dev.service, 'AWS::SQS::Queue')).find(
      ([, queue]) => queue.Properties?.RedrivePolicy,
    ) ?? [''];
    expect(functions.get('generate-digests')?.resource.Properties.Environment.Variables.INGEST_QUEUE_URL).toEqual({
      Ref: queueId,
    });
  });

  it.each([...functions])('%s has a role of its own with no AWS managed policy', (_name, { resource }) => {
    const [, role] = roleOf(dev.service, resource);
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } },
    ]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const roles = [...functions.values()].map((fn) => roleOf(dev.service, fn.resource)[0]);
    expect(new Set(roles).size).toBe(functions.size);
  });

  it.each([...functions])('%s logs to its own log group kept for a month', (_name, { resource }) => {
    const logGroupId = resource.Properties.LoggingConfig?.LogGroup?.Ref as string;
    expect(resourcesOf(dev.service, 'AWS::Logs::LogGroup')[logGroupId]).toMatchObject({
      Properties: { RetentionInDays: 30 },
      DeletionPolicy: 'Delete',
    });
  });

  it('keeps production logs when the stack is deleted', () => {
    for (const { resource } of projectFunctions(prod, prod.service).values()) {
      const logGroupId = resource.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(resourcesOf(prod.service, 'AWS::Logs::LogGroup')[logGroupId]).toMatchObject({ DeletionPolicy: 'Retain' });
    }
  });

  it.each([...functions])(
    '%s is bundled as an ES module that can still require() CommonJS dependencies',
    (_name, fn) => {
      const bundle = readFileSync(join(fn.assetDirectory, 'index.mjs'), 'utf8');
      expect(bundle.startsWith('import { createRequire }')).toBe(true);
      expect(bundle).toMatch(/export\s*\{[^}]*\bhandler\b[^}]*\}/);
    },
  );

  it.each([...functions])('%s carries its side bundles beside index.mjs, and only those', (name, fn) => {
    const sideFiles = readdirSync(fn.assetDirectory)
      .filter((file) => file.endsWith('.mjs') && file !== 'index.mjs')
      .sort();
    expect(sideFiles).toEqual((SIDE_BUNDLES[name] ?? []).map((module) => `${module}.mjs`).sort());
  });

  it('leaves the feeds, the OpenAPI document and on-demand digests out of the API bundle init loads', () => {
    const { assetDirectory } = functions.get('api') ?? {};
    if (!assetDirectory) throw new Error('no api function');
    const bundle = readFileSync(join(assetDirectory, 'index.mjs'), 'utf8');
    const side = readFileSync(join(assetDirectory, 'on-demand.mjs'), 'utf8');
    // Text that minifying keeps: the feed library's Atom namespace, a description of the OpenAPI document.
    for (const marker of ['http://www.w3.org/2005/Atom', 'title line as written (up to 40 words)']) {
      expect(bundle).not.toContain(marker);
      expect(side).toContain(marker);
    }
    expect(side.startsWith('import { createRequire }')).toBe(true);
    expect(side).toMatch(/export\s*\{[^}]*\bcomputeDigest\b[^}]*\}/);
    // The handler imports it by a name esbuild cannot follow, so that it stays out of index.mjs.
    expect(bundle).toContain('on-demand');
  });
});

describe('every Lambda function, CDK helpers included', () => {
  // CDK's custom resource handlers (bucket notifications, seed deployment, auto-delete) log too;
  // a group Lambda created on its own would have no retention and outlive `cdk destroy`.
  it.each([
    ['dev', dev, 'Delete'],
    ['prod', prod, 'Retain'],
  ] as const)('logs, in %s, to a log group of its stack with a retention', (_stage, synthesized, deletionPolicy) => {
    for (const template of [synthesized.data, synthesized.service]) {
      const logGroups = resourcesOf(template, 'AWS::Logs::LogGroup');
      const lambdas = Object.entries(resourcesOf(template, 'AWS::Lambda::Function'));
      for (const [id, fn] of lambdas) {
        const logGroupId = fn.Properties?.LoggingConfig?.LogGroup?.Ref;
        expect({ id, logGroup: logGroups[logGroupId] }).toMatchObject({
          id,
          logGroup: { Properties: { RetentionInDays: 30 }, DeletionPolicy: deletionPolicy },
        });
      }
    }
    // The data stack has the auto-delete handler in dev only; the service stack has five.
    expect(Object.keys(resourcesOf(synthesized.service, 'AWS::Lambda::Function'))).toHaveLength(5);
  });
});
