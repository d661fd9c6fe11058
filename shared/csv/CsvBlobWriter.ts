import { PassThrough } from 'node:stream';
import { createGzip } from 'node:zlib';
import Papa from 'papaparse';
import { BlobStore } from '../storage/blob-store.port';
import { Zone } from '../storage/zones';

/** Rows buffered before one unparse call: large enough to amortise the call, small enough to keep memory flat. */
const rowsPerFlush = 2000;

/**
 * Writes a gzip CSV blob row by row while uploading it, so an extract never sits whole in memory.
 * gzip CSV is what Synapse COPY INTO and DuckDB read_csv both load directly.
 */
export class CsvBlobWriter {
  private readonly gzip = createGzip({ level: 6 });
  private readonly body = new PassThrough();
  private readonly upload: Promise<string>;
  private pending: string[][] = [];
  private rowCount = 0;

  public constructor(
    blobs: BlobStore,
    zone: Zone,
    public readonly path: string,
    private readonly columns: readonly string[],
  ) {
    this.gzip.pipe(this.body);
    this.upload = blobs.write(zone, path, this.body, { contentType: 'text/csv', contentEncoding: undefined });
    this.pending.push([...columns]);
  }

  public get rows(): number {
    return this.rowCount;
  }

  public async writeRow(values: string[]): Promise<void> {
    this.pending.push(values);
    this.rowCount += 1;
    if (this.pending.length >= rowsPerFlush) await this.flush();
  }

  public async writeObject(row: Record<string, string>): Promise<void> {
    const values = new Array<string>(this.columns.length);
    for (let index = 0; index < this.columns.length; index += 1) values[index] = row[this.columns[index]] ?? '';
    await this.writeRow(values);
  }

  public async close(): Promise<string> {
    await this.flush();
    this.gzip.end();
    return this.upload;
  }

  private async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = Papa.unparse(this.pending, { newline: '\n' }) + '\n';
    this.pending = [];
    if (!this.gzip.write(text)) await new Promise<void>((resolve) => this.gzip.once('drain', () => resolve()));
  }
}
