import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';

export interface ExtractScan {
  sha256: string;
  bytes: number;
  /** First line of the decoded text, without its line ending. */
  headerLine: string;
  hasDataRows: boolean;
  isBlank: boolean;
  problem?: 'not_utf8' | 'not_gzip' | 'header_too_long';
}

/** A header longer than this is not a DSCRO header: the file has no line breaks or is binary. */
const maxHeaderChars = 64 * 1024;

/**
 * One streaming pass over the landed file: content hash (the extract id), strict UTF-8 decoding, the header
 * line and whether any data follows. Nothing is kept but the header.
 */
export async function scanExtract(body: Readable, gzip: boolean): Promise<ExtractScan> {
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  body.on('error', (error) => tap.destroy(error));
  const tapped = body.pipe(tap);
  const text = gzip ? tapped.pipe(createGunzip()) : tapped;
  if (gzip) tapped.on('error', (error) => text.destroy(error));
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let header: string | undefined;
  let pending = '';
  let hasDataRows = false;
  let isBlank = true;
  let problem: ExtractScan['problem'];
  try {
    for await (const chunk of text as AsyncIterable<Buffer>) {
      if (problem) continue; // keep reading: the content hash covers the whole file
      let decoded: string;
      try {
        decoded = decoder.decode(chunk, { stream: true });
      } catch {
        problem = 'not_utf8';
        continue;
      }
      if (isBlank && /\S/.test(decoded)) isBlank = false;
      if (header === undefined) {
        pending += decoded;
        const newline = pending.indexOf('\n');
        if (newline >= 0) {
          header = pending.slice(0, newline).replace(/\r$/, '');
          if (/\S/.test(pending.slice(newline + 1))) hasDataRows = true;
          pending = '';
        } else if (pending.length > maxHeaderChars) {
          problem = 'header_too_long';
        }
      } else if (!hasDataRows && /\S/.test(decoded)) {
        hasDataRows = true;
      }
    }
    if (!problem) {
      try {
        decoder.decode();
      } catch {
        problem = 'not_utf8';
      }
    }
  } catch (error) {
    // A .gz that is not gzip fails inside zlib; the file is rejected with that reason.
    if (gzip && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('Z_')) problem = 'not_gzip';
    else throw error;
  }
  if (header === undefined) header = pending.replace(/\r$/, '');
  return { sha256: hash.digest('hex'), bytes, headerLine: header.replace(/^\uFEFF/, ''), hasDataRows, isBlank, problem };
}
