import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ArticleSummary, summarizeArticle } from '../../functions/core/article';
import { buildDigest } from '../../functions/core/digest';
import { parseSeed } from '../../functions/core/seed';
import { groupDuplicates } from '../../functions/core/stories';
import {
  continueStories,
  daysAfter,
  type StoryDay,
  sameStoryDays,
  storiesFromDays,
  windowOf,
} from '../../functions/core/story-days';

const STORIES = join(import.meta.dirname, '../fixtures/stories');
/** A fixture article, dated `date` instead of its own date. */
const dated = (file: string, date: string): ArticleSummary =>
  summarizeArticle(
    parseSeed(readFileSync(join(STORIES, file), 'utf8').replace(/^\s*date \d{4}(-\d{2}){0,2}/, ` date ${date}`)),
  );

const call = dated('nl-poetin-gesprek.txt', '2024-11-12');
const nextDay = dated('en-putin-call.txt', '2024-11-13');
const storm = dated('nl-storm-bert-zeeland.txt', '2024-11-13');
const thirdDay = dated('de-putin-telefonat.txt', '2024-11-15');

/** A unit's stories from its articles, the window's stories and what was stored for it. */
const unit = (date: string, articles: ArticleSummary[], previous: StoryDay[] = [], stored: StoryDay[] = []) =>
  continueStories(date, groupDuplicates(articles), previous, stored);
const storyOf = (days: readonly StoryDay[], id: string) => days.find((day) => day.articleIds.includes(id))?.story;

describe('the window of a day', () => {
  it('is the 7 days before it, across a month and a year; a month or a year has none', () => {
    expect(windowOf('2025-01-03')).toEqual([
      '2024-12-27',
      '2024-12-28',
      '2024-12-29',
      '2024-12-30',
      '2024-12-31',
      '2025-01-01',
      '2025-01-02',
    ]);
    expect(daysAfter('2024-02-27')).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
      '2024-03-02',
      '2024-03-03',
      '2024-03-04',
      '2024-03-05',
    ]);
    expect(windowOf('2024-11')).toEqual([]);
    expect(windowOf('2024')).toEqual([]);
  });
});

describe('stories across days', () => {
  const first = unit('2024-11-12', [call]);
  const second = unit('2024-11-13', [nextDay, storm], [...first.days]);
  const third = unit('2024-11-15', [thirdDay], [...first.days, ...second.days]);

  it('puts an article of the next day about the same event in the same story, and an unrelated one not', () => {
    const id = storyOf(first.days, call.id) as string;
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(storyOf(second.days, nextDay.id)).toBe(id);
    expect(storyOf(second.days, storm.id)).not.toBe(id);
    // Two days later, across a language, still the same story.
    expect(storyOf(third.days, thirdDay.id)).toBe(id);
  });

  it('says since when a continued story runs and how many articles it had before', () => {
    const id = storyOf(first.days, call.id) as string;
    expect(first.history.get(id)).toEqual({ since: '2024-11-12', earlierArticleCount: 0 });
    expect(second.history.get(id)).toEqual({ since: '2024-11-12', earlierArticleCount: 1 });
    expect(third.history.get(id)).toEqual({ since: '2024-11-12', earlierArticleCount: 2 });
    const stormStory = storyOf(second.days, storm.id) as string;
    expect(second.history.get(stormStory)).toEqual({ since: '2024-11-13', earlierArticleCount: 0 });
  });

  it('gives the same ids for the same articles, and the same stories when regenerated', () => {
    const again = unit('2024-11-13', [storm, nextDay], [...first.days]);
    expect(again.days).toEqual(second.days);
    const regenerated = unit('2024-11-13', [nextDay, storm], [...first.days], [...second.days]);
    expect(sameStoryDays(regenerated.days, second.days)).toBe(true);
  });

  it('keeps the id of a story founded in a unit when an article joins it', () => {
    const zeeland = dated('nl-storm-bert-zeeland.txt', '2024-11-23');
    const trains = dated('nl-storm-bert-treinen.txt', '2024-11-23');
    const alone = unit('2024-11-23', [zeeland]);
    const id = storyOf(alone.days, zeeland.id) as string;
    const joined = unit('2024-11-23', [zeeland, trains], [], [...alone.days]);
    expect(storyOf(joined.days, trains.id)).toBe(id);
    expect(storyOf(joined.days, zeeland.id)).toBe(id);
    // From nothing stored, the same two articles get the id their ids hash to: another one.
    expect(storyOf(unit('2024-11-23', [zeeland, trains]).days, zeeland.id)).not.toBe(id);
  });

  it('does not continue a story more than 7 days old', () => {
    const late = dated('en-putin-call.txt', '2024-11-20');
    const id = storyOf(first.days, call.id);
    expect(storyOf(unit('2024-11-20', [late], [...first.days]).days, late.id)).not.toBe(id);
  });
});

describe('a month from its days', () => {
  const first = unit('2024-11-12', [call]);
  const second = unit('2024-11-13', [nextDay, storm], [...first.days]);
  const articles = [call, nextDay, storm];

  it('lists a story once, with its articles of every day, and the ids of the days', () => {
    const month = buildDigest('2024-11', articles, new Date(0), (items) =>
      storiesFromDays(items, [...first.days, ...second.days]),
    );
    const id = storyOf(first.days, call.id);
    const story = month.stories.find((candidate) => candidate.id === id);
    expect(story).toMatchObject({
      url: `/stories/${id}`,
      since: '2024-11-12',
      earlierArticleCount: 0,
      articleCount: 2,
    });
    expect([...(story?.articleIds ?? [])].sort()).toEqual([call.id, nextDay.id].sort());
    expect(month.stories.map((candidate) => candidate.id).sort()).toEqual(
      [...new Set([...first.days, ...second.days].map((day) => day.story))].sort(),
    );
    expect(month.articles.find((article) => article.id === storm.id)?.story).toBe(storyOf(second.days, storm.id));
  });

  it('groups the articles no day has placed among themselves', () => {
    const extra = dated('nl-storm-conall-maas.txt', '2024-11-26');
    const month = buildDigest('2024-11', [...articles, extra], new Date(0), (items) =>
      storiesFromDays(items, [...first.days, ...second.days]),
    );
    const story = month.stories.find((candidate) => candidate.articleIds.includes(extra.id));
    expect(story).toMatchObject({ since: '2024-11-26', earlierArticleCount: 0, articleCount: 1 });
  });
});
