import { Command, InvalidArgumentError } from 'commander';
import { generateExtracts, generationDefaults, generatorFlows } from '../generate/generateExtracts';
import { toError } from '../errors/toError';
import { runCommand } from './runCommand';

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('expected a whole number');
  return parsed;
}

/** The `dscro-flows` command line: the package's bin and `npm start`. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('dscro-flows').description('NHS DSCRO extract pipeline: ingest, pseudonymise, map, link, load, assure.').showHelpAfterError();
  program
    .command('run')
    .description('run the whole chain locally (Azurite, local message bus, DuckDB) and serve the HTTP functions')
    .option('--input <dir>', 'folder of extracts as <dir>/<flow>/*.csv[.gz]; without it a synthetic data set is generated')
    .option('--state <dir>', 'state folder (blobs, warehouse, keys, reports)', '.local')
    .option('--once', 'stop after the run instead of serving on localhost', false)
    .option('--port <n>', 'HTTP port for the local functions', integer, 7071)
    .option('--seed <n>', 'seed for the synthetic data set', integer, generationDefaults.seed)
    .option('--patients <n>', 'patients in the synthetic data set', integer, 2000)
    .option('--months <n>', 'months in the synthetic data set', integer, generationDefaults.months)
    .action(async (options) => {
      exitCode = await runCommand(options, (line) => console.log(line));
    });
  program
    .command('generate')
    .description('write deterministic synthetic DSCRO extracts with planted defects and their exact counts')
    .requiredOption('--out <dir>', 'output folder (one sub-folder per flow, plus manifest.json)')
    .option('--seed <n>', 'random seed', integer, generationDefaults.seed)
    .option('--patients <n>', 'patients in the shared pool', integer, generationDefaults.patients)
    .option('--months <n>', 'months covered', integer, generationDefaults.months)
    .option('--rows <n>', 'exact rows per flow (benchmarks)', integer)
    .option('--flows <list>', `comma-separated flows (known: ${generatorFlows.join(', ')})`, (value: string) => value.split(',').map((flow) => flow.trim()), [...generatorFlows])
    .action(async (options) => {
      const manifest = await generateExtracts({ outDir: options.out, seed: options.seed, patients: options.patients, months: options.months, rows: options.rows, flows: options.flows });
      for (const file of manifest.generatedFiles) console.log(`${file.flow}: ${file.rows} rows in ${file.file}`);
      console.log(`planted defects: ${JSON.stringify(manifest.plantedDefects)}`);
    });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    console.error(`dscro-flows: ${toError(error).message}`);
    return 1;
  }
  return exitCode;
}
