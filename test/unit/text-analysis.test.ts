import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import stopwordsIso from 'stopwords-iso/stopwords-iso.json' with { type: 'json' };
import { calendarNames } from '../../functions/core/calendar';
import { findEntities } from '../../functions/core/entities';
import { extractKeywords, MAX_KEYWORDS, MIN_KEYWORDS, stem } from '../../functions/core/keywords';
import { detectLanguage, detectParagraphsLanguage } from '../../functions/core/language';
import { regionCodes, regionNames } from '../../functions/core/regions';
import { splitParagraphsSentences, splitSentences } from '../../functions/core/sentences';
import { STOPWORDS_ISO } from '../../functions/core/stopword-data';
import { stopwordsFor } from '../../functions/core/stopwords';
import {
  cachedByText,
  endsPossessive,
  fold,
  foldedWordsOf,
  forgetArticleTexts,
  hasLowerBeforeUpper,
  splitWords,
  startsLower,
  stripPossessive,
  tokenize,
  tokensOf,
} from '../../functions/core/text';
import { loadCases } from '../../scripts/eval';
import { vendorCldr } from '../../scripts/vendor-cldr';

describe('splitSentences', () => {
  it.each([
    ['Er waren o.a. ministers bij. Daarna ging het verder.', 2],
    ['Dhr. Jansen kwam ca. 10.30 uur aan. Hij bleef.', 2],
    ['Het ging om 1.000 mensen en 3,5 procent. Dat is veel.', 2],
    ['De brief d.d. 3 mei ging m.b.t. de zaak naar het ministerie. Het kostte 3 mln. Euro extra.', 2],
    ['Bijv. Jansen en mevr. De Vries zijn er t.o.v. vorig jaar niet bij.', 1],
    ['Het gaat o.a. om bijv. Gent.', 1],
    ['Mr. Smith met Dr. Jones in the U.S. House. He said no.', 2],
    ['Es gab z.B. Streit u.a. mit Dr. Müller. Am 3. Dezember kam er mehr.', 2],
    ['Hij zei: “Het is goed.” Daarna ging hij. Is dat zo? Ja!', 4],
    ['Het staat in art. 12 van de wet. Nr. 5 volgt.', 2],
    // A news ticker's separator.
    ['Nahost im Liveticker +++ 18:05 Scholz landet in Kairo +++ 17:40 Die Lage bleibt angespannt', 3],
  ])('splits %j into %d sentences', (text, count) => {
    expect(splitSentences(text)).toHaveLength(count);
  });

  it('never breaks a sentence at an abbreviation, a time or a number, wherever they stand', () => {
    const inserts = ['o.a.', 'd.d.', 'm.b.t.', 'mln.', 'dhr.', 'bijv.', 'ca.', 't.o.v.', '10.30 uur', '1.000', '3,5'];
    const starts = ['Mr.', 'Dr.', 'z.B.', 'u.a.', 'Dhr.', 'Mevr.'];
    fc.assert(
      fc.property(
        fc.constantFrom(...inserts, ...starts),
        fc.constantFrom('De', 'Jansen', 'het', 'Müller', 'Smith'),
        (abbreviation, next) => {
          const text = `Het kabinet besprak ${abbreviation} ${next} de begroting van dit jaar. Daarna volgde het debat.`;
          expect(splitSentences(text)).toEqual([
            `Het kabinet besprak ${abbreviation} ${next} de begroting van dit jaar.`,
            'Daarna volgde het debat.',
          ]);
        },
      ),
    );
  });
});

