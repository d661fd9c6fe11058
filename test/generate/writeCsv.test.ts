import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { writeCsv } from '../../shared/generate/writeCsv';

describe('writeCsv', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'write-csv-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes one header then every batch, quoting only values that need it', async () => {
    // Prepare
    const header = ['id', 'note'];
    const batches = [[['1', 'plain']], [['2', 'has, comma'], ['3', 'has "quotes"']], [], [['4', 'two\nlines']]];
    const file = join(folder, 'notes.csv');

    // Act
    const rows = await writeCsv(file, header, batches);

    // Assess
    expect(rows).toBe(4);
    const text = await readFile(file, 'utf8');
    expect(text).toBe('id,note\r\n1,plain\r\n2,"has, comma"\r\n3,"has ""quotes"""\r\n4,"two\nlines"\r\n');
    expect(Papa.parse(text.trimEnd()).data).toEqual([header, ...batches.flat()]);
  });

  it('gzips when the name ends in .csv.gz, with the same text inside', async () => {
    // Prepare
    const header = ['a', 'b'];
    const batches = [[['1', '2']], [['3', ''], ['', '4']]];

    // Act
    await writeCsv(join(folder, 'plain.csv'), header, batches);
    await writeCsv(join(folder, 'packed.csv.gz'), header, batches);

    // Assess
    const plain = await readFile(join(folder, 'plain.csv'), 'utf8');
    const packed = gunzipSync(await readFile(join(folder, 'packed.csv.gz'))).toString('utf8');
    expect(packed).toBe(plain);
    expect(plain).toBe('a,b\r\n1,2\r\n3,\r\n,4\r\n');
  });

  it('keeps rows with a different number of cells as they are', async () => {
    // Prepare
    const file = join(folder, 'ragged.csv');

    // Act
    await writeCsv(file, ['a', 'b', 'c'], [[['1', '2'], ['1', '2', '3', '']]]);

    // Assess
    expect(await readFile(file, 'utf8')).toBe('a,b,c\r\n1,2\r\n1,2,3,\r\n');
  });
});
