import { Readable } from 'node:stream';
import { Zone } from './zones';

export interface BlobRef {
  zone: Zone;
  path: string;
}

export interface BlobInfo {
  path: string;
  size: number;
  etag?: string;
  lastModified?: Date;
}

export interface WriteOptions {
  contentType?: string;
  contentEncoding?: string;
  metadata?: Record<string, string>;
  /** Write only when the blob does not exist (immutable copies) or still has this etag (optimistic concurrency). */
  ifNoneMatchAny?: boolean;
  ifMatchEtag?: string;
}

export interface TextWithEtag {
  text: string;
  etag: string;
}

/** Blob storage as the stages see it: four containers, streaming reads and writes, conditional writes. */
export interface BlobStore {
  ensureZones(): Promise<void>;
  openRead(zone: Zone, path: string): Promise<Readable>;
  readText(zone: Zone, path: string): Promise<TextWithEtag | undefined>;
  /** Streams `body` into the blob; returns its etag. */
  write(zone: Zone, path: string, body: Readable | Buffer | string, options?: WriteOptions): Promise<string>;
  copy(from: BlobRef, to: BlobRef): Promise<void>;
  exists(zone: Zone, path: string): Promise<boolean>;
  stat(zone: Zone, path: string): Promise<BlobInfo | undefined>;
  list(zone: Zone, prefix: string): AsyncIterable<BlobInfo>;
  delete(zone: Zone, path: string): Promise<void>;
  /** A URL the warehouse can load from (Synapse COPY INTO reads it with its managed identity). */
  urlOf(zone: Zone, path: string): string;
}

/** Thrown by conditional writes that lost a race; callers re-read and retry. */
export class BlobConditionFailed extends Error {
  public constructor(zone: Zone, path: string) {
    super(`blob ${zone}/${path} changed since it was read`);
    this.name = 'BlobConditionFailed';
  }
}
