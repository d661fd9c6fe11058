/** Month arithmetic on 'YYYY-MM' strings and ISO dates, in UTC so no time zone shifts a day. */
export function addMonths(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1 + months, 1));
  return date.toISOString().slice(0, 7);
}

export function monthStart(period: string): string {
  return `${period}-01`;
}

export function monthEnd(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function monthsBetween(fromIsoDate: string, toIsoDate: string): string[] {
  const months: string[] = [];
  for (let period = fromIsoDate.slice(0, 7); period <= toIsoDate.slice(0, 7); period = addMonths(period, 1)) months.push(period);
  return months;
}

/** First month ('YYYY-04') of the NHS financial year holding the month. */
export function financialYearStart(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return `${month >= 4 ? year : year - 1}-04`;
}
