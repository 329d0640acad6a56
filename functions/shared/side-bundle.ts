/**
 * The specifier by which a module imports `name`, a module the deployed function carries as a bundle of its own beside
 * index.mjs (lib/service-function.ts, SIDE_BUNDLES): that file where the importer is the bundle, the TypeScript
 * source where it runs unbundled (tsx, Jest). The specifier is relative, so import() it in the importer's own folder;
 * it is no literal, so esbuild leaves the import to run time rather than bundling the module into the importer.
 */
export function sideBundle(importerUrl: string, name: string): string {
  return importerUrl.endsWith('.ts') ? `./${name}.ts` : `./${name}.mjs`;
}
