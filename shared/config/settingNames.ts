/**
 * Every app setting the functions read, in one place: local.settings.sample.json, the Bicep templates and the
 * README table are checked against this list. Connection prefixes follow the Functions identity-based
 * connection convention (`<prefix>__blobServiceUri`, `<prefix>__fullyQualifiedNamespace`).
 */
export const SettingNames = {
  storageConnection: 'DSCRO_STORAGE',
  storageBlobServiceUri: 'DSCRO_STORAGE__blobServiceUri',
  serviceBusConnection: 'DSCRO_SERVICEBUS',
  serviceBusNamespace: 'DSCRO_SERVICEBUS__fullyQualifiedNamespace',
  keyVaultUri: 'KEY_VAULT_URI',
  eventGridTopicEndpoint: 'EVENT_GRID_TOPIC_ENDPOINT',
  warehouseKind: 'WAREHOUSE_KIND',
  duckDbPath: 'DUCKDB_PATH',
  /** WAREHOUSE_KIND=synapse: the dedicated SQL pool endpoint (`<workspace>.sql.azuresynapse.net`) and pool name. */
  synapseServer: 'SYNAPSE_SERVER',
  synapseDatabase: 'SYNAPSE_DATABASE',
  ingestTrigger: 'INGEST_TRIGGER',
  logLevel: 'DSCRO_LOG_LEVEL',
  /** Set by the platform when the app is linked to Application Insights; telemetry then goes there via OpenTelemetry. */
  applicationInsightsConnectionString: 'APPLICATIONINSIGHTS_CONNECTION_STRING',
  /** Laptop only (func start): where local keys and events live when Key Vault and Event Grid are not configured. */
  localStateDir: 'DSCRO_LOCAL_STATE_DIR',
} as const;

/** Binding connection names (the prefix the Functions host resolves). */
export const ConnectionNames = {
  storage: 'DSCRO_STORAGE',
  serviceBus: 'DSCRO_SERVICEBUS',
} as const;

export type WarehouseKind = 'duckdb' | 'synapse';
