import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import Papa from 'papaparse';

/** RFC 4180 line ends, as SQL Server exports reaching the DSCRO usually have. */
const newline = '\r\n';

/**
 * Streams a header and batches of rows to `filePath`, gzip-compressed when the name ends in .csv.gz, and
 * returns the number of data rows written. Papa Parse does the quoting; the stream pipeline only pulls the
 * next batch once the file has taken the previous one, so memory stays flat however many rows there are.
 */
export async function writeCsv(
  filePath: string,
  header: readonly string[],
  batches: Iterable<readonly (readonly string[])[]> | AsyncIterable<readonly (readonly string[])[]>,
): Promise<number> {
  let rows = 0;
  async function* csvText(): AsyncGenerator<string> {
    yield Papa.unparse([header as string[]], { newline }) + newline;
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      rows += batch.length;
      yield Papa.unparse(batch as string[][], { newline }) + newline;
    }
  }
  // One batch of text buffered ahead is enough to keep the disk busy.
  const source = Readable.from(csvText(), { highWaterMark: 1 });
  const file = createWriteStream(filePath);
  if (filePath.endsWith('.csv.gz')) await pipeline(source, createGzip(), file);
  else await pipeline(source, file);
  return rows;
}
