// Pseudonymisation keys, one secret per product (definitions/products/*.json keySecretName).
// RBAC mode: the Function App reads secrets through Key Vault Secrets User; there are no access policies.
param name string
param location string
param tags object = {}

@description('Secret name → value. Values come from @secure() parameters of main.bicep and are never defaulted.')
@secure()
param secrets object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    // A deleted key would make every pseudonym it produced unreproducible; keep it recoverable.
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource secretVersions 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secret in items(secrets): {
  parent: vault
  name: secret.key
  properties: {
    value: secret.value
    contentType: 'pseudonymisation key (HMAC-SHA256, UTF-8 bytes of the value)'
  }
}]

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
