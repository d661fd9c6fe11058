import { app } from '@azure/functions';
import { ConnectionNames, SettingNames } from '../shared/config/settingNames';
import { ingestFromBlobTrigger, ingestFromEventGrid } from '../shared/hosting/azure/ingestTriggers';

// One trigger per deployment (INGEST_TRIGGER): Event Grid in Azure, the EventGrid-sourced blob trigger where
// the storage extension's own subscription is preferred. Both call the same idempotent ingest.
if ((process.env[SettingNames.ingestTrigger] ?? 'eventgrid') === 'blob') {
  app.storageBlob('ingest', {
    connection: ConnectionNames.storage,
    path: 'raw/landing/{flow}/{name}',
    source: 'EventGrid',
    handler: ingestFromBlobTrigger(),
  });
} else {
  app.eventGrid('ingest', { handler: ingestFromEventGrid() });
}
