import { DefinitionRegistry } from '../definitions/DefinitionRegistry';
import { EventPublisher } from '../events/event-publisher.port';
import { ManifestStore } from '../manifest/ManifestStore';
import { MessageTransport } from '../messaging/message-transport.port';
import { SecretStore } from '../secrets/secret-store.port';
import { BlobStore } from '../storage/blob-store.port';
import { Telemetry } from '../telemetry/telemetry.port';
import { Warehouse } from '../warehouse/warehouse.port';
import { WarehouseModel } from '../warehouse/warehouseModel';

/** Everything a stage may touch, chosen once by the composition root (Azure or local). */
export interface StageDependencies {
  blobs: BlobStore;
  transport: MessageTransport;
  secrets: SecretStore;
  events: EventPublisher;
  warehouse: Warehouse;
  registry: DefinitionRegistry;
  model: WarehouseModel;
  manifests: ManifestStore;
  telemetry: Telemetry;
  clock: () => Date;
}
