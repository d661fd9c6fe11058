import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { stageOfQueue } from '../chain/chain';
import { DefinitionRegistry } from '../definitions/DefinitionRegistry';
import { toError } from '../errors/toError';
import { susApcFlow } from '../generate/flows/susApcGenerator';
import { LocalHost } from '../hosting/local/LocalHost';
import { RunningAzurite, startAzurite } from '../hosting/local/startAzurite';
import { StageRecord } from '../manifest/extractManifest';
import { ensureLocalPseudonymisationKey } from '../secrets/ensureLocalPseudonymisationKey';
import { JsonLinesTelemetry } from '../telemetry/JsonLinesTelemetry';
import { generateBenchExtract } from './generateBenchExtract';
import { PhasePeak, processMaxRssMiB, RssSampler } from './RssSampler';

type AzuriteMode = 'memory' | 'disk';

export interface BenchmarkOptions {
  rows: number;
  keep: boolean;
  /** Folder for the run's files; a fresh temporary folder when absent. */
  state?: string;
  azurite?: AzuriteMode;
  seed: number;
}

export interface StageFigures {
  rowsIn: number;
  rowsOut: number;
  ms: number;
  rowsPerSecond: number;
}

export interface BenchmarkResult {
  rows: number;
  azurite: AzuriteMode;
  generation: { seconds: number; peakRssMiB: number; bytes: number };
  stages: Record<'ingest' | 'pseudonymise' | 'map' | 'load' | 'link' | 'dq', StageFigures>;
  endToEnd: { seconds: number; rowsPerSecond: number };
  peakRssMiB: { sampled: number; chainSampled: number; maxRss: number };
  /** Sampled peak RSS while each stage ran; RSS the process already held counts towards later stages too. */
  stagePeaks: Record<string, PhasePeak>;
  azuriteRssMiB: { sampled: number; highWater?: number };
  deadLetters: number;
  benchDir: string;
}

/**
 * At or above this many rows Azurite keeps blobs on disk: in memory, the emulator's child process would hold
 * every stage's output of a million-row extract at once.
 */
const diskAzuriteFromRows = 500_000;
const stageOrder = ['pseudonymise', 'map', 'load', 'link', 'dq'] as const;

/**
 * The whole chain on one generated SUS+ APC extract of `rows` rows: Azurite, the local host and a file DuckDB
 * warehouse, exactly as `npm start` wires them. Per-stage durations come from the extract's manifest.
 */
