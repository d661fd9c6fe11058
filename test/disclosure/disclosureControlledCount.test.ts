import fc from 'fast-check';
import { disclosureControlledCount, SUPPRESSED } from '../../shared/disclosure/disclosureControlledCount';

describe('disclosureControlledCount', () => {
  it.each([
    [0, 0],
    [1, '*'],
    [7, '*'],
    [8, 10],
    [12, 10],
    [13, 15],
    [1002, 1000],
  ])('shows %p as %p', (count, shown) => {
    // Prepare / Act
    const result = disclosureControlledCount(count);

    // Assess
    expect(result).toBe(shown);
  });

  it('suppresses every count from 1 to 7', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), (count) => {
        expect(disclosureControlledCount(count)).toBe(SUPPRESSED);
      }),
    );
  });

  it('rounds every count of 8 or more to the multiple of 5 nearest to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 1e9 }), (count) => {
        // Act
        const shown = disclosureControlledCount(count) as number;

        // Assess: a multiple of 5, within 2 of the count, and no other multiple of 5 is as close
        expect(shown % 5).toBe(0);
        expect(Math.abs(shown - count)).toBeLessThanOrEqual(2);
        expect(shown).toBeGreaterThanOrEqual(10);
      }),
    );
  });

  it('never shows a count from 1 to 7, and never shows 0 for a count above 0', () => {
    fc.assert(
      fc.property(fc.nat({ max: 1e7 }), (count) => {
        const shown = disclosureControlledCount(count);
        if (shown !== SUPPRESSED) expect(shown === 0 || shown >= 10).toBe(true);
        expect(shown === 0).toBe(count === 0);
      }),
    );
  });

  it('keeps the order of counts (rounding never swaps two shown counts)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 1e7 }), fc.integer({ min: 8, max: 1e7 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(disclosureControlledCount(low) as number).toBeLessThanOrEqual(disclosureControlledCount(high) as number);
      }),
    );
  });

  it('gives the same figure for every count that rounds to it, so the shown figure cannot tell them apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 1e6 }), (multiple) => {
        // Prepare: the counts within 2 of a multiple of 5 of at least 10
        const centre = multiple * 5;

        // Act / Assess
        for (let count = centre - 2; count <= centre + 2; count += 1) expect(disclosureControlledCount(count)).toBe(centre);
      }),
    );
  });

  it.each([-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p, which is not a count', (value) => {
    expect(() => disclosureControlledCount(value)).toThrow(RangeError);
  });
});
