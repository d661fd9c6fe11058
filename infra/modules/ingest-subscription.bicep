// Event Grid system topic on the data lake and the BlobCreated subscription that drives `ingest`.
// Only drops under raw/landing/ start the chain; the pipeline's own writes (accepted copies, outputs) do not.
param systemTopicName string
param subscriptionName string
param location string
param tags object = {}

param storageAccountId string

@description('Function App resource id; the subscription targets its `ingest` function.')
param functionAppId string

@description('Off until the code is deployed: Event Grid validates that the target function exists.')
param enableSubscription bool

resource systemTopic 'Microsoft.EventGrid/systemTopics@2022-06-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storageAccountId
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

resource ingestSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2022-06-15' = if (enableSubscription) {
  parent: systemTopic
  name: subscriptionName
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'AzureFunction'
      properties: {
        resourceId: '${functionAppId}/functions/ingest'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/raw/blobs/landing/'
      advancedFilters: [
        {
          // On a hierarchical namespace a Data Lake upload raises BlobCreated for CreateFile (still empty) and
          // again for FlushWithClose; only completed writes are extracts.
          operatorType: 'StringIn'
          key: 'data.api'
          values: [
            'PutBlob'
            'PutBlockList'
            'CopyBlob'
            'FlushWithClose'
          ]
        }
      ]
    }
    retryPolicy: {
      // Ingest is idempotent (extract id = content hash), so retrying for a day costs nothing but time.
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
  }
}

output systemTopicName string = systemTopic.name
