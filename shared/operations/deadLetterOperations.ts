import { chain, StageName, stageOfQueue } from '../chain/chain';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { DeadLetterStore } from '../messaging/dead-letter-store.port';
import { DeadLetter } from '../messaging/message-transport.port';
import { scrubIdentifiers } from '../telemetry/scrubIdentifiers';

/**
 * What an operator sees of a dead letter: where it sits, which extract and step it was, and why it failed.
 * Stage messages carry references only (claim-check), so nothing here can identify a patient; the description
 * still passes the telemetry scrubber, as it is shown on screens and in HTTP answers.
 */
export interface DeadLetterView {
  queue: string;
  messageId: string;
  extractId: string;
  flow: string;
  product: string;
  stage: string;
  bucket?: number;
  correlationId: string;
  reason: string;
  description: string;
  deliveryCount: number;
  enqueuedAt: string;
}

export interface DeadLetterFilter {
  extractId?: string;
  flow?: string;
  product?: string;
  /** Per queue; the default reads far more than a healthy namespace ever holds. */
  max?: number;
}

export interface ReplayRequest {
  queue: string;
  ids?: string[];
  extractId?: string;
}

export interface PurgeRequest {
  queue: string;
  ids?: string[];
  all?: boolean;
}

export interface DeadLetterActionResult {
  queue: string;
  requested: number;
  done: number;
  messageIds: string[];
}

const defaultMax = 1000;

/** Every stage queue, in chain order: the default scope of a listing. */
export const stageQueues: readonly string[] = chain.map((link) => link.queue);

/** Reads the dead letters of the given queues (all stage queues by default) without changing them. */
export async function listDeadLetters(store: DeadLetterStore, queues: readonly string[] = stageQueues, filter: DeadLetterFilter = {}): Promise<DeadLetterView[]> {
  const views: DeadLetterView[] = [];
  for (const queue of queues) {
    checkQueue(queue);
    for (const letter of await store.list(queue, filter.max ?? defaultMax)) {
      const view = deadLetterView(letter);
      if (filter.extractId && view.extractId !== filter.extractId) continue;
      if (filter.flow && view.flow !== filter.flow) continue;
      if (filter.product && view.product !== filter.product) continue;
      views.push(view);
    }
  }
  return views;
}

/**
 * Sends dead letters back to their queue for another try: the named ones, or every one of an extract. Handlers
 * are idempotent, so replaying a message whose work has since been done leaves the warehouse unchanged.
 */
export async function replayDeadLetters(store: DeadLetterStore, request: ReplayRequest): Promise<DeadLetterActionResult> {
  const messageIds = await chosenIds(store, request.queue, request.ids, request.extractId, 'replay');
  const done = messageIds.length === 0 ? 0 : await store.replay(request.queue, messageIds);
  return { queue: request.queue, requested: messageIds.length, done, messageIds };
}

/** Discards dead letters for good; refuses unless the caller has confirmed, as they are the only copy. */
export async function purgeDeadLetters(store: DeadLetterStore, request: PurgeRequest, confirmed: boolean): Promise<DeadLetterActionResult> {
  checkQueue(request.queue);
  if (request.all && request.ids?.length) throw invalid('purge takes either message ids or all, not both');
  if (!request.all && !request.ids?.length) throw invalid(`purge of ${request.queue} names no message ids (or all)`);
  if (!confirmed) {
    throw new PipelineError(ErrorCodes.purgeNotConfirmed, `purge of ${request.all ? 'every dead letter' : `${request.ids!.length} dead letter(s)`} on ${request.queue} was not confirmed; dead letters cannot be recovered once purged`);
  }
  if (request.all) {
    const done = await store.purge(request.queue, 'all');
    return { queue: request.queue, requested: done, done, messageIds: [] };
  }
  const done = await store.purge(request.queue, request.ids!);
  return { queue: request.queue, requested: request.ids!.length, done, messageIds: request.ids! };
}

export function deadLetterView(letter: DeadLetter): DeadLetterView {
  const message = (letter.message ?? {}) as Partial<DeadLetter['message']>;
  return {
    queue: letter.queue,
    messageId: letter.messageId,
    extractId: String(message.extractId ?? ''),
    flow: String(message.flow ?? ''),
    product: String(message.product ?? ''),
    stage: String(message.stage ?? stageOfQueue(letter.queue) ?? ''),
    ...(typeof message.bucket === 'number' ? { bucket: message.bucket } : {}),
    correlationId: String(message.correlationId ?? ''),
    reason: scrubIdentifiers(letter.deadLetterReason),
    description: scrubIdentifiers(letter.deadLetterErrorDescription),
    deliveryCount: letter.deliveryCount,
    enqueuedAt: letter.enqueuedAt,
  };
}

async function chosenIds(store: DeadLetterStore, queue: string, ids: string[] | undefined, extractId: string | undefined, action: string): Promise<string[]> {
  checkQueue(queue);
  if (ids?.length && extractId) throw invalid(`${action} takes either message ids or an extract id, not both`);
  if (ids?.length) return [...new Set(ids)];
  if (!extractId) throw invalid(`${action} of ${queue} names no message ids and no extract id`);
  const letters = await listDeadLetters(store, [queue], { extractId });
  return letters.map((letter) => letter.messageId);
}

function checkQueue(queue: string): StageName {
  const stage = stageOfQueue(queue);
  if (!stage) throw invalid(`'${queue}' is not a stage queue (known: ${stageQueues.join(', ')})`);
  return stage;
}

function invalid(message: string): PipelineError {
  return new PipelineError(ErrorCodes.invalidOperation, message);
}
