/**
 * An HTTP-date (RFC 9110 §5.6.7) as milliseconds since the epoch, or undefined when `value` is not
 * one. Recipients must accept all three forms: IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, the
 * only one senders may generate), the obsolete RFC 850 form (`Sunday, 06-Nov-94 08:49:37 GMT`) and
 * asctime (`Sun Nov  6 08:49:37 1994`). Anything else, a list of dates or an impossible day
 * included, is no date at all: `Date.parse` would accept far more (`2021`, `12/1/2021`).
 */
export function parseHttpDate(value: string, now: Date = new Date()): number | undefined {
  const text = value.trim();
  const fixdate = IMF_FIXDATE.exec(text);
  if (fixdate) return utc(fixdate[3], fixdate[2], fixdate[1], fixdate[4], fixdate[5], fixdate[6]);
  const rfc850 = RFC_850.exec(text);
  if (rfc850) return utc(fullYear(Number(rfc850[3]), now), rfc850[2], rfc850[1], rfc850[4], rfc850[5], rfc850[6]);
  const asctime = ASCTIME.exec(text);
  if (asctime) return utc(asctime[6], asctime[1], asctime[2], asctime[3], asctime[4], asctime[5]);
  return undefined;
}

const SHORT_DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH = `(${MONTHS.join('|')})`;
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})';
const IMF_FIXDATE = new RegExp(`^${SHORT_DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`);
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`);
const ASCTIME = new RegExp(`^${SHORT_DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`);

/** A two-digit year more than 50 years ahead is the latest past year with those digits (RFC 9110 §5.6.7). */
function fullYear(twoDigits: number, now: Date): number {
  const year = now.getUTCFullYear() - (now.getUTCFullYear() % 100) + twoDigits;
  return year > now.getUTCFullYear() + 50 ? year - 100 : year;
}

function utc(
  year: string | number | undefined,
  month: string | undefined,
  day: string | undefined,
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
): number | undefined {
  const [y, m, d, h, min, s] = [
    Number(year),
    MONTHS.indexOf(month ?? ''),
    Number(day),
    Number(hour),
    Number(minute),
    Number(second),
  ];
  // 60 is a leap second, which the grammar allows; the clock has none, so it is the next minute's first.
  if (m < 0 || h > 23 || min > 59 || s > 60) return undefined;
  const time = Date.UTC(y, m, d, h, min, s);
  const date = new Date(time);
  // Date.UTC rolls 30 February over into March; an HTTP-date names a day that exists.
  return date.getUTCMonth() === m && date.getUTCDate() === d ? time : undefined;
}
