/**
 * Story grouping measured against labels: B-cubed precision, recall and F1 (Bagga & Baldwin 1998) and the recall of
 * same-event pairs in different languages. `npm run eval` reports them on the fixtures (test/fixtures/eval, a `story`
 * label per article); `npm run eval -- --stories <folder> [--verbose]` on a folder of real articles labelled by event,
 * which stays outside the repository (it is third-party text):
 *   {"articles":[{"file":"001.txt","url":"…","site":"…","language":"nl","event":"storm-eunice-2022-02","date":"2022-02"}]}
 *
 * Counting:
 * - Every article of the folder goes into one digest, whatever its date, as one period would hold them; an article's
 *   story is the digest story it is listed in (a duplicate shown under another article is in that article's story).
 * - B-cubed, per article: precision is the share of its predicted story that has its label, itself included; recall
 *   the share of its label's articles that are in its predicted story. Both are averaged over the articles (each
 *   counts once), F1 is their harmonic mean.
 * - Cross-language pairs: the pairs of articles with the same label and different languages, and how many of them
 *   are in one predicted story.
 * - Halves: the events sorted by name, alternately in half A (the one rules are tuned on) and half B (the check).
 *   Clustering always runs on every article; a half's figures average over its articles and count its pairs.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type ArticleSummary, summarizeArticle } from '../functions/core/article';
import { buildDigest } from '../functions/core/digest';
import { parseSeed } from '../functions/core/seed';
import { compareStrings } from '../functions/core/text';
import type { Scores } from './rouge';

export interface LabelledArticle {
  readonly id: string;
  readonly label: string;
  readonly language: string;
}

export interface PerArticle {
  readonly precision: number;
  readonly recall: number;
}

/** B-cubed precision and recall of every article: `predicted` maps an article id to its predicted cluster. */
export function bcubedPerArticle(
  predicted: ReadonlyMap<string, string>,
  articles: readonly LabelledArticle[],
): Map<string, PerArticle> {
  const byCluster = new Map<string, LabelledArticle[]>();
  const byLabel = new Map<string, number>();
  for (const article of articles) {
    // An article the grouping left out is a cluster of its own.
    const cluster = predicted.get(article.id) ?? `\u0000${article.id}`;
    byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), article]);
    byLabel.set(article.label, (byLabel.get(article.label) ?? 0) + 1);
  }
  const result = new Map<string, PerArticle>();
  for (const members of byCluster.values()) {
    for (const article of members) {
      const correct = members.filter((other) => other.label === article.label).length;
      result.set(article.id, {
        precision: correct / members.length,
        recall: correct / (byLabel.get(article.label) ?? 1),
      });
    }
  }
  return result;
}

