import { lazy, lazyPattern, unicode, unicodeGlobal, unicodeIgnoringCase } from '../../functions/core/lazy';

describe('lazy', () => {
  it('builds its value once, on the first call', () => {
    let builds = 0;
    const value = lazy(() => {
      builds += 1;
      return { built: builds };
    });
    expect(builds).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(builds).toBe(1);
  });

  it('keeps a built undefined rather than building again', () => {
    let builds = 0;
    const value = lazy(() => {
      builds += 1;
      return undefined;
    });
    value();
    value();
    expect(builds).toBe(1);
  });
});

describe('pattern tags', () => {
  const capitalised = (word: string) => unicode`^\p{Lu}\p{Ll}+$`.test(word);

  it('read the raw text as a literal would: property escapes, escaped slashes, classes', () => {
    expect(capitalised('Élysée')).toBe(true);
    expect(capitalised('élysée')).toBe(false);
    expect(unicode`^\d{1,2}\/\d{2}$`.test('7/12')).toBe(true);
    expect('a-b c'.replace(unicodeGlobal`[^\p{L}]`, '')).toBe('abc');
    expect(unicodeIgnoringCase`^\p{L}+ uur$`.test('Tien UUR')).toBe(true);
  });

  it('give one object per call site, made on its first use, and another for another site', () => {
    const atSite = () => unicode`\p{N}`;
    const first = atSite();
    expect(atSite()).toBe(first);
    expect(unicode`\p{N}`).not.toBe(first);
    expect(first.flags).toBe('u');
    expect(unicodeGlobal`\p{N}`.flags).toBe('gu');
    expect(unicodeIgnoringCase`\p{N}`.flags).toBe('iu');
  });

  it('refuse a substitution: a pattern is fixed text', () => {
    expect.assertions(1);
    // The type allows none either; a caller from plain JavaScript still gets a clear error.
    const untyped = unicode as (strings: TemplateStringsArray, ...values: unknown[]) => RegExp;
    const part = 'a';
    expect(() => untyped`^${part}\p{L}`).toThrow('A pattern has no substitutions');
  });

  it('throw the syntax error of a wrong pattern on first use', () => {
    expect.assertions(1);
    expect(() => unicode`\p{NoSuchProperty}`).toThrow(SyntaxError);
  });
});

describe('lazyPattern', () => {
  it('makes one pattern on first use', () => {
    const pattern = lazyPattern(String.raw`^\p{Lu}`, 'u');
    expect(pattern()).toBe(pattern());
    expect(pattern().test('Zwolle')).toBe(true);
  });
});
