// The data lake: the four zones of DESIGN.md §1 plus the Synapse workspace's file system.
// Shared keys are off, so every reader (Function App, Synapse, operators) comes in with Entra ID and a role.
param name string
param location string
param tags object = {}

@description('Standard_ZRS in production keeps the zones through a zone outage; Standard_LRS is enough for a test environment.')
param skuName string = 'Standard_ZRS'

@description('The zone containers (shared/storage/zones.ts).')
param zoneContainers array = [
  'raw'
  'quarantine'
  'processed'
  'reports'
]

@description('The Synapse workspace\'s default file system; holds nothing the pipeline writes.')
param synapseFileSystemName string = 'synapse'

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    isHnsEnabled: true
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    accessTier: 'Hot'
    networkAcls: {
      // Event Grid, Synapse COPY INTO and the Functions platform reach the account as trusted services.
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
  }
}

resource blobServices 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
  properties: {
    // A deleted extract or report can be brought back for a week; the pipeline itself never deletes.
    deleteRetentionPolicy: {
      enabled: true
      days: 7
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: 7
    }
  }
}

resource zones 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [for zone in zoneContainers: {
  parent: blobServices
  name: zone
  properties: {
    publicAccess: 'None'
  }
}]

resource synapseFileSystem 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobServices
  name: synapseFileSystemName
  properties: {
    publicAccess: 'None'
  }
}

output id string = account.id
output name string = account.name
output blobServiceUri string = account.properties.primaryEndpoints.blob
output queueServiceUri string = account.properties.primaryEndpoints.queue
output dfsServiceUri string = account.properties.primaryEndpoints.dfs
output synapseFileSystemName string = synapseFileSystem.name
