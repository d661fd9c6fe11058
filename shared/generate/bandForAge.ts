/** A row of a by-age table: the ages it covers, in whole years, inclusive. */
export interface AgeBand {
  ages: readonly [number, number];
}

/** The band holding `age`; the last band for ages past the table, so a very old patient still finds one. */
export function bandForAge<T extends AgeBand>(bands: readonly T[], age: number): T {
  if (bands.length === 0) throw new Error('an age table needs at least one band');
  return bands.find(({ ages }) => age >= ages[0] && age <= ages[1]) ?? bands[bands.length - 1];
}
