import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ArticleSummary, summarizeArticle } from '../../functions/core/article';
import { buildDigest } from '../../functions/core/digest';
import { findEntities } from '../../functions/core/entities';
import { parseSeed } from '../../functions/core/seed';
import { dayInterval, groupDuplicates, groupStories, STORY_WINDOW_DAYS } from '../../functions/core/stories';
import { STORY_HEADLINE_CHARS, storyTerms } from '../../functions/core/story-terms';
import {
  bcubed,
  crossLanguagePairs,
  type LabelledArticle,
  predictedStories,
  storiesReport,
} from '../../scripts/eval-stories';
import { FIRST_SEED, SECOND_SEED, seedText } from '../seed-files';

const STORIES = join(import.meta.dirname, '../fixtures/stories');
const index = JSON.parse(readFileSync(join(STORIES, 'index.json'), 'utf8')) as {
  articles: { file: string; language: string; event: string }[];
};
const fixtures = new Map(
  index.articles.map((entry) => [
    entry.file,
    summarizeArticle(parseSeed(readFileSync(join(STORIES, entry.file), 'utf8'))),
  ]),
);
const summary = (file: string) => fixtures.get(file) as ArticleSummary;
const storyOf = (summaries: readonly ArticleSummary[], period = '2024') => predictedStories(summaries, period);

describe('B-cubed', () => {
  const labelled = (pairs: [string, string][]): LabelledArticle[] =>
    pairs.map(([id, label]) => ({ id, label, language: id.startsWith('x') ? 'en' : 'nl' }));

  it('scores each article by its predicted story and its label (Bagga & Baldwin 1998)', () => {
    const articles = labelled([
      ['a', 'one'],
      ['b', 'one'],
      ['c', 'one'],
      ['d', 'two'],
      ['e', 'two'],
    ]);
    const predicted = new Map([
      ['a', 'p'],
      ['b', 'p'],
      ['c', 'q'],
      ['d', 'q'],
      ['e', 'q'],
    ]);
    const scores = bcubed(predicted, articles);
    // Precision: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3; recall: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2.
    expect(scores.precision).toBeCloseTo(11 / 15, 10);
    expect(scores.recall).toBeCloseTo(11 / 15, 10);
    expect(scores.f1).toBeCloseTo(11 / 15, 10);
  });

  it('gives 1 for the labels themselves, and recall 1 but low precision for one story of everything', () => {
    const articles = labelled([
      ['a', 'one'],
      ['b', 'one'],
      ['c', 'two'],
      ['d', 'three'],
    ]);
    expect(bcubed(new Map(articles.map((article) => [article.id, article.label])), articles)).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
    });
    const lumped = bcubed(new Map(articles.map((article) => [article.id, 'all'])), articles);
    expect(lumped.recall).toBe(1);
    expect(lumped.precision).toBeCloseTo((2 / 4 + 2 / 4 + 1 / 4 + 1 / 4) / 4, 10);
    // An article the grouping left out is a story of its own.
    expect(bcubed(new Map(), articles).precision).toBe(1);
  });

  it('counts same-label pairs in different languages and how many are joined', () => {
    const articles = labelled([
      ['a', 'one'],
      ['xb', 'one'],
      ['xc', 'one'],
      ['d', 'two'],
    ]);
    expect(
      crossLanguagePairs(
        new Map([
          ['a', 'p'],
          ['xb', 'p'],
          ['xc', 'q'],
        ]),
        articles,
      ),
    ).toEqual({ joined: 1, total: 2 });
  });

  it('reports halves of the events and every event', () => {
    const articles = labelled([
      ['a', 'one'],
      ['b', 'one'],
      ['c', 'two'],
    ]);
    const report = storiesReport(
      new Map([
        ['a', 'p'],
        ['b', 'p'],
        ['c', 'p'],
      ]),
      articles,
    );
    expect(report.events.map((event) => [event.event, event.half])).toEqual([
      ['one', 'A'],
      ['two', 'B'],
    ]);
    expect(report.halves[0]?.scores.recall).toBe(1);
    expect(report.halves[1]?.scores.precision).toBeCloseTo(1 / 3, 10);
  });
});

