import { generateStaleDigests, isOpenPeriod } from '../../functions/app/digests';
import { summarizeArticle } from '../../functions/core/article';
import type { Digest } from '../../functions/core/digest';
import type { ArticleStore, DigestStore, PeriodState } from '../../functions/core/ports';
import { parseSeed } from '../../functions/core/seed';
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
    get: async (period) => stored.get(period)?.digest,
    put: async (digest, version) => {
      stored.set(digest.date, { digest, version });
      return true;
    },
  };
  return { articles, digests, stored };
}

describe('generateStaleDigests', () => {
  const state = (period: string, version: number, digestVersion: number): PeriodState => ({
    period,
    articleCount: 1,
    version,
    digestVersion,
  });

  it('regenerates only the periods whose version moved past their digest', async () => {
    const { articles, digests, stored } = stores([state('2021', 2, 1), state('2021-12', 3, 3)], '');
    const report = await generateStaleDigests({ articles, digests }, () => new Date('2026-01-01'));
    expect(report).toEqual({ generated: ['2021'], unchanged: 1, failed: [] });
    expect(stored.get('2021')?.version).toBe(2);
  });

  it('goes on with the other periods when one fails, and reports the failure', async () => {
    const { articles, digests, stored } = stores(
      [state('2022', 1, 0), state('2021-12', 1, 0), state('2021', 1, 0)],
      '2021-12',
    );
    const progress: string[] = [];
    const report = await generateStaleDigests(
      { articles, digests },
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
