import fc from 'fast-check';
import { disclosedRate } from '../../shared/disclosure/disclosedRate';
import { disclosureControlledCount, SUPPRESSED } from '../../shared/disclosure/disclosureControlledCount';

describe('disclosedRate', () => {
  it.each([
    [10, 55, 10 / 55],
    [0, 55, 0],
    ['*', 55, '*'],
    [10, '*', '*'],
    ['*', '*', '*'],
    [0, 0, null],
    [null, 10, null],
  ] as const)('divides %p by %p as %p', (numerator, denominator, expected) => {
    expect(disclosedRate(numerator, denominator)).toBe(expected);
  });

  it('is suppressed whenever the raw numerator or denominator is 1 to 7', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e6 }), fc.nat({ max: 1e6 }), (numerator, denominator) => {
        // Act
        const rate = disclosedRate(disclosureControlledCount(numerator), disclosureControlledCount(denominator));

        // Assess
        const small = (count: number) => count >= 1 && count <= 7;
        expect(rate === SUPPRESSED).toBe(small(numerator) || small(denominator));
      }),
    );
  });

  it('is the ratio of the rounded counts, so it gives back no more than the rounded counts do', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 1e6 }), fc.integer({ min: 8, max: 1e6 }), (numerator, denominator) => {
        // Act
        const rate = disclosedRate(disclosureControlledCount(numerator), disclosureControlledCount(denominator));

        // Assess: every numerator in the same rounding band, over any denominator in its band, gives the same rate
        const shownNumerator = disclosureControlledCount(numerator) as number;
        const shownDenominator = disclosureControlledCount(denominator) as number;
        expect(rate).toBe(shownNumerator / shownDenominator);
        expect(disclosedRate(disclosureControlledCount(shownNumerator - 2), disclosureControlledCount(shownDenominator + 2))).toBe(rate);
      }),
    );
  });
});
