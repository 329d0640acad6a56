import { articleId, HEADLINE_MAX_CHARS, SUMMARY_MAX_WORDS, summarizeArticle } from '../../functions/core/article';
import { detectLanguage } from '../../functions/core/language';
import { parseSeed } from '../../functions/core/seed';
import { splitWords } from '../../functions/core/text';
import { FIRST_SEED, SECOND_SEED, seedText } from '../seed-files';

const first = parseSeed(seedText(FIRST_SEED));
const second = parseSeed(seedText(SECOND_SEED));

describe('summarizeArticle on the seeds', () => {
  it.each([
    [FIRST_SEED, first],
    [SECOND_SEED, second],
  ])('gives %s a headline taken from its lead, cut at a word boundary', (_, seed) => {
    const { headline } = summarizeArticle(seed);
    expect(headline.length).toBeGreaterThan(20);
    expect(headline.length).toBeLessThanOrEqual(HEADLINE_MAX_CHARS);
    expect(seed.paragraphs[0]?.startsWith(headline)).toBe(true);
    // The next character of the lead is a space: no word was cut in half.
    expect(seed.paragraphs[0]?.charAt(headline.length)).toMatch(/\s|[.,:;]/);
    expect(headline).not.toMatch(/[\s.,:;–-]$/);
  });

  it('summarizes with whole sentences of the article within the word budget', () => {
    const { summary } = summarizeArticle(first);
    expect(summary).toMatch(/^Het gesprek .*\.$/);
    expect(splitWords(summary).length).toBeLessThanOrEqual(SUMMARY_MAX_WORDS);
    expect(first.paragraphs.join(' ')).toContain(summary);
  });

  it('detects Dutch', () => {
    expect(summarizeArticle(first).language).toBe('nl');
    expect(summarizeArticle(second).language).toBe('nl');
  });

  it('counts words', () => {
    expect(summarizeArticle(first).wordCount).toBeGreaterThan(250);
  });
});

describe('articleId', () => {
  it('is the same for the same content, whatever its line endings', () => {
    const crlf = parseSeed(seedText(FIRST_SEED).replace(/\n/g, '\r\n'));
    expect(articleId(crlf)).toBe(articleId(first));
  });

  it('differs between different articles and different dates', () => {
    expect(articleId(first)).not.toBe(articleId(second));
    expect(articleId({ ...first, date: '2021-12-07' })).not.toBe(articleId(first));
    expect(articleId(first)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('detectLanguage', () => {
  it('answers und when the text is too short to tell', () => {
    expect(detectLanguage('Video')).toBe('und');
  });

  it('tells English and German apart from Dutch', () => {
    expect(detectLanguage('The president spoke with his Russian counterpart about the situation in Ukraine.')).toBe(
      'en',
    );
    expect(
      detectLanguage('Der Präsident sprach mit seinem russischen Amtskollegen über die Lage in der Ukraine.'),
    ).toBe('de');
  });
});
