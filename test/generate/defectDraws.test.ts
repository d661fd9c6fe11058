import { defectRates, drawDefect, noDefects } from '../../shared/generate/defectDraws';
import { createSeededRandom } from '../../shared/generate/seededRandom';

describe('defectDraws', () => {
  const classes = ['a', 'b', 'c'] as const;

  it('uses the shared rate unless a class has its own, and splits one draw between the classes', () => {
    // Prepare
    const rates = defectRates(classes, 0.1, { b: 0.3 });
    const random = createSeededRandom(4);
    const counts = noDefects(classes);

    // Act
    let clean = 0;
    for (let i = 0; i < 20_000; i++) {
      const defect = drawDefect(random, classes, rates);
      if (defect === undefined) clean++;
      else counts[defect]++;
    }

    // Assess
    expect(rates).toEqual([0.1, 0.3, 0.1]);
    expect(counts.a / 20_000).toBeCloseTo(0.1, 1);
    expect(counts.b / 20_000).toBeCloseTo(0.3, 1);
    expect(clean / 20_000).toBeCloseTo(0.5, 1);
  });

  it('refuses rates outside 0 to 1 or adding up to more than 1', () => {
    // Prepare
    const outside = () => defectRates(classes, 1.5);
    const tooMany = () => defectRates(classes, 0.4);

    // Act / Assess
    expect(outside).toThrow(/defect rate for a must be between 0 and 1/);
    expect(tooMany).toThrow(/add up to/);
  });
});
