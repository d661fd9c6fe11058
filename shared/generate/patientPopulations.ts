import { birminghamAndSolihullDistricts } from './patientPool';

/**
 * The populations synthetic patients are drawn from, one per product footprint: CareFlow Insights covers
 * Birmingham and Solihull, Community 360 covers Norfolk and Waveney. Each product's flows share one pool, so
 * they link at patient level; the products never share patients, as their pseudonyms never link either.
 */
export type PatientPopulation = 'birmingham-solihull' | 'norfolk-waveney';

export interface PopulationDefinition {
  /** Seed stream of the pool, derived from the run seed. */
  seedStream: string;
  postcodeDistricts: readonly string[];
}

/**
 * Norfolk and Waveney ICS postcode districts: all of Norwich (NR1-NR35, including Great Yarmouth, Lowestoft,
 * Beccles and Bungay), King's Lynn and West Norfolk (PE30-PE38) and the Norfolk and Waveney end of Ipswich
 * (IP20-IP22 around Harleston and Diss, IP24-IP26 around Thetford and Watton).
 */
export const norfolkAndWaveneyDistricts: readonly string[] = [
  ...Array.from({ length: 35 }, (_, index) => `NR${index + 1}`),
  'PE30', 'PE31', 'PE32', 'PE33', 'PE34', 'PE35', 'PE36', 'PE37', 'PE38',
  'IP20', 'IP21', 'IP22', 'IP24', 'IP25', 'IP26',
];

export const patientPopulations: Readonly<Record<PatientPopulation, PopulationDefinition>> = {
  // The stream CareFlow has always used, so its extracts stay byte for byte what they were.
  'birmingham-solihull': { seedStream: 'patients', postcodeDistricts: birminghamAndSolihullDistricts },
  'norfolk-waveney': { seedStream: 'patients:norfolk-waveney', postcodeDistricts: norfolkAndWaveneyDistricts },
};
