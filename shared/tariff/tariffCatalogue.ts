import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../definitions/projectRoot';
import { readReferenceCsv } from '../reference/readReferenceCsv';
import { parseAnnexAPrices } from './parseAnnexAPrices';
import { TariffYear } from './tariffTypes';

interface CatalogueFile {
  years: { financialYear: string; prices: string; marketForcesFactors?: string; illustrative?: boolean }[];
}

let years: Map<string, TariffYear> | undefined;

/** Price tables by financial year, from reference/tariff/catalogue.json. */
export function tariffYears(): Map<string, TariffYear> {
  if (years) return years;
  const root = projectRoot();
  const catalogue = JSON.parse(readFileSync(join(root, 'reference/tariff/catalogue.json'), 'utf8')) as CatalogueFile;
  years = new Map();
  for (const entry of catalogue.years) {
    const prices = parseAnnexAPrices(readFileSync(join(root, entry.prices), 'utf8'), entry.prices);
    const marketForcesFactors = new Map<string, number>();
    if (entry.marketForcesFactors) {
      for (const row of readReferenceCsv(entry.marketForcesFactors)) {
        marketForcesFactors.set(row['Organisation code'].trim(), Number(row['Market forces factor']));
      }
    }
    years.set(entry.financialYear, { financialYear: entry.financialYear, illustrative: entry.illustrative ?? false, prices, marketForcesFactors });
  }
  return years;
}
