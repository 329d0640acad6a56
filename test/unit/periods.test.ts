import { parsePeriod, periodContains, periodsContaining } from '../../functions/core/periods';

describe('parsePeriod', () => {
  it.each([
    ['2021', 'year'],
    ['2021-12', 'month'],
    ['2021-12-07', 'day'],
    ['2024-02-29', 'day'],
  ])('accepts %s as a %s', (value, level) => {
    expect(parsePeriod(value)).toEqual({ value, level, year: value.slice(0, 4) });
  });

  it.each([
    '2021-13',
    '2021-02-30',
    '2023-02-29',
    '2021-00',
    '2021-12-00',
    '0000',
    'abc',
    '21-12',
    '2021-1',
    '2021-12-07T00',
    '',
  ])('rejects %p', (value) => {
    expect(() => parsePeriod(value)).toThrow(/does not exist|not a date|no year/);
  });
});

describe('period membership', () => {
  it('puts a day in its day, month and year', () => {
    expect(periodsContaining('2021-12-07')).toEqual(['2021', '2021-12', '2021-12-07']);
  });

  it('puts a month-dated article in its month and year but no day', () => {
    expect(periodsContaining('2021-12')).toEqual(['2021', '2021-12']);
    expect(periodContains('2021-12-07', '2021-12')).toBe(false);
    expect(periodContains('2021-12', '2021-12')).toBe(true);
  });

  it('does not confuse a day with a longer day sharing its prefix', () => {
    expect(periodContains('2021-12-1', '2021-12-15')).toBe(false);
    expect(periodContains('2021-1', '2021-12')).toBe(false);
  });
});
