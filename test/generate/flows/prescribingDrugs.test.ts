import { prescribingDrugs } from '../../../shared/generate/flows/prescribingDrugs';
import { createSeededRandom } from '../../../shared/generate/seededRandom';

describe('prescribingDrugs', () => {
  const drugs = prescribingDrugs();

  it('draws known, well-formed BNF presentations with a positive pack quantity and price', () => {
    // Prepare
    const random = createSeededRandom(2);
    const wellFormed = (code: string) => /^[0-9]{7}[0-9A-Z]{8}$/.test(code) || /^2[0-3][0-9]{9}$/.test(code);

    // Act
    const drawn = [drugs.regular, drugs.acute, drugs.forChildren].flatMap((draw) => Array.from({ length: 2_000 }, () => draw(random)));

    // Assess
    expect(drawn.filter((presentation) => !drugs.isKnown(presentation.code) || !wellFormed(presentation.code))).toEqual([]);
    expect(drawn.every((presentation) => presentation.quantity > 0 && presentation.nicPerItem > 0 && presentation.name !== '')).toBe(true);
  });

  it('keeps children to child-appropriate chapters and separates short courses from repeats', () => {
    // Prepare
    const random = createSeededRandom(3);

    // Act
    const forChildren = Array.from({ length: 3_000 }, () => drugs.forChildren(random).code);
    const acute = Array.from({ length: 3_000 }, () => drugs.acute(random).code);
    const regular = Array.from({ length: 3_000 }, () => drugs.regular(random).code);

    // Assess
    expect(forChildren.filter((code) => code.startsWith('02'))).toEqual([]);
    expect(acute.some((code) => code.startsWith('05'))).toBe(true);
    expect(regular.filter((code) => code.startsWith('05'))).toEqual([]);
    expect(regular.some((code) => code.startsWith('02'))).toBe(true);
  });

  it('groups equivalents by chemical and generic strength, never listing a code as its own equivalent', () => {
    // Prepare
    const groups = [...drugs.equivalents];

    // Act
    const mismatched = groups.filter(([code, others]) =>
      others.some((other) => other.code === code || other.code.slice(0, 9) !== code.slice(0, 9) || other.code.slice(13) !== code.slice(13)),
    );

    // Assess
    expect(groups.length).toBeGreaterThan(10);
    expect(mismatched).toEqual([]);
  });
});
