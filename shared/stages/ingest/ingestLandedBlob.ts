import { createHash, randomUUID } from 'node:crypto';
import { firstStage, queueOf } from '../../chain/chain';
import { ErrorCodes } from '../../errors/errorCodes';
import { PipelineError } from '../../errors/pipelineError';
import { toError } from '../../errors/toError';
import { ExtractManifest } from '../../manifest/extractManifest';
import { StageMessage } from '../../messaging/stageMessage';
import { BlobPaths } from '../../storage/paths';
import { Zones } from '../../storage/zones';
import { LogLevel, TelemetryValue } from '../../telemetry/telemetry.port';
import { StageDependencies } from '../StageDependencies';
import { checkHeader } from './checkHeader';
import { extractCoverage } from './extractCoverage';
import { extractPrecedence } from './extractPrecedence';
import { parseLandedBlob } from './landedBlob';
import { scanExtract } from './scanExtract';

export type IngestStatus = 'accepted' | 'duplicate' | 'rejected';

export interface IngestOutcome {
  status: IngestStatus;
  path: string;
  flow?: string;
  extractId?: string;
  reason?: string;
  code?: string;
  messages: StageMessage[];
}

/**
 * A DSCRO drop landed in raw/landing/<flow>/: identify the flow, check the file, compute the extract id
 * (content hash), skip exact duplicates, keep an immutable accepted copy, record it and start the chain for
 * every product that uses the flow. A rejected file stays where it landed, with a copy and its reason in
 * quarantine. Idempotent: a redelivered event either resumes an unfinished ingest or records a duplicate.
 */
export async function ingestLandedBlob(path: string, dependencies: StageDependencies): Promise<IngestOutcome> {
  const { blobs, registry, manifests, clock } = dependencies;
  // One correlation id per landed file: it follows the extract into the manifest and every stage message.
  const correlationId = randomUUID();
  let landed;
  try {
    landed = parseLandedBlob(path);
  } catch (error) {
    return rejectUnidentified(path, toError(error), dependencies, correlationId);
  }
  if (!registry.hasFlow(landed.flow)) {
    return rejectUnidentified(path, new PipelineError(ErrorCodes.unknownFlow, `no flow is defined for folder '${landed.flow}'`, { flow: landed.flow }), dependencies, correlationId);
  }
  const flow = registry.flow(landed.flow);
  const scan = await scanExtract(await blobs.openRead(Zones.raw, path), landed.gzip);
  const extractId = scan.sha256.slice(0, 32);
  const header = checkHeader(scan, flow);
  const now = clock().toISOString();
  const precedence = extractPrecedence(landed.fileName, extractId);
  const existing = await manifests.read(flow.id, extractId);
  const products = registry.productsOfFlow(flow.id);
  const log = ingestLog(dependencies, products.map((product) => product.id), { correlationId: existing?.correlationId ?? correlationId, flow: flow.id, extractId });
  if (existing?.status === 'accepted' && existing.dispatchedAt) {
    await manifests.update(flow.id, extractId, (manifest) => manifest.duplicates.push({ fileName: landed.fileName, landedPath: path, at: now }));
    log('warn', 'duplicate extract skipped', { fileName: landed.fileName, duplicateCorrelationId: correlationId });
    return { status: 'duplicate', path, flow: flow.id, extractId, messages: [] };
  }
  const manifest: ExtractManifest = existing?.status === 'accepted'
    ? existing
    : {
        schemaVersion: 1,
        extractId,
        flow: flow.id,
        correlationId,
        fileName: landed.fileName,
        landedPath: `${Zones.raw}/${path}`,
        precedence,
        coverage: extractCoverage(landed.fileName),
        status: header.rejection ? 'rejected' : 'accepted',
        receivedAt: now,
        sizeBytes: scan.bytes,
        header: { columns: header.columns, unknownColumns: header.unknownColumns, missingColumns: header.missingColumns },
        duplicates: [],
        products: Object.fromEntries(products.map((product) => [product.id, { correlationId, stages: {} }])),
      };
  if (header.rejection) {
    const quarantinePath = BlobPaths.rejectedFile(flow.id, extractId, landed.fileName);
    await blobs.copy({ zone: Zones.raw, path }, { zone: Zones.quarantine, path: quarantinePath });
    const reason = { ...header.rejection, fileName: landed.fileName, landedPath: `${Zones.raw}/${path}`, extractId, at: now };
    await blobs.write(Zones.quarantine, BlobPaths.rejectedFileReason(flow.id, extractId), JSON.stringify(reason, null, 2), { contentType: 'application/json' });
    manifest.rejection = { ...header.rejection, quarantinePath: `${Zones.quarantine}/${quarantinePath}` };
    await writeManifest(dependencies, manifest);
    log('warn', `extract rejected: ${header.rejection.reason}`, { errorCode: header.rejection.code });
    return { status: 'rejected', path, flow: flow.id, extractId, reason: header.rejection.reason, code: header.rejection.code, messages: [] };
  }
  const acceptedPath = BlobPaths.acceptedExtract(flow.id, extractId, landed.gzip ? '.csv.gz' : '.csv');
  if (!(await blobs.exists(Zones.raw, acceptedPath))) await blobs.copy({ zone: Zones.raw, path }, { zone: Zones.raw, path: acceptedPath });
  manifest.acceptedPath = `${Zones.raw}/${acceptedPath}`;
  if (!existing) {
    const created = await manifests.create(manifest);
    if (!created) return ingestLandedBlob(path, dependencies); // a concurrent delivery won the race: re-read its manifest
  }
  const messages: StageMessage[] = products.map((product) => ({
    schemaVersion: 1,
    stage: firstStage,
    correlationId: manifest.products[product.id]?.correlationId ?? manifest.correlationId ?? correlationId,
    product: product.id,
    flow: flow.id,
    extractId,
    precedence: manifest.precedence,
    fileName: landed.fileName,
    blobs: [{ zone: Zones.raw, path: acceptedPath }],
  }));
  for (const message of messages) await dependencies.transport.send(queueOf(firstStage), message);
  await manifests.update(flow.id, extractId, (current) => {
    current.dispatchedAt = now;
  });
  log('info', 'extract accepted', { bytes: scan.bytes, unknownColumns: header.unknownColumns.join(',') });
  return { status: 'accepted', path, flow: flow.id, extractId, messages };
}

