import { civilDate } from '../calendarDays';

/**
 * MHSDS numbers its reporting months consecutively; UniqMonthID 1417 is April 2018 (the first month of
 * MHSDS v2), so April 2024 is 1489.
 */
const april2018 = { year: 2018, month: 4, uniqMonthId: 1417 } as const;

/** The MHSDS UniqMonthID of the month holding `day` (days since 1970-01-01). */
export function uniqMonthId(day: number): number {
  const { year, month } = civilDate(day);
  return april2018.uniqMonthId + (year - april2018.year) * 12 + (month - april2018.month);
}
