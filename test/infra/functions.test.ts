import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectFunctions, resourcesOf, synth } from './synth';

const dev = synth('dev');
const functions = projectFunctions(dev, dev.service);

describe('project functions', () => {
  it('are the three handlers under functions/, all in the service stack', () => {
    expect([...functions.keys()].sort()).toEqual(['api', 'generate-digests', 'ingest']);
    expect(projectFunctions(dev, dev.data).size).toBe(0);
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

  it('gives the bucket name to the ingest function only', () => {
    const withBucket = [...functions].filter(
      ([, { resource }]) => resource.Properties.Environment.Variables.BUCKET_NAME,
    );
    expect(withBucket.map(([name]) => name)).toEqual(['ingest']);
  });

  it.each([...functions])('%s logs to its own log group kept for a month', (_name, { resource }) => {
    const logGroupId = resource.Properties.LoggingConfig?.LogGroup?.Ref as string;
    expect(resourcesOf(dev.service, 'AWS::Logs::LogGroup')[logGroupId]).toMatchObject({
      Properties: { RetentionInDays: 30 },
      DeletionPolicy: 'Delete',
    });
  });

  it('keeps production logs when the stack is deleted', () => {
    const prod = synth('prod');
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
});
