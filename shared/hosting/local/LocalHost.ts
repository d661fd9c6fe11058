import { createReadStream } from 'node:fs';
import { basename, join } from 'node:path';
import { chain, maxDeliveryCount } from '../../chain/chain';
import { DefinitionRegistry } from '../../definitions/DefinitionRegistry';
import { LocalEventSink } from '../../events/local-event-sink';
import { ManifestStore } from '../../manifest/ManifestStore';
import { LocalMessageBus, QueueHandler } from '../../messaging/local-message-bus';
import { LocalSecretStore } from '../../secrets/local-secret-store';
import { SecretStore } from '../../secrets/secret-store.port';
import { ingestLandedBlob, IngestOutcome } from '../../stages/ingest/ingestLandedBlob';
import { runStage } from '../../stages/runStage';
import { StageDependencies } from '../../stages/StageDependencies';
import { stageHandlers } from '../../stages/stageHandlers';
import { AzureBlobStore } from '../../storage/azure-blob-store';
import { BlobPaths } from '../../storage/paths';
import { Zones } from '../../storage/zones';
import { Telemetry } from '../../telemetry/telemetry.port';
import { buildWarehouseModel } from '../../warehouse/buildWarehouseModel';
import { DuckDbWarehouse } from '../../warehouse/DuckDbWarehouse';
import { prepareWarehouse } from '../../warehouse/prepareWarehouse';

export interface LocalHostOptions {
  stateDir: string;
  blobConnectionString: string;
  telemetry: Telemetry;
  /** Defaults to the state folder's secrets; tests pass their own. */
  secrets?: SecretStore;
  /** Defaults to <state>/warehouse.duckdb; ':memory:' for tests. */
  warehouseFile?: string;
  clock?: () => Date;
}

/**
 * Runs the same stage handlers as the Functions host, wired to local parts: Azurite for blobs, the local
 * message bus for Service Bus, DuckDB for the warehouse, a state folder for secrets and events.
 */
export class LocalHost {
  private constructor(
    public readonly dependencies: StageDependencies,
    public readonly bus: LocalMessageBus,
    public readonly events: LocalEventSink,
  ) {}

  public static async start(options: LocalHostOptions): Promise<LocalHost> {
    const registry = DefinitionRegistry.load();
    const model = buildWarehouseModel(registry);
    const blobs = AzureBlobStore.fromConnectionString(options.blobConnectionString);
    await blobs.ensureZones();
    const bus = new LocalMessageBus({ maxDeliveryCount, deadLetterFile: join(options.stateDir, 'dead-letters.json') });
    const events = new LocalEventSink(join(options.stateDir, 'events'));
    const warehouse = await DuckDbWarehouse.open(options.warehouseFile ?? join(options.stateDir, 'warehouse.duckdb'), blobs);
    await prepareWarehouse(warehouse, model);
    const dependencies: StageDependencies = {
      blobs,
      transport: bus,
      secrets: options.secrets ?? new LocalSecretStore(join(options.stateDir, 'secrets')),
      events,
      warehouse,
      registry,
      model,
      manifests: new ManifestStore(blobs),
      telemetry: options.telemetry,
      clock: options.clock ?? (() => new Date()),
    };
    return new LocalHost(dependencies, bus, events);
  }

  /** Uploads a file into raw/landing/<flow>/ and delivers the BlobCreated event, as Event Grid would. */
  public async drop(flow: string, file: string, fileName: string = basename(file)): Promise<IngestOutcome> {
    const path = BlobPaths.landing(flow, fileName);
    await this.dependencies.blobs.write(Zones.raw, path, createReadStream(file));
    return this.blobCreated(path);
  }

  public async dropContent(flow: string, fileName: string, content: string | Buffer): Promise<IngestOutcome> {
    const path = BlobPaths.landing(flow, fileName);
    await this.dependencies.blobs.write(Zones.raw, path, content);
    return this.blobCreated(path);
  }

  public blobCreated(path: string): Promise<IngestOutcome> {
    return ingestLandedBlob(path, this.dependencies);
  }

  /** Delivers queued messages until every queue is empty. */
  public async runUntilQuiet(onDelivery?: (queue: string, pending: number) => void): Promise<number> {
    return this.bus.drain(this.queueHandlers(), onDelivery);
  }

  public async close(): Promise<void> {
    await this.dependencies.warehouse.close();
  }

  private queueHandlers(): Map<string, QueueHandler> {
    return new Map(
      chain.map((link) => [link.queue, (body: unknown, deliveryCount: number) => runStage(link.stage, body, stageHandlers[link.stage], this.dependencies, deliveryCount).then(() => undefined)]),
    );
  }
}
