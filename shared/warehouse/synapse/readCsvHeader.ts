import { createGunzip } from 'node:zlib';
import Papa from 'papaparse';
import { BlobRef, BlobStore } from '../../storage/blob-store.port';

/** Far longer than any header the pipeline writes; a first line longer than this is not a CSV header. */
const maxHeaderBytes = 1024 * 1024;

/**
 * The column names in the first line of a gzip CSV blob. COPY INTO maps file fields by position, not by name, so
 * the loader reads the header (and only the header: the stream is dropped after the first line) to tell COPY
 * which field feeds which column, whatever order the writer used.
 */
export async function readCsvHeader(blobs: BlobStore, source: BlobRef): Promise<string[]> {
  const raw = await blobs.openRead(source.zone, source.path);
  const text = raw.pipe(createGunzip());
  let buffered = '';
  try {
    for await (const chunk of text) {
      buffered += (chunk as Buffer).toString('utf8');
      const end = buffered.indexOf('\n');
      if (end !== -1) {
        buffered = buffered.slice(0, end);
        break;
      }
      if (buffered.length > maxHeaderBytes) break;
    }
  } finally {
    text.destroy();
    raw.destroy();
  }
  const line = buffered.replace(/^\uFEFF/, '').replace(/\r$/, '');
  const parsed = Papa.parse<string[]>(line, { delimiter: ',' });
  return (parsed.data[0] ?? []).map((name) => name.trim());
}
