import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { BlobStore } from '../../../shared/storage/blob-store.port';
import { Zone } from '../../../shared/storage/zones';
import { RetryPolicy } from '../../../shared/warehouse/synapse/retryTransient';

/** The storage account URL the fake gives, as AzureBlobStore.urlOf would for a real account. */
export const accountUrl = 'https://stdscrotest.blob.core.windows.net';

/**
 * A BlobStore holding gzip CSV text by path: enough for the Synapse warehouse, which reads only a file's header
 * and asks for its URL (COPY INTO reads the rest inside Synapse).
 */
export function csvBlobStore(files: Record<string, string>): BlobStore {
  const unused = (name: string) => () => {
    throw new Error(`the Synapse warehouse should not call BlobStore.${name}`);
  };
  return {
    ensureZones: unused('ensureZones'),
    openRead: async (_zone: Zone, path: string) => {
      const text = files[path];
      if (text === undefined) throw new Error(`no blob ${path}`);
      return Readable.from([gzipSync(Buffer.from(text, 'utf8'))]);
    },
    readText: unused('readText'),
    write: unused('write'),
    copy: unused('copy'),
    exists: unused('exists'),
    stat: unused('stat'),
    list: unused('list'),
    delete: unused('delete'),
    urlOf: (zone: Zone, path: string) => `${accountUrl}/${zone}/${path}`,
  };
}

/** A retry policy that records its waits instead of sleeping, with jitter fixed at its midpoint. */
export function recordingRetryPolicy(maxAttempts = 6): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  return { maxAttempts, firstDelayMs: 5_000, maxDelayMs: 60_000, sleep: async (ms) => void waits.push(ms), random: () => 0.5, waits };
}

/** What tedious throws for a server error: a RequestError carrying the SQL error number. */
export function sqlServerError(number: number, message = `server error ${number}`): Error {
  return Object.assign(new Error(message), { name: 'RequestError', code: 'EREQUEST', number, class: 16, state: 1 });
}

/** What tedious throws when the socket or the request timed out. */
export function driverError(code: string): Error {
  return Object.assign(new Error(`driver error ${code}`), { name: 'ConnectionError', code });
}
