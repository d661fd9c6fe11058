import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureLocalPseudonymisationKey } from '../../shared/secrets/ensureLocalPseudonymisationKey';
import { LocalSecretStore } from '../../shared/secrets/local-secret-store';

describe('ensureLocalPseudonymisationKey', () => {
  let state: string;
  let folder: string;

  beforeEach(async () => {
    state = await mkdtemp(path.join(tmpdir(), 'dscro-key-'));
    folder = path.join(state, 'secrets');
  });

  afterEach(async () => {
    await rm(state, { recursive: true, force: true });
  });

  it('creates a random 32-byte key, versioned by its hash, in a folder it creates', async () => {
    // Prepare
    const file = path.join(folder, 'pseudo-key-careflow-insights.json');

    // Act
    const result = await ensureLocalPseudonymisationKey(folder, 'pseudo-key-careflow-insights');

    // Assess
    const stored = JSON.parse(await readFile(file, 'utf8')) as { value: string; version: string };
    const key = Buffer.from(stored.value, 'base64');
    expect(key).toHaveLength(32);
    expect(stored.version).toBe(createHash('sha256').update(key).digest('hex').slice(0, 12));
    expect(result).toEqual({ created: true, version: stored.version });
    expect(await new LocalSecretStore(folder).getSecret('pseudo-key-careflow-insights')).toEqual(stored);
    expect(await readdir(folder)).toEqual(['pseudo-key-careflow-insights.json']);
  });

  (process.platform === 'win32' ? it.skip : it)('makes the key file readable by its owner only', async () => {
    // Prepare
    const file = path.join(folder, 'k.json');

    // Act
    await ensureLocalPseudonymisationKey(folder, 'k');

    // Assess
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('keeps the existing key on later runs and reports its version', async () => {
    // Prepare
    const first = await ensureLocalPseudonymisationKey(folder, 'k');
    const before = await readFile(path.join(folder, 'k.json'), 'utf8');

    // Act
    const second = await ensureLocalPseudonymisationKey(folder, 'k');

    // Assess
    expect(second).toEqual({ created: false, version: first.version });
    expect(await readFile(path.join(folder, 'k.json'), 'utf8')).toBe(before);
  });

  it('never replaces a key someone put there', async () => {
    // Prepare
    await mkdir(folder, { recursive: true });
    const existing = JSON.stringify({ value: 'b3BlcmF0b3Ita2V5', version: 'operator-v7' });
    await writeFile(path.join(folder, 'k.json'), existing);

    // Act
    const result = await ensureLocalPseudonymisationKey(folder, 'k');

    // Assess
    expect(result).toEqual({ created: false, version: 'operator-v7' });
    expect(await readFile(path.join(folder, 'k.json'), 'utf8')).toBe(existing);
  });

  it('generates a different key for each secret', async () => {
    // Prepare
    await ensureLocalPseudonymisationKey(folder, 'pseudo-key-careflow-insights');

    // Act
    await ensureLocalPseudonymisationKey(folder, 'pseudo-key-community-360');

    // Assess
    const store = new LocalSecretStore(folder);
    const one = await store.getSecret('pseudo-key-careflow-insights');
    const other = await store.getSecret('pseudo-key-community-360');
    expect(one.value).not.toBe(other.value);
  });

  it('leaves exactly one key when several first runs race', async () => {
    // Prepare
    const runs = Array.from({ length: 8 }, () => ensureLocalPseudonymisationKey(folder, 'k'));

    // Act
    const results = await Promise.all(runs);

    // Assess
    const stored = await new LocalSecretStore(folder).getSecret('k');
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(new Set(results.map((result) => result.version))).toEqual(new Set([stored.version]));
    expect(await readdir(folder)).toEqual(['k.json']);
  });
});
