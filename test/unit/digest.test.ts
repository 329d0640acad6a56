import { summarizeArticle } from '../../functions/core/article';
import { buildDigest } from '../../functions/core/digest';
import { parseSeed } from '../../functions/core/seed';
import { seedFiles } from '../seed-files';

const summaries = [...seedFiles.values()].map((bytes) => summarizeArticle(parseSeed(bytes.toString('utf8'))));
const generatedAt = new Date('2026-01-01T00:00:00Z');

describe('buildDigest', () => {
  it('lists every article of the period with a headline and a link', () => {
    const digest = buildDigest('2021-12', summaries, generatedAt);
    expect(digest).toMatchObject({
      date: '2021-12',
      level: 'month',
      articleCount: 2,
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
    for (const article of digest.articles) {
      expect(article.headline).not.toBe('');
      expect(article.url).toBe(`/articles/${article.id}`);
      expect(Object.keys(article)).toEqual(['id', 'date', 'headline', 'summary', 'language', 'wordCount', 'url']);
    }
  });

  it('does not depend on the order the articles arrive in', () => {
    const forward = JSON.stringify(buildDigest('2021', summaries, generatedAt));
    const backward = JSON.stringify(buildDigest('2021', [...summaries].reverse(), generatedAt));
    expect(backward).toBe(forward);
  });

  it('puts newer dates first', () => {
    const [a, b] = summaries as [(typeof summaries)[0], (typeof summaries)[0]];
    const digest = buildDigest(
      '2021',
      [
        { ...a, date: '2021-12-01' },
        { ...b, date: '2021-12-24' },
      ],
      generatedAt,
    );
    expect(digest.articles.map((article) => article.date)).toEqual(['2021-12-24', '2021-12-01']);
  });
});
