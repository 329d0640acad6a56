import { junkKind, takesJunkAsTitle } from '../../scripts/eval-real';

/** The real-text evaluation's own shape rules: they decide the junk figures that issue #12 sets targets for. */
describe('junkKind, the evaluation’s shape of a headline that is no headline', () => {
  it.each([
    ['18:07', 'timestamp'],
    ['Publicatie: wo 18 juli 2018 11.05 uur', 'timestamp'],
    ['24.02.2022 Nieuwe maatregelen', 'timestamp'],
    ['Ⓒ Persbureau Heitink', 'credit'],
    ['Een brandweerman bij de schuur (foto: Jan de Wit)', 'credit'],
    ['StikstofprotestBoze boeren rijden naar Den Haag', 'glued label'],
    ['NK – FRYSK!', 'fragment'],
  ])('%s is a %s', (headline, kind) => {
    expect(junkKind(headline)).toBe(kind);
  });

  it.each([
    // A number with a thousands separator is no clock time.
    'Er zijn 1.600 hennepplanten gevonden in Venlo',
    'Ruim 2.500 fans vieren de titel op de Markt',
    'Brandweer blust grote brand in loods bij Drachten',
  ])('%s is a headline', (headline) => {
    expect(junkKind(headline)).toBeUndefined();
  });
});

describe('takesJunkAsTitle, the evaluation’s count of junk first lines taken as the title', () => {
  const page = (line: string, title: string | null) => ({ text: ` date 2024-05 ${line}\n\nDe tekst.`, title });

  it('counts a title taken from the junk line', () => {
    expect(takesJunkAsTitle(page('Nieuwsbericht Nieuwe wethouder geïnstalleerd', null), 'Nieuwsbericht')).toBe(true);
    expect(takesJunkAsTitle(page('LIVE Live: het debat', 'Live: het debat'), 'LIVE Live: het debat')).toBe(true);
  });

  it('does not count the page’s own title split from a label on its line, or no title at all', () => {
    expect(
      takesJunkAsTitle(
        page('Regio Een motorrijder komt om bij Lent', 'Een motorrijder komt om bij Lent'),
        'Een motorrijder komt om bij Lent',
      ),
    ).toBe(false);
    expect(takesJunkAsTitle(page('Foto: Jan de Wit', null), undefined)).toBe(false);
  });
});
