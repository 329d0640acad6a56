/**
 * npm run eval -- --entities <folder> [--verbose]: scores the names the service stores for an article (the
 * `entities` of summarizeArticle, at most MAX_ENTITIES of them) against a hand-made gold set of real crawled
 * articles, which stays outside the repository (it is third-party text).
 *
 * The folder holds seed files and a `gold.json`:
 *   {"articles":[{"file":"nl-01.txt","language":"nl","names":[["Joe Biden","Biden"],["Oekraïne"]],
 *                 "adjectives":["russische"],"notNames":["Misdaadjournalist Peter R"]}]}
 * `names` lists every entity of the article, each as the surface forms it is written in; `adjectives` and
 * `notNames` are only shown beside wrong names with --verbose.
 *
 * Counting:
 * - Two names are equal when they are after folding: lower case, accents removed (NFD, marks dropped), white space
 *   collapsed to one space and trimmed, and a trailing possessive 's or ’s removed.
 * - A found name is correct when it equals one form of one gold entity of its article. Precision is correct found
 *   names over all found names, summed over the articles of a group (micro average). Two found names that are
 *   forms of the same entity are both correct.
 * - Recall is the gold entities of which at least one form was found, over all gold entities (micro average).
 *   As the service keeps at most MAX_ENTITIES names, recall within that budget is also shown: found gold entities
 *   over min(MAX_ENTITIES, gold entities of the article), summed over the articles.
 * - Groups: each language, every article, and the odd- and even-numbered articles (the number in the file name),
 *   so that a rule tuned on one half can be checked on the other.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeArticle } from '../functions/core/article';
import { MAX_ENTITIES } from '../functions/core/entities';
import { parseSeed } from '../functions/core/seed';

export interface GoldArticle {
  readonly file: string;
  readonly language: string;
  readonly names: readonly (readonly string[])[];
  readonly adjectives?: readonly string[];
  readonly notNames?: readonly string[];
}

export interface ScoredArticle {
  readonly gold: GoldArticle;
  readonly found: readonly string[];
  /** Found names that equal no form of any gold entity. */
  readonly wrong: readonly string[];
  /** Gold entities none of whose forms was found. */
  readonly missed: readonly (readonly string[])[];
}

/** Lower case, no accents, single spaces, no trailing possessive: how a found name is compared with a gold form. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/['’]s$/u, '');
}

export function scoreArticle(gold: GoldArticle, found: readonly string[]): ScoredArticle {
  const entities = gold.names.map((forms) => new Set(forms.map(foldName)));
  const matched = new Set<number>();
  const wrong: string[] = [];
  for (const name of found) {
    const folded = foldName(name);
    const at = entities.findIndex((forms) => forms.has(folded));
    if (at < 0) wrong.push(name);
    else matched.add(at);
  }
  return { gold, found, wrong, missed: gold.names.filter((_, index) => !matched.has(index)) };
}

interface Figures {
  readonly articles: number;
  readonly precision: number;
  readonly recall: number;
  readonly budgetRecall: number;
  readonly found: number;
  readonly correct: number;
}

export function figures(rows: readonly ScoredArticle[]): Figures {
  let found = 0;
  let correct = 0;
  let gold = 0;
  let hit = 0;
  let budget = 0;
  for (const row of rows) {
    found += row.found.length;
    correct += row.found.length - row.wrong.length;
    gold += row.gold.names.length;
    hit += row.gold.names.length - row.missed.length;
    budget += Math.min(MAX_ENTITIES, row.gold.names.length);
  }
  return {
    articles: rows.length,
    precision: found === 0 ? 0 : correct / found,
    recall: gold === 0 ? 0 : hit / gold,
    budgetRecall: budget === 0 ? 0 : hit / budget,
    found,
    correct,
  };
}

export function loadGold(directory: string): GoldArticle[] {
  return (JSON.parse(readFileSync(join(directory, 'gold.json'), 'utf8')) as { articles: GoldArticle[] }).articles;
}

export function scoreFolder(directory: string): ScoredArticle[] {
  return loadGold(directory).map((gold) => {
    const summary = summarizeArticle(parseSeed(readFileSync(join(directory, gold.file), 'utf8')));
    return scoreArticle(gold, summary.entities);
  });
}

/** The article's number in its file name ("nl-07.txt" → 7), for the odd and even halves. */
function articleNumber(file: string): number {
  return Number(/(\d+)\D*$/u.exec(file)?.[1] ?? Number.NaN);
}

const fixed = (value: number) => value.toFixed(3);

function row(label: string, rows: readonly ScoredArticle[]): string {
  const f = figures(rows);
  return `  ${label.padEnd(12)}${String(f.articles).padStart(8)}  ${`${f.correct}/${f.found}`.padStart(9)}  ${fixed(f.precision).padStart(9)}  ${fixed(f.recall).padStart(6)}  ${fixed(f.budgetRecall).padStart(13)}`;
}

export function evaluateEntities(directory: string, options: { verbose?: boolean } = {}): void {
  const rows = scoreFolder(directory);
  const languages = [...new Set(rows.map((item) => item.gold.language))].sort();
  const odd = (item: ScoredArticle) => articleNumber(item.gold.file) % 2 === 1;
  console.log(`Entities: ${rows.length} gold articles under ${directory}; at most ${MAX_ENTITIES} names each`);
  console.log('Names folded (case, accents, spaces, trailing possessive) before comparing; micro averages.');
  console.log(`  ${'group'.padEnd(12)}articles  correct/found  precision  recall  recall top-${MAX_ENTITIES}`);
  for (const language of languages) {
    console.log(
      row(
        language,
        rows.filter((item) => item.gold.language === language),
      ),
    );
  }
  console.log(row('all', rows));
  for (const [label, half] of [
    ['odd', odd],
    ['even', (item: ScoredArticle) => !odd(item)],
  ] as const) {
    console.log(row(`${label} half`, rows.filter(half)));
    for (const language of languages) {
      console.log(
        row(
          `  ${language}`,
          rows.filter((item) => half(item) && item.gold.language === language),
        ),
      );
    }
  }
  if (!options.verbose) return;
  console.log('\nWrong names (marked: a gold notName or adjective), then missed gold entities');
  for (const item of rows) {
    const notNames = new Set([...(item.gold.notNames ?? []), ...(item.gold.adjectives ?? [])].map(foldName));
    for (const name of item.wrong) {
      console.log(`  ${item.gold.file}: ${name}${notNames.has(foldName(name)) ? '  [notName]' : ''}`);
    }
  }
  for (const item of rows) {
    if (item.missed.length === 0) continue;
    console.log(`  ${item.gold.file} missed: ${item.missed.map((forms) => forms.join(' / ')).join('; ')}`);
  }
}

export function entitiesFolder(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--entities');
  if (at < 0) return undefined;
  const folder = argv[at + 1];
  if (!folder || !existsSync(join(folder, 'gold.json')) || !statSync(folder).isDirectory()) {
    throw new Error(`--entities needs a folder with a gold.json; got ${folder ?? 'nothing'}`);
  }
  return folder;
}
