import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import { SettingNames } from '../../config/settingNames';
import { DefinitionRegistry } from '../../definitions/DefinitionRegistry';
import { EventGridPublisher } from '../../events/event-grid-publisher';
import { ManifestStore } from '../../manifest/ManifestStore';
import { ServiceBusTransport } from '../../messaging/service-bus-transport';
import { KeyVaultSecretStore } from '../../secrets/key-vault-secret-store';
import { StageDependencies } from '../../stages/StageDependencies';
import { AzureBlobStore } from '../../storage/azure-blob-store';
import { JsonLinesTelemetry } from '../../telemetry/JsonLinesTelemetry';
import { Telemetry } from '../../telemetry/telemetry.port';
import { buildWarehouseModel } from '../../warehouse/buildWarehouseModel';
import { DuckDbWarehouse } from '../../warehouse/DuckDbWarehouse';
import { prepareWarehouse } from '../../warehouse/prepareWarehouse';
import { Warehouse } from '../../warehouse/warehouse.port';

type Environment = Record<string, string | undefined>;

/**
 * The composition root for the Functions host: managed identity everywhere in Azure (identity-based settings),
 * connection strings only where an emulator needs them (Azurite, the Service Bus emulator).
 */
export async function createAzureDependencies(env: Environment = process.env, telemetry: Telemetry = new JsonLinesTelemetry(process.stdout)): Promise<StageDependencies> {
  const credential = new DefaultAzureCredential();
  const registry = DefinitionRegistry.load();
  const model = buildWarehouseModel(registry);
  const blobs = new AzureBlobStore(
    env[SettingNames.storageConnection]
      ? BlobServiceClient.fromConnectionString(env[SettingNames.storageConnection]!)
      : new BlobServiceClient(required(env, SettingNames.storageBlobServiceUri), credential),
  );
  const transport = env[SettingNames.serviceBusConnection]
    ? ServiceBusTransport.fromConnectionString(env[SettingNames.serviceBusConnection]!)
    : ServiceBusTransport.fromNamespace(required(env, SettingNames.serviceBusNamespace), credential);
  const secrets = KeyVaultSecretStore.fromVaultUrl(required(env, SettingNames.keyVaultUri), credential);
  const events = EventGridPublisher.fromEndpoint(required(env, SettingNames.eventGridTopicEndpoint), credential);
  const warehouse = await openWarehouse(env, blobs);
  await prepareWarehouse(warehouse, model);
  return { blobs, transport, secrets, events, warehouse, registry, model, manifests: new ManifestStore(blobs), telemetry, clock: () => new Date() };
}

async function openWarehouse(env: Environment, blobs: AzureBlobStore): Promise<Warehouse> {
  const kind = env[SettingNames.warehouseKind] ?? 'duckdb';
  if (kind === 'duckdb') return DuckDbWarehouse.open(env[SettingNames.duckDbPath] ?? '.local/warehouse.duckdb', blobs);
  throw new Error(`${SettingNames.warehouseKind}=${kind} is not supported by this build; use duckdb`);
}

function required(env: Environment, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`app setting ${name} is not set`);
  return value;
}
