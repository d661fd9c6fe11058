import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { Pseudonymiser } from '../../shared/pseudonymise/Pseudonymiser';

function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', key).update(value).digest('hex');
}

describe('Pseudonymiser', () => {
  it('gives the HMAC-SHA256 of the value under the key, in hex', () => {
    // Prepare
    const key = Buffer.from('careflow-test-key');
    const pseudonymiser = new Pseudonymiser(key, 'v1');

    // Act
    const pseudonym = pseudonymiser.pseudonym('9434765919');

    // Assess
    expect(pseudonym).toBe(hmacHex(key, '9434765919'));
    expect(pseudonym).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ['one byte shorter than the SHA-256 block', 63],
    ['exactly one block', 64],
    ['one byte longer than the block (hashed first, RFC 2104)', 65],
    ['several blocks', 200],
  ])('matches createHmac for a key %s (%i bytes)', (_case, length) => {
    // Prepare
    const key = Buffer.from(Array.from({ length }, (_, index) => (index * 37 + 11) % 256));
    const pseudonymiser = new Pseudonymiser(key, 'v1');

    // Act
    const pseudonym = pseudonymiser.pseudonym('9434765919');

    // Assess
    expect(pseudonym).toBe(hmacHex(key, '9434765919'));
  });

  it('property: equals createHmac for random keys (up to 200 bytes) and random values', () => {
    // Prepare
    const keys = fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => Buffer.from(bytes));
    const values = fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 5 });

    // Act / Assess
    fc.assert(
      fc.property(keys, values, (key, valueList) => {
        const pseudonymiser = new Pseudonymiser(key, 'v1');
        for (const value of valueList) expect(pseudonymiser.pseudonym(value)).toBe(hmacHex(key, value));
      }),
      { numRuns: 300 },
    );
  });

  it('returns the same pseudonym for a repeated value, before and after other values', () => {
    // Prepare
    const key = Buffer.from('careflow-test-key');
    const pseudonymiser = new Pseudonymiser(key, 'v1');

    // Act
    const first = pseudonymiser.pseudonym('9434765919');
    const other = pseudonymiser.pseudonym('9990000018');
    const again = pseudonymiser.pseudonym('9434765919');

    // Assess
    expect(again).toBe(first);
    expect(other).toBe(hmacHex(key, '9990000018'));
    expect(again).toBe(hmacHex(key, '9434765919'));
  });

  it('gives unlinkable pseudonyms under different keys (one key per product)', () => {
    // Prepare
    const careflow = new Pseudonymiser(Buffer.from('careflow-key'), 'v1');
    const community = new Pseudonymiser(Buffer.from('community360-key'), 'v1');

    // Act
    const pseudonyms = [careflow.pseudonym('9434765919'), community.pseudonym('9434765919')];

    // Assess
    expect(pseudonyms[0]).not.toBe(pseudonyms[1]);
  });

  it('keeps the key version it was given, for lineage', () => {
    // Prepare
    const pseudonymiser = new Pseudonymiser(Buffer.from('k'), '0a1b2c3d');

    // Act
    const version = pseudonymiser.keyVersion;

    // Assess
    expect(version).toBe('0a1b2c3d');
  });

  it('refuses an empty key: no key, no processing', () => {
    // Prepare
    const key = Buffer.alloc(0);

    // Act
    const construct = () => new Pseudonymiser(key, 'v1');

    // Assess
    expect(construct).toThrow('pseudonymisation key is empty');
  });
});
