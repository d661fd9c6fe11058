import fc from 'fast-check';
import { normaliseNhsNumber, nhsNumberStatus } from '../../shared/pseudonymise/nhsNumberStatus';

/** NHS Data Dictionary Modulus 11 weights, restated here so the property checks the module against the rule. */
const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2];

function expectedCheckDigit(nineDigits: string): number | undefined {
  const sum = [...nineDigits].reduce((total, digit, index) => total + Number(digit) * weights[index], 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? undefined : check;
}

describe('normaliseNhsNumber', () => {
  it.each([
    ['spaces', '943 476 5919', '9434765919'],
    ['dashes', '943-476-5919', '9434765919'],
    ['surrounding whitespace and a tab', ' 943\t476 5919 ', '9434765919'],
    ['digits only already', '9434765919', '9434765919'],
    ['no digits at all', 'unknown', ''],
    ['an empty cell', '', ''],
  ])('keeps only the digits of %s', (_case, raw, expected) => {
    // Prepare: raw is the cell as it arrives in the extract

    // Act
    const normalised = normaliseNhsNumber(raw);

    // Assess
    expect(normalised).toBe(expected);
  });

  it('gives an empty string for an absent cell', () => {
    // Prepare
    const raw: string | undefined = undefined;

    // Act
    const normalised = normaliseNhsNumber(raw);

    // Assess
    expect(normalised).toBe('');
  });
});

describe('nhsNumberStatus', () => {
  it('accepts 943 476 5919, whose check digit is 9', () => {
    // Prepare: 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 1×2
    //        = 90 + 36 + 24 + 28 + 42 + 30 + 20 + 27 + 2 = 299; 299 mod 11 = 2; 11 − 2 = 9
    const normalised = '9434765919';

    // Act
    const status = nhsNumberStatus(normalised);

    // Assess
    expect(status).toBe('valid');
  });

  it('rejects 943 476 5918, one off the check digit', () => {
    // Prepare: same first nine digits as above, so the check digit must be 9
    const normalised = '9434765918';

    // Act
    const status = nhsNumberStatus(normalised);

    // Assess
    expect(status).toBe('invalid');
  });

  it('rejects every number starting 123 456 789, whose check digit computes to 10', () => {
    // Prepare: 1×10 + 2×9 + 3×8 + 4×7 + 5×6 + 6×5 + 7×4 + 8×3 + 9×2
    //        = 10 + 18 + 24 + 28 + 30 + 30 + 28 + 24 + 18 = 210; 210 mod 11 = 1; 11 − 1 = 10
    const candidates = Array.from({ length: 10 }, (_, lastDigit) => `123456789${lastDigit}`);

    // Act
    const statuses = candidates.map(nhsNumberStatus);

    // Assess
    expect(statuses).toEqual(Array(10).fill('invalid'));
  });

  it('turns a computed check digit of 11 into 0: 943 476 5900 is valid', () => {
    // Prepare: 9×10 + 4×9 + 3×8 + 4×7 + 7×6 + 6×5 + 5×4 + 9×3 + 0×2
    //        = 90 + 36 + 24 + 28 + 42 + 30 + 20 + 27 + 0 = 297 = 27 × 11; 297 mod 11 = 0; 11 − 0 = 11 → 0
    const valid = '9434765900';
    const lastDigitEleven = '943476590'; // nine digits only: "11" cannot be a last digit

    // Act
    const statuses = [nhsNumberStatus(valid), nhsNumberStatus('9434765901'), nhsNumberStatus(lastDigitEleven)];

    // Assess
    expect(statuses).toEqual(['valid', 'invalid', 'invalid']);
  });

  it.each([
    ['nine digits', '943476591'],
    ['eleven digits', '94347659190'],
    ['one digit', '9'],
  ])('rejects a number of the wrong length (%s)', (_case, normalised) => {
    // Prepare: normalised is digits only, as normaliseNhsNumber returns

    // Act
    const status = nhsNumberStatus(normalised);

    // Assess
    expect(status).toBe('invalid');
  });

  it('reports an empty number as missing, not invalid', () => {
    // Prepare
    const normalised = normaliseNhsNumber(undefined);

    // Act
    const status = nhsNumberStatus(normalised);

    // Assess
    expect(status).toBe('missing');
  });

  it('accepts a valid number however it was formatted, once normalised', () => {
    // Prepare
    const formats = ['943 476 5919', '943-476-5919', '9434765919'];

    // Act
    const statuses = formats.map((raw) => nhsNumberStatus(normaliseNhsNumber(raw)));

    // Assess
    expect(statuses).toEqual(['valid', 'valid', 'valid']);
  });

  it('property: a nine-digit prefix plus its check digit is valid, and every other last digit is invalid', () => {
    // Prepare
    const prefixes = fc.stringMatching(/^[0-9]{9}$/);

    // Act / Assess
    fc.assert(
      fc.property(prefixes, (prefix) => {
        const check = expectedCheckDigit(prefix);
        for (let lastDigit = 0; lastDigit <= 9; lastDigit += 1) {
          const expected = lastDigit === check ? 'valid' : 'invalid';
          expect(nhsNumberStatus(`${prefix}${lastDigit}`)).toBe(expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});