export async function runBenchmark(options: BenchmarkOptions, print: (line: string) => void): Promise<BenchmarkResult> {
  const benchDir = prepareBenchDir(options.state);
  const azuriteMode: AzuriteMode = options.azurite ?? (options.rows >= diskAzuriteFromRows ? 'disk' : 'memory');
  const sampler = new RssSampler(100);
  sampler.start();
  let azurite: RunningAzurite | undefined;
  let host: LocalHost | undefined;
  try {
    print(`Bench folder: ${benchDir}`);
    const generated = await generateBenchExtract(join(benchDir, 'input'), options.rows, options.seed);
    const file = generated.manifest.generatedFiles.find((candidate) => candidate.flow === susApcFlow);
    if (!file) throw new Error(`the generator wrote no ${susApcFlow} extract`);
    const extractPath = join(benchDir, 'input', file.file);
    const bytes = statSync(extractPath).size;
    print(`Generated ${file.rows} ${susApcFlow} rows (${mib(bytes)} MiB) in ${seconds(generated.seconds)} s (${Math.round(perSecond(file.rows, generated.seconds * 1000))} rows/s, generator peak RSS ${mib1(generated.peakRssMiB)} MiB)`);

    azurite = await startAzurite(azuriteMode === 'disk' ? { location: join(benchDir, 'azurite') } : {});
    sampler.watchChild(azurite.pid);
    const registry = DefinitionRegistry.load();
    for (const product of registry.productsOfFlow(susApcFlow)) await ensureLocalPseudonymisationKey(join(benchDir, 'secrets'), product.keySecretName);
    mkdirSync(join(benchDir, 'logs'), { recursive: true });
    const telemetryStream = createWriteStream(join(benchDir, 'logs', 'telemetry.jsonl'));
    const telemetry = new JsonLinesTelemetry(telemetryStream);
    host = await LocalHost.start({ stateDir: benchDir, blobConnectionString: azurite.connectionString, telemetry, warehouseFile: join(benchDir, 'warehouse.duckdb') });
    print(`Azurite (${azuriteMode}) on port ${azurite.port}, DuckDB warehouse ${join(benchDir, 'warehouse.duckdb')}`);

    sampler.restartWindow();
    sampler.enterPhase('ingest');
    const dropStarted = performance.now();
    const ingest = await host.drop(susApcFlow, extractPath);
    const ingestMs = performance.now() - dropStarted;
    if (ingest.status !== 'accepted' || !ingest.extractId) throw new Error(`the extract was not accepted: ${ingest.status} ${ingest.reason ?? ''}`);
    let lastReport = 0;
    await host.runUntilQuiet((queue, pending) => {
      sampler.enterPhase(stageOfQueue(queue) ?? queue);
      if (performance.now() - lastReport > 5000) {
        lastReport = performance.now();
        print(`  ... ${queue} (${pending} queued), ${elapsed(dropStarted)} s`);
      }
    });
    const endToEndMs = performance.now() - dropStarted;
    sampler.enterPhase(undefined);
    sampler.sample();
    const chainPeak = sampler.windowPeakMiB;
    const azuriteHighWater = sampler.childHighWaterMiB();

    const deadLetters = host.bus.listAll();
    for (const letter of deadLetters) print(`dead letter on ${letter.queue}: ${letter.deadLetterErrorDescription}`);
    const manifest = await host.dependencies.manifests.read(susApcFlow, ingest.extractId);
    // One product uses SUS+ APC today; with more, the figures are the first product's.
    const product = registry.productsOfFlow(susApcFlow)[0];
    const records = manifest?.products[product.id]?.stages ?? {};
    const stages = {
      ingest: figures(file.rows, file.rows, ingestMs),
      ...Object.fromEntries(stageOrder.map((stage) => [stage, stageFigures(stage, records)])),
    } as BenchmarkResult['stages'];
    await new Promise<void>((done) => telemetryStream.end(done));
    sampler.stop();
    return {
      rows: file.rows,
      azurite: azuriteMode,
      generation: { seconds: generated.seconds, peakRssMiB: generated.peakRssMiB, bytes },
      stages,
      endToEnd: { seconds: endToEndMs / 1000, rowsPerSecond: (file.rows * 1000) / endToEndMs },
      peakRssMiB: { sampled: sampler.peakMiB, chainSampled: chainPeak, maxRss: processMaxRssMiB() },
      stagePeaks: Object.fromEntries(sampler.phasePeaks()),
      azuriteRssMiB: { sampled: sampler.childPeakMiB, highWater: azuriteHighWater },
      deadLetters: deadLetters.length,
      benchDir,
    };
  } finally {
    sampler.stop();
    await host?.close();
    await azurite?.stop();
    if (!options.keep) rmSync(benchDir, { recursive: true, force: true });
  }
}

/** Sums every record of the stage: link runs as one record per pseudonym-hash bucket (`link#<n>`). */
function stageFigures(stage: string, records: Record<string, StageRecord>): StageFigures {
  const mine = Object.entries(records).filter(([key]) => key === stage || key.startsWith(`${stage}#`)).map(([, record]) => record);
  const failed = mine.filter((record) => record.status !== 'succeeded');
  if (mine.length === 0 || failed.length > 0) throw new Error(`stage ${stage} did not succeed: ${failed.map((record) => record.error).join('; ') || 'no manifest record'}`);
  return figures(
    mine.reduce((sum, record) => sum + record.rowsIn, 0),
    mine.reduce((sum, record) => sum + record.rowsOut, 0),
    mine.reduce((sum, record) => sum + record.durationMs, 0),
  );
}

function figures(rowsIn: number, rowsOut: number, ms: number): StageFigures {
  return { rowsIn, rowsOut, ms: Math.round(ms), rowsPerSecond: Math.round(perSecond(rowsIn, ms)) };
}

