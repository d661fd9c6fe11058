import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DqRunIndex, dqIndexPath } from '../../stages/dq/dqRunIndex';
import { IngestOutcome } from '../../stages/ingest/ingestLandedBlob';
import { extractStatusView, ExtractStatusView } from '../../status/extractStatus';
import { BlobPaths } from '../../storage/paths';
import { Zones } from '../../storage/zones';
import { listExtractFiles } from './listExtractFiles';
import { LocalHost } from './LocalHost';
import { RunSummary } from './runSummary';

export interface RunExtractsOptions {
  inputDir: string;
  reportsDir: string;
  warehouseFile: string;
  progress?: (line: string) => void;
}

/** Drops every extract under the input folder, runs the chain until quiet, and gathers what happened. */
export async function runExtracts(host: LocalHost, options: RunExtractsOptions): Promise<RunSummary> {
  const started = Date.now();
  const progress = options.progress ?? (() => undefined);
  const ingests: IngestOutcome[] = [];
  for (const extract of listExtractFiles(options.inputDir)) {
    const outcome = await host.drop(extract.flow, extract.file, extract.fileName);
    ingests.push(outcome);
    progress(`ingest ${outcome.status.padEnd(9)} ${extract.flow}/${extract.fileName}${outcome.reason ? `: ${outcome.reason}` : ''}`);
  }
  let lastReport = 0;
  await host.runUntilQuiet((queue, pending) => {
    if (Date.now() - lastReport > 1000 || pending === 0) {
      lastReport = Date.now();
      progress(`running ${queue} (${pending} queued)`);
    }
  });
  const { manifests, registry, blobs } = host.dependencies;
  const extracts: ExtractStatusView[] = [];
  for (const outcome of ingests) {
    if (!outcome.flow || !outcome.extractId) continue;
    const manifest = await manifests.read(outcome.flow, outcome.extractId);
    if (manifest && !extracts.some((seen) => seen.extractId === manifest.extractId)) extracts.push(extractStatusView(manifest));
  }
  const runExtractIds = new Set(extracts.map((extract) => extract.extractId));
  const dq: RunSummary['dq'] = [];
  for (const product of registry.products()) {
    const index = await blobs.readText(Zones.reports, dqIndexPath(product.id));
    const runs = index ? (JSON.parse(index.text) as DqRunIndex).runs.filter((run) => runExtractIds.has(run.extractId)) : [];
    for (const run of runs) await copyReport(host, product.id, run.runId, options.reportsDir);
    dq.push({ product: product.id, latest: runs[0], runs });
  }
  return {
    ingests,
    extracts,
    dq,
    deadLetters: host.bus.listAll(),
    warehouseFile: options.warehouseFile,
    reportsDir: options.reportsDir,
    seconds: (Date.now() - started) / 1000,
  };
}

/** DQ reports also land in the state folder, so they open straight from disk. */
async function copyReport(host: LocalHost, product: string, runId: string, reportsDir: string): Promise<void> {
  const folder = join(reportsDir, product);
  await mkdir(folder, { recursive: true });
  for (const [path, name] of [
    [BlobPaths.dqReportJson(product, runId), `${runId}.json`],
    [BlobPaths.dqReportHtml(product, runId), `${runId}.html`],
  ]) {
    const found = await host.dependencies.blobs.readText(Zones.reports, path);
    if (found) await writeFile(join(folder, name), found.text);
  }
}
