import { normalizeText, parseSeed, SeedRejectedError } from '../../functions/core/seed';
import { FIRST_SEED, SECOND_SEED, seedFiles, seedText } from '../seed-files';

describe('parseSeed on the shipped seeds', () => {
  it('ships exactly the two seed files', () => {
    expect([...seedFiles.keys()]).toEqual([FIRST_SEED, SECOND_SEED]);
  });

  it.each([FIRST_SEED, SECOND_SEED])('reads the date marker of %s and keeps it out of the body', (name) => {
    const seed = parseSeed(seedText(name));
    expect(seed.date).toBe('2021-12');
    expect(seed.paragraphs.join('\n')).not.toMatch(/\bdate 2021/);
  });

  it('splits the body into its paragraphs', () => {
    const seed = parseSeed(seedText(FIRST_SEED));
    expect(seed.paragraphs[0]).toMatch(/^Het gesprek tussen de Amerikaanse president Joe Biden/);
    expect(seed.paragraphs).toContain('Beleefdheden');
    expect(seed.paragraphs.at(-1)).toMatch(/persconferentie\.$/);
    expect(seed.paragraphs).toHaveLength(10);
  });

  it('keeps non-ASCII text intact', () => {
    expect(parseSeed(seedText(FIRST_SEED)).paragraphs[0]).toContain('Oekraïne');
  });
});

describe('parseSeed on other shapes', () => {
  it.each([['2021'], ['2021-12'], ['2021-12-07']])('accepts a %s date marker', (date) => {
    expect(parseSeed(`date ${date}\nBody text.`).date).toBe(date);
  });

  it('treats CRLF, CR and LF line endings alike', () => {
    const lf = parseSeed(' date 2021-12 First line\nwraps here.\n\nSecond paragraph.');
    expect(parseSeed(' date 2021-12 First line\r\nwraps here.\r\n\r\nSecond paragraph.')).toEqual(lf);
    expect(parseSeed(' date 2021-12 First line\rwraps here.\r\rSecond paragraph.')).toEqual(lf);
    expect(lf.paragraphs).toEqual(['First line wraps here.', 'Second paragraph.']);
  });

  it('drops a UTF-8 byte order mark and composes Unicode', () => {
    expect(normalizeText('\uFEFFOekrai\u0308ne')).toBe('Oekraïne');
  });

  it.each([
    ['', 'empty-file'],
    ['   \n\n ', 'empty-file'],
    ['Just an article without a marker.', 'missing-date-marker'],
    ['date 2021-13 Body.', 'invalid-date'],
    ['date 2021-02-30 Body.', 'invalid-date'],
    ['date abc Body.', 'invalid-date'],
    [' date 2021-12 ', 'no-article-text'],
  ])('rejects %p as %s', (text, code) => {
    expect.assertions(2);
    try {
      parseSeed(text);
    } catch (error) {
      expect(error).toBeInstanceOf(SeedRejectedError);
      expect((error as SeedRejectedError).code).toBe(code);
    }
  });
});