export function formatBenchmark(result: BenchmarkResult): string[] {
  const lines = ['', `stage          rows in   rows out   seconds      rows/s   peak RSS MiB (V8 heap used, external)`];
  for (const [stage, figure] of Object.entries(result.stages)) {
    const peak = result.stagePeaks[stage];
    const memory = peak ? `${mib1(peak.rssMiB).padStart(8)} (${mib1(peak.heapUsedMiB)}, ${mib1(peak.externalMiB)})` : '';
    lines.push(`${stage.padEnd(12)} ${String(figure.rowsIn).padStart(9)} ${String(figure.rowsOut).padStart(10)} ${seconds(figure.ms / 1000).padStart(9)} ${String(figure.rowsPerSecond).padStart(11)}   ${memory}`);
  }
  lines.push(
    `end to end   ${String(result.rows).padStart(9)} ${''.padStart(10)} ${seconds(result.endToEnd.seconds).padStart(9)} ${String(Math.round(result.endToEnd.rowsPerSecond)).padStart(11)}`,
    '',
    `peak RSS, this process (sampled every 100 ms): ${mib1(result.peakRssMiB.sampled)} MiB`,
    `peak RSS, this process (resourceUsage maxRSS): ${mib1(result.peakRssMiB.maxRss)} MiB`,
    `peak RSS during the chain only (sampled):      ${mib1(result.peakRssMiB.chainSampled)} MiB`,
    `peak RSS, extract generator (child process):   ${mib1(result.generation.peakRssMiB)} MiB`,
    `peak RSS, Azurite ${result.azurite.padEnd(6)} (child process):   ${mib1(result.azuriteRssMiB.sampled)} MiB sampled, ${result.azuriteRssMiB.highWater === undefined ? 'n/a' : mib1(result.azuriteRssMiB.highWater)} MiB VmHWM`,
    `dead letters: ${result.deadLetters}`,
  );
  return lines;
}

function prepareBenchDir(state: string | undefined): string {
  if (!state) return mkdtempSync(join(tmpdir(), 'dscro-bench-'));
  const dir = resolve(state);
  // The run deletes its folder afterwards (unless --keep): refuse one that holds anything already.
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`--state ${dir} is not empty; give an empty or new folder`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function perSecond(rows: number, ms: number): number {
  return ms > 0 ? (rows * 1000) / ms : 0;
}

function elapsed(since: number): string {
  return seconds((performance.now() - since) / 1000);
}

function seconds(value: number): string {
  return value.toFixed(1);
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function mib1(value: number): string {
  return value.toFixed(1);
}

function wholeNumber(value: string): number {
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a positive whole number');
  return parsed;
}

function azuriteMode(value: string): AzuriteMode {
  if (value !== 'memory' && value !== 'disk') throw new InvalidArgumentError('expected memory or disk');
  return value;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command('bench')
    .description('generate a SUS+ APC extract and time it through the whole local chain')
    .option('--rows <n>', 'data rows to generate', wholeNumber, 100_000)
    .option('--keep', 'keep the bench folder (extract, warehouse, Azurite data, telemetry) afterwards', false)
    .option('--state <dir>', 'empty or new folder for the run (default: a new folder under the OS temp folder)')
    .option('--azurite <mode>', `where Azurite keeps blobs: memory or disk (default: disk from ${diskAzuriteFromRows} rows)`, azuriteMode)
    .option('--seed <n>', 'generator seed', wholeNumber, 1)
    .showHelpAfterError();
  program.parse(argv);
  const options = program.opts<{ rows: number; keep: boolean; state?: string; azurite?: AzuriteMode; seed: number }>();
  const result = await runBenchmark(options, (line) => console.log(line));
  for (const line of formatBenchmark(result)) console.log(line);
  if (options.keep) console.log(`Kept ${result.benchDir}`);
  console.log(JSON.stringify(summaryOf(result)));
  return result.deadLetters > 0 ? 1 : 0;
}

/** The one-line JSON for scripts: numbers rounded, no paths. */
function summaryOf(result: BenchmarkResult): Record<string, unknown> {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    rows: result.rows,
    azurite: result.azurite,
    generationSeconds: round(result.generation.seconds),
    stages: result.stages,
    endToEndSeconds: round(result.endToEnd.seconds),
    endToEndRowsPerSecond: Math.round(result.endToEnd.rowsPerSecond),
    peakRssMiB: round(result.peakRssMiB.sampled),
    maxRssMiB: round(result.peakRssMiB.maxRss),
    chainPeakRssMiB: round(result.peakRssMiB.chainSampled),
    stagePeakRssMiB: Object.fromEntries(Object.entries(result.stagePeaks).map(([stage, peak]) => [stage, round(peak.rssMiB)])),
    generatorPeakRssMiB: round(result.generation.peakRssMiB),
    azuritePeakRssMiB: round(result.azuriteRssMiB.highWater ?? result.azuriteRssMiB.sampled),
    deadLetters: result.deadLetters,
  };
}

if (require.main === module) {
  main(process.argv)
    .then((code) => (process.exitCode = code))
    .catch((error: unknown) => {
      console.error(`bench: ${toError(error).message}`);
      process.exitCode = 1;
    });
}
