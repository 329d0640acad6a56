import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeArticle } from '../../functions/core/article';
import type { Entity } from '../../functions/core/entities';
import { nationalities } from '../../functions/core/lang/nationality-data';
import {
  foldName,
  nameId,
  nameRules,
  nameWordKey,
  nationalityOf,
  placeId,
  resolveNames,
  sameNamed,
} from '../../functions/core/names';
import { parseSeed } from '../../functions/core/seed';
import {
  cognateKey,
  MAX_STORY_TERMS,
  MAX_STORY_TERMS_CHARS,
  parseStoryTerms,
  storyTerms,
} from '../../functions/core/story-terms';
import { NATIONALITY_LANGUAGES, packageNationalities } from '../../scripts/vendor-nationalities';

const STORIES = join(import.meta.dirname, '../fixtures/stories');
const story = (file: string) => summarizeArticle(parseSeed(readFileSync(join(STORIES, file), 'utf8')));
const names = (terms: readonly string[] | undefined) =>
  parseStoryTerms(terms ?? [])
    .map(({ term }) => term)
    .filter((term) => term.startsWith('n:') || term.startsWith('c:'));

describe('name normalisation rules', () => {
  for (const rule of nameRules()) {
    it(`${rule.name}`, () => {
      expect(rule.examples.length).toBeGreaterThan(0);
      for (const [before, after] of rule.examples) expect(before.replace(rule.pattern, rule.replacement)).toBe(after);
    });
  }

  it('fold case, accents and the letters no decomposition takes apart', () => {
    expect(foldName('Nétanyahou')).toBe('netanyahou');
    expect(foldName('Weiß')).toBe('weiss');
    expect(foldName('Łukaszenka')).toBe('lukaszenka');
    expect(foldName("O'Neill")).toBe('oneill');
  });
});

describe('name ids', () => {
  it('give every spelling of Putin one id, and the full name with the given name', () => {
    for (const variant of ['Putin', 'Poetin', 'Poutine', 'Putins', 'Poetins']) expect(nameId(variant)).toBe('putin');
    for (const variant of ['Vladimir Poetin', 'Wladimir Putin', 'Vladimir Putin', 'Staatschef Wladimir Putin']) {
      expect(resolveNames([nameId(variant), 'vladimir-putin']).get(nameId(variant)) ?? nameId(variant)).toBe(
        'vladimir-putin',
      );
    }
  });

  it('join the transliterations of one name across Dutch, German, French and English', () => {
    const sets = [
      ['Netanyahu', 'Netanjahu', 'Nétanyahou'],
      ['Volodymyr Zelensky', 'Wolodymyr Selenskyj', 'Volodimir Zelenski'],
      ['Yuri Ushakov', 'Juri Uschakow', 'Yoeri Oesjakov'],
      ['Viktor Yanukovych', 'Viktor Janukowitsch', 'Viktor Janoekovytsj'],
    ];
    for (const variants of sets) expect(new Set(variants.map(nameId)).size).toBe(1);
  });

  it('keep different names apart', () => {
    const distinct = [
      'Joe Biden',
      'Hunter Biden',
      'Jill Biden',
      'Boris Johnson',
      'Marine Le Pen',
      'Sanna Marin',
      'Putin',
    ];
    expect(new Set(distinct.map(nameId)).size).toBe(distinct.length);
    expect(nameWordKey('Merkel')).not.toBe(nameWordKey('Macron'));
  });

  it('leave titles and adjectives of nationality before a name out', () => {
    expect(nameId('President Joe Biden')).toBe('joe-biden');
    expect(nameId('Amerikaanse Uvalde')).toBe(nameId('Uvalde'));
  });
});

