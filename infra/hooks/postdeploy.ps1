# Windows twin of postdeploy.sh: the BlobCreated subscription needs the deployed ingest function.
$ErrorActionPreference = 'Stop'
$enabled = (azd env get-value INGEST_SUBSCRIPTION_ENABLED 2>$null)
if ($enabled -eq 'true') { exit 0 }
azd env set INGEST_SUBSCRIPTION_ENABLED true
azd provision --no-prompt