describe('stories across outlets and languages', () => {
  it('joins one event told in Dutch, English and German (Poetin, Putin; Rusland, Russia, Russland)', () => {
    const stories = storyOf([...fixtures.values()]);
    const [nl, en, de] = ['nl-poetin-gesprek.txt', 'en-putin-call.txt', 'de-putin-telefonat.txt'].map((file) =>
      stories.get(summary(file).id),
    );
    expect(nl).toBeDefined();
    expect(en).toBe(nl);
    expect(de).toBe(nl);
  });

  it('keeps two storms of one week apart, and each storm’s articles together', () => {
    const stories = storyOf([...fixtures.values()]);
    const bert = ['nl-storm-bert-zeeland.txt', 'nl-storm-bert-treinen.txt'].map((file) =>
      stories.get(summary(file).id),
    );
    const conall = ['nl-storm-conall-limburg.txt', 'nl-storm-conall-maas.txt'].map((file) =>
      stories.get(summary(file).id),
    );
    expect(bert[0]).toBe(bert[1]);
    expect(conall[0]).toBe(conall[1]);
    expect(bert[0]).not.toBe(conall[0]);
  });

  it('keeps two people who share a surname in two stories', () => {
    const stories = storyOf([...fixtures.values()]);
    expect(stories.get(summary('en-hunter-biden-pardon.txt').id)).not.toBe(
      stories.get(summary('en-joe-biden-angola.txt').id),
    );
  });

  it('puts the two seeds and an English article about the same Biden–Putin talks in one story', () => {
    const seeds = [FIRST_SEED, SECOND_SEED].map((name) => summarizeArticle(parseSeed(seedText(name))));
    const english = summary('en-biden-putin-video-call.txt');
    const digest = buildDigest('2021-12', [...seeds, english], new Date(0));
    expect(digest.stories).toHaveLength(1);
    expect(digest.stories[0]?.articleIds).toHaveLength(3);
  });

  it('never joins articles whose dates lie more than a week apart, however alike', () => {
    const article = summary('en-putin-call.txt');
    const later = { ...article, id: 'ffffffffffffffff', bodyHash: 'later', minhash: '', date: '2024-12-01' };
    const close = { ...article, id: 'eeeeeeeeeeeeeeee', bodyHash: 'close', minhash: '', date: '2024-11-15' };
    const stories = storyOf([article, later, close]);
    expect(stories.get(close.id)).toBe(stories.get(article.id));
    expect(stories.get(later.id)).not.toBe(stories.get(article.id));
  });

  it('reads a date as the days it spans', () => {
    const [start, end] = dayInterval('2021-12');
    expect(end - start).toBe(30);
    expect(dayInterval('2021-12-31')).toEqual([end, end]);
    expect(dayInterval('2024')[1] - dayInterval('2024')[0]).toBe(365);
    expect(STORY_WINDOW_DAYS).toBe(7);
  });

  it('still groups articles stored before they had story terms, by their names and keywords', () => {
    const old = (file: string) => {
      const { storyTerms: _terms, ...rest } = summary(file);
      return rest;
    };
    const stories = groupStories(
      groupDuplicates([old('nl-storm-conall-limburg.txt'), old('nl-storm-conall-maas.txt'), old('en-putin-call.txt')]),
    );
    expect(stories.map((story) => story.articleIds.length)).toEqual([2, 1]);
  });
});

describe('story terms of a long headline', () => {
  it('weigh only the first STORY_HEADLINE_CHARS of the headline as the headline: the rest is detail', () => {
    const sentences = [
      'De gemeenteraad van Oosterhout heeft ingestemd met honderd sociale huurwoningen op het terrein van de oude suikerfabriek.',
      'De bouw begint volgend jaar.',
    ];
    const headline =
      'Gemeenteraad van Oosterhout stemt in met honderd sociale huurwoningen op het terrein van de oude suikerfabriek na urenlang debat';
    expect(headline.length).toBeGreaterThan(STORY_HEADLINE_CHARS);
    const input = { sentences, language: 'nl', entities: findEntities(sentences, 'nl'), keywords: [] };
    const whole = storyTerms({ ...input, headline });
    const first = storyTerms({
      ...input,
      headline: headline.slice(0, headline.lastIndexOf(' ', STORY_HEADLINE_CHARS)),
    });
    expect(whole).toEqual(first);
    // The tail's own words ("urenlang debat") are in no term; the event's are.
    expect(whole.some((term) => term.startsWith('w:deba') || term.startsWith('w:urenl'))).toBe(false);
    expect(whole.some((term) => term.startsWith('w:hurwo'))).toBe(true);
  });
});
