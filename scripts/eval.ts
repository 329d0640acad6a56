/**
 * npm run eval: measures headlines, summaries, story grouping and language detection on the labelled
 * articles in test/fixtures/eval/, against lead baselines, and prints the figures side by side. Story grouping is
 * scored by B-cubed precision, recall and F1 and the recall of same-story pairs in different languages (see
 * eval-stories.ts, which `npm run eval -- --stories <folder>` runs on a folder of real articles labelled by event).
 *
 * ROUGE here tokenizes with Unicode letter classes and lower-cases, nothing else (no stemming, no stopword
 * removal): implementations that keep only [a-z0-9] would split "één" and "Oekraïne" into fragments.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ArticleSummary,
  HEADLINE_MAX_CHARS,
  SUMMARY_MAX_WORDS,
  summarizeArticle,
} from '../functions/core/article';
import { buildDigest } from '../functions/core/digest';
import { detectLanguage } from '../functions/core/language';
import { type ParsedSeed, parseSeed } from '../functions/core/seed';
import { splitSentences } from '../functions/core/sentences';
import { splitWords } from '../functions/core/text';
import { CUT_BASELINE_CHARS } from './eval-real';
import { bcubed, crossLanguagePairs, pairsLine, scoresLine } from './eval-stories';
import { rougeL, rougeN, rougeTokens, type Scores, scores } from './rouge';

export { rougeL, rougeN, rougeTokens, type Scores };

export const EVAL_DIRECTORY = resolve(import.meta.dirname, '../test/fixtures/eval');

export interface Reference {
  readonly file: string;
  readonly language: string;
  readonly story: string;
  readonly headline: string;
  readonly summary: readonly string[];
}

/** Pairwise precision and recall of a grouping against labels: every pair of items is a decision. */
export function pairwise(predicted: ReadonlyMap<string, string>, labels: ReadonlyMap<string, string>): Scores {
  const items = [...labels.keys()].sort();
  let truePositives = 0;
  let predictedPairs = 0;
  let labelledPairs = 0;
  for (let i = 0; i < items.length; i += 1) {
    for (let j = i + 1; j < items.length; j += 1) {
      const a = items[i] as string;
      const b = items[j] as string;
      const same = predicted.get(a) !== undefined && predicted.get(a) === predicted.get(b);
      const labelled = labels.get(a) === labels.get(b);
      if (same) predictedPairs += 1;
      if (labelled) labelledPairs += 1;
      if (same && labelled) truePositives += 1;
    }
  }
  return scores(truePositives, predictedPairs, labelledPairs);
}

export interface EvalCase {
  readonly reference: Reference;
  readonly seed: ParsedSeed;
  readonly summary: ArticleSummary;
}

export function loadCases(directory = EVAL_DIRECTORY): EvalCase[] {
  const index = JSON.parse(readFileSync(join(directory, 'index.json'), 'utf8')) as { articles: Reference[] };
  return index.articles.map((reference) => {
    const seed = parseSeed(readFileSync(join(directory, 'articles', reference.file), 'utf8'));
    return { reference, seed, summary: summarizeArticle(seed) };
  });
}

/** The lead baselines: the first sentence, the first three sentences, and the first sentence cut to fit. */
export function leadSentences(seed: ParsedSeed, count: number): string {
  return seed.paragraphs.flatMap(splitSentences).slice(0, count).join(' ');
}

function cutToFit(sentence: string): string {
  if (sentence.length <= CUT_BASELINE_CHARS) return sentence.replace(/[.\s]+$/u, '');
  const cut = sentence.slice(0, CUT_BASELINE_CHARS + 1);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
}

interface Row {
  readonly label: string;
  readonly r1: number;
  readonly r2: number;
  readonly rl: number;
  readonly words: number;
}

