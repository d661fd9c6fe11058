// dscro-flows in one resource group: `azd up` (or `az deployment sub create`) deploys this file.
// Names are the azd convention: an abbreviation (abbreviations.json) plus a token unique to subscription,
// environment and region, so two environments never collide and a redeploy updates in place.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name (dev, test, prod); part of every resource name.')
param environmentName string

@minLength(1)
@description('Region for every resource (UK South for NHS data).')
param location string

@description('Memory per Function App instance (MB).')
@allowed([
  512
  2048
  4096
])
param functionInstanceMemoryMB int = 2048

@description('Upper bound on Function App instances.')
@minValue(40)
@maxValue(1000)
param functionMaximumInstanceCount int = 100

@description('Data lake redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
])
param dataStorageSku string = 'Standard_ZRS'

@description('Dedicated SQL pool performance level (DW100c … DW30000c).')
param synapseSqlPoolSku string = 'DW100c'

@description('Entra ID object id of the Synapse SQL administrator; azd fills in the signed-in user.')
param synapseAdministratorObjectId string

@description('Display name of the Synapse SQL administrator.')
param synapseAdministratorLogin string

@description('Telemetry retention (days).')
param logRetentionInDays int = 90

@description('eventgrid: Event Grid subscription to the ingest function. blob: blob trigger with source EventGrid.')
@allowed([
  'eventgrid'
  'blob'
])
param ingestTrigger string = 'eventgrid'

@description('Create the BlobCreated subscription; false until the ingest function is deployed (infra/hooks/postdeploy.sh).')
param ingestSubscriptionEnabled bool = false

@description('Minimum level of the JSON telemetry lines.')
@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string = 'info'

@description('Action group every alert notifies; empty deploys the alerts without notifications.')
param alertActionGroupId string = ''

@description('Per flow: the longest expected gap between two landed extracts (ISO 8601 duration).')
param expectedLandingIntervals object

@description('CareFlow Insights pseudonymisation key (secret pseudonymisation-key-careflow). Never defaulted: set it with `azd env set`.')
@secure()
param pseudonymisationKeyCareflow string

@description('Community 360 pseudonymisation key (secret pseudonymisation-key-community360). Never defaulted: set it with `azd env set`.')
@secure()
param pseudonymisationKeyCommunity360 string

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  workload: 'dscro-flows'
}

// The chain (shared/chain/chain.ts): one queue per stage, dead-lettered after maxDeliveryCount deliveries.
var stageQueues = [
  'dscro-pseudonymise'
  'dscro-map'
  'dscro-load'
  'dscro-link'
  'dscro-dq'
]
var maxDeliveryCount = 5

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module observability 'modules/observability.bicep' = {
  name: 'observability'
  scope: rg
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module dataStorage 'modules/storage.bicep' = {
  name: 'data-storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    skuName: dataStorageSku
    zoneContainers: [
      'raw'
      'quarantine'
      'processed'
      'reports'
    ]
  }
}

module hostStorage 'modules/host-storage.bicep' = {
  name: 'host-storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}fn${resourceToken}'
    location: location
    tags: tags
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'service-bus'
  scope: rg
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
    queueNames: stageQueues
    maxDeliveryCount: maxDeliveryCount
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: '${abbrs.keyVaultVaults}${resourceToken}'
    location: location
    tags: tags
    // Secret names are the products' keySecretName (definitions/products/*.json).
    secrets: {
      'pseudonymisation-key-careflow': pseudonymisationKeyCareflow
      'pseudonymisation-key-community360': pseudonymisationKeyCommunity360
    }
  }
}

module dqTopic 'modules/dq-topic.bicep' = {
  name: 'dq-topic'
  scope: rg
  params: {
    name: '${abbrs.eventGridDomainsTopics}dq-${resourceToken}'
    location: location
    tags: tags
  }
}

