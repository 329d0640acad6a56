/**
 * npm run eval -- --dir <folder>: scores the analysis on a folder of real crawled seed files, which stay
 * outside the repository (they are third-party text).
 *
 * The folder holds seed files (`*.txt`, searched recursively). A file's first line after the date marker is
 * taken as its title unless an `index.json` beside it says otherwise:
 *   {"pages":[{"file":"001.txt","site":"nos.nl","family":"national","language":"nl",
 *              "title":"… or null","firstLine":"title|timestamp|credit|byline|label|caption|body|other"}]}
 * For a titled page the title line is removed and the headline made from the rest is compared with it (ROUGE
 * F1, as `npm run eval`), beside three lead baselines read straight off the raw body: its first sentence, that
 * sentence cut to the headline length, and its first 75 characters. The junk checks below are shape rules of
 * this script's own, independent of the core's classifier, so that the core is not graded by itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { summarizeArticle } from '../functions/core/article';
import { normalizeText, parseSeed, SeedRejectedError } from '../functions/core/seed';
import { splitSentences } from '../functions/core/sentences';
import { rougeL, rougeN, rougeTokens } from './rouge';

export interface PageLabel {
  readonly file: string;
  readonly site: string;
  readonly family: string;
  readonly language?: string;
  /** The real title when the first line is one; null when the file has no title line. */
  readonly title: string | null;
  readonly firstLine: string;
}

export interface RealPage extends PageLabel {
  readonly path: string;
  readonly text: string;
}

/** The cut baseline's width, fixed at issue #12's 90 characters so that it does not move with the headline's cap. */
export const CUT_BASELINE_CHARS = 90;

const DATE_MARKER = /^\s*date\s+\S+[^\S\n]*/u;

/**
 * Whether the parser took a junk first line (a timestamp, credit, byline, label or caption) as the title: wrong when
 * the title comes from that line, though a real title on the next line may be taken. A label line that also holds
 * the page's title ("Mâconnais Un jeune motard …") is right when only that title was taken.
 */
export function takesJunkAsTitle(page: Pick<RealPage, 'text' | 'title'>, recognisedTitle: string | undefined): boolean {
  if (recognisedTitle === undefined) return false;
  const taken = recognisedTitle.trim();
  return firstLine(page.text).includes(taken) && !(page.title ?? '').includes(taken);
}

/** Every seed file below `directory`, with its labels: index.json where there is one, else "first line is the title". */
export function loadPages(directory: string): RealPage[] {
  const pages: RealPage[] = [];
  const visit = (folder: string) => {
    const entries = readdirSync(folder).sort();
    const indexPath = join(folder, 'index.json');
    const labels = new Map<string, PageLabel>();
    if (existsSync(indexPath)) {
      const index = JSON.parse(readFileSync(indexPath, 'utf8')) as { pages?: PageLabel[] };
      for (const label of index.pages ?? []) labels.set(label.file, label);
    }
    for (const entry of entries) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) {
        visit(path);
        continue;
      }
      if (!entry.endsWith('.txt')) continue;
      const text = readFileSync(path, 'utf8');
      const label = labels.get(entry);
      const group = relative(directory, folder) || basename(directory);
      pages.push({
        path,
        text,
        file: relative(directory, path),
        site: label?.site ?? group,
        family: label?.family ?? group,
        ...(label?.language ? { language: label.language } : {}),
        title: label ? label.title : firstLine(text),
        firstLine: label?.firstLine ?? 'title',
      });
    }
  };
  visit(directory);
  return pages;
}

/** The text between the date marker and the first line break. */
export function firstLine(text: string): string {
  const body = normalizeText(text).replace(DATE_MARKER, '');
  return (body.split('\n')[0] ?? '').trim();
}

/** The file with its first line after the date marker removed: what the generator sees when the title is hidden. */
export function withoutFirstLine(text: string): string {
  const normalized = normalizeText(text);
  const marker = DATE_MARKER.exec(normalized)?.[0] ?? '';
  const body = normalized.slice(marker.length);
  const newline = body.indexOf('\n');
  return `${marker.trimEnd()} ${newline < 0 ? '' : body.slice(newline + 1).trimStart()}`;
}

