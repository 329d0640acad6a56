import { junkKind } from '../../scripts/eval-real';

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
