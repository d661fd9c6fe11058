// The operations workbook (infra/monitoring/workbook.json, built from the .kql files), shared in the resource group
// and bound to Application Insights.
param location string
param tags object = {}
param environmentName string
param applicationInsightsId string

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  // Workbook names must be GUIDs; derived so a redeploy updates the same workbook.
  name: guid(resourceGroup().id, 'dscro-flows-operations')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'dscro-flows operations (${environmentName})'
    category: 'workbook'
    sourceId: applicationInsightsId
    version: 'Notebook/1.0'
    serializedData: loadTextContent('../monitoring/workbook.json')
  }
}

output id string = workbook.id
