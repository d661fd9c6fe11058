import { join } from 'node:path';
import type { TokenCredential } from '@azure/identity';
import { DefaultAzureCredential } from '@azure/identity';
import { BlobServiceClient } from '@azure/storage-blob';
import { SettingNames } from '../../config/settingNames';
import { DefinitionRegistry } from '../../definitions/DefinitionRegistry';
import { EventGridPublisher } from '../../events/event-grid-publisher';
import { EventPublisher } from '../../events/event-publisher.port';
import { LocalEventSink } from '../../events/local-event-sink';
import { ManifestStore } from '../../manifest/ManifestStore';
import { ServiceBusTransport } from '../../messaging/service-bus-transport';
import { KeyVaultSecretStore } from '../../secrets/key-vault-secret-store';
import { LocalSecretStore } from '../../secrets/local-secret-store';
import { SecretStore } from '../../secrets/secret-store.port';
import { StageDependencies } from '../../stages/StageDependencies';
import { AzureBlobStore } from '../../storage/azure-blob-store';
import { azureMonitorTelemetry } from '../../telemetry/azureMonitorTelemetry';
import { JsonLinesTelemetry } from '../../telemetry/JsonLinesTelemetry';
import { Telemetry } from '../../telemetry/telemetry.port';
import { buildWarehouseModel } from '../../warehouse/buildWarehouseModel';
import { DuckDbWarehouse } from '../../warehouse/DuckDbWarehouse';
import { prepareWarehouse } from '../../warehouse/prepareWarehouse';
import { SynapseWarehouse } from '../../warehouse/synapse/SynapseWarehouse';
import { TediousSqlSession } from '../../warehouse/synapse/TediousSqlSession';
import { Warehouse } from '../../warehouse/warehouse.port';

type Environment = Record<string, string | undefined>;

/**
 * The composition root for the Functions host: managed identity everywhere in Azure (identity-based settings),
 * connection strings only where an emulator needs them (Azurite, the Service Bus emulator).
 */
export async function createAzureDependencies(env: Environment = process.env, chosenTelemetry?: Telemetry): Promise<StageDependencies> {
  const credential = new DefaultAzureCredential();
  const telemetry = chosenTelemetry ?? telemetryFor(env, credential);
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
  const secrets = secretStore(env, credential);
  const events = eventPublisher(env, credential);
  const warehouse = await openWarehouse(env, blobs, credential);
  await prepareWarehouse(warehouse, model);
  return { blobs, transport, secrets, events, warehouse, registry, model, manifests: new ManifestStore(blobs), telemetry, clock: () => new Date() };
}

/** Application Insights through OpenTelemetry when the connection string is set; else JSON lines to the log stream. */
function telemetryFor(env: Environment, credential: TokenCredential): Telemetry {
  const connectionString = env[SettingNames.applicationInsightsConnectionString];
  return connectionString ? azureMonitorTelemetry(connectionString, credential) : new JsonLinesTelemetry(process.stdout);
}

/** Key Vault in Azure; on a laptop, the local key folder only when asked for explicitly. Never a default key. */
function secretStore(env: Environment, credential: TokenCredential): SecretStore {
  if (env[SettingNames.keyVaultUri]) return KeyVaultSecretStore.fromVaultUrl(env[SettingNames.keyVaultUri]!, credential);
  if (env[SettingNames.localStateDir]) return new LocalSecretStore(join(env[SettingNames.localStateDir]!, 'secrets'));
  throw new Error(`app setting ${SettingNames.keyVaultUri} is not set (or ${SettingNames.localStateDir} for a laptop run): no key, no processing`);
}

function eventPublisher(env: Environment, credential: TokenCredential): EventPublisher {
  if (env[SettingNames.eventGridTopicEndpoint]) return EventGridPublisher.fromEndpoint(env[SettingNames.eventGridTopicEndpoint]!, credential);
  if (env[SettingNames.localStateDir]) return new LocalEventSink(join(env[SettingNames.localStateDir]!, 'events'));
  throw new Error(`app setting ${SettingNames.eventGridTopicEndpoint} is not set (or ${SettingNames.localStateDir} for a laptop run)`);
}

/** One setting picks the warehouse; Synapse signs in with the same managed identity as everything else. */
async function openWarehouse(env: Environment, blobs: AzureBlobStore, credential: TokenCredential): Promise<Warehouse> {
  const kind = env[SettingNames.warehouseKind] ?? 'duckdb';
  if (kind === 'duckdb') return DuckDbWarehouse.open(env[SettingNames.duckDbPath] ?? '.local/warehouse.duckdb', blobs);
  if (kind === 'synapse') {
    const session = new TediousSqlSession({ server: required(env, SettingNames.synapseServer), database: required(env, SettingNames.synapseDatabase), credential });
    return new SynapseWarehouse(session, blobs);
  }
  throw new Error(`${SettingNames.warehouseKind}=${kind} is not supported; use duckdb or synapse`);
}

function required(env: Environment, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`app setting ${name} is not set`);
  return value;
}