/** The mean of the per-article figures over `ids`, and their harmonic mean. */
export function meanScores(perArticle: ReadonlyMap<string, PerArticle>, ids: Iterable<string>): Scores {
  let precision = 0;
  let recall = 0;
  let count = 0;
  for (const id of ids) {
    const scores = perArticle.get(id);
    if (!scores) continue;
    precision += scores.precision;
    recall += scores.recall;
    count += 1;
  }
  if (count === 0) return { precision: 0, recall: 0, f1: 0 };
  precision /= count;
  recall /= count;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** B-cubed precision, recall and F1 of a grouping against labels, averaged over every labelled article. */
export function bcubed(predicted: ReadonlyMap<string, string>, articles: readonly LabelledArticle[]): Scores {
  return meanScores(
    bcubedPerArticle(predicted, articles),
    articles.map((article) => article.id),
  );
}

export interface PairCount {
  readonly joined: number;
  readonly total: number;
}

/** Same-label pairs in different languages, and how many of them share a predicted cluster. */
export function crossLanguagePairs(
  predicted: ReadonlyMap<string, string>,
  articles: readonly LabelledArticle[],
): PairCount {
  let joined = 0;
  let total = 0;
  for (let i = 0; i < articles.length; i += 1) {
    for (let j = i + 1; j < articles.length; j += 1) {
      const a = articles[i] as LabelledArticle;
      const b = articles[j] as LabelledArticle;
      if (a.label !== b.label || a.language === b.language) continue;
      total += 1;
      const cluster = predicted.get(a.id);
      if (cluster !== undefined && cluster === predicted.get(b.id)) joined += 1;
    }
  }
  return { joined, total };
}

/** Each article's story in a digest of all of them: the story id, for every article id it lists. */
export function predictedStories(summaries: readonly ArticleSummary[], period: string): Map<string, string> {
  const digest = buildDigest(period, summaries, new Date(0));
  const storyOf = new Map<string, string>();
  for (const story of digest.stories) for (const id of story.articleIds) storyOf.set(id, story.id);
  return storyOf;
}

export interface StoriesReport {
  readonly all: Scores;
  readonly pairs: PairCount;
  readonly halves: readonly { readonly name: string; readonly scores: Scores; readonly pairs: PairCount }[];
  readonly events: readonly {
    readonly event: string;
    readonly half: string;
    readonly articles: number;
    readonly scores: Scores;
    readonly pairs: PairCount;
  }[];
  readonly stories: number;
}

/** The figures of a grouping against labels, whole, by half and by event. */
export function storiesReport(
  predicted: ReadonlyMap<string, string>,
  articles: readonly LabelledArticle[],
): StoriesReport {
  const perArticle = bcubedPerArticle(predicted, articles);
  const events = [...new Set(articles.map((article) => article.label))].sort(compareStrings);
  const halfOf = new Map(events.map((event, index) => [event, index % 2 === 0 ? 'A' : 'B']));
  const subset = (keep: (article: LabelledArticle) => boolean) => {
    const members = articles.filter(keep);
    return {
      scores: meanScores(
        perArticle,
        members.map((article) => article.id),
      ),
      pairs: crossLanguagePairs(predicted, members),
      articles: members.length,
    };
  };
  return {
    all: subset(() => true).scores,
    pairs: crossLanguagePairs(predicted, articles),
    halves: ['A', 'B'].map((name) => ({ name, ...subset((article) => halfOf.get(article.label) === name) })),
    events: events.map((event) => ({
      event,
      half: halfOf.get(event) as string,
      ...subset((article) => article.label === event),
    })),
    stories: new Set(articles.map((article) => predicted.get(article.id) ?? article.id)).size,
  };
}

const fixed = (value: number) => value.toFixed(3);

export function scoresLine(scores: Scores): string {
  return `B-cubed precision ${fixed(scores.precision)}  recall ${fixed(scores.recall)}  F1 ${fixed(scores.f1)}`;
}

export function pairsLine(pairs: PairCount): string {
  const share = pairs.total === 0 ? 0 : pairs.joined / pairs.total;
  return `cross-language same-event pairs joined ${pairs.joined}/${pairs.total} (${fixed(share)})`;
}

interface IndexEntry {
  readonly file: string;
  readonly language: string;
  readonly event: string;
  readonly site?: string;
}

/** The period every article of a folder is put in: one digest holds them all. */
const FOLDER_PERIOD = '2000';

export function evaluateStories(folder: string, options: { verbose?: boolean } = {}): StoriesReport {
  const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as { articles: IndexEntry[] };
  const loaded = index.articles.map((entry) => {
    const summary = summarizeArticle(parseSeed(readFileSync(join(folder, entry.file), 'utf8')));
    return { entry, summary };
  });
  const articles = loaded.map(({ entry, summary }) => ({
    id: summary.id,
    label: entry.event,
    language: entry.language,
  }));
  const predicted = predictedStories(
    loaded.map(({ summary }) => summary),
    FOLDER_PERIOD,
  );
  const report = storiesReport(predicted, articles);
  console.log(`Stories: ${loaded.length} articles, ${report.events.length} events, ${folder}`);
  console.log('All articles in one digest; B-cubed averaged over articles (Bagga & Baldwin 1998).');
  console.log(`  all:     ${scoresLine(report.all)}  ${pairsLine(report.pairs)}`);
  for (const half of report.halves) {
    console.log(`  half ${half.name}:  ${scoresLine(half.scores)}  ${pairsLine(half.pairs)}`);
  }
  console.log(`  ${report.stories} stories found for ${report.events.length} labelled events`);
  console.log('\nPer event (half, articles): B-cubed precision / recall, cross-language pairs joined');
  for (const event of report.events) {
    const pairs = event.pairs.total === 0 ? '' : `  pairs ${event.pairs.joined}/${event.pairs.total}`;
    console.log(
      `  ${event.event.padEnd(44)} ${event.half} ${String(event.articles).padStart(3)}  ${fixed(event.scores.precision)} / ${fixed(event.scores.recall)}${pairs}`,
    );
  }
  if (options.verbose) {
    console.log('\nStories found (file, language, event)');
    const byStory = new Map<string, typeof loaded>();
    for (const item of loaded) {
      const story = predicted.get(item.summary.id) ?? item.summary.id;
      byStory.set(story, [...(byStory.get(story) ?? []), item]);
    }
    for (const members of [...byStory.values()].sort((a, b) => b.length - a.length)) {
      console.log(`  story of ${members.length}`);
      for (const { entry, summary } of members) {
        console.log(`    ${entry.file} ${entry.language} ${entry.event}: ${summary.headline}`);
      }
    }
  }
  return report;
}

export function storiesFolder(argv: readonly string[]): string | undefined {
  const at = argv.indexOf('--stories');
  if (at < 0) return undefined;
  const folder = argv[at + 1];
  if (!folder || !existsSync(join(folder, 'index.json')) || !statSync(folder).isDirectory()) {
    throw new Error(`--stories needs a folder with an index.json; got ${folder ?? 'nothing'}`);
  }
  return folder;
}
