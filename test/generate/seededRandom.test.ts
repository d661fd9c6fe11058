import { createSeededRandom, deriveSeed, geometric, weightedSampler } from '../../shared/generate/seededRandom';

describe('createSeededRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    // Prepare
    const first = createSeededRandom(2024);
    const second = createSeededRandom(2024);
    const other = createSeededRandom(2025);

    // Act
    const a = Array.from({ length: 20 }, () => first.next());
    const b = Array.from({ length: 20 }, () => second.next());
    const c = Array.from({ length: 20 }, () => other.next());

    // Assess
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('keeps next() in [0, 1) and int() within its inclusive bounds, reaching both ends', () => {
    // Prepare
    const random = createSeededRandom(7);

    // Act
    const fractions = Array.from({ length: 10_000 }, () => random.next());
    const dice = Array.from({ length: 10_000 }, () => random.int(1, 6));

    // Assess
    expect(Math.min(...fractions)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...fractions)).toBeLessThan(1);
    expect(new Set(dice)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
  });

  it('never picks a zero-weight item and picks roughly by weight', () => {
    // Prepare
    const random = createSeededRandom(8);
    const items = [
      { value: 'never', weight: 0 },
      { value: 'rare', weight: 1 },
      { value: 'common', weight: 3 },
    ];

    // Act
    const counts: Record<string, number> = { never: 0, rare: 0, common: 0 };
    for (let i = 0; i < 10_000; i++) counts[random.weighted(items)]++;

    // Assess: expected 2,500 rare and 7,500 common
    expect(counts.never).toBe(0);
    expect(counts.rare).toBeGreaterThan(2_300);
    expect(counts.rare).toBeLessThan(2_700);
  });

  it('treats chance(0) as never and chance(1) as always, and picks only list members', () => {
    // Prepare
    const random = createSeededRandom(9);
    const colours = ['red', 'green'] as const;

    // Act
    const never = Array.from({ length: 1000 }, () => random.chance(0));
    const always = Array.from({ length: 1000 }, () => random.chance(1));
    const picks = new Set(Array.from({ length: 1000 }, () => random.pick(colours)));

    // Assess
    expect(never.every((value) => !value)).toBe(true);
    expect(always.every((value) => value)).toBe(true);
    expect(picks).toEqual(new Set(colours));
  });
});

describe('deriveSeed', () => {
  it('gives each named stream its own stable seed', () => {
    // Prepare
    const seed = 42;

    // Act
    const patients = deriveSeed(seed, 'patients');
    const flow = deriveSeed(seed, 'sus-apc');

    // Assess
    expect(deriveSeed(seed, 'patients')).toBe(patients);
    expect(flow).not.toBe(patients);
    expect(deriveSeed(43, 'patients')).not.toBe(patients);
  });
});

describe('weightedSampler', () => {
  it('draws what random.weighted draws from the same sequence, one number per draw', () => {
    // Prepare
    const items = [
      { value: 'a', weight: 0 },
      { value: 'b', weight: 2.5 },
      { value: 'c', weight: 0 },
      { value: 'd', weight: 1 },
      { value: 'e', weight: 6.5 },
    ];
    const sample = weightedSampler(items);
    const viaSampler = createSeededRandom(31);
    const viaWeighted = createSeededRandom(31);

    // Act
    const sampled = Array.from({ length: 5_000 }, () => sample(viaSampler));
    const weighted = Array.from({ length: 5_000 }, () => viaWeighted.weighted(items));

    // Assess
    expect(sampled).toEqual(weighted);
    expect(sampled).not.toContain('a');
    expect(sampled).not.toContain('c');
    expect(viaSampler.next()).toBe(viaWeighted.next());
  });

  it('refuses lists with no weight or a negative one', () => {
    // Prepare
    const empty = () => weightedSampler([]);
    const negative = () => weightedSampler([{ value: 1, weight: -1 }, { value: 2, weight: 3 }]);

    // Act / Assess
    expect(empty).toThrow(/positive total weight/);
    expect(negative).toThrow(/must not be negative/);
  });
});

describe('geometric', () => {
  it('has about the mean asked for, never goes below 0 and stops at the cap', () => {
    // Prepare
    const random = createSeededRandom(12);

    // Act
    const draws = Array.from({ length: 20_000 }, () => geometric(random, 20, 60));
    const uncapped = Array.from({ length: 20_000 }, () => geometric(random, 20, 10_000));
    const mean = uncapped.reduce((sum, value) => sum + value, 0) / uncapped.length;

    // Assess
    expect(Math.min(...draws)).toBe(0);
    expect(Math.max(...draws)).toBe(60);
    expect(mean).toBeGreaterThan(18);
    expect(mean).toBeLessThan(22);
  });
});
