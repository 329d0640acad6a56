import { generateStaleDigests, isOpenPeriod } from '../../functions/app/digests';
import { type ArticleSummary, summarizeArticle } from '../../functions/core/article';
import type { Digest } from '../../functions/core/digest';
import { periodContains, periodsContaining } from '../../functions/core/periods';
import type { ArticleStore, DigestStore, PeriodState } from '../../functions/core/ports';
import { parseSeed } from '../../functions/core/seed';
import type { PeriodTally } from '../../functions/core/tally';
import { MemoryStoryStore } from '../memory-stories';
import { FIRST_SEED, seedText } from '../seed-files';

const summary = summarizeArticle(parseSeed(seedText(FIRST_SEED)));

/** In-memory stores; reading the articles of `failing` fails, as a throttled or broken read would. */
function stores(periods: PeriodState[], failing: string) {
  const stored = new Map<string, { digest: Digest; version: number }>();
  const articles = {
    async *listSummaries(period: string) {
      if (period === failing) throw new Error('read failed');
      yield { ...summary, date: period.length === 4 ? `${period}-12` : period };
    },
  } as unknown as ArticleStore;
  const digests: DigestStore = {
    listPeriods: async () => periods,
    listPeriodsWithArticles: async () => ({ items: periods }),
    getPeriod: async (period) => periods.find((state) => state.period === period),
    neighbours: async () => ({}),
    get: async (period) => stored.get(period)?.digest,
    put: async (digest, version) => {
      stored.set(digest.date, { digest, version });
      return true;
    },
    markChanged: async () => undefined,
    rollUp: async () => {},
    hasPendingChanges: async () => false,
    getTallies: async () => new Map(),
    putTally: async () => {},
  };
  return { articles, digests, stories: new MemoryStoryStore(), stored };
}

describe('generateStaleDigests', () => {
  const state = (period: string, version: number, digestVersion: number): PeriodState => ({
    period,
    articleCount: 1,
    version,
    digestVersion,
  });

  it('regenerates only the periods whose version moved past their digest', async () => {
    const { articles, digests, stories, stored } = stores([state('2021', 2, 1), state('2021-12', 3, 3)], '');
    const report = await generateStaleDigests({ articles, digests, stories }, () => new Date('2026-01-01'));
    expect(report).toEqual({ generated: ['2021'], unchanged: 1, failed: [] });
    expect(stored.get('2021')?.version).toBe(2);
  });

  it('goes on with the other periods when one fails, and reports the failure', async () => {
    const { articles, digests, stories, stored } = stores(
      [state('2022', 1, 0), state('2021-12', 1, 0), state('2021', 1, 0)],
      '2021-12',
    );
    const progress: string[] = [];
    const report = await generateStaleDigests(
      { articles, digests, stories },
      () => new Date('2026-01-01'),
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(report.generated).toEqual(['2022', '2021']);
    expect(report.failed.map(({ period }) => period)).toEqual(['2021-12']);
    expect(report.failed[0]?.error).toEqual(new Error('read failed'));
    expect([...stored.keys()].sort()).toEqual(['2021', '2022']);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
  });
});

describe('generateStaleDigests after ingest marked only a day', () => {
  it('rolls the day up into its month and year before building any digest, then builds all three', async () => {
    const periods = new Map<string, PeriodState>([
      ['2021-12-07', { period: '2021-12-07', articleCount: 1, version: 1, digestVersion: 0, pendingChanges: 1 }],
    ]);
    const { articles, digests, stories, stored } = stores([], '');
    const calls: string[] = [];
    const rolling: DigestStore = {
      ...digests,
      listPeriods: async () => [...periods.values()],
      getPeriod: async (period) => periods.get(period),
      rollUp: async (period) => {
        calls.push(`rollUp ${period}`);
        periods.set(period, { period, articleCount: 1, version: 1, digestVersion: 0 });
        for (const wider of ['2021-12', '2021'])
          periods.set(wider, { period: wider, articleCount: 1, version: 1, digestVersion: 0 });
      },
      put: async (digest, version) => {
        calls.push(`put ${digest.date}`);
        return digests.put(digest, version);
      },
    };
    const report = await generateStaleDigests({ articles, digests: rolling, stories }, () => new Date('2026-01-01'));
    expect(calls[0]).toBe('rollUp 2021-12-07');
    expect(report.failed).toEqual([]);
    expect([...stored.keys()].sort()).toEqual(['2021', '2021-12', '2021-12-07']);
  });

  it('reports a roll-up that fails and goes on with the rest; the day stays pending for the next run', async () => {
    const { articles, digests, stories, stored } = stores(
      [{ period: '2021-12-07', articleCount: 1, version: 1, digestVersion: 0, pendingChanges: 1 }],
      '',
    );
    const failing: DigestStore = {
      ...digests,
      rollUp: async () => {
        throw new Error('throttled');
      },
    };
    const report = await generateStaleDigests({ articles, digests: failing, stories }, () => new Date('2026-01-01'));
    expect(report.failed).toEqual([{ period: '2021-12-07', error: new Error('throttled') }]);
    expect([...stored.keys()]).toEqual(['2021-12-07']);
  });
});

describe('isOpenPeriod', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it.each([
    ['2026', true],
    ['2026-11', true],
    ['2026-11-23', true],
    ['2026-12', true],
    ['2027', true],
    ['2026-11-22', false],
    ['2026-10', false],
    ['2025', false],
  ])('%s is open on 23 November 2026: %s', (period, open) => {
    expect(isOpenPeriod(period, now)).toBe(open);
  });
});

