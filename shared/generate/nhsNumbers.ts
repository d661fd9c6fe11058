import { SeededRandom } from './seededRandom';

/**
 * NHS Digital reserves numbers starting 999 for test data; every synthetic number starts with it so
 * that no generated row can ever carry a real patient's NHS number.
 */
const testRangePrefix = '999';

/**
 * The NHS number check digit for the first nine digits: weights 10 down to 2, then 11 - (sum mod 11).
 * A result of 11 becomes 0; a result of 10 means no valid NHS number starts with these nine digits.
 */
export function modulus11CheckDigit(nineDigits: string): number | undefined {
  if (!/^[0-9]{9}$/.test(nineDigits)) throw new Error(`expected nine digits, got "${nineDigits}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (nineDigits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

export function isValidNhsNumber(value: string): boolean {
  if (!/^[0-9]{10}$/.test(value)) return false;
  return modulus11CheckDigit(value.slice(0, 9)) === value.charCodeAt(9) - 48;
}

/** A valid NHS number in the 999 test range. */
export function syntheticNhsNumber(random: SeededRandom): string {
  for (;;) {
    const nineDigits = testRangePrefix + sixRandomDigits(random);
    const check = modulus11CheckDigit(nineDigits);
    if (check !== undefined) return nineDigits + String(check);
  }
}

/** Ten digits in the 999 test range whose last digit is not the Modulus 11 check digit. */
export function invalidNhsNumber(random: SeededRandom): string {
  const nineDigits = testRangePrefix + sixRandomDigits(random);
  const check = modulus11CheckDigit(nineDigits);
  if (check === undefined) return nineDigits + String(random.int(0, 9));
  // Any of the nine other digits is wrong; offsetting by 1..9 picks one of them uniformly.
  return nineDigits + String((check + random.int(1, 9)) % 10);
}

function sixRandomDigits(random: SeededRandom): string {
  return String(random.int(0, 999_999)).padStart(6, '0');
}
