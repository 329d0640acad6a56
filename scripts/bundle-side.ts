/**
 * `tsx scripts/bundle-side.ts <function> <directory>`: builds the function's side bundles (lib/bundling.ts,
 * SIDE_BUNDLES) into the directory. CDK runs it after bundling the function itself (lib/service-function.ts), with
 * the asset's output folder.
 */
import { buildSideBundles } from '../lib/bundling';

const [name, directory] = process.argv.slice(2);
if (!name || !directory) {
  console.error('usage: tsx scripts/bundle-side.ts <function> <directory>');
  process.exit(2);
}
const built = await buildSideBundles(name, directory);
if (built.length === 0) {
  console.error(`${name} has no side bundles (lib/bundling.ts, SIDE_BUNDLES)`);
  process.exit(2);
}
