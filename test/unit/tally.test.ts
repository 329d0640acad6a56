import { mergeTallies, type PeriodTally, type StoryTally } from '../../functions/core/tally';

const story = (id: string, first: string, articleCount: number, extra: Partial<StoryTally> = {}): StoryTally => ({
  id,
  headline: `${id} on ${first}`,
  articleCount,
  since: first,
  earlierArticleCount: 0,
  first,
  central: [`${id}-${first}-a`, `${id}-${first}-b`],
  ...extra,
});
const tally = (period: string, articleCount: number, stories: StoryTally[], entity = 'Joe Biden'): PeriodTally => ({
  period,
  articleCount,
  entities: [{ value: entity, count: articleCount }],
  keywords: [{ value: 'gesprek', count: 1 }],
  stories,
});

describe('mergeTallies', () => {
  it('sums counts, lists each story once, and keeps where and since when it began', () => {
    const merged = mergeTallies('2024-11', [
      tally('2024-11-13', 5, [
        story('s', '2024-11-13', 4, { since: '2024-11-09', earlierArticleCount: 3 }),
        story('t', '2024-11-13', 1),
      ]),
      tally(
        '2024-11-12',
        2,
        [story('s', '2024-11-12', 2, { since: '2024-11-09', earlierArticleCount: 1 })],
        'Joe Bidén',
      ),
    ]);
    expect(merged.articleCount).toBe(7);
    expect(merged.entities).toEqual([{ value: 'Joe Biden', count: 7 }]);
    expect(merged.keywords).toEqual([{ value: 'gesprek', count: 2 }]);
    expect(merged.stories).toEqual([
      {
        id: 's',
        // The headline and the central articles of its largest part first.
        headline: 's on 2024-11-13',
        articleCount: 6,
        since: '2024-11-09',
        // Before its first day in the period.
        earlierArticleCount: 1,
        first: '2024-11-12',
        central: ['s-2024-11-13-a', 's-2024-11-13-b', 's-2024-11-12-a'],
      },
      story('t', '2024-11-13', 1),
    ]);
  });
});
