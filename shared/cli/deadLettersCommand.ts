import { createAzureDeadLetterStore, hasServiceBus } from '../hosting/azure/createAzureDeadLetterStore';
import { localDeadLetterStore } from '../hosting/local/localDeadLetterStore';
import { openLocalState } from '../hosting/local/openLocalState';
import { DeadLetterStore } from '../messaging/dead-letter-store.port';
import { DeadLetterView, listDeadLetters, purgeDeadLetters, replayDeadLetters, stageQueues } from '../operations/deadLetterOperations';

export interface DeadLettersCommandOptions {
  state: string;
  queue?: string;
  ids?: string[];
  extract?: string;
  all?: boolean;
  yes?: boolean;
}

type Environment = Record<string, string | undefined>;

/**
 * `dscro-flows deadletters list|replay|purge`. With a Service Bus setting in the environment it acts on the
 * namespace's dead-letter queues (a replay goes back to the queue and the Functions host processes it); otherwise on
 * the local state folder, where a replay also runs the chain until quiet, as nothing else would pick it up.
 */
export async function deadLettersCommand(action: 'list' | 'replay' | 'purge', options: DeadLettersCommandOptions, print: (line: string) => void, env: Environment = process.env): Promise<number> {
  if (hasServiceBus(env)) {
    const store = createAzureDeadLetterStore(env);
    try {
      return await act(action, store, options, print, 'Service Bus');
    } finally {
      await store.close();
    }
  }
  if (action !== 'replay') return act(action, localDeadLetterStore(options.state), options, print, options.state);
  const state = await openLocalState(options.state);
  try {
    const exitCode = await act(action, state.host.bus, options, print, options.state);
    const deliveries = await state.host.runUntilQuiet();
    const remaining = await listDeadLetters(state.host.bus, stageQueues);
    print(`Ran the chain until quiet (${deliveries} deliveries); dead letters now: ${remaining.length}`);
    for (const letter of remaining) print(formatDeadLetter(letter));
    return exitCode;
  } finally {
    await state.close();
  }
}

async function act(action: 'list' | 'replay' | 'purge', store: DeadLetterStore, options: DeadLettersCommandOptions, print: (line: string) => void, where: string): Promise<number> {
  if (action === 'list') {
    const letters = await listDeadLetters(store, options.queue ? [options.queue] : stageQueues, { extractId: options.extract });
    print(`Dead letters (${where}): ${letters.length}`);
    for (const letter of letters) print(formatDeadLetter(letter));
    return 0;
  }
  if (!options.queue) throw new Error(`${action} needs --queue (one of ${stageQueues.join(', ')})`);
  if (action === 'replay') {
    const result = await replayDeadLetters(store, { queue: options.queue, ids: options.ids, extractId: options.extract });
    print(`Replayed ${result.done} of ${result.requested} dead letter(s) on ${result.queue}${result.messageIds.length ? `: ${result.messageIds.join(', ')}` : ''}`);
    return result.done === result.requested ? 0 : 1;
  }
  const result = await purgeDeadLetters(store, { queue: options.queue, ids: options.ids, all: options.all }, options.yes === true);
  print(`Purged ${result.done} dead letter(s) from ${result.queue}`);
  return 0;
}

export function formatDeadLetter(letter: DeadLetterView): string {
  const bucket = letter.bucket === undefined ? '' : ` bucket=${letter.bucket}`;
  return [
    `${letter.queue}  ${letter.messageId}`,
    `    extract=${letter.extractId} flow=${letter.flow} product=${letter.product} stage=${letter.stage}${bucket} deliveries=${letter.deliveryCount} enqueued=${letter.enqueuedAt}`,
    `    ${letter.reason}: ${letter.description}`,
  ].join('\n');
}