describe('names resolved against each other', () => {
  it('make a surname alone the one full name that ends in it', () => {
    expect(resolveNames(['putin', 'vladimir-putin']).get('putin')).toBe('vladimir-putin');
    expect(resolveNames(['stachef-vladimir-putin', 'vladimir-putin']).get('stachef-vladimir-putin')).toBe(
      'vladimir-putin',
    );
  });

  it('never merge different people who share a surname, and leave the surname alone as it is between them', () => {
    const resolved = resolveNames(['biden', 'joe-biden', 'hunter-biden']);
    expect(resolved.get('biden')).toBeUndefined();
    expect(resolved.get('joe-biden')).toBeUndefined();
    expect(resolved.get('hunter-biden')).toBeUndefined();
    expect(sameNamed('joe-biden', 'hunter-biden')).toBe(false);
    expect(sameNamed('vladimir-putin', 'stachef-vladimir-putin')).toBe(true);
  });

  it('do not depend on the order the names come in', () => {
    const ids = ['biden', 'joe-biden', 'putin', 'vladimir-putin', 'president-vladimir-putin', 'hunter-biden'];
    const expected = [...resolveNames(ids)].sort();
    expect([...resolveNames([...ids].reverse())].sort()).toEqual(expected);
  });

  it('keep two Bidens of one day apart in their articles, each surname alone as its article’s Biden', () => {
    const hunter = names(story('en-hunter-biden-pardon.txt').storyTerms);
    const joe = names(story('en-joe-biden-angola.txt').storyTerms);
    expect(hunter).toContain('n:hunter-biden');
    expect(hunter).not.toContain('n:biden');
    expect(joe).toContain('n:joe-biden');
    expect(hunter).not.toContain('n:joe-biden');
    expect(joe).not.toContain('n:hunter-biden');
  });

  it('keep a surname alone apart where its article names two people of that name', () => {
    const entity = (name: string, count: number): Entity => ({ name, count });
    const terms = storyTerms({
      headline: 'Biden and Biden',
      sentences: ['Joe Biden pardoned his son Hunter Biden.', 'Biden said it was a hard decision.'],
      language: 'en',
      entities: [entity('Joe Biden', 1), entity('Hunter Biden', 1), entity('Biden', 1)],
      keywords: [],
    });
    expect(names(terms)).toEqual(expect.arrayContaining(['n:joe-biden', 'n:hunter-biden', 'n:biden']));
  });
});

describe('story terms of a compressed headline', () => {
  it('weigh a place of the lead sentence alike whether the headline kept it or not', () => {
    const lead = 'De partij van Meloni stevent af op een overwinning bij de Italiaanse verkiezingen van zondag.';
    const terms = (headline: string) =>
      storyTerms({
        headline,
        sentences: [lead, 'De uitslag volgt maandag.'],
        language: 'nl',
        entities: [],
        keywords: [],
      });
    const weightOf = (list: readonly string[], term: string) =>
      Number(list.find((entry) => entry.startsWith(`${term}=`))?.split('=')[1] ?? 0);
    const kept = terms('Partij van Meloni stevent af op overwinning bij de Italiaanse verkiezingen');
    const cut = terms('Partij van Meloni stevent af op overwinning');
    // With the headline's bonus, well above a word of the lead's second sentence ("uitslag"), in both.
    expect(weightOf(cut, 'c:IT')).toBeGreaterThan(weightOf(cut, 'w:uitsl') + 1);
    expect(weightOf(kept, 'c:IT')).toBeGreaterThan(weightOf(cut, 'c:IT'));
  });
});

