import { StageName } from '../chain/chain';
import { openLocalState } from '../hosting/local/openLocalState';
import { reprocessExtract } from '../operations/reprocessExtract';

export interface ReprocessCommandOptions {
  state: string;
  extract: string;
  from: StageName;
  product?: string;
}

/** `dscro-flows reprocess`: re-runs an extract of the local state folder from a stage, then the chain until quiet. */
export async function reprocessCommand(options: ReprocessCommandOptions, print: (line: string) => void): Promise<number> {
  const state = await openLocalState(options.state);
  try {
    const deadLettersBefore = state.host.bus.listAll().length;
    const outcome = await reprocessExtract(state.host.dependencies, { extractId: options.extract, from: options.from, product: options.product });
    print(`Reprocessing ${outcome.flow} extract ${outcome.extractId} from ${outcome.from} for ${outcome.messages.map((message) => message.product).join(', ')}`);
    const deliveries = await state.host.runUntilQuiet();
    const manifest = await state.host.dependencies.manifests.read(outcome.flow, outcome.extractId);
    for (const [product, entry] of Object.entries(manifest?.products ?? {})) {
      for (const [stage, record] of Object.entries(entry.stages)) {
        print(`  ${product.padEnd(12)} ${stage.padEnd(12)} ${record.status.padEnd(13)} in=${record.rowsIn} out=${record.rowsOut} quarantined=${record.rowsQuarantined}`);
      }
    }
    const newDeadLetters = state.host.bus.listAll().length - deadLettersBefore;
    print(`Ran the chain until quiet (${deliveries} deliveries); new dead letters: ${newDeadLetters} (see dscro-flows deadletters list)`);
    return newDeadLetters > 0 ? 1 : 0;
  } finally {
    await state.close();
  }
}
