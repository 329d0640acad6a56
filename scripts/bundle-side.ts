/**
 * `tsx scripts/bundle-side.ts <function> <directory>`: builds the function's side bundles (SIDE_BUNDLES in
 * lib/service-function.ts) into the directory. CDK runs it after bundling the function itself, with the asset's
 * output folder.
 */
import { buildSideBundles } from '../lib/bundling';

const [name, directory] = process.argv.slice(2);
if (!name || !directory) {
  console.error('usage: tsx scripts/bundle-side.ts <function> <directory>');
  process.exit(2);
}
const built = await buildSideBundles(name, directory);
if (built.length === 0) {
  console.error(`${name} has no side bundles (SIDE_BUNDLES in lib/service-function.ts)`);
  process.exit(2);
}
