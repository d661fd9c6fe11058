// Custom topic the dq stage publishes `DscroFlows.DataQuality.ReportPublished` events to (Event Grid schema).
param name string
param location string
param tags object = {}

resource topic 'Microsoft.EventGrid/topics@2022-06-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    inputSchema: 'EventGridSchema'
    // Publishers authenticate with Entra ID (EventGrid Data Sender); access keys are refused.
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output id string = topic.id
output name string = topic.name
output endpoint string = topic.properties.endpoint
