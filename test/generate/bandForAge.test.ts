import { bandForAge } from '../../shared/generate/bandForAge';

describe('bandForAge', () => {
  const bands = [
    { ages: [0, 15] as const, share: 0.1 },
    { ages: [16, 64] as const, share: 0.2 },
    { ages: [65, 99] as const, share: 0.3 },
  ];

  it('finds the band holding the age, both ends inclusive, and the last band past the table', () => {
    // Assess
    expect(bandForAge(bands, 0).share).toBe(0.1);
    expect(bandForAge(bands, 15).share).toBe(0.1);
    expect(bandForAge(bands, 16).share).toBe(0.2);
    expect(bandForAge(bands, 99).share).toBe(0.3);
    expect(bandForAge(bands, 104).share).toBe(0.3);
  });

  it('refuses an empty table', () => {
    // Assess
    expect(() => bandForAge([], 40)).toThrow(/at least one band/);
  });
});