describe('splitParagraphsSentences', () => {
  it("gives each paragraph's own sentences, in order, as splitSentences of each", () => {
    for (const { seed } of loadCases()) {
      for (const paragraphs of [seed.paragraphs, seed.blocks.map((block) => block.text)]) {
        expect(splitParagraphsSentences(paragraphs)).toEqual(paragraphs.flatMap(splitSentences));
      }
    }
  });

  it('whatever the paragraphs: empty, with line breaks, tickers, abbreviations or unpaired surrogates', () => {
    const piece = fc.constantFrom(
      'Het ging goed.',
      'Mr.',
      'ca.',
      'am 3.',
      'Dezember kam er mehr.',
      'nr.',
      '5 volgt',
      '+++',
      '18:05 Scholz landet',
      '“Het is goed.”',
      'Ja!',
      '\n',
      '\r\n',
      ' ',
      '',
      '\u2029',
      '\ud800',
      'é',
    );
    const paragraph = fc.oneof(
      fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.join(' ')),
      fc.string(),
    );
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 6 }), (paragraphs) => {
        expect(splitParagraphsSentences(paragraphs)).toEqual(paragraphs.flatMap(splitSentences));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('splitWords', () => {
  it('keeps every Unicode letter and inner punctuation of a word', () => {
    expect(splitWords('één Oekraïne zo’n Oost-Oekraïne 13.000 Fryslân, ûnder')).toEqual([
      'één',
      'Oekraïne',
      'zo’n',
      'Oost-Oekraïne',
      '13.000',
      'Fryslân',
      'ûnder',
    ]);
  });
});

describe('tokenize', () => {
  // WORD's definition, as text.ts states it for splitWords: tokenize scans by character code and must find the same.
  const WORD = /[\p{L}\p{M}\p{N}]+(?:['’\-.,·][\p{L}\p{M}\p{N}]+)*/gu;
  const byPattern = (text: string) =>
    [...text.matchAll(WORD)].map((match) => ({
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
    }));

  it('finds the words of the word pattern, with their offsets', () => {
    const text = "één Oekraïne zo’n Oost-Oekraïne 13.000 3,5 Fryslân, ûnder l'aéroport Jean·Luc -x- a--b 'c' 𝐀𝐁 😀x";
    expect(tokenize(text)).toEqual(byPattern(text));
    expect(tokenize(text).map((token) => token.text)).toEqual(splitWords(text));
  });

  it('agrees with the word pattern on any text, marks, astral letters and lone surrogates included', () => {
    const pieces = [
      'a',
      'Z',
      '7',
      "'",
      '’',
      '-',
      '.',
      ',',
      '·',
      ' ',
      'é',
      '\u0301',
      'ß',
      '€',
      '😀',
      '𝐀',
      '\ud800',
      '\udc00',
      '٣',
      '中',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(tokenize(text)).toEqual(byPattern(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => expect(tokenize(text)).toEqual(byPattern(text))));
  });
});

describe('hasLowerBeforeUpper', () => {
  // The pattern it stands for, as text.ts states it.
  const GLUE = /\p{Ll}\p{Lu}/u;

  it('agrees with the pattern on any text, astral letters and lone surrogates included', () => {
    const pieces = [
      'a',
      'Z',
      'é',
      'É',
      'ß',
      'ǅ',
      'ʰ',
      'σ',
      'Σ',
      'İ',
      '7',
      ' ',
      '-',
      '𝐀',
      '𝐚',
      '\ud801\udc00',
      '\ud800',
      '\udc00',
      '中',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        expect(hasLowerBeforeUpper(text)).toBe(GLUE.test(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => expect(hasLowerBeforeUpper(text)).toBe(GLUE.test(text))),
    );
  });
});

describe('cached word lists', () => {
  const texts = ['één Oekraïne zo’n Oost-Oekraïne 13.000 Fryslân, ûnder', 'Taiwan’s PSV-doelman, 10.30 uur!', ''];

  it('are the uncached results, shared between calls', () => {
    for (const text of texts) {
      expect(foldedWordsOf(text)).toEqual(splitWords(text).map(fold));
      expect(tokensOf(text)).toEqual(tokenize(text));
      expect(tokensOf(text)).toBe(tokensOf(text));
    }
  });

  it('compute once per text, an undefined result too', () => {
    const seen: string[] = [];
    const lookUp = cachedByText((text) => {
      seen.push(text);
      return text === 'none' ? undefined : text.length;
    });
    expect([lookUp('abc'), lookUp('none'), lookUp('abc'), lookUp('none')]).toEqual([3, undefined, 3, undefined]);
    expect(seen).toEqual(['abc', 'none']);
  });

  it('of an article are computed again once it is forgotten', () => {
    const seen: string[] = [];
    const lookUp = cachedByText((text) => seen.push(text), 'article');
    lookUp('abc');
    lookUp('abc');
    forgetArticleTexts();
    lookUp('abc');
    expect(seen).toEqual(['abc', 'abc']);
  });
});

describe('word shape tests by character code', () => {
  const words = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 6 }),
    fc.constantFrom('Taiwan’s', "Nasa's", 's', "'s", 'ßs', 'élan', 'Élan', 'über', '1a', ''),
  );

  it('agree with the regular expressions they stand for', () => {
    fc.assert(
      fc.property(words, (word) => {
        expect(startsLower(word)).toBe(/^\p{Ll}/u.test(word));
        expect(endsPossessive(word)).toBe(/['’]s$/u.test(word));
        expect(stripPossessive(word)).toBe(word.replace(/['’]s$/u, ''));
      }),
    );
  });
});

describe('detectLanguage', () => {
  it('answers und when the text is too short to tell', () => {
    expect(detectLanguage('Video')).toBe('und');
    expect(detectLanguage('')).toBe('und');
  });

  it.each([
    ['nl', 'Het kabinet wil volgend jaar meer geld uitgeven aan de zorg en het onderwijs.'],
    ['en', 'The president spoke with his Russian counterpart about the situation in Ukraine.'],
    ['de', 'Der Präsident sprach mit seinem russischen Amtskollegen über die Lage in der Ukraine.'],
    ['fr', "Le prolongement de la ligne 14 du métro vers l'aéroport d'Orly sera mis en service en juin."],
    ['fy', 'De provinsje Fryslân stekt de kommende fjouwer jier 40 miljoen euro yn nije fytspaden.'],
    ['en', 'ECB holds rates, signals first cut in June as inflation eases'],
  ])('detects %s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('gets every article of the evaluation set and every first sentence right', () => {
    for (const { reference, summary, seed } of loadCases()) {
      expect(summary.language).toBe(reference.language);
      expect(detectLanguage(splitSentences(seed.paragraphs[0] ?? '')[0] ?? '')).toBe(reference.language);
    }
  });

  it('of paragraphs is that of the paragraphs joined by line breaks, long or short', () => {
    for (const { seed } of loadCases()) {
      for (const paragraphs of [
        seed.paragraphs,
        seed.paragraphs.slice(0, 1),
        seed.paragraphs.flatMap(splitSentences),
      ]) {
        expect(detectParagraphsLanguage(paragraphs)).toBe(detectLanguage(paragraphs.join('\n')));
      }
    }
  });

  it("of one article's paragraphs, then another's, is each one's own, the article's counts forgotten or not", () => {
    // The word counts are remembered by word list until forgetArticleTexts: no list may get another's counts. One
    // article of each language, in turn and then backwards, against the evaluation set's own language.
    const byLanguage = new Map(loadCases().map(({ seed, reference }) => [reference.language, seed] as const));
    expect(byLanguage.size).toBeGreaterThanOrEqual(4);
    const cases = [...byLanguage];
    for (const forget of [false, true]) {
      for (const [language, seed] of [...cases, ...[...cases].reverse()]) {
        if (forget) forgetArticleTexts();
        expect(detectParagraphsLanguage(seed.paragraphs)).toBe(language);
      }
    }
  });
});

describe('CLDR names', () => {
  it('are the names this ICU gives, as generated', () => {
    // If this fails after a Node.js (ICU) upgrade, run: node --import tsx scripts/vendor-cldr.ts
    expect(readFileSync(join(import.meta.dirname, '../../functions/core/cldr-data.ts'), 'utf8')).toBe(vendorCldr());
  });

  it('read from the data give what Intl gives, and a language without data is read through Intl', () => {
    expect([...calendarNames(['nl', 'fr'])]).toEqual(expect.arrayContaining(['dinsdag', 'mrt', 'févr', 'dim']));
    expect(calendarNames(['pt']).has('fevereiro')).toBe(true);
    expect(regionNames(['de']).has('athiopien')).toBe(true);
    expect(regionNames(['pl']).has('niemcy')).toBe(true);
    const codes = regionCodes(['nl', 'en'], (name) => name.toLowerCase());
    expect(codes.get('verenigde staten')).toBe('US');
    expect(codes.get('united kingdom')).toBe('GB');
  });
});

describe('stopwords', () => {
  it('are the stopwords-iso lists of the supported languages, unchanged', () => {
    // If this fails after a stopwords-iso upgrade, run: node --import tsx scripts/vendor-stopwords.ts
    const lists = stopwordsIso as unknown as Record<string, string[]>;
    for (const [language, list] of Object.entries(STOPWORDS_ISO)) expect(list()).toEqual(lists[language]);
  });

  it('add month and day names and a Frisian list', () => {
    expect(stopwordsFor('nl').has('dinsdag')).toBe(true);
    expect(stopwordsFor('en').has('december')).toBe(true);
    expect(stopwordsFor('fy').has('fan')).toBe(true);
  });
});

const seedLike = [
  'Het gesprek tussen de Amerikaanse president Joe Biden en zijn Russische evenknie Vladimir Poetin is dinsdag afgelopen.',
  'Maandag had Biden nog met de bondgenoten gepraat, in december ook al.',
  'Burgemeester Van der Laan en Eberhard van der Laan spraken in Den Haag met Ursula von der Leyen.',
  'Washington beschuldigt Rusland ervan een inval voor te bereiden, maar Moskou ontkent dat.',
  'Toen annexeerde Moskou de Krim, het Oekraïense schiereiland.',
  'De Russische televisie zond het uit; Biden zei dat Poetin luisterde.',
];

describe('findEntities', () => {
  const names = findEntities(seedLike, 'nl').map((entity) => entity.name);

  it('finds people, places and organisations, a surname counted with the full name', () => {
    expect(names).toEqual(expect.arrayContaining(['Joe Biden', 'Vladimir Poetin', 'Rusland', 'Moskou', 'Krim']));
    expect(names).not.toContain('Biden');
    expect(findEntities(seedLike, 'nl').find((entity) => entity.name === 'Joe Biden')).toMatchObject({
      count: 3,
      short: 'Biden',
    });
  });

  it('allows tussenvoegsels: Van der Laan, Den Haag, von der Leyen', () => {
    expect(names).toEqual(expect.arrayContaining(['Eberhard van der Laan', 'Den Haag', 'Ursula von der Leyen']));
    expect(names).not.toContain('Moskou de Krim');
  });

  it('leaves out sentence starts, titles, adjectives of nationality, months and days', () => {
    for (const word of ['Het', 'De', 'Maandag', 'december', 'Toen', 'Amerikaanse', 'Russische', 'Burgemeester']) {
      expect(names.some((name) => name.split(' ').includes(word))).toBe(false);
    }
  });

  it('finds names in English and German, where every noun is capitalised', () => {
    const english = findEntities(
      ['Russian President Vladimir Putin met Joe Biden on Tuesday.', "The White House said Biden's aides agreed."],
      'en',
    ).map((entity) => entity.name);
    expect(english).toEqual(expect.arrayContaining(['Vladimir Putin', 'Joe Biden', 'White House']));
    const german = findEntities(
      [
        'Bundeskanzler Olaf Scholz hat am Montag mit Russlands Präsident Wladimir Putin telefoniert.',
        'Die Regierung in Berlin teilte mit, Scholz habe die Lage in der Ukraine angesprochen.',
      ],
      'de',
    ).map((entity) => entity.name);
    expect(german).toEqual(expect.arrayContaining(['Olaf Scholz', 'Wladimir Putin', 'Berlin', 'Ukraine']));
    expect(german).not.toContain('Regierung');
    expect(german).not.toContain('Lage');
  });
});

describe('extractKeywords', () => {
  it.each(loadCases().map((item) => [item.reference.file, item] as const))(
    'follows the keyword rules for %s',
    (_, { seed, summary }) => {
      const { keywords, language } = summary;
      expect(keywords.length).toBeGreaterThanOrEqual(MIN_KEYWORDS);
      expect(keywords.length).toBeLessThanOrEqual(MAX_KEYWORDS);
      const stopwords = stopwordsFor(language);
      // In the body as a word, case aside: a keyword seen only at a sentence start is shown in lower case.
      const body = new Set(seed.paragraphs.flatMap((paragraph) => splitWords(paragraph).map(fold)));
      const stems = new Set<string>();
      for (const keyword of keywords) {
        expect(stopwords.has(fold(keyword))).toBe(false);
        expect(keyword).not.toMatch(/\p{N}/u);
        expect(keyword.length).toBeGreaterThanOrEqual(3);
        expect(body.has(fold(keyword))).toBe(true);
        stems.add(stem(keyword, language));
      }
      expect(stems.size).toBe(keywords.length);
    },
  );

  it('takes content words of the lead and leaves names to the entities', () => {
    const keywords = extractKeywords(seedLike, 'nl', findEntities(seedLike, 'nl'));
    expect(keywords.slice(0, 3)).toContain('gesprek');
    for (const name of ['Biden', 'Poetin', 'Moskou', 'Laan']) expect(keywords).not.toContain(name);
  });

  it('keeps one word per stem', () => {
    const keywords = extractKeywords(
      ['De gesprekken over sancties liepen vast.', 'Het gesprek over de sanctie duurde lang; de sancties blijven.'],
      'nl',
      [],
    );
    expect(keywords.filter((keyword) => stem(keyword, 'nl') === stem('gesprek', 'nl'))).toHaveLength(1);
    expect(keywords.filter((keyword) => stem(keyword, 'nl') === stem('sancties', 'nl'))).toHaveLength(1);
  });
});
