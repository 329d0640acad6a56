import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SEEDS_DIRECTORY = resolve(import.meta.dirname, '../seeds');

/** The shipped seed files, by name, as raw bytes. */
export const seedFiles: ReadonlyMap<string, Buffer> = new Map(
  readdirSync(SEEDS_DIRECTORY)
    .sort()
    .map((name) => [name, readFileSync(join(SEEDS_DIRECTORY, name))]),
);

export function seedText(name: string): string {
  const bytes = seedFiles.get(name);
  if (!bytes) throw new Error(`no seed file ${name}`);
  return bytes.toString('utf8');
}

export const FIRST_SEED = '000_7341066c0f110c02.txt';
export const SECOND_SEED = '001_d698ae02105c592b.txt';
