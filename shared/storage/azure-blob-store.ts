import { Readable } from 'node:stream';
import { BlobServiceClient, ContainerClient, RestError } from '@azure/storage-blob';
import { BlobConditionFailed, BlobInfo, BlobRef, BlobStore, TextWithEtag, WriteOptions } from './blob-store.port';
import { Zone, allZones } from './zones';

/** Upload tuning measured on 100k-row extracts: 4 MiB blocks, two in flight, keeps memory flat. */
const uploadBlockBytes = 4 * 1024 * 1024;
const uploadConcurrency = 2;

/**
 * The one blob adapter: Azurite locally and Azure Storage in the cloud, through @azure/storage-blob.
 * Retries on throttling and transient faults are the SDK's own pipeline policy, not ours.
 */
export class AzureBlobStore implements BlobStore {
  public constructor(private readonly service: BlobServiceClient) {}

  public static fromConnectionString(connectionString: string): AzureBlobStore {
    return new AzureBlobStore(BlobServiceClient.fromConnectionString(connectionString));
  }

  public async ensureZones(): Promise<void> {
    for (const zone of allZones) await this.container(zone).createIfNotExists();
  }

  public async openRead(zone: Zone, path: string): Promise<Readable> {
    const response = await this.container(zone).getBlobClient(path).download();
    const body = response.readableStreamBody;
    if (!body) throw new Error(`blob ${zone}/${path} has no body`);
    return body as Readable;
  }

  public async readText(zone: Zone, path: string): Promise<TextWithEtag | undefined> {
    try {
      const client = this.container(zone).getBlobClient(path);
      const response = await client.download();
      const chunks: Buffer[] = [];
      for await (const chunk of response.readableStreamBody as Readable) chunks.push(chunk as Buffer);
      return { text: Buffer.concat(chunks).toString('utf8'), etag: response.etag ?? '' };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  public async write(zone: Zone, path: string, body: Readable | Buffer | string, options: WriteOptions = {}): Promise<string> {
    const client = this.container(zone).getBlockBlobClient(path);
    const conditions = options.ifNoneMatchAny ? { ifNoneMatch: '*' } : options.ifMatchEtag ? { ifMatch: options.ifMatchEtag } : undefined;
    const blobHTTPHeaders = { blobContentType: options.contentType, blobContentEncoding: options.contentEncoding };
    try {
      if (body instanceof Readable) {
        const response = await client.uploadStream(body, uploadBlockBytes, uploadConcurrency, {
          blobHTTPHeaders,
          metadata: options.metadata,
          conditions,
        });
        return response.etag ?? '';
      }
      const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
      const response = await client.upload(buffer, buffer.length, { blobHTTPHeaders, metadata: options.metadata, conditions });
      return response.etag ?? '';
    } catch (error) {
      if (isConditionFailure(error)) throw new BlobConditionFailed(zone, path);
      throw error;
    }
  }

  public async copy(from: BlobRef, to: BlobRef): Promise<void> {
    const source = this.container(from.zone).getBlobClient(from.path);
    const target = this.container(to.zone).getBlockBlobClient(to.path);
    // Server-side copy: the bytes never pass through the function, whatever the extract's size.
    const poller = await target.beginCopyFromURL(source.url);
    await poller.pollUntilDone();
  }

  public async exists(zone: Zone, path: string): Promise<boolean> {
    return this.container(zone).getBlobClient(path).exists();
  }

  public async stat(zone: Zone, path: string): Promise<BlobInfo | undefined> {
    try {
      const properties = await this.container(zone).getBlobClient(path).getProperties();
      return { path, size: properties.contentLength ?? 0, etag: properties.etag, lastModified: properties.lastModified };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  public async *list(zone: Zone, prefix: string): AsyncIterable<BlobInfo> {
    for await (const item of this.container(zone).listBlobsFlat({ prefix })) {
      yield { path: item.name, size: item.properties.contentLength ?? 0, etag: item.properties.etag, lastModified: item.properties.lastModified };
    }
  }

  public async delete(zone: Zone, path: string): Promise<void> {
    await this.container(zone).getBlobClient(path).deleteIfExists();
  }

  public urlOf(zone: Zone, path: string): string {
    return this.container(zone).getBlobClient(path).url;
  }

  private container(zone: Zone): ContainerClient {
    return this.service.getContainerClient(zone);
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof RestError && error.statusCode === 404;
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof RestError && (error.statusCode === 412 || error.statusCode === 409);
}
