import fc from 'fast-check';
import { parseHttpDate } from '../../functions/shared/http-date';

const EXAMPLE = Date.UTC(1994, 10, 6, 8, 49, 37);

describe('parseHttpDate', () => {
  it.each([
    ['IMF-fixdate', 'Sun, 06 Nov 1994 08:49:37 GMT'],
    ['RFC 850', 'Sunday, 06-Nov-94 08:49:37 GMT'],
    ['asctime', 'Sun Nov  6 08:49:37 1994'],
    ['IMF-fixdate with surrounding space', '  Sun, 06 Nov 1994 08:49:37 GMT '],
  ])('reads the %s form', (_, value) => {
    expect(parseHttpDate(value)).toBe(EXAMPLE);
  });

  it('reads a two-digit year more than 50 years ahead as the latest past year with those digits', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    expect(parseHttpDate('Sunday, 06-Nov-94 08:49:37 GMT', now)).toBe(EXAMPLE);
    expect(parseHttpDate('Friday, 01-Jan-27 00:00:00 GMT', now)).toBe(Date.UTC(2027, 0, 1));
    // 2076 is 50 years ahead, not more; 2077 would be.
    expect(parseHttpDate('Wednesday, 01-Jan-76 00:00:00 GMT', now)).toBe(Date.UTC(2076, 0, 1));
    expect(parseHttpDate('Saturday, 01-Jan-77 00:00:00 GMT', now)).toBe(Date.UTC(1977, 0, 1));
  });

  it.each([
    '',
    '2021',
    '2021-12-01',
    '2021-12-01T00:00:00Z',
    '12/1/2021',
    'yesterday',
    'Sun, 06 Nov 1994 08:49:37 UTC',
    'Sun, 6 Nov 1994 08:49:37 GMT',
    'sun, 06 nov 1994 08:49:37 gmt',
    'Sun, 06 Nov 1994 08:49 GMT',
    'Sun, 30 Feb 1994 08:49:37 GMT',
    'Sun, 00 Nov 1994 08:49:37 GMT',
    'Sun, 06 Nov 1994 24:00:00 GMT',
    'Sun, 06 Nov 1994 08:60:00 GMT',
    'Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT',
    'Sun Nov 6 08:49:37 1994',
  ])('is no date for %j', (value) => {
    expect(parseHttpDate(value)).toBeUndefined();
  });

  it('reads back what Date#toUTCString writes, to the second', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(0), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
        expect(parseHttpDate(date.toUTCString())).toBe(Math.floor(date.getTime() / 1000) * 1000);
      }),
    );
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        const parsed = parseHttpDate(value);
        expect(parsed === undefined || Number.isFinite(parsed)).toBe(true);
      }),
    );
  });
});
