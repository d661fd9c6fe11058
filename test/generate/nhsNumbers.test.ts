import { invalidNhsNumber, isValidNhsNumber, modulus11CheckDigit, syntheticNhsNumber } from '../../shared/generate/nhsNumbers';
import { createSeededRandom } from '../../shared/generate/seededRandom';

describe('modulus11CheckDigit', () => {
  it('gives 9 for 943 476 591 (a published valid NHS number is 943 476 5919)', () => {
    // Prepare: 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2 = 299; 299 mod 11 = 2; 11 − 2 = 9
    const nineDigits = '943476591';

    // Act
    const check = modulus11CheckDigit(nineDigits);

    // Assess
    expect(check).toBe(9);
  });

  it('turns a remainder of 0 (11 − 0 = 11) into check digit 0', () => {
    // Prepare: every weight times 0 sums to 0
    const nineDigits = '000000000';

    // Act
    const check = modulus11CheckDigit(nineDigits);

    // Assess
    expect(check).toBe(0);
  });

  it('reports no check digit when 11 − remainder is 10', () => {
    // Prepare: 9×10 + 9×9 + 9×8 = 243; 243 mod 11 = 1; 11 − 1 = 10, so no NHS number starts 999 000 000
    const nineDigits = '999000000';

    // Act
    const check = modulus11CheckDigit(nineDigits);

    // Assess
    expect(check).toBeUndefined();
  });

  it('gives 8 for 999 000 001', () => {
    // Prepare: 243 + 1×2 = 245; 245 mod 11 = 3; 11 − 3 = 8
    const nineDigits = '999000001';

    // Act
    const check = modulus11CheckDigit(nineDigits);

    // Assess
    expect(check).toBe(8);
  });

  it('rejects input that is not nine digits', () => {
    // Prepare
    const inputs = ['94347659', '9434765919', '94347659A'];

    // Act
    const attempts = inputs.map((input) => () => modulus11CheckDigit(input));

    // Assess
    for (const attempt of attempts) expect(attempt).toThrow('expected nine digits');
  });
});

describe('isValidNhsNumber', () => {
  it('accepts numbers whose last digit is the check digit and nothing else', () => {
    // Prepare
    const cases: [string, boolean][] = [
      ['9434765919', true],
      ['9434765918', false],
      ['9990000018', true],
      ['0000000000', true],
      ['9990000000', false], // 999 000 000 has no check digit
      ['943476591', false],
      ['943 476 5919', false],
      ['', false],
    ];

    // Act
    const results = cases.map(([value]) => isValidNhsNumber(value));

    // Assess
    expect(results).toEqual(cases.map(([, valid]) => valid));
  });
});

describe('synthetic NHS numbers', () => {
  it('are valid, ten digits and in the 999 test range for 1,000 draws', () => {
    // Prepare
    const random = createSeededRandom(11);

    // Act
    const numbers = Array.from({ length: 1000 }, () => syntheticNhsNumber(random));

    // Assess
    for (const value of numbers) {
      expect(value).toMatch(/^999[0-9]{7}$/);
      expect(isValidNhsNumber(value)).toBe(true);
    }
  });

  it('deliberately invalid ones fail the check for 1,000 draws', () => {
    // Prepare
    const random = createSeededRandom(12);

    // Act
    const numbers = Array.from({ length: 1000 }, () => invalidNhsNumber(random));

    // Assess
    for (const value of numbers) {
      expect(value).toMatch(/^999[0-9]{7}$/);
      expect(isValidNhsNumber(value)).toBe(false);
    }
  });
});
