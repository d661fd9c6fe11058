import { civilDate, dayNumber, twoDigits } from './calendarDays';

/** The months an extract covers, as the DSCRO delivers them: whole calendar months. */
export interface ExtractPeriod {
  /** YYYY-MM */
  startMonth: string;
  /** YYYY-MM, inclusive. */
  endMonth: string;
  months: number;
  /** Day numbers (days since 1970-01-01) of the first and last day covered, inclusive. */
  firstDay: number;
  lastDay: number;
  /**
   * YYYYMMDD stamped into file names: the 15th of the month after the period, a plausible delivery date
   * that depends only on the period so regenerated files keep their names.
   */
  extractDate: string;
}

export function extractPeriod(startMonth: string, months: number): ExtractPeriod {
  const match = /^([0-9]{4})-(0[1-9]|1[0-2])$/.exec(startMonth);
  if (!match) throw new Error(`startMonth must be YYYY-MM, got "${startMonth}"`);
  if (!Number.isInteger(months) || months < 1) throw new Error(`months must be a positive integer, got ${months}`);
  const startIndex = Number(match[1]) * 12 + Number(match[2]) - 1;
  const end = monthOf(startIndex + months - 1);
  const after = monthOf(startIndex + months);
  return {
    startMonth,
    endMonth: `${end.year}-${twoDigits(end.month)}`,
    months,
    firstDay: dayNumber(Number(match[1]), Number(match[2]), 1),
    lastDay: dayNumber(after.year, after.month, 1) - 1,
    extractDate: `${after.year}${twoDigits(after.month)}15`,
  };
}

function monthOf(monthIndex: number): { year: number; month: number } {
  return { year: Math.floor(monthIndex / 12), month: (monthIndex % 12) + 1 };
}

/** Day number of the first day of the period's month `index` (0 is the first month; negative or past the end works too). */
export function monthStartDay(period: ExtractPeriod, index: number): number {
  const start = civilDate(period.firstDay);
  const { year, month } = monthOf(start.year * 12 + start.month - 1 + index);
  return dayNumber(year, month, 1);
}

/** Which of the period's months holds `day`: 0 for the first, negative before the period, `months` or more after it. */
export function monthIndexInPeriod(period: ExtractPeriod, day: number): number {
  const start = civilDate(period.firstDay);
  const on = civilDate(day);
  return on.year * 12 + on.month - (start.year * 12 + start.month);
}
