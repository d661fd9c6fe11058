import { readReferenceCsv } from './readReferenceCsv';

interface AgeBand {
  band: string;
  min: number;
  max: number;
}

let bands: AgeBand[] | undefined;

/** Age band of an age in years, from reference/demographics/age-bands.csv. */
export function ageBandOf(age: number | undefined): string {
  if (age === undefined) return '';
  bands ??= readReferenceCsv('reference/demographics/age-bands.csv').map((row) => ({
    band: row.band,
    min: Number(row.min_age),
    max: Number(row.max_age),
  }));
  return bands.find((band) => age >= band.min && age <= band.max)?.band ?? '';
}
