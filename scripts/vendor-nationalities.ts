/**
 * `node --import tsx scripts/vendor-nationalities.ts`: writes functions/core/lang/nationality-data.ts, the adjectives
 * of nationality of i18n-nationality for the languages the service has packs of, so that a bundle carries those
 * lists (about 20 KB) and not the package's loader. test/unit/names.test.ts fails when the copy no longer matches.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const NATIONALITY_FILE = resolve(import.meta.dirname, '../functions/core/lang/nationality-data.ts');

/** The package's languages that the service has a pack of (it has no Frisian). */
export const NATIONALITY_LANGUAGES = ['nl', 'en', 'de', 'fr', 'it', 'es'] as const;

/** Between the entries of a language: a character no adjective holds. */
const SEPARATOR = ';';

const require = createRequire(import.meta.url);

/** The package's list of one language: ISO 3166-1 alpha-2 code → adjective of nationality. */
export function packageNationalities(language: string): Record<string, string> {
  const path = require.resolve(`i18n-nationality/langs/${language}.json`);
  return (JSON.parse(readFileSync(path, 'utf8')) as { nationalities: Record<string, string> }).nationalities;
}

export function vendorNationalities(): string {
  const version = (require('i18n-nationality/package.json') as { version: string }).version;
  const lines = NATIONALITY_LANGUAGES.map((language) => {
    const entries = Object.entries(packageNationalities(language));
    if (entries.some(([code, adjective]) => code.length !== 2 || adjective.includes(SEPARATOR))) {
      throw new Error(`A ${language} entry is no two-letter code or holds ${SEPARATOR}`);
    }
    const list = entries.map(([code, adjective]) => `${code} ${adjective}`).join(SEPARATOR);
    return `  ${language}: adjectives(${JSON.stringify(list)}),`;
  });
  return [
    '/**',
    ` * The adjectives of nationality of i18n-nationality ${version} (MIT), by language and ISO 3166-1 alpha-2 code, generated`,
    ' * by scripts/vendor-nationalities.ts from node_modules/i18n-nationality: "Russisch", "Russian", "Russe" for RU.',
    ' * A function of one string per language, so that the objects are made when names.ts first reads them and not by',
    ' * every bundle at init, and V8 scans six strings at load rather than parsing 1,500 object properties.',
    ' */',
    '',
    `/** "AF Afghaan${SEPARATOR}AL Albanees" → { AF: "Afghaan", AL: "Albanees" }: a code, a space and the adjective. */`,
    'const adjectives = (list: string): Readonly<Record<string, string>> =>',
    `  Object.fromEntries(list.split('${SEPARATOR}').map((entry) => [entry.slice(0, 2), entry.slice(3)]));`,
    '',
    '// biome-ignore format: generated data, one language per line',
    'export const nationalities = (): Readonly<Record<string, Readonly<Record<string, string>>>> => ({',
    ...lines,
    '});',
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(NATIONALITY_FILE, vendorNationalities());
  console.log(`wrote ${NATIONALITY_FILE}`);
}
