import { StageName, maxDeliveryCount, queueOf } from '../chain/chain';
import { describeSchemaErrors, schemaValidator } from '../definitions/jsonSchemas';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { toError } from '../errors/toError';
import { StageMessage } from '../messaging/stageMessage';
import { TelemetryDimensions } from '../telemetry/telemetry.port';
import { StageDependencies } from './StageDependencies';
import { StageHandler, StageOutcome } from './StageOutcome';

const messageSchema = 'schemas/messages/stage-message.schema.json';

/**
 * The one path every queued stage runs through, in Azure and locally: validate the message, run the handler,
 * record the stage in the extract's manifest, emit telemetry, send the next messages. Errors propagate so the
 * transport redelivers and, after the max delivery count, dead-letters the message.
 */
export async function runStage(stage: StageName, body: unknown, handler: StageHandler, dependencies: StageDependencies, deliveryCount = 1): Promise<StageOutcome> {
  const message = validStageMessage(stage, body);
  const dimensions: TelemetryDimensions = {
    correlationId: message.correlationId,
    product: message.product,
    flow: message.flow,
    stage,
    extractId: message.extractId,
  };
  const { telemetry } = dependencies;
  const startedAt = dependencies.clock();
  telemetry.log('info', `${stage} started`, dimensions, { deliveryCount, ...(message.bucket === undefined ? {} : { bucket: message.bucket }) });
  try {
    const outcome = await handler(message, dependencies);
    const finishedAt = dependencies.clock();
    const durationMs = finishedAt.getTime() - startedAt.getTime();
    if (outcome.recordInManifest !== false) {
      await dependencies.manifests.recordStage(message.flow, message.extractId, message.product, outcome.stageKey ?? stage, {
        status: 'succeeded',
        rowsIn: outcome.rowsIn,
        rowsOut: outcome.rowsOut,
        rowsQuarantined: outcome.rowsQuarantined,
        quarantineReasons: outcome.quarantineReasons,
        startedAt: startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        durationMs,
        outputs: outcome.outputs,
        attempts: 1,
        details: outcome.details,
      }, message.correlationId);
    }
    telemetry.metric('stage.rows_in', outcome.rowsIn, dimensions);
    telemetry.metric('stage.rows_out', outcome.rowsOut, dimensions);
    telemetry.metric('stage.rows_quarantined', outcome.rowsQuarantined, dimensions);
    telemetry.metric('stage.duration_ms', durationMs, dimensions);
    for (const next of outcome.next) await dependencies.transport.send(queueOf(next.stage), next);
    telemetry.log('info', `${stage} succeeded`, dimensions, {
      rowsIn: outcome.rowsIn,
      rowsOut: outcome.rowsOut,
      rowsQuarantined: outcome.rowsQuarantined,
      durationMs,
    });
    return outcome;
  } catch (thrown) {
    const error = toError(thrown);
    const code = error instanceof PipelineError ? error.code : ErrorCodes.stageFailed;
    telemetry.log('error', `${stage} failed: ${error.message}`, dimensions, { errorCode: code, deliveryCount });
    // The transport dead-letters after this delivery (Service Bus by queue property, the local bus by the same
    // constant), so the count is emitted here, once, on the path both hosts share.
    if (deliveryCount >= maxDeliveryCount) telemetry.metric('deadletter.count', 1, dimensions, { errorCode: code, queue: queueOf(stage) });
    await recordFailure(message, stage, error, dependencies, startedAt, deliveryCount).catch(() => undefined);
    throw new StageFailedError(stage, message, error);
  }
}

/**
 * What the transport sees when a stage fails: the stage, extract, flow and product, and the cause's message
 * (which never carries row values). It becomes the dead-letter description an operator reads.
 */
export class StageFailedError extends Error {
  public readonly code: string;
  public constructor(stage: StageName, message: StageMessage, cause: Error) {
    const code = cause instanceof PipelineError ? cause.code : ErrorCodes.stageFailed;
    super(`${code}: stage ${stage} failed for extract ${message.extractId} (flow ${message.flow}, product ${message.product}${message.bucket === undefined ? '' : `, bucket ${message.bucket}`}): ${cause.message}`, { cause });
    this.name = 'StageFailedError';
    this.code = code;
  }
}

export function validStageMessage(stage: StageName, body: unknown): StageMessage {
  const parsed = typeof body === 'string' ? safeJson(body) : body;
  const validate = schemaValidator(messageSchema);
  if (!validate(parsed)) {
    throw new PipelineError(ErrorCodes.invalidMessage, `message for ${stage} does not match ${messageSchema}: ${describeSchemaErrors(validate.errors)}`, { stage });
  }
  const message = parsed as StageMessage;
  if (message.stage !== stage) {
    throw new PipelineError(ErrorCodes.invalidMessage, `message for stage '${message.stage}' arrived on the ${stage} queue`, { stage, extractId: message.extractId });
  }
  return message;
}

async function recordFailure(message: StageMessage, stage: StageName, error: Error, dependencies: StageDependencies, startedAt: Date, deliveryCount: number): Promise<void> {
  const now = dependencies.clock();
  const stageKey = message.bucket === undefined ? stage : `${stage}#${message.bucket}`;
  await dependencies.manifests.recordStage(message.flow, message.extractId, message.product, stageKey, {
    // On the last delivery the transport dead-letters the message; the manifest says why, for the operator.
    status: deliveryCount >= maxDeliveryCount ? 'dead-lettered' : 'failed',
    rowsIn: 0,
    rowsOut: 0,
    rowsQuarantined: 0,
    quarantineReasons: {},
    startedAt: startedAt.toISOString(),
    finishedAt: now.toISOString(),
    durationMs: now.getTime() - startedAt.getTime(),
    outputs: [],
    attempts: 1,
    error: error.message,
  }, message.correlationId);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
