#!/bin/sh
# Drops a file into raw/landing/<flow>/ on Azurite and delivers the BlobCreated event to the running `ingest`
# function, as Event Grid does in Azure (Azurite raises no events).
#   infra/local/drop-extract.sh sus-apc ./extracts/SUS_APC_20250131.csv
set -eu
flow="$1"
file="$2"
name="$(basename "$file")"
host="${FUNCTIONS_HOST:-http://localhost:7071}"

az storage container create --name raw --connection-string UseDevelopmentStorage=true --output none
az storage blob upload --connection-string UseDevelopmentStorage=true --overwrite \
  --container-name raw --name "landing/$flow/$name" --file "$file" --output none

size="$(wc -c < "$file" | tr -d ' ')"
now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
curl --fail --silent --show-error -X POST "$host/runtime/webhooks/EventGrid?functionName=ingest" \
  -H 'Content-Type: application/json' -H 'aeg-event-type: Notification' \
  -d "[{\"id\":\"local-$(date +%s)-$$\",\"topic\":\"/subscriptions/local/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1\",\"subject\":\"/blobServices/default/containers/raw/blobs/landing/$flow/$name\",\"eventType\":\"Microsoft.Storage.BlobCreated\",\"eventTime\":\"$now\",\"dataVersion\":\"\",\"metadataVersion\":\"1\",\"data\":{\"api\":\"PutBlob\",\"blobType\":\"BlockBlob\",\"contentLength\":$size,\"url\":\"http://127.0.0.1:10000/devstoreaccount1/raw/landing/$flow/$name\"}}]"
echo "landed raw/landing/$flow/$name; follow it with: curl '$host/api/status?flow=$flow'"
