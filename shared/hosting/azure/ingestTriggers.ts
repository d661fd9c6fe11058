import { EventGridEvent, InvocationContext } from '@azure/functions';
import { ingestLandedBlob } from '../../stages/ingest/ingestLandedBlob';
import { blobPathFromSubject } from '../../stages/ingest/landedBlob';
import { StageDependencies } from '../../stages/StageDependencies';
import { Zones } from '../../storage/zones';
import { azureDependencies } from './azureDependencies';

const blobCreated = 'Microsoft.Storage.BlobCreated';

/** Event Grid BlobCreated on the raw container's landing folder (the subscription filters; this re-checks). */
export function ingestFromEventGrid(dependencies: () => Promise<StageDependencies> = azureDependencies) {
  return async (event: EventGridEvent, context: InvocationContext): Promise<void> => {
    if (event.eventType !== blobCreated) return;
    const { container, path } = blobPathFromSubject(event.subject);
    if (container !== Zones.raw) return;
    const outcome = await ingestLandedBlob(path, await dependencies());
    context.log(`ingest ${outcome.status}${outcome.extractId ? ` extract=${outcome.extractId}` : ''}${outcome.code ? ` code=${outcome.code}` : ''}`);
  };
}

/** Blob trigger (source: EventGrid): the binding supplies `raw/landing/<flow>/<file>` as blobTrigger. */
export function ingestFromBlobTrigger(dependencies: () => Promise<StageDependencies> = azureDependencies) {
  return async (_blob: unknown, context: InvocationContext): Promise<void> => {
    const triggerPath = String(context.triggerMetadata?.blobTrigger ?? '');
    const path = triggerPath.startsWith(`${Zones.raw}/`) ? triggerPath.slice(Zones.raw.length + 1) : triggerPath;
    const outcome = await ingestLandedBlob(path, await dependencies());
    context.log(`ingest ${outcome.status}${outcome.extractId ? ` extract=${outcome.extractId}` : ''}${outcome.code ? ` code=${outcome.code}` : ''}`);
  };
}
