import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ErrorCodes } from '../../shared/errors/errorCodes';
import { PipelineError } from '../../shared/errors/pipelineError';
import { LocalSecretStore } from '../../shared/secrets/local-secret-store';

async function failureOf(pending: Promise<unknown>): Promise<unknown> {
  try {
    await pending;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('LocalSecretStore', () => {
  let state: string;
  let folder: string;

  beforeEach(async () => {
    state = await mkdtemp(path.join(tmpdir(), 'dscro-secrets-'));
    folder = path.join(state, 'secrets');
    await mkdir(folder);
  });

  afterEach(async () => {
    await rm(state, { recursive: true, force: true });
  });

  it('reads the value and version from <folder>/<name>.json', async () => {
    // Prepare
    await writeFile(path.join(folder, 'pseudo-key-careflow-insights.json'), JSON.stringify({ value: 'a2V5', version: '0a1b2c3d4e5f' }));
    const store = new LocalSecretStore(folder);

    // Act
    const found = await store.getSecret('pseudo-key-careflow-insights');

    // Assess
    expect(found).toEqual({ value: 'a2V5', version: '0a1b2c3d4e5f' });
  });

  it('fails closed, naming the secret and the folder, when the file is missing', async () => {
    // Prepare
    const store = new LocalSecretStore(folder);

    // Act
    const error = await failureOf(store.getSecret('pseudo-key-community-360'));

    // Assess
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ code: ErrorCodes.missingKey, permanent: true });
    expect((error as Error).message).toContain("'pseudo-key-community-360'");
    expect((error as Error).message).toContain(folder);
  });

  it.each([
    ['an empty value', JSON.stringify({ value: '', version: 'v1' })],
    ['no version', JSON.stringify({ value: 'a2V5' })],
    ['a value that is not text', JSON.stringify({ value: 42, version: 'v1' })],
    ['text that is not JSON', 'value=a2V5'],
    ['JSON null', 'null'],
  ])('fails closed on a file with %s', async (_case, content) => {
    // Prepare
    await writeFile(path.join(folder, 'k.json'), content);
    const store = new LocalSecretStore(folder);

    // Act
    const error = await failureOf(store.getSecret('k'));

    // Assess
    expect(error).toMatchObject({ code: ErrorCodes.missingKey, permanent: true });
  });

  it('refuses a name that could reach outside the folder', async () => {
    // Prepare
    await writeFile(path.join(state, 'outside.json'), JSON.stringify({ value: 'a2V5', version: 'v1' }));
    const store = new LocalSecretStore(folder);

    // Act
    const error = await failureOf(store.getSecret('../outside'));

    // Assess
    expect(error).toMatchObject({ code: ErrorCodes.missingKey });
  });
});