async function writeManifest(dependencies: StageDependencies, manifest: ExtractManifest): Promise<void> {
  const created = await dependencies.manifests.create(manifest);
  if (!created) await dependencies.manifests.update(manifest.flow, manifest.extractId, (current) => Object.assign(current, manifest));
}

/** No flow to file it under: the reason goes to quarantine/files/_unidentified/, the file stays where it landed. */
/**
 * Ingest serves every product of the flow at once, so each line is written once per product: a query by product
 * then sees its own ingests, like every later stage.
 */
function ingestLog(dependencies: StageDependencies, products: string[], dimensions: { correlationId: string; flow: string; extractId: string }) {
  return (level: LogLevel, message: string, properties: Record<string, TelemetryValue>) => {
    for (const product of products.length ? products : [undefined]) {
      dependencies.telemetry.log(level, message, { ...dimensions, stage: 'ingest', ...(product ? { product } : {}) }, properties);
    }
  };
}

/** Unidentified files have no flow, so no product: their lines carry the correlation id and stage only. */
async function rejectUnidentified(path: string, error: Error, dependencies: StageDependencies, correlationId: string): Promise<IngestOutcome> {
  const code = error instanceof PipelineError ? error.code : ErrorCodes.unreadableFile;
  const fileKey = createHash('sha256').update(path).digest('hex').slice(0, 32);
  const reason = { code, reason: error.message, landedPath: `${Zones.raw}/${path.slice(0, 400)}`, at: dependencies.clock().toISOString() };
  await dependencies.blobs.write(Zones.quarantine, BlobPaths.rejectedFileReason('_unidentified', fileKey), JSON.stringify(reason, null, 2), { contentType: 'application/json' });
  dependencies.telemetry.log('warn', `landed file rejected: ${error.message}`, { stage: 'ingest', correlationId }, { errorCode: code });
  return { status: 'rejected', path, reason: error.message, code, messages: [] };
}
