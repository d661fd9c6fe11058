import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { HttpAnswer, jsonAnswer } from '../http/httpAnswer';
import { DeadLetterStore } from '../messaging/dead-letter-store.port';
import { listDeadLetters, purgeDeadLetters, replayDeadLetters, stageQueues } from './deadLetterOperations';

export type DeadLetterAction = 'list' | 'replay' | 'purge';

/** Query parameters (list) or JSON body (replay, purge) as the operator sent them. */
export type DeadLetterRequestInput = Record<string, unknown>;

/**
 * The ops HTTP API over the dead-letter queues, the same operations the CLI runs:
 * GET /api/ops/deadletters[?queue=&extractId=&flow=&product=],
 * POST /api/ops/deadletters/replay {queue, ids | extractId},
 * POST /api/ops/deadletters/purge {queue, ids | all, confirm: true}.
 * Bad requests (unknown queue, nothing named, purge unconfirmed) answer 400 with the error code.
 */
export async function answerDeadLetterRequest(store: DeadLetterStore, action: DeadLetterAction, input: DeadLetterRequestInput): Promise<HttpAnswer> {
  try {
    if (action === 'list') {
      const queue = text(input.queue);
      const deadLetters = await listDeadLetters(store, queue ? [queue] : stageQueues, { extractId: text(input.extractId), flow: text(input.flow), product: text(input.product) });
      return jsonAnswer(200, { count: deadLetters.length, deadLetters });
    }
    const queue = text(input.queue);
    if (!queue) throw new PipelineError(ErrorCodes.invalidOperation, `${action} needs a queue (one of ${stageQueues.join(', ')})`);
    if (action === 'replay') return jsonAnswer(200, await replayDeadLetters(store, { queue, ids: ids(input.ids), extractId: text(input.extractId) }));
    return jsonAnswer(200, await purgeDeadLetters(store, { queue, ids: ids(input.ids), all: input.all === true }, input.confirm === true));
  } catch (error) {
    if (error instanceof PipelineError && (error.code === ErrorCodes.invalidOperation || error.code === ErrorCodes.purgeNotConfirmed)) {
      return jsonAnswer(400, { code: error.code, error: error.message });
    }
    throw error;
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function ids(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.filter((id): id is string => typeof id === 'string' && id !== '');
  if (typeof value === 'string' && value !== '') return value.split(',').map((id) => id.trim()).filter(Boolean);
  return undefined;
}
