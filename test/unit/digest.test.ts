import fc from 'fast-check';
import { type ArticleSummary, summarizeArticle } from '../../functions/core/article';
import { buildDigest, MAX_SUMMARY_SENTENCES } from '../../functions/core/digest';
import { decodeMinhash, estimateJaccard } from '../../functions/core/fingerprint';
import { parseSeed } from '../../functions/core/seed';
import { groupDuplicates, groupStories } from '../../functions/core/stories';
import { fold, splitWords } from '../../functions/core/text';
import { loadCases } from '../../scripts/eval';
import { FIRST_SEED, SECOND_SEED, seedFiles, seedText } from '../seed-files';

const summaries = [...seedFiles.values()].map((bytes) => summarizeArticle(parseSeed(bytes.toString('utf8'))));
const [first, second] = [FIRST_SEED, SECOND_SEED].map((name) => summarizeArticle(parseSeed(seedText(name)))) as [
  ArticleSummary,
  ArticleSummary,
];
const generatedAt = new Date('2026-01-01T00:00:00Z');
const evalSummaries = loadCases().map((item) => item.summary);

describe('buildDigest', () => {
  it('lists every article of the period with a headline, a link, its story and its duplicates, fields in a fixed order', () => {
    const digest = buildDigest('2021-12', summaries, generatedAt);
    expect(digest).toMatchObject({
      date: '2021-12',
      level: 'month',
      articleCount: 2,
      generatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(Object.keys(digest)).toEqual([
      'date',
      'level',
      'generatedAt',
      'articleCount',
      'summary',
      'stories',
      'topEntities',
      'topKeywords',
      'articles',
    ]);
    for (const article of digest.articles) {
      expect(article.headline).not.toBe('');
      expect(article.url).toBe(`/articles/${article.id}`);
      expect(Object.keys(article)).toEqual([
        'id',
        'date',
        'headline',
        'summary',
        'language',
        'wordCount',
        'url',
        'readingMinutes',
        'keywords',
        'entities',
        'story',
        'duplicates',
      ]);
      expect(digest.stories.map((story) => story.id)).toContain(article.story);
    }
  });

  it('does not depend on the order the articles arrive in', () => {
    const forward = JSON.stringify(buildDigest('2021', summaries, generatedAt));
    const backward = JSON.stringify(buildDigest('2021', [...summaries].reverse(), generatedAt));
    expect(backward).toBe(forward);
  });

  it('gives a byte-identical digest for any order of a larger date', () => {
    const expected = JSON.stringify(buildDigest('2024-03', evalSummaries, generatedAt));
    fc.assert(
      fc.property(fc.shuffledSubarray(evalSummaries, { minLength: evalSummaries.length }), (shuffled) => {
        expect(JSON.stringify(buildDigest('2024-03', shuffled, generatedAt))).toBe(expected);
      }),
      { numRuns: 25 },
    );
  });

  it('puts newer dates first', () => {
    const digest = buildDigest(
      '2021',
      [
        { ...first, date: '2021-12-01' },
        { ...second, date: '2021-12-24' },
      ],
      generatedAt,
    );
    expect(digest.articles.map((article) => article.date)).toEqual(['2021-12-24', '2021-12-01']);
  });

  it('summarizes the date in two to five sentences from the articles, none saying the same thing', () => {
    const digest = buildDigest('2024-03', evalSummaries, generatedAt);
    expect(digest.summary.length).toBeGreaterThanOrEqual(2);
    expect(digest.summary.length).toBeLessThanOrEqual(MAX_SUMMARY_SENTENCES);
    const byId = new Map(evalSummaries.map((article) => [article.id, article]));
    for (const sentence of digest.summary) expect(byId.get(sentence.articleId)?.summary).toContain(sentence.text);
    const words = digest.summary.map((sentence) => new Set(splitWords(sentence.text).map(fold)));
    for (const [i, a] of words.entries()) {
      for (const b of words.slice(i + 1)) {
        const shared = [...a].filter((word) => b.has(word) && word.length > 3).length;
        expect(shared / Math.min(a.size, b.size)).toBeLessThan(0.5);
      }
    }
    const seedDigest = buildDigest('2021-12', summaries, generatedAt);
    expect(seedDigest.summary.length).toBeGreaterThanOrEqual(2);
  });

  it('counts the top names and keywords of the date by the articles that have them', () => {
    const digest = buildDigest('2021-12', summaries, generatedAt);
    expect(digest.topEntities.slice(0, 4).map((entity) => entity.name)).toEqual(
      expect.arrayContaining(['Joe Biden', 'Vladimir Poetin', 'Oekraïne', 'Rusland']),
    );
    expect(digest.topEntities.find((entity) => entity.name === 'Joe Biden')?.count).toBe(2);
    expect(digest.topKeywords[0]).toEqual({ keyword: 'gesprek', count: 2 });
    const counts = digest.topEntities.map((entity) => entity.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });
});

describe('duplicates', () => {
  it('shows identical bodies once, with the other listed under it', () => {
    const copy = { ...first, id: 'ffffffffffffffff' };
    const digest = buildDigest('2021-12', [first, second, copy], generatedAt);
    expect(digest.articleCount).toBe(3);
    expect(digest.articles).toHaveLength(2);
    const shown = digest.articles.find((article) => article.id === first.id);
    expect(shown?.duplicates).toEqual([{ id: copy.id, url: `/articles/${copy.id}` }]);
  });

  it('shows near-duplicates (shingle Jaccard of at least 0.5) once', () => {
    const seed = parseSeed(seedText(FIRST_SEED));
    const edited = summarizeArticle({
      ...seed,
      paragraphs: [...seed.paragraphs.slice(0, -1), 'Het Witte Huis geeft later meer uitleg.'],
    });
    expect(edited.bodyHash).not.toBe(first.bodyHash);
    expect(estimateJaccard(decodeMinhash(edited.minhash), decodeMinhash(first.minhash))).toBeGreaterThanOrEqual(0.5);
    const items = groupDuplicates([second, edited, first]);
    expect(items).toHaveLength(2);
    expect(items.find((item) => item.duplicates.length === 1)?.duplicates[0]?.id).toBeDefined();
  });

  it('keeps the two seed articles apart: they are different texts', () => {
    expect(estimateJaccard(decodeMinhash(first.minhash), decodeMinhash(second.minhash))).toBeLessThan(0.1);
    expect(groupDuplicates([first, second])).toHaveLength(2);
  });

  it('finds the near-copy in the evaluation set', () => {
    const items = groupDuplicates(evalSummaries);
    expect(items).toHaveLength(evalSummaries.length - 1);
  });
});

describe('stories', () => {
  /*
   * Both seeds report a conversation between Biden and Poetin about Russian troops at the Ukrainian border,
   * in December 2021: a video call (the first) and a phone call three weeks later (the second, which calls
   * itself "hun tweede telefoongesprek deze maand"). Different conversations, one diplomatic story:
   * the same two leaders, the same crisis, the same threat of sanctions. The digest groups them.
   */
  it('groups the two seed articles into one story about Biden, Poetin and Oekraïne', () => {
    const digest = buildDigest('2021-12', summaries, generatedAt);
    expect(digest.stories).toHaveLength(1);
    expect(digest.stories[0]?.articleIds).toHaveLength(2);
    expect(digest.stories[0]?.entities).toEqual(expect.arrayContaining(['Joe Biden', 'Oekraïne']));
    expect([first.headline, second.headline]).toContain(digest.stories[0]?.headline);
  });

  it('gives the same groups for any input order', () => {
    const canonical = JSON.stringify(groupStories(groupDuplicates(evalSummaries)).map((story) => story.articleIds));
    fc.assert(
      fc.property(fc.shuffledSubarray(evalSummaries, { minLength: evalSummaries.length }), (shuffled) => {
        const groups = groupStories(groupDuplicates(shuffled)).map((story) => story.articleIds);
        expect(JSON.stringify(groups)).toBe(canonical);
      }),
      { numRuns: 25 },
    );
  });

  it('puts the strongest story first', () => {
    const stories = buildDigest('2024-03', evalSummaries, generatedAt).stories;
    const sizes = stories.map((story) => story.articleCount);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes[0]).toBeGreaterThan(1);
  });

  it('ranks the articles of one huge story by the links found, not by comparing every pair in it', () => {
    // One story told 4000 times: every article has the story's own terms (too common to find candidates by) and
    // shares a name with the next, so that links run along a chain and the centroids stay alike.
    const chain = Array.from({ length: 4000 }, (_, index) => ({
      ...first,
      id: index.toString(16).padStart(16, '0'),
      bodyHash: `chain${index}`,
      minhash: '',
      storyTerms: [
        'n:gedeeld=9',
        'w:verha=9',
        `n:naam-${index}=2`,
        `n:naam-${index + 1}=2`,
        `n:plek-${index}=2`,
        `n:plek-${index + 1}=2`,
      ],
    }));
    const work = { comparisons: 0 };
    const stories = groupStories(groupDuplicates(chain), work);
    expect(stories[0]?.articleIds).toHaveLength(4000);
    // Comparing every pair of the story would be about eight million.
    expect(work.comparisons).toBeLessThan(10 * 4000);
  });

  it('keeps a chain of articles, each like the next, from joining stories that are not alike (centroid linkage)', () => {
    // Each article shares two rare terms with the next and nothing else: single linkage would make one story of
    // 400; their centroids soon share too little for that.
    const chain = Array.from({ length: 400 }, (_, index) => ({
      ...first,
      id: index.toString(16).padStart(16, '0'),
      bodyHash: `chain${index}`,
      minhash: '',
      storyTerms: [`n:naam-${index}=2`, `n:naam-${index + 1}=2`, `w:woor${index}=2`, `w:woor${index + 1}=2`],
    }));
    const stories = groupStories(groupDuplicates(chain));
    expect(stories.length).toBeGreaterThan(50);
    expect(stories[0]?.articleIds.length).toBeLessThan(20);
  });

  it('groups thousands of articles with work near-linear in their number, not all pairs', () => {
    const synthetic = (count: number) =>
      Array.from({ length: count }, (_, index) => ({
        ...first,
        id: index.toString(16).padStart(16, '0'),
        bodyHash: `body${index}`,
        minhash: '',
        headline: `Headline ${index}`,
        // Stories of eight articles, each with its names and topic, and terms common to the whole date.
        storyTerms: [
          `n:person-${Math.floor(index / 8)}=2`,
          `n:org-${Math.floor(index / 8)}=2`,
          `w:topic${Math.floor(index / 8)}=1`,
          `n:place-${index % 7}=2`,
          `w:word${index % 11}=1`,
          `w:term${index}=1`,
        ],
      }));
    // Similarity computations, counted: a measure of the work that no machine's load can change.
    const comparisons = (count: number) => {
      const work = { comparisons: 0 };
      groupStories(groupDuplicates(synthetic(count)), work);
      return work.comparisons;
    };
    const small = comparisons(2000);
    const large = comparisons(8000);
    expect(small).toBeGreaterThan(0);
    // All pairs would be 16 times the work for four times the articles; this data measures about 4.
    expect(large / small).toBeLessThan(9);
    expect(large).toBeLessThan((8000 * 7999) / 2 / 50);
  });
});
