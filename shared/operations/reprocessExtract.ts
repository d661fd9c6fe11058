import { chain, queueOf, StageName } from '../chain/chain';
import { DefinitionRegistry } from '../definitions/DefinitionRegistry';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { ExtractManifest } from '../manifest/extractManifest';
import { ManifestStore } from '../manifest/ManifestStore';
import { MessageTransport } from '../messaging/message-transport.port';
import { StageMessage } from '../messaging/stageMessage';
import { BlobStore } from '../storage/blob-store.port';
import { BlobPaths } from '../storage/paths';
import { Zone, Zones } from '../storage/zones';

export interface ReprocessRequest {
  extractId: string;
  from: StageName;
  /** Defaults to every product the extract was dispatched to. */
  product?: string;
}

export interface ReprocessDependencies {
  blobs: BlobStore;
  manifests: ManifestStore;
  transport: MessageTransport;
  registry: DefinitionRegistry;
}

export interface ReprocessOutcome {
  flow: string;
  extractId: string;
  from: StageName;
  messages: StageMessage[];
}

/**
 * Re-runs an accepted extract from any stage by sending the message that stage would have received, rebuilt from
 * the manifest: claim-check paths are deterministic (storage/paths.ts), the key version and the periods come from
 * what earlier stages recorded. Every stage overwrites its own output and load merges by business key with the
 * same load batch id, so the warehouse ends as if the extract had run once, with today's code and reference data.
 */
export async function reprocessExtract(dependencies: ReprocessDependencies, request: ReprocessRequest): Promise<ReprocessOutcome> {
  if (!chain.some((link) => link.stage === request.from)) {
    throw new PipelineError(ErrorCodes.invalidOperation, `'${request.from}' is not a stage (known: ${chain.map((link) => link.stage).join(', ')})`);
  }
  const manifest = await findManifest(dependencies, request.extractId);
  if (manifest.status !== 'accepted' || !manifest.acceptedPath) {
    throw new PipelineError(ErrorCodes.reprocessInputMissing, `extract ${manifest.extractId} was not accepted at ingest, so there is nothing to reprocess`, { extractId: manifest.extractId, flow: manifest.flow });
  }
  const products = Object.keys(manifest.products).filter((product) => !request.product || product === request.product);
  if (products.length === 0) {
    throw new PipelineError(ErrorCodes.invalidOperation, `extract ${manifest.extractId} was not dispatched to product ${request.product}`, { extractId: manifest.extractId, flow: manifest.flow });
  }
  const messages: StageMessage[] = [];
  for (const product of products) messages.push(await stageMessageFor(dependencies.blobs, manifest, product, request.from));
  for (const message of messages) await dependencies.transport.send(queueOf(message.stage), message);
  return { flow: manifest.flow, extractId: manifest.extractId, from: request.from, messages };
}

async function findManifest(dependencies: ReprocessDependencies, extractId: string): Promise<ExtractManifest> {
  for (const flow of dependencies.registry.flows()) {
    const manifest = await dependencies.manifests.read(flow.id, extractId);
    if (manifest) return manifest;
  }
  throw new PipelineError(ErrorCodes.reprocessInputMissing, `no manifest for extract ${extractId} in any flow`, { extractId });
}

/** The message `from` would have received, as the stage before it built it. */
async function stageMessageFor(blobs: BlobStore, manifest: ExtractManifest, product: string, from: StageName): Promise<StageMessage> {
  const { extractId, flow } = manifest;
  const stages = manifest.products[product].stages;
  const context = { extractId, flow, product, stage: from };
  const base: StageMessage = {
    schemaVersion: 1,
    stage: from,
    correlationId: manifest.products[product].correlationId,
    product,
    flow,
    extractId,
    precedence: manifest.precedence,
    fileName: manifest.fileName,
    blobs: [],
  };
  if (from === 'pseudonymise') {
    return { ...base, blobs: [await existing(blobs, Zones.raw, withoutZone(manifest.acceptedPath!, Zones.raw), context)] };
  }
  const keyVersion = stages.pseudonymise?.status === 'succeeded' ? (stages.pseudonymise.details?.keyVersion as string | undefined) : undefined;
  if (!keyVersion) throw missing(`pseudonymise has not succeeded for extract ${extractId}; reprocess from pseudonymise`, context);
  // Load records every month its batch touched (including months rows moved out of); earlier stages' months are a subset.
  const loadedPeriods = stages.load?.status === 'succeeded' ? ((stages.load.details?.periods as string[] | undefined) ?? []) : [];
  const mapped = BlobPaths.stageOutput(product, flow, 'mapped', extractId);
  switch (from) {
    case 'map':
      return { ...base, keyVersion, periods: loadedPeriods, blobs: [await existing(blobs, Zones.processed, BlobPaths.stageOutput(product, flow, 'pseudonymised', extractId), context)] };
    case 'load':
      return { ...base, keyVersion, periods: loadedPeriods, blobs: [await existing(blobs, Zones.processed, mapped, context)] };
    case 'link':
    case 'dq':
      if (stages.load?.status !== 'succeeded') throw missing(`load has not succeeded for extract ${extractId}; reprocess from load or earlier`, context);
      return { ...base, keyVersion, periods: loadedPeriods, blobs: from === 'link' ? [{ zone: Zones.processed, path: mapped }] : [] };
  }
}

async function existing(blobs: BlobStore, zone: Zone, path: string, context: Record<string, string>): Promise<{ zone: Zone; path: string }> {
  if (!(await blobs.exists(zone, path))) throw missing(`the input of ${context.stage} (${zone}/${path}) is missing`, context);
  return { zone, path };
}

function withoutZone(path: string, zone: Zone): string {
  return path.startsWith(`${zone}/`) ? path.slice(zone.length + 1) : path;
}

function missing(message: string, context: Record<string, string>): PipelineError {
  return new PipelineError(ErrorCodes.reprocessInputMissing, message, context);
}