function rougeRow(label: string, pairs: readonly (readonly [string, string])[]): Row {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);
  return {
    label,
    r1: mean(pairs.map(([candidate, reference]) => rougeN(candidate, reference, 1).f1)),
    r2: mean(pairs.map(([candidate, reference]) => rougeN(candidate, reference, 2).f1)),
    rl: mean(pairs.map(([candidate, reference]) => rougeL(candidate, reference).f1)),
    words: mean(pairs.map(([candidate]) => rougeTokens(candidate).length)),
  };
}

const fixed = (value: number) => value.toFixed(3);

function printRows(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}`);
  console.log(`  ${'system'.padEnd(34)}ROUGE-1  ROUGE-2  ROUGE-L  mean words`);
  for (const row of rows) {
    console.log(
      `  ${row.label.padEnd(34)}${fixed(row.r1).padEnd(9)}${fixed(row.r2).padEnd(9)}${fixed(row.rl).padEnd(9)}${row.words.toFixed(1)}`,
    );
  }
}

export function evaluate(cases: readonly EvalCase[]): void {
  console.log(`Evaluation set: ${cases.length} articles (${languageCounts(cases)}), test/fixtures/eval/`);
  console.log('ROUGE F1, Unicode tokens, lower-cased, no stemming; mean over articles.');
  console.log(
    'The references were written before the generator first ran on this set, but its rules were then adjusted while',
  );
  console.log('looking at these results: read the figures as optimistic for unseen text (25 articles is a small set).');

  const byLanguage = new Map<string, EvalCase[]>();
  for (const item of cases) {
    const list = byLanguage.get(item.reference.language) ?? [];
    list.push(item);
    byLanguage.set(item.reference.language, list);
  }

  const headlineRows = (subset: readonly EvalCase[], suffix = '') => [
    rougeRow(
      `ours${suffix}`,
      subset.map((item) => [item.summary.headline, item.reference.headline]),
    ),
    rougeRow(
      `lead: first sentence${suffix}`,
      subset.map((item) => [leadSentences(item.seed, 1), item.reference.headline]),
    ),
    rougeRow(
      `lead: first sentence cut to ${CUT_BASELINE_CHARS}${suffix}`,
      subset.map((item) => [cutToFit(leadSentences(item.seed, 1)), item.reference.headline]),
    ),
  ];
  printRows('Headlines against the reference headline', headlineRows(cases));
  for (const [language, subset] of [...byLanguage].sort()) {
    printRows(`  … ${language} only (${subset.length})`, headlineRows(subset));
  }

  const summaryRows = (subset: readonly EvalCase[]) => [
    rougeRow(
      'ours',
      subset.map((item) => [item.summary.summary, item.reference.summary.join(' ')]),
    ),
    rougeRow(
      'lead: first three sentences',
      subset.map((item) => [leadSentences(item.seed, 3), item.reference.summary.join(' ')]),
    ),
  ];
  printRows('Summaries against the reference sentences', summaryRows(cases));

  const digest = buildDigest(
    '2024-03',
    cases.map((item) => item.summary),
    new Date(0),
  );
  const storyOf = new Map<string, string>();
  for (const story of digest.stories) for (const id of story.articleIds) storyOf.set(id, story.id);
  const labels = new Map(cases.map((item) => [item.summary.id, item.reference.story]));
  const stories = pairwise(storyOf, labels);
  const singleLanguage = new Map(
    cases.map((item) => [item.summary.id, `${item.reference.story}/${item.reference.language}`]),
  );
  const perLanguage = pairwise(storyOf, singleLanguage);
  const labelled = cases.map((item) => ({
    id: item.summary.id,
    label: item.reference.story,
    language: item.reference.language,
  }));
  console.log('\nStory grouping');
  console.log(
    `  against the story labels:  ${scoresLine(bcubed(storyOf, labelled))}  ${pairsLine(crossLanguagePairs(storyOf, labelled))}`,
  );
  console.log(
    `  pairwise over all article pairs:        precision ${fixed(stories.precision)}  recall ${fixed(stories.recall)}  F1 ${fixed(stories.f1)}`,
  );
  console.log(
    `  pairwise, story labels split by language: precision ${fixed(perLanguage.precision)}  recall ${fixed(perLanguage.recall)}  F1 ${fixed(perLanguage.f1)}`,
  );
  console.log(
    `  ${digest.stories.length} stories found for ${new Set(labels.values()).size} labelled; duplicates shown under another article: ${digest.articles.reduce((sum, article) => sum + article.duplicates.length, 0)}`,
  );

  const full = cases.filter((item) => item.summary.language === item.reference.language).length;
  const shortTexts = cases.map((item) => ({ item, text: leadSentences(item.seed, 1) }));
  const short = shortTexts.filter(({ item, text }) => detectLanguage(text) === item.reference.language).length;
  const headlines = cases.filter(
    (item) =>
      detectLanguage(item.reference.headline) === item.reference.language || item.reference.headline.length < 20,
  );
  console.log('\nLanguage detection');
  console.log(`  whole article:       ${full}/${cases.length} correct (${fixed(full / cases.length)})`);
  console.log(`  first sentence only: ${short}/${cases.length} correct (${fixed(short / cases.length)})`);
  console.log(
    `  reference headline:  ${headlines.length}/${cases.length} correct or und for under 20 letters (${fixed(headlines.length / cases.length)})`,
  );
  for (const item of cases) {
    const detected = detectLanguage(leadSentences(item.seed, 1));
    if (detected !== item.reference.language) {
      console.log(`    first sentence of ${item.reference.file}: ${detected}, expected ${item.reference.language}`);
    }
  }

  console.log('\nRules');
  const articleWords = (item: EvalCase) => new Set(item.seed.paragraphs.flatMap((p) => rougeTokens(p)));
  const invented = cases.filter((item) => rougeTokens(item.summary.headline).some((w) => !articleWords(item).has(w)));
  const tooLong = cases.filter((item) => item.summary.headline.length > HEADLINE_MAX_CHARS);
  const longSummaries = cases.filter((item) => splitWords(item.summary.summary).length > SUMMARY_MAX_WORDS);
  const keywordCounts = cases.map((item) => item.summary.keywords.length);
  console.log(`  headlines over ${HEADLINE_MAX_CHARS} characters: ${tooLong.length}`);
  console.log(`  headlines with a word not in the article: ${invented.length}`);
  console.log(`  summaries over ${SUMMARY_MAX_WORDS} words: ${longSummaries.length}`);
  console.log(`  keywords per article: ${Math.min(...keywordCounts)}–${Math.max(...keywordCounts)}`);

  console.log('\nHeadlines, ours | reference');
  for (const item of cases) {
    console.log(`  ${item.reference.file}`);
    console.log(`    ours: ${item.summary.headline}`);
    console.log(`    ref:  ${item.reference.headline}`);
  }
  console.log('\nStories found');
  for (const story of digest.stories) {
    const files = story.articleIds.map((id) => cases.find((item) => item.summary.id === id)?.reference.file ?? id);
    console.log(`  ${story.headline}: ${files.join(', ')}`);
  }
}

function languageCounts(cases: readonly EvalCase[]): string {
  const counts = new Map<string, number>();
  for (const item of cases) counts.set(item.reference.language, (counts.get(item.reference.language) ?? 0) + 1);
  return [...counts]
    .sort()
    .map(([language, count]) => `${language} ${count}`)
    .join(', ');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { evaluateDirectory, pagesFolder } = await import('./eval-real');
  const { entitiesFolder, evaluateEntities } = await import('./eval-entities');
  const { evaluateStories, storiesFolder } = await import('./eval-stories');
  const folder = pagesFolder(process.argv.slice(2));
  const entities = entitiesFolder(process.argv.slice(2));
  const stories = storiesFolder(process.argv.slice(2));
  if (stories) evaluateStories(stories, { verbose: process.argv.includes('--verbose') });
  else if (entities) evaluateEntities(entities, { verbose: process.argv.includes('--verbose') });
  else if (folder) evaluateDirectory(folder, { verbose: process.argv.includes('--verbose') });
  else evaluate(loadCases());
}
