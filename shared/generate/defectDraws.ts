import { SeededRandom } from './seededRandom';

/**
 * Per-class rates for planting defects: `defectRate` for every class unless overridden. The rates are
 * fractions of the same draw, so they must add up to at most 1 and a unit carries one defect at most.
 */
export function defectRates<T extends string>(classes: readonly T[], defectRate: number, overrides?: Partial<Record<T, number>>): number[] {
  const rates = classes.map((name) => overrides?.[name] ?? defectRate);
  for (const [i, rate] of rates.entries()) {
    if (!(rate >= 0 && rate <= 1)) throw new Error(`defect rate for ${classes[i]} must be between 0 and 1, got ${rate}`);
  }
  const total = rates.reduce((sum, rate) => sum + rate, 0);
  if (total > 1) throw new Error(`defect rates for ${classes.join(', ')} add up to ${total}, more than 1`);
  return rates;
}

/** One uniform draw split by the rates: each class gets exactly its share, and no unit gets two. */
export function drawDefect<T extends string>(random: SeededRandom, classes: readonly T[], rates: readonly number[]): T | undefined {
  let remaining = random.next();
  for (let i = 0; i < classes.length; i++) {
    remaining -= rates[i];
    if (remaining < 0) return classes[i];
  }
  return undefined;
}

/** A zero count for every class, so a clean extract still lists every class in the manifest. */
export function noDefects<T extends string>(classes: readonly T[]): Record<T, number> {
  return Object.fromEntries(classes.map((name) => [name, 0])) as Record<T, number>;
}
