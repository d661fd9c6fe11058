import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { scanExtract } from '../../../shared/stages/ingest/scanExtract';

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function streamOf(...chunks: Buffer[]): Readable {
  return Readable.from(chunks);
}

describe('scanExtract', () => {
  it('reads the header, hashes the whole file and counts its bytes', () => {
    // Prepare
    const file = Buffer.from('APCE_Ident,APCS_Ident\nE1,S1\nE2,S2\n', 'utf8');

    // Act
    const scanning = scanExtract(streamOf(file), false);

    // Assess
    return expect(scanning).resolves.toEqual({ sha256: sha256(file), bytes: file.length, headerLine: 'APCE_Ident,APCS_Ident', hasDataRows: true, isBlank: false, problem: undefined });
  });

  it('strips a byte order mark from the header but hashes it', async () => {
    // Prepare
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('A,B\n1,2\n')]);

    // Act
    const scan = await scanExtract(streamOf(file), false);

    // Assess
    expect(scan.headerLine).toBe('A,B');
    expect(scan.sha256).toBe(sha256(file));
    expect(scan.bytes).toBe(11);
  });

  it('drops the carriage return of a CRLF header', async () => {
    // Prepare
    const file = Buffer.from('A,B\r\n1,2\r\n');

    // Act
    const scan = await scanExtract(streamOf(file), false);

    // Assess
    expect(scan).toMatchObject({ headerLine: 'A,B', hasDataRows: true });
  });

  it('finds a CRLF header split between chunks, the CR ending one chunk', async () => {
    // Prepare
    const chunks = [Buffer.from('A,'), Buffer.from('B\r'), Buffer.from('\n1,2\r\n')];

    // Act
    const scan = await scanExtract(streamOf(...chunks), false);

    // Assess
    expect(scan).toMatchObject({ headerLine: 'A,B', hasDataRows: true, problem: undefined });
  });

  it.each([
    ['a header and its line ending', 'A,B\n'],
    ['a header without a line ending', 'A,B'],
    ['a header followed by blank lines', 'A,B\r\n\r\n  \n'],
  ])('reports no data rows for %s', async (_case, text) => {
    // Prepare
    const file = Buffer.from(text);

    // Act
    const scan = await scanExtract(streamOf(file), false);

    // Assess
    expect(scan).toMatchObject({ headerLine: 'A,B', hasDataRows: false, isBlank: false });
  });

  it('sees data rows that arrive in a later chunk than the header', async () => {
    // Prepare
    const chunks = [Buffer.from('A,B\n'), Buffer.from('\n'), Buffer.from('1,2\n')];

    // Act
    const scan = await scanExtract(streamOf(...chunks), false);

    // Assess
    expect(scan.hasDataRows).toBe(true);
  });

  it('reports an empty file as blank, with no bytes', async () => {
    // Prepare
    const empty = Buffer.alloc(0);

    // Act
    const scan = await scanExtract(streamOf(empty), false);

    // Assess
    expect(scan).toEqual({ sha256: sha256(empty), bytes: 0, headerLine: '', hasDataRows: false, isBlank: true, problem: undefined });
  });

  it.each([
    ['spaces and line breaks', ' \r\n \n\t\n'],
    ['a byte order mark only', '\uFEFF'],
  ])('reports a file of %s as blank', async (_case, text) => {
    // Prepare
    const file = Buffer.from(text, 'utf8');

    // Act
    const scan = await scanExtract(streamOf(file), false);

    // Assess
    expect(scan).toMatchObject({ isBlank: true, hasDataRows: false, bytes: file.length });
  });

  it('flags an invalid UTF-8 byte after the header, and still hashes the whole file', async () => {
    // Prepare: 0xff can never appear in UTF-8; 800 KiB follow it, well past any stream buffer
    const rest = Array.from({ length: 200 }, () => Buffer.from('2,3\n'.repeat(1024)));
    const chunks = [Buffer.from('A,B\n'), Buffer.from([0x31, 0x2c, 0xff, 0x0a]), ...rest];
    const file = Buffer.concat(chunks);

    // Act
    const scan = await scanExtract(streamOf(...chunks), false);

    // Assess
    expect(scan.problem).toBe('not_utf8');
    expect(scan.sha256).toBe(sha256(file));
    expect(scan.bytes).toBe(file.length);
  });

  it('flags a file that ends halfway through a multi-byte character', async () => {
    // Prepare: 0xc2 opens a two-byte character ("£" is c2 a3) that never completes
    const file = Buffer.concat([Buffer.from('A,B\n1,'), Buffer.from([0xc2])]);

    // Act
    const scan = await scanExtract(streamOf(file), false);

    // Assess
    expect(scan.problem).toBe('not_utf8');
  });

  it('decodes a multi-byte character split across two chunks', async () => {
    // Prepare: "Cost £" header with "£" (c2 a3) split between chunks
    const text = Buffer.from('Cost £,B\n1,2\n', 'utf8');
    const split = text.indexOf(0xc2) + 1;

    // Act
    const scan = await scanExtract(streamOf(text.subarray(0, split), text.subarray(split)), false);

    // Assess
    expect(scan).toMatchObject({ headerLine: 'Cost £,B', hasDataRows: true, problem: undefined });
  });

  it('reads a gzip extract, hashing the compressed bytes as landed', async () => {
    // Prepare
    const file = gzipSync(Buffer.from('\uFEFFA,B\r\n1,2\r\n', 'utf8'));

    // Act
    const scan = await scanExtract(streamOf(file), true);

    // Assess
    expect(scan).toEqual({ sha256: sha256(file), bytes: file.length, headerLine: 'A,B', hasDataRows: true, isBlank: false, problem: undefined });
  });

  it('flags a .gz file that is not gzip data', async () => {
    // Prepare
    const file = Buffer.from('A,B\n1,2\n');

    // Act
    const scan = await scanExtract(streamOf(file), true);

    // Assess
    expect(scan.problem).toBe('not_gzip');
  });

  it('flags a file with no line break in its first 64 KiB', async () => {
    // Prepare
    const chunks = Array.from({ length: 5 }, () => Buffer.alloc(16 * 1024, 0x41));

    // Act
    const scan = await scanExtract(streamOf(...chunks), false);

    // Assess
    expect(scan.problem).toBe('header_too_long');
    expect(scan.bytes).toBe(80 * 1024);
  });
});
