/**
 * Periods are the dates a digest can be asked for: a year (`2021`), a month
 * (`2021-12`) or a day (`2021-12-07`). An article's own date is a period too.
 */
export type PeriodLevel = 'year' | 'month' | 'day';

export interface Period {
  readonly value: string;
  readonly level: PeriodLevel;
  readonly year: string;
}

const PERIOD_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export class InvalidPeriodError extends Error {
  override readonly name = 'InvalidPeriodError';
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting impossible dates such as `2021-02-30`. */
export function parsePeriod(value: string): Period {
  const match = PERIOD_PATTERN.exec(value);
  if (!match) {
    // Quoted short: the value may be anything a caller sent.
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    throw new InvalidPeriodError(`'${shown}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD`);
  }
  const [, year = '', month, day] = match;
  if (Number(year) < 1) {
    throw new InvalidPeriodError(`'${value}' has no year 0000`);
  }
  if (month === undefined) return { value, level: 'year', year };
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) {
    throw new InvalidPeriodError(`'${value}' has month ${month}, which does not exist`);
  }
  if (day === undefined) return { value, level: 'month', year };
  const dayNumber = Number(day);
  // Date.UTC rolls 2021-02-30 over into March, so a round trip exposes impossible days.
  const date = new Date(Date.UTC(Number(year), monthNumber - 1, dayNumber));
  if (dayNumber < 1 || date.getUTCMonth() !== monthNumber - 1) {
    throw new InvalidPeriodError(`'${value}' has day ${day}, which does not exist in that month`);
  }
  return { value, level: 'day', year };
}

/** The first instant of a period, in UTC: `2021` and `2021-12` start on their first day. */
export function startOfPeriod(period: string): Date {
  return new Date(`${period}${'-01'.repeat((10 - period.length) / 3)}T00:00:00Z`);
}

/** Every period an article dated `date` belongs to, widest first: `2021-12-07` → 2021, 2021-12, 2021-12-07. */
export function periodsContaining(date: string): string[] {
  const period = parsePeriod(date);
  const periods = [period.year];
  if (period.level !== 'year') periods.push(date.slice(0, 7));
  if (period.level === 'day') periods.push(date);
  return periods;
}

/** True when an article dated `date` falls inside `period`. */
export function periodContains(period: string, date: string): boolean {
  return date === period || date.startsWith(`${period}-`);
}
