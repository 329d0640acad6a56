import { articleId, HEADLINE_MAX_CHARS, SUMMARY_MAX_WORDS, summarizeArticle } from '../../functions/core/article';
import { PACKS } from '../../functions/core/lang';
import { parseSeed } from '../../functions/core/seed';
import { splitSentences } from '../../functions/core/sentences';
import { fold, splitWords } from '../../functions/core/text';
import { FIRST_SEED, SECOND_SEED, seedText } from '../seed-files';

const first = parseSeed(seedText(FIRST_SEED));
const second = parseSeed(seedText(SECOND_SEED));
const bodyWords = (paragraphs: readonly string[]) => new Set(paragraphs.flatMap((p) => splitWords(p).map(fold)));

describe('summarizeArticle on the seeds', () => {
  it('compresses the first lead into a headline of names, event and verb', () => {
    expect(summarizeArticle(first).headline).toBe('Gesprek tussen Biden en Poetin afgelopen');
    expect(summarizeArticle(second).headline).toBe('Biden en Poetin hebben telefonisch overleg gepleegd');
  });

  it.each([
    [FIRST_SEED, first],
    [SECOND_SEED, second],
  ])('keeps the headline of %s within the rules', (_, seed) => {
    const { headline } = summarizeArticle(seed);
    expect(headline.length).toBeLessThanOrEqual(HEADLINE_MAX_CHARS);
    expect(headline).not.toMatch(/[\s.,:;–—-]$|…|\.\.\./u);
    expect(PACKS.nl.functionWords.has(fold(headline.split(' ').at(-1) ?? ''))).toBe(false);
    const words = bodyWords(seed.paragraphs);
    for (const word of splitWords(headline)) expect(words.has(fold(word))).toBe(true);
  });

  it('summarizes with one to three whole sentences of the article, in order, within the word budget', () => {
    for (const seed of [first, second]) {
      const { summary, headline } = summarizeArticle(seed);
      const sentences = splitSentences(summary);
      expect(sentences.length).toBeGreaterThanOrEqual(1);
      expect(sentences.length).toBeLessThanOrEqual(3);
      expect(splitWords(summary).length).toBeLessThanOrEqual(SUMMARY_MAX_WORDS);
      const text = seed.paragraphs.join(' ');
      let from = 0;
      for (const sentence of sentences) {
        const at = text.indexOf(sentence, from);
        expect(at).toBeGreaterThanOrEqual(from);
        from = at + sentence.length;
        expect(sentence.replace(/\.$/u, '')).not.toBe(headline);
      }
    }
    expect(summarizeArticle(first).summary).toMatch(/^Het gesprek tussen de Amerikaanse president Joe Biden/);
  });

  it('detects Dutch', () => {
    expect(summarizeArticle(first).language).toBe('nl');
    expect(summarizeArticle(second).language).toBe('nl');
  });

  it('counts words and reading minutes', () => {
    const summary = summarizeArticle(first);
    expect(summary.wordCount).toBeGreaterThan(250);
    expect(summary.readingMinutes).toBe(Math.max(1, Math.round(summary.wordCount / 220)));
  });

  it.each([
    [FIRST_SEED, first],
    [SECOND_SEED, second],
  ])('finds Joe Biden, Vladimir Poetin, Oekraïne and Rusland in %s', (_, seed) => {
    expect(summarizeArticle(seed).entities).toEqual(
      expect.arrayContaining(['Joe Biden', 'Vladimir Poetin', 'Oekraïne', 'Rusland']),
    );
  });

  it('stays compact enough to read ten thousand per date', () => {
    for (const seed of [first, second]) expect(JSON.stringify(summarizeArticle(seed)).length).toBeLessThan(2048);
  });
});

describe('summarizeArticle on other shapes', () => {
  it('uses the file title line as the headline when there is one', () => {
    const seed = parseSeed(
      ' date 2024-03-12 Nieuwe brug over de Leie open\n\nIn Gent is dinsdag een nieuwe brug voor fietsers en voetgangers over de Leie geopend. Ze kostte 8 miljoen euro.',
    );
    expect(seed.title).toBe('Nieuwe brug over de Leie open');
    const summary = summarizeArticle(seed);
    expect(summary.headline).toBe('Nieuwe brug over de Leie open');
    expect(summary.summary).toMatch(/^In Gent is dinsdag een nieuwe brug/);
  });

  it('never summarizes boilerplate, subheadings or datelines', () => {
    const seed = {
      date: '2024-03-12',
      paragraphs: [
        'GENT (Belga) - In Gent is dinsdag een nieuwe brug over de Leie geopend voor fietsers en voetgangers.',
        '© Belga',
        'Lees ook: nog meer bruggen',
        'Vertraging',
        'De bouw liep een jaar vertraging op door problemen met de fundering van de brug.',
      ],
      blocks: [],
    };
    const summary = summarizeArticle(seed);
    expect(summary.summary).toBe(
      'In Gent is dinsdag een nieuwe brug over de Leie geopend voor fietsers en voetgangers. De bouw liep een jaar vertraging op door problemen met de fundering van de brug.',
    );
    expect(summary.headline).not.toMatch(/GENT|Belga/u);
  });

  it('gives an article with text a summary even when every sentence is long', () => {
    const words = Array.from({ length: 90 }, (_, index) => `woord${index}`).join(' ');
    const summary = summarizeArticle({ date: '2024', paragraphs: [`${words}.`], blocks: [] });
    expect(summary.summary).not.toBe('');
    expect(splitWords(summary.summary).length).toBeLessThanOrEqual(SUMMARY_MAX_WORDS);
    expect(summary.headline.length).toBeLessThanOrEqual(HEADLINE_MAX_CHARS);
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

describe('summarizeArticle on a very long article', () => {
  const dutch =
    'Het kabinet heeft dinsdag nieuwe maatregelen aangekondigd om de energierekening van huishoudens te verlagen.';
  const english = 'The committee published a long appendix with tables about the energy market in other countries.';
  const paragraphs = [
    ...Array.from({ length: 500 }, () => `${dutch} `.repeat(3).trim()),
    ...Array.from({ length: 3000 }, () => `${english} `.repeat(3).trim()),
  ];
  const summary = summarizeArticle({
    date: '2021-11-06',
    paragraphs,
    blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
  });

  it('analyses its beginning, where the news is', () => {
    expect(summary.language).toBe('nl');
    expect(summary.headline).toMatch(/kabinet/i);
  });

  it('still counts every word', () => {
    expect(summary.wordCount).toBe(500 * 3 * 14 + 3000 * 3 * 15);
  });
});