describe('places across languages', () => {
  it('read country and territory names from the CLDR in every supported language', () => {
    for (const name of ['Rusland', 'Russland', 'Russia', 'Russie', 'Ruslân']) expect(placeId(name)).toBe('RU');
    for (const name of ['Verenigde Staten', 'VS', 'USA', 'United States', 'États-Unis', 'Stati Uniti']) {
      expect(placeId(name)).toBe('US');
    }
    for (const name of ['Oekraïne', 'Ukraine', 'Ucraina']) expect(placeId(name)).toBe('UA');
    // Deprecated codes (DD for Germany) give way to their successors.
    expect(placeId('Duitsland')).toBe('DE');
  });

  it('know the institutions and cities of the alias table in each language', () => {
    for (const name of ['White House', 'Witte Huis', 'Weißes Haus', 'Weißen Hauses', 'Maison Blanche']) {
      expect(placeId(name)).toBe('white-house');
    }
    for (const name of ['NATO', 'NAVO', 'OTAN']) expect(placeId(name)).toBe('nato');
    for (const name of ['Vienna', 'Wenen', 'Wien']) expect(placeId(name)).toBe('vienna');
    expect(placeId('Joe Biden')).toBeUndefined();
  });

  it('read adjectives and nouns of nationality, inflected, as their country', () => {
    for (const word of ['Russische', 'russische', 'Russian', 'russisch', 'russischen', 'russe', 'russo', 'Russen']) {
      expect(nationalityOf(word)).toBe('RU');
    }
    for (const word of ['Amerikaanse', 'amerikanischen', 'American', 'américain'])
      expect(nationalityOf(word)).toBe('US');
    for (const word of ['Schweizer', 'Zwitserse', 'Swiss', 'suisse']) expect(nationalityOf(word)).toBe('CH');
    for (const word of ['gesprek', 'mensen', 'rust', 'algemene']) expect(nationalityOf(word)).toBeUndefined();
  });

  it('come from the i18n-nationality package unchanged', () => {
    // If this fails after an i18n-nationality upgrade, run: node --import tsx scripts/vendor-nationalities.ts
    for (const language of NATIONALITY_LANGUAGES) {
      expect(nationalities()[language]).toEqual(packageNationalities(language));
    }
  });
});

describe('story terms', () => {
  it('name one event told in Dutch, English and German with the same ids', () => {
    const [nl, en, de] = ['nl-poetin-gesprek.txt', 'en-putin-call.txt', 'de-putin-telefonat.txt'].map((file) =>
      names(story(file).storyTerms),
    );
    for (const terms of [nl, en, de]) {
      expect(terms).toEqual(
        expect.arrayContaining(['n:vladimir-putin', 'n:joe-biden', 'c:RU', 'c:UA', 'n:white-house']),
      );
    }
  });

  it('turn a surname alone into the full name the same article uses', () => {
    const terms = names(
      summarizeArticle(
        parseSeed(
          ' date 2024-11-12 Vladimir Poetin sprak met Biden. Poetin zei dat hij het gesprek goed vond. Daarna vertrok Poetin naar Moskou.',
        ),
      ).storyTerms,
    );
    expect(terms).toContain('n:vladimir-putin');
    expect(terms).not.toContain('n:putin');
  });

  it('meet cognates across languages by one key', () => {
    const keys = (words: string[]) => new Set(words.map(cognateKey));
    expect(keys(['sanction', 'sanctie', 'sanktion']).size).toBe(1);
    expect(keys(['invasion', 'invasie']).size).toBe(1);
    expect(keys(['telefoon', 'telefon']).size).toBe(1);
  });

  it('are at most MAX_STORY_TERMS and MAX_STORY_TERMS_CHARS, weights 1 to 9, strongest first; the summary under 2 KB', () => {
    const long = ` date 2024-11-12 ${Array.from(
      { length: 60 },
      (_, index) =>
        `Aleksandra Konstantinopolous-Wiśniewska${index} en Maximiliaan Vanderbeken-Hoogstraten${index} bezochten Kaapstad${index}.`,
    ).join(' ')}`;
    for (const summary of [story('nl-poetin-gesprek.txt'), summarizeArticle(parseSeed(long))]) {
      const terms = parseStoryTerms(summary.storyTerms ?? []);
      expect(terms.length).toBeGreaterThan(0);
      expect(terms.length).toBeLessThanOrEqual(MAX_STORY_TERMS);
      for (const { weight } of terms) expect(weight).toBeGreaterThanOrEqual(1);
      for (const { weight } of terms) expect(weight).toBeLessThanOrEqual(9);
      expect(terms.map(({ weight }) => weight)).toEqual([...terms.map(({ weight }) => weight)].sort((a, b) => b - a));
      expect((summary.storyTerms ?? []).join('').length).toBeLessThanOrEqual(MAX_STORY_TERMS_CHARS);
      expect(Buffer.byteLength(JSON.stringify(summary))).toBeLessThan(2048);
    }
  });
});
