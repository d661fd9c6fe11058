import { BlobConditionFailed, BlobStore } from './blob-store.port';
import { Zone } from './zones';

/** Concurrent writers (link buckets, DQ runs) update the same small JSON blobs; etags keep their writes apart. */
const maxConflictRetries = 20;

/**
 * Read-modify-write of a JSON blob under its etag, retried when another writer got there first.
 * `initial` is used when the blob does not exist yet; without it a missing blob is an error.
 */
export async function updateJsonBlob<T>(blobs: BlobStore, zone: Zone, path: string, change: (value: T) => void, initial?: () => T): Promise<T> {
  for (let attempt = 0; attempt < maxConflictRetries; attempt += 1) {
    const found = await blobs.readText(zone, path);
    if (!found && !initial) throw new Error(`no blob at ${zone}/${path} to update`);
    const value = found ? (JSON.parse(found.text) as T) : initial!();
    change(value);
    try {
      await blobs.write(zone, path, JSON.stringify(value, null, 2), {
        contentType: 'application/json',
        ...(found ? { ifMatchEtag: found.etag } : { ifNoneMatchAny: true }),
      });
      return value;
    } catch (error) {
      if (!(error instanceof BlobConditionFailed)) throw error;
    }
  }
  throw new Error(`${zone}/${path} kept changing under ${maxConflictRetries} attempts`);
}