describe('generateStaleDigests with stories across days', () => {
  /** Articles by date and period bookkeeping in memory, counting the periods whose articles are read. */
  function year(days: Map<string, ArticleSummary[]>) {
    const periods = new Map<string, PeriodState>();
    const read: string[] = [];
    const tallies = new Map<string, PeriodTally>();
    const stored = new Map<string, Digest>();
    const bump = (date: string, delta: number) => {
      for (const period of periodsContaining(date)) {
        const state = periods.get(period) ?? { period, articleCount: 0, version: 0, digestVersion: 0 };
        periods.set(period, { ...state, articleCount: state.articleCount + delta, version: state.version + 1 });
      }
    };
    for (const [date, list] of days) for (const _ of list) bump(date, 1);
    const articles = {
      async *listSummaries(period: string) {
        read.push(period);
        for (const [date, list] of days) if (periodContains(period, date)) yield* list;
      },
      async *listDated(date: string) {
        read.push(`dated ${date}`);
        yield* days.get(date) ?? [];
      },
      async getSummaries(ids: readonly string[]) {
        read.push(`${ids.length} by id`);
        const all = new Map([...days.values()].flat().map((entry) => [entry.id, entry]));
        return ids.flatMap((id) => all.get(id) ?? []);
      },
    } as unknown as ArticleStore;
    const digests: DigestStore = {
      listPeriods: async () => [...periods.values()].sort((a, b) => b.period.localeCompare(a.period)),
      listPeriodsWithArticles: async () => ({ items: [...periods.values()] }),
      getPeriod: async (period) => periods.get(period),
      neighbours: async () => ({}),
      get: async (period) => stored.get(period),
      put: async (digest, version) => {
        stored.set(digest.date, digest);
        const state = periods.get(digest.date) as PeriodState;
        periods.set(digest.date, { ...state, digestVersion: version });
        return true;
      },
      markChanged: async (period) => {
        const state = periods.get(period);
        if (!state) return undefined;
        const marked = { ...state, version: state.version + 1 };
        periods.set(period, marked);
        return marked;
      },
      rollUp: async () => {},
      hasPendingChanges: async () => false,
      getTallies: async (wanted) =>
        new Map(
          wanted.flatMap((period) => (tallies.has(period) ? [[period, tallies.get(period) as PeriodTally]] : [])),
        ),
      putTally: async (tally) => {
        tallies.set(tally.period, tally);
      },
    };
    const add = (article: ArticleSummary) => {
      days.set(article.date, [...(days.get(article.date) ?? []), article]);
      bump(article.date, 1);
    };
    return { deps: { articles, digests, stories: new MemoryStoryStore() }, read, add, stored };
  }

  /** An article of its own subject, dated `date`. */
  const article = (date: string, index: number): ArticleSummary => ({
    ...summary,
    id: (0x1000000000000000 + index * 7919).toString(16).slice(0, 16),
    date,
    headline: `Bericht ${index}`,
    keywords: [`onderwerp${index}`],
    entities: [`Persoon ${index}`],
    storyTerms: [`n:persoon-${index}=5`, `w:onder${index}=3`, `w:thema${index}=2`],
    bodyHash: `hash${index}`,
    minhash: '',
  });

  it('after one new article regenerates its day and the days after it whose stories it may change, not the year', async () => {
    const days = new Map<string, ArticleSummary[]>();
    for (let day = 1; day <= 59; day += 1) {
      const date = new Date(Date.UTC(2023, 0, day)).toISOString().slice(0, 10);
      days.set(date, [article(date, day * 10), article(date, day * 10 + 1)]);
    }
    const { deps, read, add } = year(days);
    const first = await generateStaleDigests(deps, () => new Date('2026-01-01'));
    expect(first.failed).toEqual([]);
    expect(first.generated).toHaveLength(59 + 2 + 1);
    read.length = 0;
    deps.stories.unitReads.clear();

    add(article('2023-01-20', 9999));
    const second = await generateStaleDigests(deps, () => new Date('2026-01-01'));
    expect(second.failed).toEqual([]);
    // Its day, the 7 after it (they may continue its stories; none of theirs changed, so it stops there), its month
    // and its year.
    const later = ['2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26', '2023-01-27'];
    expect([...second.generated].sort()).toEqual(['2023', '2023-01', '2023-01-20', ...later].sort());
    // Days are read as days; the other 51 days are not regrouped.
    const daysRead = read.filter((period) => period.length === 10);
    expect(daysRead.sort()).toEqual(['2023-01-20', ...later]);
  });

  it('builds a large month and year from the tallies of its days and months, never reading every article', async () => {
    const days = new Map<string, ArticleSummary[]>();
    for (let day = 1; day <= 31; day += 1) {
      const date = `2023-01-${String(day).padStart(2, '0')}`;
      days.set(
        date,
        Array.from({ length: 40 }, (_, index) => ({ ...article(date, day * 100 + index), keywords: ['gemeente'] })),
      );
    }
    const { deps, read, add, stored } = year(days);
    expect((await generateStaleDigests(deps, () => new Date('2026-01-01'))).failed).toEqual([]);
    read.length = 0;

    add({ ...article('2023-01-20', 99_999), keywords: ['gemeente'] });
    const run = await generateStaleDigests(deps, () => new Date('2026-01-01'));
    expect(run.failed).toEqual([]);
    expect(run.generated).toEqual(expect.arrayContaining(['2023', '2023-01', '2023-01-20']));
    // The month and the year read only their own undated articles and their listed stories' central articles.
    expect(read.filter((what) => what === '2023' || what === '2023-01')).toEqual([]);
    expect(read).toEqual(expect.arrayContaining(['2023-01-20', 'dated 2023-01', 'dated 2023']));
    const month = stored.get('2023-01') as Digest;
    const yearDigest = stored.get('2023') as Digest;
    for (const digest of [month, yearDigest]) {
      expect(digest.articleCount).toBe(31 * 40 + 1);
      expect(digest.topKeywords[0]).toEqual({ keyword: 'gemeente', count: 31 * 40 + 1 });
      // A digest of stories: the largest, each with its article count and its central articles, in the one shape.
      expect(digest.stories).toHaveLength(200);
      expect(digest.articles).toHaveLength(200);
      expect(digest.stories[0]).toMatchObject({ articleCount: 1, url: expect.stringMatching(/^\/stories\//) });
    }
    // The day and the month agree on story ids.
    const day = stored.get('2023-01-01') as Digest;
    const listed = new Set(month.stories.map((story) => story.id));
    expect(day.stories.some((story) => listed.has(story.id))).toBe(true);
  });
});
