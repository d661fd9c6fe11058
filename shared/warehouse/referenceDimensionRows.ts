import { readReferenceCsv } from '../reference/readReferenceCsv';
import { hrgCatalogue } from '../reference/hrgCatalogue';
import { financialYearOf } from '../tariff/financialYearOf';

type DimensionRow = Record<string, string | number | null>;

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Every day from `from` to `to` inclusive, with NHS financial year attributes. */
export function dateDimensionRows(from: string, to: string): DimensionRow[] {
  const rows: DimensionRow[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    const iso = day.toISOString().slice(0, 10);
    const month = day.getUTCMonth() + 1;
    rows.push({
      date_key: iso,
      month_start: `${iso.slice(0, 7)}-01`,
      month_end: new Date(Date.UTC(day.getUTCFullYear(), month, 0)).toISOString().slice(0, 10),
      calendar_year: day.getUTCFullYear(),
      month_number: month,
      month_name: monthNames[month - 1],
      financial_year: financialYearOf(iso),
      financial_month_number: ((month + 8) % 12) + 1,
    });
  }
  return rows;
}

export function hrgDimensionRows(): DimensionRow[] {
  return [...hrgCatalogue().values()].map((hrg) => ({
    hrg_code: hrg.code,
    hrg_name: hrg.name,
    chapter: hrg.chapter,
    chapter_name: hrg.chapterName,
    subchapter: hrg.subchapter,
    subchapter_name: hrg.subchapterName,
  }));
}

export function organisationDimensionRows(): DimensionRow[] {
  return readReferenceCsv('reference/organisations/organisations.csv').map((row) => ({ ...row }));
}
