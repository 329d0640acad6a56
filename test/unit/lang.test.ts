import { hasPack, type LanguagePack, PACKS, packFor, unionOf, type WordClass } from '../../functions/core/lang';
import { SUPPORTED_LANGUAGES } from '../../functions/core/language';

const packs: readonly LanguagePack[] = Object.values(PACKS);

/** A pack's word classes, found at run time: every field that holds a set. */
const wordClasses = (pack: LanguagePack) =>
  Object.entries(pack).filter((entry): entry is [WordClass, ReadonlySet<string>] => entry[1] instanceof Set);

describe('language packs', () => {
  it('exist for every supported language, each under its own code', () => {
    for (const code of SUPPORTED_LANGUAGES) {
      expect(hasPack(code)).toBe(true);
      expect(packFor(code)).toBe(PACKS[code]);
      expect(PACKS[code].code).toBe(code);
    }
  });

  it('are only registered for languages the detector can answer', () => {
    expect(Object.keys(PACKS).sort()).toEqual([...SUPPORTED_LANGUAGES].sort());
  });

  it('hold their words lower case and trimmed, as every consumer compares them', () => {
    for (const pack of packs) {
      for (const [wordClass, words] of wordClasses(pack)) {
        const bad = [...words].filter((word) => word !== word.trim() || word !== word.toLowerCase());
        expect({ pack: pack.code, wordClass, bad }).toEqual({ pack: pack.code, wordClass, bad: [] });
      }
    }
  });

  it('hold patterns without the g or y flag, whose test() would carry state from one word to the next', () => {
    for (const pack of packs) {
      for (const pattern of [pack.finalVerb, pack.participle, pack.demonyms?.suffix]) {
        if (pattern) expect({ pack: pack.code, flags: pattern.flags }).toEqual({ pack: pack.code, flags: 'u' });
      }
    }
  });
});

describe('unionOf', () => {
  it("holds every pack's words of the class", () => {
    for (const pack of packs) {
      for (const [wordClass, words] of wordClasses(pack)) {
        const union = unionOf(wordClass);
        const missing = [...words].filter((word) => !union.has(word));
        expect({ pack: pack.code, wordClass, missing }).toEqual({ pack: pack.code, wordClass, missing: [] });
      }
    }
  });

  it('holds nothing no pack has', () => {
    for (const wordClass of wordClasses(PACKS.nl).map(([name]) => name)) {
      const extra = [...unionOf(wordClass)].filter((word) => !packs.some((pack) => pack[wordClass].has(word)));
      expect({ wordClass, extra }).toEqual({ wordClass, extra: [] });
    }
  });

  it('is built once per class', () => {
    expect(unionOf('titles')).toBe(unionOf('titles'));
    expect(unionOf('titles').has('president')).toBe(true);
    expect(unionOf('months').has('dezember')).toBe(true);
    expect(unionOf('months').has('desimber')).toBe(true);
  });
});

describe("packFor('und')", () => {
  const und = packFor('und');

  it('serves any language without a pack', () => {
    expect(und.code).toBe('und');
    expect(packFor('pt')).toBe(und);
    expect(packFor('')).toBe(und);
    expect(packFor('toString')).toBe(und);
  });

  it('has the stopwords of Dutch, English, German and French together, and not those of the others', () => {
    for (const code of ['nl', 'en', 'de', 'fr'] as const) {
      const missing = [...PACKS[code].stopwords].filter((word) => !und.stopwords.has(word));
      expect({ code, missing }).toEqual({ code, missing: [] });
    }
    expect(und.stopwords.has('hjir')).toBe(false);
    expect(und.stopwords.has('questo')).toBe(false);
  });

  it('has none of their grammar', () => {
    expect(und.functionWords.size).toBe(0);
    expect(und.leadingArticles.size).toBe(0);
    expect(und.droppableAuxiliaries.size).toBe(0);
    expect(und.stemmer).toBeUndefined();
    expect(und.finalVerb).toBeUndefined();
    expect(und.demonyms).toBeUndefined();
    expect(und.capitalisesNouns).toBe(false);
  });
});
