import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';

export interface CsvRecord {
  /** 1-based record number in the file, header included: line N of a file without embedded newlines. */
  line: number;
  fields: string[];
}

/**
 * Streams RFC 4180 records from a CSV (optionally gzip) without holding the file in memory.
 * papaparse was chosen by measurement over csv-parse (about 4x faster on SUS+ shaped rows).
 */
export async function* readCsvRecords(body: Readable, options: { gzip: boolean }): AsyncGenerator<CsvRecord> {
  const text = options.gzip ? body.pipe(createGunzip()) : body;
  // Decoded here, not by papaparse: it decodes each Buffer chunk on its own, so a character whose bytes straddle
  // two chunks (common at gunzip and download boundaries) would become replacement characters.
  text.setEncoding('utf8');
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter: ',', skipEmptyLines: 'greedy' }) as unknown as NodeJS.ReadWriteStream;
  text.on('error', (error) => parser.emit('error', error));
  text.pipe(parser);
  let line = 0;
  for await (const fields of parser as unknown as AsyncIterable<string[]>) {
    line += 1;
    if (line === 1 && fields.length > 0) fields[0] = stripByteOrderMark(fields[0]);
    yield { line, fields };
  }
}

export function isGzipPath(path: string): boolean {
  return path.toLowerCase().endsWith('.gz');
}

function stripByteOrderMark(value: string): string {
  return value.charCodeAt(0) === 0xfeff ? value.slice(1) : value;
}
