import { summarizeArticle } from '../../functions/core/article';
import { articleNames, isNameId, namedArticle, nameIdOfSpelling, nameUrl } from '../../functions/core/name-index';
import { parseSeed } from '../../functions/core/seed';
import { parseStoryTerms } from '../../functions/core/story-terms';
import { FIRST_SEED, SECOND_SEED, seedText } from '../seed-files';

describe('the names of an article', () => {
  it('files the spellings of one person under one id, the full spelling kept', () => {
    expect(articleNames(['Vladimir Poetin', 'Joe Biden', 'Poetin', 'Rusland', 'Witte Huis'])).toEqual([
      { id: 'vladimir-putin', spelling: 'Vladimir Poetin' },
      { id: 'joe-biden', spelling: 'Joe Biden' },
      { id: 'RU', spelling: 'Rusland' },
      { id: 'white-house', spelling: 'Witte Huis' },
    ]);
    expect(articleNames(['Wladimir Putin'])).toEqual([{ id: 'vladimir-putin', spelling: 'Wladimir Putin' }]);
    expect(articleNames(['Russia', 'Russland'])).toEqual([{ id: 'RU', spelling: 'Russia' }]);
  });

  it('keeps two people who share a surname apart', () => {
    expect(articleNames(['Joe Biden', 'Hunter Biden', 'Biden']).map((name) => name.id)).toEqual([
      'joe-biden',
      'hunter-biden',
      'biden',
    ]);
  });

  it('uses the ids of the story terms, so a name page and a story agree', () => {
    for (const file of [FIRST_SEED, SECOND_SEED]) {
      const summary = summarizeArticle(parseSeed(seedText(file)));
      const terms = new Set(parseStoryTerms(summary.storyTerms ?? []).map(({ term }) => term));
      const ids = namedArticle(summary).names.map((name) => name.id);
      expect(ids).toContain('vladimir-putin');
      // Story terms also take places from the text ("Belgische" → c:BE) and stop at 32, so those of the names are
      // compared: every name id the index files that the terms kept is the term's own id.
      const kept = ids.filter((id) => terms.has(`n:${id}`) || terms.has(`c:${id}`));
      expect(kept.length).toBeGreaterThanOrEqual(Math.min(ids.length, 8));
      expect(kept).toEqual(expect.arrayContaining(['vladimir-putin', 'joe-biden', 'UA']));
    }
  });

  it('keeps what a list of the name needs and nothing of the text', () => {
    const summary = summarizeArticle(parseSeed(seedText(FIRST_SEED)));
    const named = namedArticle(summary);
    expect(Object.keys(named).sort()).toEqual(['date', 'headline', 'id', 'language', 'names', 'summary']);
    // One write unit (1 KB) per name item, whatever the names.
    expect(Buffer.byteLength(JSON.stringify({ ...named, names: undefined }))).toBeLessThan(900);
  });
});

describe('name ids', () => {
  it.each(['vladimir-putin', 'RU', 'white-house', 'путин'])('takes %s', (id) => {
    expect(isNameId(id)).toBe(true);
  });

  it.each(['', 'Vladimir-Putin', 'vladimir--putin', '-putin', 'putin-', 'RUS', 'a b', '..', 'x'.repeat(201), 'a%2Fb'])(
    'refuses %j',
    (id) => {
      expect(isNameId(id)).toBe(false);
    },
  );

  it("gives a digest's spelling its id and page", () => {
    expect(nameIdOfSpelling('Vladimir Poetin')).toBe('vladimir-putin');
    expect(nameIdOfSpelling('Verenigde Staten')).toBe('US');
    expect(nameUrl('vladimir-putin')).toBe('/names/vladimir-putin');
  });
});