/** The raw body's paragraphs, blank-line separated, nothing classified: what a lead baseline reads. */
function rawParagraphs(text: string): string[] {
  return normalizeText(text)
    .replace(DATE_MARKER, '')
    .split(/\n[^\S\n]*\n/u)
    .map((paragraph) => paragraph.replace(/\s+/gu, ' ').trim())
    .filter((paragraph) => paragraph !== '');
}

function firstSentence(text: string): string {
  return rawParagraphs(text).flatMap(splitSentences)[0] ?? '';
}

function cutAt(text: string, max: number): string {
  if (text.length <= max) return text.replace(/[.\s]+$/u, '');
  const cut = text.slice(0, max + 1);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
}

/** A clock time (18:07, 11.05 uur) or a numeric date (17.09.2020, 2022-04-10, 24 Feb 2022); never a number (1.600). */
const TIME = /(?:^|[^\p{N}.,])\d{1,2}[:.]\d{2}(?!\p{N})(?![.,]\d)/u;
const NUMERIC_DATE = /\b\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b/u;
const DAY_MONTH = /\b\d{1,2}\.?\s+\p{L}{3,10}\.?\s+\d{4}\b/u;
const CREDIT =
  /[©Ⓒ]|\(c\)|(?:^|[\s(])(?:foto|photo|bild|beeld|image|credit)s?\s*:|\p{L}\s*\/\s*(?:AFP|AP|dpa|ANP|Reuters|EPA|Belga|Getty)\b/iu;
/** A word with a lower-case run glued to a capitalised one: a crawler joined a label to the first word. */
const GLUED = /\p{Ll}{3,}\p{Lu}\p{Ll}{2,}/u;
/** The whole words that hold such a glue. */
const GLUED_WORDS = new RegExp(`\\S*${GLUED.source}\\S*`, 'gu');

export type JunkKind = 'timestamp' | 'credit' | 'glued label' | 'fragment' | 'empty';

/**
 * Why a headline or a summary start is no headline, by shape alone; undefined when it looks like one. With the
 * source, a glued word that the source writes so more than once is a name (SilverDome, GroenLinks), not glue.
 */
export function junkKind(text: string, source?: string): JunkKind | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'empty';
  const words = rougeTokens(trimmed);
  const startsWithTime = TIME.test(trimmed.slice(0, 8)) || NUMERIC_DATE.test(trimmed.slice(0, 12));
  const dateShaped = TIME.test(trimmed) || NUMERIC_DATE.test(trimmed) || DAY_MONTH.test(trimmed);
  if (startsWithTime || (dateShaped && words.length <= 8)) return 'timestamp';
  if (CREDIT.test(trimmed)) return 'credit';
  const glued = trimmed.match(GLUED_WORDS) ?? [];
  const recurs = (word: string) => source !== undefined && source.split(word).length > 2;
  if (glued.some((word) => !recurs(word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')))) return 'glued label';
  if (words.filter((word) => /\p{L}/u.test(word)).length < 3) return 'fragment';
  return undefined;
}

/** Whether every headline word stands, in that order, in one paragraph of the source (compression by deletion). */
function isSubsequenceOfSource(headline: string, source: string): boolean {
  const wanted = rougeTokens(headline);
  return rawParagraphs(source).some((paragraph) => {
    const tokens = rougeTokens(paragraph);
    let at = 0;
    for (const token of tokens) if (token === wanted[at]) at += 1;
    return at >= wanted.length;
  });
}

interface Scored {
  readonly page: RealPage;
  readonly headline?: string;
  readonly summary?: string;
  readonly language?: string;
  readonly rejected?: string;
  readonly recognisedTitle?: string;
  readonly r1?: number;
  readonly baselines?: { first: number; cut: number; chars75: number; lead: number };
  readonly words?: number;
  readonly r2?: number;
  readonly rl?: number;
  readonly headlineJunk?: JunkKind;
  readonly summaryJunk?: JunkKind;
  readonly invented?: boolean;
}

function score(page: RealPage): Scored {
  let recognisedTitle: string | undefined;
  try {
    recognisedTitle = parseSeed(page.text).title;
  } catch (error) {
    if (!(error instanceof SeedRejectedError)) throw error;
    return { page, rejected: error.code };
  }
  const source = page.title !== null ? withoutFirstLine(page.text) : page.text;
  let summary: ReturnType<typeof summarizeArticle>;
  try {
    summary = summarizeArticle(parseSeed(source));
  } catch (error) {
    if (!(error instanceof SeedRejectedError)) throw error;
    return { page, rejected: error.code, ...(recognisedTitle ? { recognisedTitle } : {}) };
  }
  const base = {
    page,
    headline: summary.headline,
    summary: summary.summary,
    language: summary.language,
    ...(recognisedTitle ? { recognisedTitle } : {}),
  };
  const headlineJunk = junkKind(summary.headline, source);
  const summaryJunk = junkKind(splitSentences(summary.summary)[0] ?? '', source);
  const checks = {
    ...(headlineJunk ? { headlineJunk } : {}),
    ...(summaryJunk ? { summaryJunk } : {}),
    invented: !isSubsequenceOfSource(summary.headline, source),
  };
  if (page.title === null) return { ...base, ...checks };
  const lead = firstSentence(source);
  const cleanLead = parseSeed(source).paragraphs[0] ?? '';
  return {
    ...base,
    ...checks,
    r1: rougeN(summary.headline, page.title, 1).f1,
    r2: rougeN(summary.headline, page.title, 2).f1,
    rl: rougeL(summary.headline, page.title).f1,
    words: rougeTokens(summary.headline).length,
    baselines: {
      lead: rougeN(splitSentences(cleanLead)[0] ?? '', page.title, 1).f1,
      first: rougeN(lead, page.title, 1).f1,
      cut: rougeN(cutAt(lead, CUT_BASELINE_CHARS), page.title, 1).f1,
      chars75: rougeN(cutAt(rawParagraphs(source).join(' '), 75), page.title, 1).f1,
    },
  };
}

const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
const fixed = (value: number) => value.toFixed(3);
const percent = (part: number, whole: number) =>
  `${part}/${whole} (${((100 * part) / Math.max(whole, 1)).toFixed(1)}%)`;

function headlineRow(label: string, rows: readonly Scored[]): string {
  const titled = rows.filter((row) => row.r1 !== undefined);
  if (titled.length === 0) return `  ${label.padEnd(30)}${String(rows.length).padStart(5)}   (no titled pages)`;
  const ours = mean(titled.map((row) => row.r1 ?? 0));
  const first = mean(titled.map((row) => row.baselines?.first ?? 0));
  const cut = mean(titled.map((row) => row.baselines?.cut ?? 0));
  const chars = mean(titled.map((row) => row.baselines?.chars75 ?? 0));
  const lead = mean(titled.map((row) => row.baselines?.lead ?? 0));
  const junk = rows.filter((row) => row.headlineJunk).length;
  const words = mean(titled.map((row) => row.words ?? 0)).toFixed(1);
  return `  ${label.padEnd(30)}${String(titled.length).padStart(5)}  ${fixed(ours)}  ${fixed(mean(titled.map((row) => row.r2 ?? 0)))}  ${fixed(mean(titled.map((row) => row.rl ?? 0)))}  ${words.padStart(5)}   ${fixed(first)}  ${fixed(cut)}  ${fixed(chars)}  ${fixed(lead)}   ${first > 0 ? `${(ours / first).toFixed(2)}×` : '  —  '}   ${junk}/${rows.length}`;
}

function groupBy(rows: readonly Scored[], keyOf: (row: Scored) => string): [string, Scored[]][] {
  const groups = new Map<string, Scored[]>();
  for (const row of rows) {
    const key = keyOf(row);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function evaluateDirectory(directory: string, options: { verbose?: boolean } = {}): void {
  const rows = loadPages(directory).map(score);
  const analysed = rows.filter((row) => row.rejected === undefined);
  console.log(
    `Real pages: ${rows.length} files under ${directory}; ${rows.length - analysed.length} rejected by the parser`,
  );
  for (const row of rows.filter((item) => item.rejected)) console.log(`  rejected ${row.page.file}: ${row.rejected}`);
  console.log('\nHeadlines against the title (title line removed), ROUGE F1, mean over titled pages.');
  console.log('Baselines: the raw body’s first sentence, cut to the headline length, its first 75 characters;');
  console.log('"clean" is the first sentence of what the parser keeps as content (so it moves with the parser).');
  const header = `  ${'group'.padEnd(30)}${'pages'.padStart(5)}  ours-1 ours-2 ours-L  words   first  cut90  75chr  clean   ours/first  junk`;
  const print = (title: string, groups: [string, Scored[]][], minimum = 1) => {
    console.log(`\n ${title}`);
    console.log(header);
    for (const [key, group] of groups) if (group.length >= minimum) console.log(headlineRow(key, group));
  };
  print('all', [['all', analysed]]);
  print(
    'by language (labelled)',
    groupBy(analysed, (row) => row.page.language ?? 'unlabelled'),
  );
  print(
    'by site family',
    groupBy(analysed, (row) => row.page.family),
  );
  print(
    'by site, 5 or more pages',
    groupBy(analysed, (row) => row.page.site),
    5,
  );

  const headlineJunk = analysed.filter((row) => row.headlineJunk);
  const summaryJunk = analysed.filter((row) => row.summaryJunk);
  const invented = analysed.filter((row) => row.invented);
  console.log('\nShapes (this script’s rules, not the core’s)');
  console.log(
    `  headlines that are a timestamp, credit, glued label or fragment: ${percent(headlineJunk.length, analysed.length)}`,
  );
  for (const [kind, group] of groupBy(headlineJunk, (row) => row.headlineJunk ?? ''))
    console.log(`    ${kind}: ${group.length}`);
  console.log(
    `  summaries starting with one:                                     ${percent(summaryJunk.length, analysed.length)}`,
  );
  console.log(
    `  headlines not a deletion of one source paragraph:                ${percent(invented.length, analysed.length)}`,
  );

  const titled = rows.filter((row) => row.page.firstLine === 'title' && row.page.title !== null);
  // Recognised: the title the parser took is the labelled first line, or that line less a label it split off.
  const recognised = titled.filter(
    (row) => row.recognisedTitle !== undefined && (row.page.title ?? '').includes(row.recognisedTitle.trim()),
  );
  const junkFirst = rows.filter((row) =>
    ['timestamp', 'credit', 'byline', 'label', 'caption'].includes(row.page.firstLine),
  );
  const wronglyTitled = junkFirst.filter((row) => takesJunkAsTitle(row.page, row.recognisedTitle));
  const untitledBody = rows.filter((row) => row.page.firstLine === 'body');
  const bodyTitled = untitledBody.filter((row) => row.recognisedTitle !== undefined);
  console.log('\nTitle line');
  console.log(`  recognised on titled pages:                          ${percent(recognised.length, titled.length)}`);
  console.log(
    `  a timestamp/credit/byline/label/caption taken as title: ${percent(wronglyTitled.length, junkFirst.length)}`,
  );
  console.log(
    `  a body first line taken as title:                    ${percent(bodyTitled.length, untitledBody.length)}`,
  );
  for (const row of wronglyTitled) console.log(`    ${row.page.file} (${row.page.firstLine}): ${row.recognisedTitle}`);
  for (const row of titled.filter((item) => !recognised.includes(item))) {
    console.log(`    missed ${row.page.file}: ${row.page.title} → ${row.recognisedTitle ?? '(none)'}`);
  }

  const labelled = analysed.filter((row) => row.page.language);
  const right = labelled.filter((row) => row.language === row.page.language);
  console.log('\nLanguage');
  console.log(`  whole article right: ${percent(right.length, labelled.length)}`);
  for (const [language, group] of groupBy(labelled, (row) => row.page.language ?? '')) {
    console.log(`    ${language}: ${percent(group.filter((row) => row.language === language).length, group.length)}`);
  }
  for (const row of labelled.filter((item) => item.language !== item.page.language)) {
    console.log(`    ${row.page.file}: ${row.language}, labelled ${row.page.language}`);
  }

  if (options.verbose) {
    console.log('\nEvery page: ours | title | first sentence');
    for (const row of analysed) {
      const flags = [row.headlineJunk, row.summaryJunk && `summary ${row.summaryJunk}`, row.invented && 'invented']
        .filter(Boolean)
        .join(', ');
      const against = row.baselines ? ` first=${fixed(row.baselines.first)}` : '';
      console.log(`  ${row.page.file} [${row.page.site}, ${row.language}] r1=${fixed(row.r1 ?? 0)}${against} ${flags}`);
      console.log(`    ours:  ${row.headline}`);
      if (row.page.title) console.log(`    title: ${row.page.title}`);
      console.log(`    sum:   ${row.summary?.slice(0, 160)}`);
    }
  }
}

export function pagesFolder(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--dir');
  if (at < 0) return undefined;
  const folder = argv[at + 1];
  if (!folder || !existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new Error(`--dir needs a folder of seed files; got ${folder ?? 'nothing'}`);
  }
  return folder;
}
