import { BlobConditionFailed, BlobStore } from '../storage/blob-store.port';
import { updateJsonBlob } from '../storage/updateJsonBlob';
import { BlobPaths } from '../storage/paths';
import { Zones } from '../storage/zones';
import { ExtractManifest, StageRecord } from './extractManifest';

export class ManifestStore {
  public constructor(private readonly blobs: BlobStore) {}

  public async read(flow: string, extractId: string): Promise<ExtractManifest | undefined> {
    const found = await this.blobs.readText(Zones.reports, BlobPaths.extractManifest(flow, extractId));
    return found ? (JSON.parse(found.text) as ExtractManifest) : undefined;
  }

  /** Writes a new manifest; false when one already exists (the extract was seen before). */
  public async create(manifest: ExtractManifest): Promise<boolean> {
    try {
      await this.blobs.write(Zones.reports, BlobPaths.extractManifest(manifest.flow, manifest.extractId), serialise(manifest), {
        contentType: 'application/json',
        ifNoneMatchAny: true,
      });
      return true;
    } catch (error) {
      if (error instanceof BlobConditionFailed) return false;
      throw error;
    }
  }

  /** Read-modify-write under the blob's etag (see updateJsonBlob). */
  public async update(flow: string, extractId: string, change: (manifest: ExtractManifest) => void): Promise<ExtractManifest> {
    return updateJsonBlob<ExtractManifest>(this.blobs, Zones.reports, BlobPaths.extractManifest(flow, extractId), change);
  }

  public async recordStage(flow: string, extractId: string, product: string, stageKey: string, record: StageRecord, correlationId: string): Promise<void> {
    await this.update(flow, extractId, (manifest) => {
      const entry = (manifest.products[product] ??= { correlationId, stages: {} });
      const previous = entry.stages[stageKey];
      entry.stages[stageKey] = { ...record, attempts: (previous?.attempts ?? 0) + 1 };
    });
  }

  public async *listFlow(flow: string): AsyncIterable<ExtractManifest> {
    for await (const blob of this.blobs.list(Zones.reports, BlobPaths.extractManifestPrefix(flow))) {
      const found = await this.blobs.readText(Zones.reports, blob.path);
      if (found) yield JSON.parse(found.text) as ExtractManifest;
    }
  }
}

function serialise(manifest: ExtractManifest): string {
  return JSON.stringify(manifest, null, 2);
}
