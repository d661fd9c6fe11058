import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JsonLinesTelemetry } from '../telemetry/JsonLinesTelemetry';
import { createWriteStream } from 'node:fs';
import { generateExtracts, generatorFlows } from '../generate/generateExtracts';
import { ensureLocalPseudonymisationKey } from '../secrets/ensureLocalPseudonymisationKey';
import { DefinitionRegistry } from '../definitions/DefinitionRegistry';
import { LocalHost } from '../hosting/local/LocalHost';
import { startAzurite } from '../hosting/local/startAzurite';
import { startLocalHttpServer } from '../hosting/local/localHttpServer';
import { runExtracts } from '../hosting/local/runExtracts';
import { servedUrlLines } from '../hosting/local/servedUrlLines';
import { exitCodeOf, formatRunSummary } from '../hosting/local/runSummary';

export interface RunCommandOptions {
  input?: string;
  state: string;
  once: boolean;
  port: number;
  seed: number;
  patients: number;
  months: number;
}

/** `dscro-flows run`: the whole chain on a laptop, on embedded local defaults. Returns the exit code. */
export async function runCommand(options: RunCommandOptions, print: (line: string) => void): Promise<number> {
  const state = resolve(options.state);
  mkdirSync(state, { recursive: true });
  const azurite = await startAzurite({ location: join(state, 'azurite') });
  print(`Azurite blob service on 127.0.0.1:${azurite.port} (data in ${join(state, 'azurite')})`);
  for (const product of DefinitionRegistry.load().products()) {
    const key = await ensureLocalPseudonymisationKey(join(state, 'secrets'), product.keySecretName);
    if (key.created) print(`Generated a local pseudonymisation key for ${product.id} (version ${key.version}) in ${join(state, 'secrets')}; it never leaves this folder.`);
  }
  mkdirSync(join(state, 'logs'), { recursive: true });
  const telemetryFile = join(state, 'logs', 'telemetry.jsonl');
  const telemetry = new JsonLinesTelemetry(createWriteStream(telemetryFile, { flags: 'a' }));
  const warehouseFile = join(state, 'warehouse.duckdb');
  const host = await LocalHost.start({ stateDir: state, blobConnectionString: azurite.connectionString, telemetry, warehouseFile });
  const inputDir = options.input ? resolve(options.input) : join(state, 'input');
  if (!options.input) {
    print(`Generating synthetic DSCRO extracts (seed ${options.seed}, ${options.patients} patients, ${options.months} months) into ${inputDir}`);
    // Every flow of every defined product that the generator can synthesise, so each product runs end to end.
    const registry = DefinitionRegistry.load();
    const flows = generatorFlows.filter((flow) => registry.products().some((product) => product.flows.includes(flow)));
    await generateExtracts({ outDir: inputDir, seed: options.seed, patients: options.patients, months: options.months, flows });
  }
  const summary = await runExtracts(host, { inputDir, reportsDir: join(state, 'reports'), warehouseFile, progress: print });
  print(formatRunSummary(summary));
  print(`Telemetry: ${telemetryFile}`);
  const exitCode = exitCodeOf(summary);
  if (options.once) {
    await host.close();
    await azurite.stop();
    return exitCode;
  }
  const { url } = await startLocalHttpServer(host.dependencies, options.port);
  print(`Serving on ${url}`);
  for (const line of servedUrlLines(url, host.dependencies.registry.products())) print(line);
  print('Press Ctrl-C to stop.');
  await new Promise<void>((resolveStop) => process.once('SIGINT', () => resolveStop()));
  await host.close();
  await azurite.stop();
  return exitCode;
}
