import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DefinitionRegistry } from '../definitions/DefinitionRegistry';
import { toError } from '../errors/toError';
import { generateExtracts } from '../generate/generateExtracts';
import { listExtractFiles } from '../hosting/local/listExtractFiles';
import { LocalHost } from '../hosting/local/LocalHost';
import { startAzurite } from '../hosting/local/startAzurite';
import { ensureLocalPseudonymisationKey } from '../secrets/ensureLocalPseudonymisationKey';
import { CapturingTelemetry } from '../telemetry/CapturingTelemetry';
import { processMaxRssMiB, RssSampler } from './RssSampler';

interface ProductBenchmarkOptions {
  product: string;
  rowsByFlow: Record<string, number>;
  state?: string;
  keep: boolean;
}

/**
 * A whole product on generated extracts: every flow of the product dropped in turn (as DSCRO delivers them)
 * through the local host, Azurite on disk and a file DuckDB warehouse. Per flow and stage: rows and rows/s from
 * the manifests; end to end: all rows over the wall time from first drop to quiet; peak RSS of this process.
 */
export async function runProductBenchmark(options: ProductBenchmarkOptions, print: (line: string) => void): Promise<void> {
  const registry = DefinitionRegistry.load();
  const product = registry.product(options.product);
  const benchDir = options.state ? resolve(options.state) : mkdtempSync(join(tmpdir(), `dscro-bench-${product.id}-`));
  mkdirSync(benchDir, { recursive: true });
  const sampler = new RssSampler();
  sampler.start();
  const generationStarted = Date.now();
  const manifest = await generateExtracts({ outDir: join(benchDir, 'input'), flows: product.flows, rowsByFlow: options.rowsByFlow, seed: 1 });
  print(`generated ${manifest.generatedFiles.map((file) => `${file.flow} ${file.rows}`).join(', ')} in ${((Date.now() - generationStarted) / 1000).toFixed(1)} s`);
  const azurite = await startAzurite({ location: join(benchDir, 'azurite') });
  await ensureLocalPseudonymisationKey(join(benchDir, 'secrets'), product.keySecretName);
  const host = await LocalHost.start({ stateDir: benchDir, blobConnectionString: azurite.connectionString, telemetry: new CapturingTelemetry(), warehouseFile: join(benchDir, 'warehouse.duckdb') });
  sampler.restartWindow();
  try {
    const started = Date.now();
    let totalRows = 0;
    for (const file of listExtractFiles(join(benchDir, 'input'))) {
      const flowStarted = Date.now();
      const outcome = await host.drop(file.flow, file.file, file.fileName);
      await host.runUntilQuiet();
      const seconds = (Date.now() - flowStarted) / 1000;
      const record = await host.dependencies.manifests.read(file.flow, outcome.extractId!);
      const stages = record?.products[product.id]?.stages ?? {};
      const rows = stages.pseudonymise?.rowsIn ?? 0;
      totalRows += rows;
      const perStage = Object.entries(stages)
        .filter(([stage]) => !stage.includes('#'))
        .map(([stage, value]) => `${stage} ${(value.durationMs / 1000).toFixed(1)} s (${Math.round(value.rowsIn / Math.max(value.durationMs / 1000, 0.001))} rows/s)`);
      const linkMs = Object.entries(stages).filter(([stage]) => stage.startsWith('link#')).reduce((sum, [, value]) => sum + value.durationMs, 0);
      print(`${file.flow}: ${rows} rows in ${seconds.toFixed(1)} s end to end (${Math.round(rows / seconds)} rows/s); ${perStage.join('; ')}; link (all buckets) ${(linkMs / 1000).toFixed(1)} s`);
    }
    const seconds = (Date.now() - started) / 1000;
    sampler.stop();
    print(`product ${product.id}: ${totalRows} rows in ${seconds.toFixed(1)} s (${Math.round(totalRows / seconds)} rows/s end to end); peak RSS during the chain ${sampler.windowPeakMiB} MiB, process max RSS ${processMaxRssMiB()} MiB; dead letters ${host.bus.listAll().length}`);
  } finally {
    await host.close();
    await azurite.stop();
    if (!options.keep && !options.state) rmSync(benchDir, { recursive: true, force: true });
  }
}

function rowsByFlow(value: string): Record<string, number> {
  const entries = value.split(',').map((pair) => pair.split('='));
  if (entries.some(([flow, rows]) => !flow || !Number.isInteger(Number(rows)) || Number(rows) <= 0)) throw new InvalidArgumentError('expected flow=rows[,flow=rows]');
  return Object.fromEntries(entries.map(([flow, rows]) => [flow.trim(), Number(rows)]));
}

if (require.main === module) {
  new Command('bench-product')
    .description('benchmark a whole product end to end on generated extracts')
    .requiredOption('--product <id>', 'careflow or community360')
    .requiredOption('--rows-by-flow <list>', 'e.g. sus-apc=1000000,prescribing=5000000', rowsByFlow)
    .option('--state <dir>', 'folder for the run')
    .option('--keep', 'keep the bench folder', false)
    .action(async (options) => {
      await runProductBenchmark({ product: options.product, rowsByFlow: options.rowsByFlow, state: options.state, keep: options.keep }, (line) => console.log(line));
    })
    .parseAsync(process.argv)
    .catch((error) => {
      console.error(`bench-product: ${toError(error).message}`);
      process.exit(1);
    });
}
