// Synapse workspace + dedicated SQL pool for WAREHOUSE_KIND=synapse. Entra-only authentication: no SQL logins.
// The workspace identity reads the processed zone for COPY INTO (Storage Blob Data Reader, below).
param workspaceName string
param sqlPoolName string
param location string
param tags object = {}

param storageAccountName string
param dfsServiceUri string
param fileSystemName string

@description('Dedicated SQL pool performance level.')
param sqlPoolSku string = 'DW100c'

@description('Entra ID object id of the SQL administrator (a group in production).')
param sqlAdministratorObjectId string

@description('Display name of that administrator.')
param sqlAdministratorLogin string

var storageBlobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource workspace 'Microsoft.Synapse/workspaces@2021-06-01' = {
  name: workspaceName
  location: location
  tags: tags
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    defaultDataLakeStorage: {
      accountUrl: dfsServiceUri
      filesystem: fileSystemName
      resourceId: storage.id
      createManagedPrivateEndpoint: false
    }
    azureADOnlyAuthentication: true
    trustedServiceBypassEnabled: true
    publicNetworkAccess: 'Enabled'
  }
}

resource entraOnly 'Microsoft.Synapse/workspaces/azureADOnlyAuthentications@2021-06-01' = {
  parent: workspace
  name: 'default'
  properties: {
    azureADOnlyAuthentication: true
  }
}

resource administrator 'Microsoft.Synapse/workspaces/administrators@2021-06-01' = {
  parent: workspace
  name: 'activeDirectory'
  properties: {
    administratorType: 'ActiveDirectory'
    login: sqlAdministratorLogin
    sid: sqlAdministratorObjectId
    tenantId: subscription().tenantId
  }
}

// Flex Consumption apps have no fixed outbound addresses; the Azure-services rule lets them reach the pool,
// which still demands an Entra token from an identity that has a database user.
resource allowAzureServices 'Microsoft.Synapse/workspaces/firewallRules@2021-06-01' = {
  parent: workspace
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

resource sqlPool 'Microsoft.Synapse/workspaces/sqlPools@2021-06-01' = {
  parent: workspace
  name: sqlPoolName
  location: location
  tags: tags
  sku: {
    name: sqlPoolSku
  }
  properties: {
    createMode: 'Default'
    collation: 'SQL_Latin1_General_CP1_CI_AS'
  }
}

resource copyIntoReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, workspace.id, storageBlobDataReader)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataReader)
    principalId: workspace.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output workspaceName string = workspace.name
output sqlServer string = '${workspace.name}.sql.azuresynapse.net'
output sqlDatabase string = sqlPool.name