module synapse 'modules/synapse.bicep' = {
  name: 'synapse'
  scope: rg
  params: {
    workspaceName: '${abbrs.synapseWorkspaces}${resourceToken}'
    sqlPoolName: '${abbrs.synapseWorkspacesSqlPoolsDedicated}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: dataStorage.outputs.name
    dfsServiceUri: dataStorage.outputs.dfsServiceUri
    fileSystemName: dataStorage.outputs.synapseFileSystemName
    sqlPoolSku: synapseSqlPoolSku
    sqlAdministratorObjectId: synapseAdministratorObjectId
    sqlAdministratorLogin: synapseAdministratorLogin
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    planName: '${abbrs.webServerFarms}${resourceToken}'
    name: '${abbrs.webSitesFunctions}${resourceToken}'
    location: location
    tags: tags
    hostStorageName: hostStorage.outputs.name
    deploymentContainerUri: hostStorage.outputs.deploymentContainerUri
    instanceMemoryMB: functionInstanceMemoryMB
    maximumInstanceCount: functionMaximumInstanceCount
    // Identity-based connections only: URIs and names, never keys or connection strings with secrets.
    appSettings: {
      DSCRO_STORAGE__blobServiceUri: dataStorage.outputs.blobServiceUri
      DSCRO_STORAGE__queueServiceUri: dataStorage.outputs.queueServiceUri
      DSCRO_SERVICEBUS__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      KEY_VAULT_URI: keyVault.outputs.uri
      EVENT_GRID_TOPIC_ENDPOINT: dqTopic.outputs.endpoint
      WAREHOUSE_KIND: 'synapse'
      SYNAPSE_SERVER: synapse.outputs.sqlServer
      SYNAPSE_DATABASE: synapse.outputs.sqlDatabase
      INGEST_TRIGGER: ingestTrigger
      DSCRO_LOG_LEVEL: logLevel
      // With DisableLocalAuth the connection string is an address, not a credential: ingestion also needs an
      // Entra token from an identity with Monitoring Metrics Publisher, which the next setting asks for.
      APPLICATIONINSIGHTS_CONNECTION_STRING: observability.outputs.connectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
    }
  }
}

module functionRoles 'modules/function-roles.bicep' = {
  name: 'function-roles'
  scope: rg
  params: {
    principalId: functionApp.outputs.principalId
    dataStorageName: dataStorage.outputs.name
    hostStorageName: hostStorage.outputs.name
    serviceBusName: serviceBus.outputs.name
    keyVaultName: keyVault.outputs.name
    dqTopicName: dqTopic.outputs.name
    applicationInsightsName: observability.outputs.applicationInsightsName
  }
}

module ingest 'modules/ingest-subscription.bicep' = {
  name: 'ingest-subscription'
  scope: rg
  params: {
    systemTopicName: '${abbrs.eventGridSystemTopics}${resourceToken}'
    subscriptionName: '${abbrs.eventGridEventSubscriptions}ingest'
    location: location
    tags: tags
    storageAccountId: dataStorage.outputs.id
    functionAppId: functionApp.outputs.id
    // The blob trigger brings its own subscription (see infra/README.md); only the eventgrid mode needs this one.
    enableSubscription: ingestSubscriptionEnabled && ingestTrigger == 'eventgrid'
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: rg
  params: {
    location: location
    tags: tags
    namePrefix: resourceToken
    applicationInsightsId: observability.outputs.applicationInsightsId
    serviceBusId: serviceBus.outputs.id
    queueNames: stageQueues
    actionGroupId: alertActionGroupId
    expectedLandingIntervals: expectedLandingIntervals
  }
}

module workbook 'modules/workbook.bicep' = {
  name: 'workbook'
  scope: rg
  params: {
    location: location
    tags: tags
    environmentName: environmentName
    applicationInsightsId: observability.outputs.applicationInsightsId
  }
}

// azd copies these into .azure/<env>/.env; the app settings above use the same values.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = dataStorage.outputs.name
output DSCRO_STORAGE__blobServiceUri string = dataStorage.outputs.blobServiceUri
output DSCRO_STORAGE__queueServiceUri string = dataStorage.outputs.queueServiceUri
output DSCRO_SERVICEBUS__fullyQualifiedNamespace string = serviceBus.outputs.fullyQualifiedNamespace
output KEY_VAULT_URI string = keyVault.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output EVENT_GRID_TOPIC_ENDPOINT string = dqTopic.outputs.endpoint
output WAREHOUSE_KIND string = 'synapse'
output SYNAPSE_SERVER string = synapse.outputs.sqlServer
output SYNAPSE_DATABASE string = synapse.outputs.sqlDatabase
output SYNAPSE_WORKSPACE_NAME string = synapse.outputs.workspaceName
output INGEST_TRIGGER string = ingestTrigger
output APPLICATIONINSIGHTS_CONNECTION_STRING string = observability.outputs.connectionString
