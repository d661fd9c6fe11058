import Papa from 'papaparse';
import { HrgTariff } from './tariffTypes';

/**
 * Reads the APC price table in the published NHS Payment Scheme Annex A layout, so the official file can be
 * dropped in unchanged. Headers are matched loosely (case, spacing, line breaks) because the workbook's
 * headings wrap and vary slightly between years.
 */
const headings = {
  hrg: 'hrg code',
  name: 'hrg name',
  combined: 'combined day case / ordinary elective spell tariff (£)',
  dayCase: 'day case spell tariff (£)',
  elective: 'ordinary elective spell tariff (£)',
  electiveTrim: 'ordinary elective long stay trim point (days)',
  nonElective: 'non-elective spell tariff (£)',
  nonElectiveTrim: 'non-elective long stay trim point (days)',
  perDay: 'per day long stay payment (for days exceeding trim point) (£)',
  rsseApplicable: 'reduced short stay emergency tariff _applicable?',
  rssePercent: '% applied in calculation of reduced short stay emergency tariff',
  rsse: 'reduced short stay emergency tariff (£)',
} as const;

export function parseAnnexAPrices(csvText: string, sourceName: string): Map<string, HrgTariff> {
  const parsed = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error(`price table ${sourceName} is empty`);
  const position = locateColumns(header, sourceName);
  const prices = new Map<string, HrgTariff>();
  for (const row of rows) {
    const hrg = (row[position.hrg] ?? '').trim();
    if (!hrg) continue;
    prices.set(hrg, {
      hrg,
      name: (row[position.name] ?? '').trim(),
      combinedDayCaseElective: money(row[position.combined]),
      dayCase: money(row[position.dayCase]),
      ordinaryElective: money(row[position.elective]),
      electiveTrimPointDays: money(row[position.electiveTrim]),
      nonElective: money(row[position.nonElective]),
      nonElectiveTrimPointDays: money(row[position.nonElectiveTrim]),
      perDayLongStay: money(row[position.perDay]),
      reducedShortStayApplicable: /^y/i.test((row[position.rsseApplicable] ?? '').trim()),
      reducedShortStayPercent: money(row[position.rssePercent]),
      reducedShortStay: money(row[position.rsse]),
    });
  }
  return prices;
}

function locateColumns(header: string[], sourceName: string): Record<keyof typeof headings, number> {
  const normalised = header.map(normaliseHeading);
  const entries = Object.entries(headings).map(([key, heading]) => {
    const index = normalised.indexOf(normaliseHeading(heading));
    if (index < 0) throw new Error(`price table ${sourceName} has no column "${heading}"`);
    return [key, index] as const;
  });
  return Object.fromEntries(entries) as Record<keyof typeof headings, number>;
}

function normaliseHeading(value: string): string {
  return value.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** '-' and blanks mean "not priced"; published cells may carry '£', thousands separators or '%'. */
function money(cell: string | undefined): number | undefined {
  const text = (cell ?? '').replace(/[£,%\s]/g, '');
  if (text === '' || text === '-') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
