import { createHash, createHmac, Hash, randomBytes } from 'node:crypto';
import { createSeededRandom } from '../generate/seededRandom';
import { syntheticNhsNumber } from '../generate/nhsNumbers';
import { Pseudonymiser } from '../pseudonymise/Pseudonymiser';

/**
 * Pseudonym hashing, three ways, over the same stream of NHS numbers drawn from a fixed pool of patients:
 * `createHmac` per value, the precomputed-pad `Hash.copy()` HMAC without a cache, and `Pseudonymiser`
 * (the same HMAC plus its bounded cache). Run: node dist/shared/bench/hashingBenchmark.js [values] [patients...]
 */
const blockBytes = 64;
const rounds = 3;

interface Measurement {
  name: string;
  bestMs: number;
  valuesPerSecond: number;
}

function nhsNumberStream(values: number, patients: number, seed: number): string[] {
  const random = createSeededRandom(seed);
  const pool = new Set<string>();
  while (pool.size < patients) pool.add(syntheticNhsNumber(random));
  const numbers = [...pool];
  return Array.from({ length: values }, () => numbers[random.int(0, numbers.length - 1)]);
}

/** The Pseudonymiser's HMAC construction without its cache (RFC 2104 with the key pads hashed once). */
function copyHmac(key: Buffer): (value: string) => string {
  const block = key.length > blockBytes ? createHash('sha256').update(key).digest() : key;
  const innerPad = Buffer.alloc(blockBytes, 0x36);
  const outerPad = Buffer.alloc(blockBytes, 0x5c);
  for (let index = 0; index < block.length; index += 1) {
    innerPad[index] ^= block[index];
    outerPad[index] ^= block[index];
  }
  const inner: Hash = createHash('sha256').update(innerPad);
  const outer: Hash = createHash('sha256').update(outerPad);
  return (value) => outer.copy().update(inner.copy().update(value, 'utf8').digest()).digest('hex');
}

function measure(name: string, values: readonly string[], makeHasher: () => (value: string) => string): Measurement {
  let bestMs = Number.POSITIVE_INFINITY;
  let checksum = 0;
  for (let round = 0; round < rounds; round += 1) {
    // A fresh hasher per round: the cached variant starts cold every time, as each stage run does.
    const hash = makeHasher();
    const started = performance.now();
    for (const value of values) checksum += hash(value).charCodeAt(0);
    bestMs = Math.min(bestMs, performance.now() - started);
  }
  if (checksum === 0) throw new Error('unreachable: keeps the hashing from being optimised away');
  return { name, bestMs, valuesPerSecond: (values.length * 1000) / bestMs };
}

function main(): void {
  const values = Number(process.argv[2] ?? 1_000_000);
  const poolSizes = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [200_000];
  const key = Buffer.from(randomBytes(32).toString('base64'), 'utf8');
  console.log(`Node ${process.version}; ${values} NHS numbers per run; best of ${rounds} runs`);
  for (const patients of poolSizes) {
    const stream = nhsNumberStream(values, patients, 7);
    const reference = createHmac('sha256', key).update(stream[0]).digest('hex');
    if (copyHmac(key)(stream[0]) !== reference || new Pseudonymiser(key, 'v').pseudonym(stream[0]) !== reference) {
      throw new Error('the three hashers disagree');
    }
    const results = [
      measure('createHmac per value', stream, () => (value) => createHmac('sha256', key).update(value, 'utf8').digest('hex')),
      measure('Hash.copy(), no cache', stream, () => copyHmac(key)),
      measure('Pseudonymiser (Hash.copy() + cache)', stream, () => {
        const pseudonymiser = new Pseudonymiser(key, 'v');
        return (value) => pseudonymiser.pseudonym(value);
      }),
    ];
    console.log(`\npool of ${patients} patients (${distinct(stream)} distinct in the stream)`);
    console.log('method                                      ms   values/s   vs createHmac');
    for (const result of results) {
      console.log(`${result.name.padEnd(38)} ${result.bestMs.toFixed(0).padStart(7)} ${Math.round(result.valuesPerSecond).toString().padStart(10)}   ${(result.valuesPerSecond / results[0].valuesPerSecond).toFixed(2)}x`);
    }
    console.log(JSON.stringify({ patients, values, results: results.map((result) => ({ name: result.name, ms: Math.round(result.bestMs), valuesPerSecond: Math.round(result.valuesPerSecond) })) }));
  }
}

function distinct(values: readonly string[]): number {
  return new Set(values).size;
}

if (require.main === module) main();
