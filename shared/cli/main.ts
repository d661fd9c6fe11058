import { Command, InvalidArgumentError } from 'commander';
import { generateExtracts, generationDefaults, generatorFlows } from '../generate/generateExtracts';
import { toError } from '../errors/toError';
import { chain, StageName } from '../chain/chain';
import { deadLettersCommand } from './deadLettersCommand';
import { reprocessCommand } from './reprocessCommand';
import { runCommand } from './runCommand';

function list(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

function stage(value: string): StageName {
  const found = chain.find((link) => link.stage === value);
  if (!found) throw new InvalidArgumentError(`expected one of ${chain.map((link) => link.stage).join(', ')}`);
  return found.stage;
}

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
  const stateOption = ['--state <dir>', 'local state folder (ignored when DSCRO_SERVICEBUS or DSCRO_SERVICEBUS__fullyQualifiedNamespace is set)', '.local'] as const;
  const print = (line: string) => console.log(line);
  const deadletters = program.command('deadletters').description('list, replay or purge dead-lettered stage messages (Service Bus when configured, else the local state folder)');
  deadletters
    .command('list')
    .description('show each dead letter with its queue, message id, extract, flow, product, stage and reason')
    .option('--queue <queue>', 'one stage queue (default: all)')
    .option('--extract <id>', 'only this extract')
    .option(...stateOption)
    .action(async (options) => {
      exitCode = await deadLettersCommand('list', options, print);
    });
  deadletters
    .command('replay')
    .description('send dead letters back to their queue; locally, then run the chain until quiet')
    .requiredOption('--queue <queue>', 'the stage queue')
    .option('--ids <ids>', 'comma-separated message ids', list)
    .option('--extract <id>', 'every dead letter of this extract on the queue')
    .option(...stateOption)
    .action(async (options) => {
      exitCode = await deadLettersCommand('replay', options, print);
    });
  deadletters
    .command('purge')
    .description('discard dead letters for good (needs --yes)')
    .requiredOption('--queue <queue>', 'the stage queue')
    .option('--ids <ids>', 'comma-separated message ids', list)
    .option('--all', 'every dead letter on the queue', false)
    .option('--yes', 'confirm: purged dead letters cannot be recovered', false)
    .option(...stateOption)
    .action(async (options) => {
      exitCode = await deadLettersCommand('purge', options, print);
    });
  program
    .command('reprocess')
    .description('re-run an extract of the local state folder from a stage, then the chain until quiet')
    .requiredOption('--extract <id>', 'the extract id (content hash)')
    .requiredOption('--from <stage>', `the stage to start from (${chain.map((link) => link.stage).join(', ')})`, stage)
    .option('--product <id>', 'only this product (default: every product the extract was sent to)')
    .option('--state <dir>', 'local state folder', '.local')
    .action(async (options) => {
      exitCode = await reprocessCommand(options, print);
    });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    console.error(`dscro-flows: ${toError(error).message}`);
    return 1;
  }
  return exitCode;
}
