import { isoDate } from './calendarDays';
import { syntheticNhsNumber } from './nhsNumbers';
import { createSeededRandom, Weighted } from './seededRandom';

/** One synthetic person, shared by every flow so linkage across flows can be exercised. */
export interface Patient {
  /** Valid Modulus 11 NHS number in the 999 test range; unique within the pool. */
  nhsNumber: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** Same date as days since 1970-01-01, for age arithmetic. */
  birthDay: number;
  postcode: string;
  /** NHS Data Dictionary person stated gender: 1 male, 2 female. */
  sex: '1' | '2';
}

export interface PatientPool {
  readonly patients: readonly Patient[];
}

export interface PatientPoolOptions {
  size: number;
  seed: number;
  /** Day number at which ages are measured; every birth date falls before it. */
  referenceDay: number;
  /** Outward codes the postcodes are drawn from; Birmingham and Solihull when absent. */
  postcodeDistricts?: readonly string[];
}

/**
 * About 909,000 valid NHS numbers start with 999; capping well below that keeps drawing unique numbers
 * by rejection fast.
 */
export const maxPatientPoolSize = 750_000;

/** Skewed old, like the admitted-patient population. Ages in whole years, inclusive. */
const ageBands: readonly Weighted<readonly [number, number]>[] = [
  { value: [0, 4], weight: 5 },
  { value: [5, 15], weight: 5 },
  { value: [16, 29], weight: 12 },
  { value: [30, 44], weight: 15 },
  { value: [45, 64], weight: 25 },
  { value: [65, 79], weight: 24 },
  { value: [80, 99], weight: 14 },
];

/** Birmingham (including Sutton Coldfield) and Solihull postcode districts. */
export const birminghamAndSolihullDistricts: readonly string[] = [
  'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11', 'B12', 'B13', 'B14', 'B15', 'B16', 'B17',
  'B18', 'B19', 'B20', 'B21', 'B23', 'B24', 'B25', 'B26', 'B27', 'B28', 'B29', 'B30', 'B31', 'B32', 'B33', 'B34',
  'B35', 'B36', 'B37', 'B38', 'B40', 'B42', 'B43', 'B44', 'B45', 'B47', 'B72', 'B73', 'B74', 'B75', 'B76',
  'B90', 'B91', 'B92', 'B93', 'B94',
];

/** Letters Royal Mail uses in the inward code (never C, I, K, M, O or V). */
const inwardLetters = [...'ABDEFGHJLNPQRSTUWXYZ'];

const sexes: readonly Weighted<'1' | '2'>[] = [
  { value: '1', weight: 49 },
  { value: '2', weight: 51 },
];

export function createPatientPool(options: PatientPoolOptions): PatientPool {
  const { size, seed, referenceDay } = options;
  const districts = options.postcodeDistricts ?? birminghamAndSolihullDistricts;
  if (districts.length === 0) throw new Error('a patient pool needs at least one postcode district');
  if (!Number.isInteger(size) || size < 1) throw new Error(`patient pool size must be a positive integer, got ${size}`);
  if (size > maxPatientPoolSize) throw new Error(`patient pool size ${size} exceeds the maximum of ${maxPatientPoolSize}`);
  const random = createSeededRandom(seed);
  const used = new Set<string>();
  const patients: Patient[] = [];
  while (patients.length < size) {
    const nhsNumber = syntheticNhsNumber(random);
    if (used.has(nhsNumber)) continue;
    used.add(nhsNumber);
    const [minAge, maxAge] = random.weighted(ageBands);
    const birthDay = referenceDay - 1 - Math.floor(random.int(minAge, maxAge) * 365.25) - random.int(0, 364);
    patients.push({
      nhsNumber,
      birthDate: isoDate(birthDay),
      birthDay,
      postcode: `${random.pick(districts)} ${random.int(1, 9)}${random.pick(inwardLetters)}${random.pick(inwardLetters)}`,
      sex: random.weighted(sexes),
    });
  }
  return { patients };
}
