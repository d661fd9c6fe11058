#!/bin/sh
# Event Grid validates an Azure Function destination against the deployed function, so the BlobCreated
# subscription to `ingest` cannot exist before the first code deployment. Turn it on once, then provision again.
set -eu
if [ "$(azd env get-value INGEST_SUBSCRIPTION_ENABLED 2>/dev/null || true)" = "true" ]; then
  exit 0
fi
azd env set INGEST_SUBSCRIPTION_ENABLED true
azd provision --no-prompt
