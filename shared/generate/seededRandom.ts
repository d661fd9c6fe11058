/**
 * A small seeded PRNG (mulberry32) so generated extracts are reproducible byte for byte:
 * the same seed always gives the same sequence, on any machine and Node version.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  weighted<T>(items: readonly Weighted<T>[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export interface Weighted<T> {
  value: T;
  weight: number;
}

export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)];
    },
    weighted: (items) => {
      let total = 0;
      for (const item of items) total += item.weight;
      if (!(total > 0)) throw new Error('weighted pick needs a positive total weight');
      let remaining = next() * total;
      for (const item of items) {
        remaining -= item.weight;
        if (remaining < 0) return item.value;
      }
      // Floating-point rounding can leave a sliver of weight unspent: it belongs to the last item.
      return items[items.length - 1].value;
    },
    chance: (p) => next() < p,
  };
}

/**
 * A seed for one named stream (the patient pool, one flow…) derived from the run seed, so adding a flow
 * or drawing more numbers in one stream never shifts what another stream produces.
 */
export function deriveSeed(seed: number, stream: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < stream.length; i++) {
    hash ^= stream.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A whole number with mean `mean` and a long tail, capped at `max`: how lengths of stay and of care fall. */
export function geometric(random: SeededRandom, mean: number, max = 365): number {
  const keep = mean / (1 + mean);
  return Math.min(max, Math.floor(Math.log(1 - random.next()) / Math.log(keep)));
}

/**
 * `random.weighted` for long lists drawn from often: cumulative weights computed once, each draw a binary
 * search (one `next()` per draw, as `weighted` uses).
 */
export function weightedSampler<T>(items: readonly Weighted<T>[]): (random: SeededRandom) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) {
    if (!(item.weight >= 0)) throw new Error(`weights must not be negative, got ${item.weight}`);
    total += item.weight;
    cumulative.push(total);
  }
  if (!(total > 0)) throw new Error('weighted pick needs a positive total weight');
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return items[low].value;
  };
}
