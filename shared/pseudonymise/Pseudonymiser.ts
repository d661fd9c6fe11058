import { createHash, Hash } from 'node:crypto';

/** SHA-256 block size: the HMAC key pads to this (RFC 2104). */
const blockBytes = 64;
/** Patients recur across episodes and items; caching avoids rehashing them. Bounded so memory stays flat. */
const cacheLimit = 200_000;

/**
 * Keyed HMAC-SHA256 pseudonyms (DESIGN.md §4). The inner and outer key pads are hashed once and their states
 * copied per value (`Hash.copy`): measured ~2x faster than `createHmac` per value, same output (tested).
 */
export class Pseudonymiser {
  private readonly inner: Hash;
  private readonly outer: Hash;
  private cache = new Map<string, string>();

  public constructor(key: Buffer, public readonly keyVersion: string) {
    if (key.length === 0) throw new Error('pseudonymisation key is empty');
    const block = key.length > blockBytes ? createHash('sha256').update(key).digest() : key;
    const innerPad = Buffer.alloc(blockBytes, 0x36);
    const outerPad = Buffer.alloc(blockBytes, 0x5c);
    for (let index = 0; index < block.length; index += 1) {
      innerPad[index] ^= block[index];
      outerPad[index] ^= block[index];
    }
    this.inner = createHash('sha256').update(innerPad);
    this.outer = createHash('sha256').update(outerPad);
  }

  /** Hex pseudonym of an already normalised identifier. */
  public pseudonym(normalisedIdentifier: string): string {
    const cached = this.cache.get(normalisedIdentifier);
    if (cached !== undefined) return cached;
    const innerDigest = this.inner.copy().update(normalisedIdentifier, 'utf8').digest();
    const value = this.outer.copy().update(innerDigest).digest('hex');
    if (this.cache.size >= cacheLimit) this.cache = new Map();
    this.cache.set(normalisedIdentifier, value);
    return value;
  }
}
