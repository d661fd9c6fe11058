import { createHash, createHmac, createSecretKey, Hash, randomBytes } from 'node:crypto';
import { createSeededRandom } from '../generate/seededRandom';
import { syntheticNhsNumber } from '../generate/nhsNumbers';
import { Pseudonymiser } from '../pseudonymise/Pseudonymiser';

/**
 * Pseudonym hashing over one stream of NHS numbers drawn from a fixed pool of patients: `createHmac` per value
 * (with and without a cache like the pseudonymise stage's), the precomputed-pad `Hash.copy()` HMAC, and
 * `Pseudonymiser` itself. Rounds are interleaved and timed in process CPU time as well as wall time, so other
 * work on a shared machine skews the comparison less.
 * Run: node dist/shared/bench/hashingBenchmark.js [values] [patients...]
 */
const blockBytes = 64;
const rounds = 5;
/** The Pseudonymiser's cache bound, used by the cached variants. */
const cacheLimit = 200_000;

type Hasher = (value: string) => string;

interface Method {
  name: string;
  /** A fresh hasher per round: a cache starts cold each time, as it does for each stage run. */
  make(): Hasher;
}

interface Measurement {
  name: string;
  bestWallMs: number;
  bestCpuMs: number;
}

function nhsNumberStream(values: number, patients: number, seed: number): string[] {
  const random = createSeededRandom(seed);
  const pool = new Set<string>();
  while (pool.size < patients) pool.add(syntheticNhsNumber(random));
  const numbers = [...pool];
  return Array.from({ length: values }, () => numbers[random.int(0, numbers.length - 1)]);
}

/** HMAC by RFC 2104 with the key pads hashed once and their states copied per value. */
function copyHmac(key: Buffer): Hasher {
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

/** A cache bounded and cleared when full, in front of any hasher. */
function cached(hash: Hasher): Hasher {
  let cache = new Map<string, string>();
  return (value) => {
    const hit = cache.get(value);
    if (hit !== undefined) return hit;
    const pseudonym = hash(value);
    if (cache.size >= cacheLimit) cache = new Map();
    cache.set(value, pseudonym);
    return pseudonym;
  };
}

function methodsFor(key: Buffer): Method[] {
  const hmac: Hasher = (value) => createHmac('sha256', key).update(value, 'utf8').digest('hex');
  return [
    { name: 'createHmac per value', make: () => hmac },
    {
      name: 'createHmac, KeyObject made once',
      make: () => {
        const secret = createSecretKey(key);
        return (value) => createHmac('sha256', secret).update(value, 'utf8').digest('hex');
      },
    },
    { name: 'createHmac + bounded cache', make: () => cached(hmac) },
    { name: 'Hash.copy(), no cache', make: () => copyHmac(key) },
    { name: 'Hash.copy() + bounded cache', make: () => cached(copyHmac(key)) },
    {
      name: 'Pseudonymiser',
      make: () => {
        const pseudonymiser = new Pseudonymiser(key, 'v');
        return (value) => pseudonymiser.pseudonym(value);
      },
    },
  ];
}

function measureAll(methods: Method[], values: readonly string[]): Measurement[] {
  const results = methods.map((method) => ({ name: method.name, bestWallMs: Number.POSITIVE_INFINITY, bestCpuMs: Number.POSITIVE_INFINITY }));
  let checksum = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, method] of methods.entries()) {
      const hash = method.make();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      for (const value of values) checksum += hash(value).charCodeAt(0);
      const wallMs = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      results[index].bestWallMs = Math.min(results[index].bestWallMs, wallMs);
      results[index].bestCpuMs = Math.min(results[index].bestCpuMs, (cpu.user + cpu.system) / 1000);
    }
  }
  if (checksum === 0) throw new Error('unreachable: keeps the hashing from being optimised away');
  return results;
}

function main(): void {
  const values = Number(process.argv[2] ?? 1_000_000);
  const poolSizes = process.argv.length > 3 ? process.argv.slice(3).map(Number) : [200_000];
  // The stage keys the HMAC with the secret's text, as read from the store.
  const key = Buffer.from(randomBytes(32).toString('base64'), 'utf8');
  const methods = methodsFor(key);
  console.log(`Node ${process.version}; ${values} NHS numbers per run; best of ${rounds} interleaved rounds`);
  for (const patients of poolSizes) {
    const stream = nhsNumberStream(values, patients, 7);
    const reference = createHmac('sha256', key).update(stream[0]).digest('hex');
    for (const method of methods) {
      if (method.make()(stream[0]) !== reference) throw new Error(`${method.name} disagrees with createHmac`);
    }
    const results = measureAll(methods, stream);
    const baseline = results[0].bestCpuMs;
    console.log(`\npool of ${patients} patients (${new Set(stream).size} distinct in the stream)`);
    console.log('method                              wall ms   CPU ms  values/s (CPU)  vs createHmac');
    for (const result of results) {
      const perSecond = Math.round((values * 1000) / result.bestCpuMs);
      console.log(`${result.name.padEnd(34)} ${result.bestWallMs.toFixed(0).padStart(8)} ${result.bestCpuMs.toFixed(0).padStart(8)} ${String(perSecond).padStart(15)}  ${(baseline / result.bestCpuMs).toFixed(2)}x`);
    }
    console.log(JSON.stringify({ patients, values, results: results.map((result) => ({ name: result.name, wallMs: Math.round(result.bestWallMs), cpuMs: Math.round(result.bestCpuMs) })) }));
  }
}

if (require.main === module) main();
