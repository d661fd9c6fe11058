import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventGridPublisher } from '../../../shared/events/event-grid-publisher';
import { LocalEventSink } from '../../../shared/events/local-event-sink';
import { createAzureDependencies } from '../../../shared/hosting/azure/createAzureDependencies';
import { RunningAzurite, startAzurite } from '../../../shared/hosting/local/startAzurite';
import { ServiceBusTransport } from '../../../shared/messaging/service-bus-transport';
import { KeyVaultSecretStore } from '../../../shared/secrets/key-vault-secret-store';
import { LocalSecretStore } from '../../../shared/secrets/local-secret-store';
import { CapturingTelemetry } from '../../../shared/telemetry/CapturingTelemetry';
import { DuckDbWarehouse } from '../../../shared/warehouse/DuckDbWarehouse';

/** The Service Bus emulator's documented development connection string (no secret in it). */
const emulatorServiceBus = 'Endpoint=sb://localhost;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;';

describe('createAzureDependencies picks adapters from app settings', () => {
  let azurite: RunningAzurite;
  const folder = mkdtempSync(join(tmpdir(), 'dscro-azure-deps-'));
  beforeAll(async () => {
    azurite = await startAzurite();
  });
  afterAll(async () => {
    await azurite.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('uses Key Vault and Event Grid when their endpoints are set', async () => {
    // Prepare
    const env = {
      DSCRO_STORAGE: azurite.connectionString,
      DSCRO_SERVICEBUS: emulatorServiceBus,
      KEY_VAULT_URI: 'https://kv-dscro-test.vault.azure.net/',
      EVENT_GRID_TOPIC_ENDPOINT: 'https://egt-dscro-test.uksouth-1.eventgrid.azure.net/api/events',
      DUCKDB_PATH: join(folder, 'a.duckdb'),
    };

    // Act
    const dependencies = await createAzureDependencies(env, new CapturingTelemetry());

    // Assess
    expect(dependencies.secrets).toBeInstanceOf(KeyVaultSecretStore);
    expect(dependencies.events).toBeInstanceOf(EventGridPublisher);
    expect(dependencies.transport).toBeInstanceOf(ServiceBusTransport);
    expect(dependencies.warehouse).toBeInstanceOf(DuckDbWarehouse);
    await dependencies.warehouse.close();
    await (dependencies.transport as ServiceBusTransport).close();
  });

  it('uses the local key folder and event sink only when a laptop state folder is named', async () => {
    // Prepare
    const env = { DSCRO_STORAGE: azurite.connectionString, DSCRO_SERVICEBUS: emulatorServiceBus, DSCRO_LOCAL_STATE_DIR: folder, DUCKDB_PATH: join(folder, 'b.duckdb') };

    // Act
    const dependencies = await createAzureDependencies(env, new CapturingTelemetry());

    // Assess
    expect(dependencies.secrets).toBeInstanceOf(LocalSecretStore);
    expect(dependencies.events).toBeInstanceOf(LocalEventSink);
    await dependencies.warehouse.close();
    await (dependencies.transport as ServiceBusTransport).close();
  });

  it('fails closed when no key source is configured, naming the setting', async () => {
    // Prepare
    const env = { DSCRO_STORAGE: azurite.connectionString, DSCRO_SERVICEBUS: emulatorServiceBus };

    // Act / Assess
    await expect(createAzureDependencies(env, new CapturingTelemetry())).rejects.toThrow(/KEY_VAULT_URI is not set.*no key, no processing/);
  });

  it('refuses a warehouse kind this build does not have', async () => {
    // Prepare
    const env = { DSCRO_STORAGE: azurite.connectionString, DSCRO_SERVICEBUS: emulatorServiceBus, DSCRO_LOCAL_STATE_DIR: folder, WAREHOUSE_KIND: 'oracle' };

    // Act / Assess
    await expect(createAzureDependencies(env, new CapturingTelemetry())).rejects.toThrow(/WAREHOUSE_KIND=oracle is not supported/);
  });
});
