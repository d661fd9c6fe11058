import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { CsvRecord, isGzipPath, readCsvRecords } from '../../shared/csv/readCsvRecords';

async function recordsOf(chunks: Buffer[], gzip = false): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  for await (const record of readCsvRecords(Readable.from(chunks), { gzip })) records.push(record);
  return records;
}

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

describe('readCsvRecords', () => {
  it('numbers records from 1, header included', async () => {
    // Prepare
    const file = utf8('a,b\n1,2\n3,4\n');

    // Act
    const records = await recordsOf([file]);

    // Assess
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('strips a byte order mark from the first field', async () => {
    // Prepare
    const file = utf8('\uFEFFa,b\n1,2\n');

    // Act
    const records = await recordsOf([file]);

    // Assess
    expect(records[0].fields).toEqual(['a', 'b']);
  });

  it('strips a byte order mark whose bytes are split across chunks', async () => {
    // Prepare: the mark is ef bb bf; the first chunk ends after ef
    const file = utf8('\uFEFFa,b\n1,2\n');

    // Act
    const records = await recordsOf([file.subarray(0, 1), file.subarray(1)]);

    // Assess
    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads CRLF line endings without a trailing carriage return', async () => {
    // Prepare
    const file = utf8('a,b\r\n1,2\r\n3,4\r\n');

    // Act
    const records = await recordsOf([file]);

    // Assess
    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', async () => {
    // Prepare
    const file = utf8('a,b\n"Smith, J",1\n"line one\nline two",2\n"said ""hello""",3\n');

    // Act
    const records = await recordsOf([file]);

    // Assess
    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['Smith, J', '1'],
      ['line one\nline two', '2'],
      ['said "hello"', '3'],
    ]);
  });

  it('numbers records, not physical lines, after a quoted line break', async () => {
    // Prepare: the third record starts on physical line 4
    const file = utf8('a,b\n"x\ny",1\nz,2\n');

    // Act
    const records = await recordsOf([file]);

    // Assess
    expect(records.map((record) => record.line)).toEqual([1, 2, 3]);
    expect(records[2].fields).toEqual(['z', '2']);
  });

  it('skips blank and whitespace-only lines without numbering them', async () => {
    // Prepare
    const file = utf8('a,b\n\n1,2\n   \n\n3,4\n\n');

    // Act
    const records = await recordsOf([file]);

    // Assess
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('reads a gzip file', async () => {
    // Prepare
    const file = gzipSync(utf8('\uFEFFa,b\r\n"x,y",2\r\n'));

    // Act
    const records = await recordsOf([file], true);

    // Assess
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x,y', '2'] },
    ]);
  });

  it('reads a quoted field split across chunks', async () => {
    // Prepare
    const file = utf8('a,b\n"Smith, J",1\n');
    const split = file.indexOf(',', 6);

    // Act
    const records = await recordsOf([file.subarray(0, split), file.subarray(split)]);

    // Assess
    expect(records.map((record) => record.fields)).toEqual([
      ['a', 'b'],
      ['Smith, J', '1'],
    ]);
  });

  it('keeps a multi-byte character whose bytes are split across chunks', async () => {
    // Prepare: "£" is c2 a3; the first chunk ends after c2
    const file = utf8('a,b\n£12,é\n');
    const split = file.indexOf(0xc2) + 1;

    // Act
    const records = await recordsOf([file.subarray(0, split), file.subarray(split)]);

    // Assess
    expect(records[1].fields).toEqual(['£12', 'é']);
  });

  it('keeps multi-byte characters split at gzip output boundaries', async () => {
    // Prepare: 20,000 rows of "é€" make sure the gunzip output chunks cut through characters
    const rows = Array.from({ length: 20_000 }, (_, index) => `${index},é€`);
    const file = gzipSync(utf8(['n,text', ...rows].join('\n')));

    // Act
    const records = await recordsOf([file], true);

    // Assess
    expect(records).toHaveLength(20_001);
    expect(records.filter((record) => record.fields[1] !== 'é€').map((record) => record.line)).toEqual([1]);
  });
});

describe('isGzipPath', () => {
  it.each([
    ['landing/sus-apc/x.csv.gz', true],
    ['landing/sus-apc/X.CSV.GZ', true],
    ['landing/sus-apc/x.csv', false],
  ])('says whether %s is gzip', (path, expected) => {
    // Prepare: path as stored

    // Act
    const gzip = isGzipPath(path);

    // Assess
    expect(gzip).toBe(expected);
  });
});
