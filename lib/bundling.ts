import { join, resolve } from 'node:path';
import { type BundlingOptions, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type BuildOptions, build } from 'esbuild';
import { FUNCTION_BUNDLING, FUNCTION_RUNTIME, SIDE_BUNDLES } from './service-function';

const ROOT = resolve(import.meta.dirname, '..');

/** The BundlingOptions keys this module passes to esbuild the way CDK's NodejsFunction does. */
const TRANSLATED = new Set(['format', 'minify', 'sourceMap', 'sourcesContent', 'mainFields', 'banner', 'bundleAwsSDK']);

/**
 * esbuild's options as CDK derives them from BundlingOptions (aws-lambda-nodejs bundling.ts), so that a bundle built
 * here (a side bundle, the benchmark's) is the artefact CDK deploys.
 */
export function esbuildOptions(bundling: BundlingOptions = FUNCTION_BUNDLING): BuildOptions & { metafile: true } {
  const untranslated = Object.keys(bundling).filter((key) => !TRANSLATED.has(key));
  if (untranslated.length > 0) {
    throw new Error(`lib/bundling.ts does not yet pass ${untranslated.join(', ')} to esbuild as CDK does`);
  }
  // Without it CDK marks @aws-sdk/* external, and the bundle would no longer hold what init loads.
  if (!bundling.bundleAwsSDK) throw new Error('lib/bundling.ts assumes bundleAwsSDK: the SDK inside the bundle');
  const version = /nodejs(\d+)/.exec(FUNCTION_RUNTIME.name)?.[1];
  if (!version) throw new Error(`No Node version in runtime ${FUNCTION_RUNTIME.name}`);
  return {
    bundle: true,
    platform: 'node',
    target: `node${version}`,
    format: bundling.format === OutputFormat.ESM ? 'esm' : 'cjs',
    minify: bundling.minify ?? false,
    sourcemap: bundling.sourceMap ?? false,
    ...(bundling.sourcesContent !== undefined && { sourcesContent: bundling.sourcesContent }),
    ...(bundling.mainFields && { mainFields: bundling.mainFields }),
    ...(bundling.banner && { banner: { js: bundling.banner } }),
    absWorkingDir: ROOT,
    metafile: true,
    logLevel: 'error',
  };
}

export interface SideBundle {
  readonly module: string;
  readonly file: string;
}

/** Builds the side bundles of function `name` into `directory`, with the options of its main bundle. */
export async function buildSideBundles(name: string, directory: string): Promise<SideBundle[]> {
  return Promise.all(
    (SIDE_BUNDLES[name] ?? []).map(async (module) => {
      const file = join(directory, `${module}.mjs`);
      await build({ ...esbuildOptions(), entryPoints: [join(ROOT, 'functions', name, `${module}.ts`)], outfile: file });
      return { module, file };
    }),
  );
}
