import { InvocationContext } from '@azure/functions';
import { StageName } from '../../chain/chain';
import { runStage } from '../../stages/runStage';
import { StageDependencies } from '../../stages/StageDependencies';
import { stageHandlers } from '../../stages/stageHandlers';
import { azureDependencies } from './azureDependencies';

/** A Service Bus trigger handler for one stage; throwing lets the host abandon, redeliver and dead-letter. */
export function stageTrigger(stage: StageName, dependencies: () => Promise<StageDependencies> = azureDependencies) {
  return async (body: unknown, context: InvocationContext): Promise<void> => {
    const deliveryCount = Number(context.triggerMetadata?.deliveryCount ?? 1);
    await runStage(stage, body, stageHandlers[stage], await dependencies(), deliveryCount);
  };
}
