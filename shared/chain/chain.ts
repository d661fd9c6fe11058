/**
 * The one source of truth for the chain: which stages exist, the queue each listens on, which stage follows.
 * Azure registration (functions/), the local host, infra checks and the DLQ tools all read it.
 *
 * Order differs from the first sketch in DESIGN.md (load before link): link reads the loaded, de-duplicated facts
 * so corrected and re-delivered extracts converge; see docs/architecture.md.
 */
export type StageName = 'pseudonymise' | 'map' | 'load' | 'link' | 'dq';

export interface StageLink {
  stage: StageName;
  queue: string;
  next?: StageName;
}

export const firstStage: StageName = 'pseudonymise';

export const chain: readonly StageLink[] = [
  { stage: 'pseudonymise', queue: 'dscro-pseudonymise', next: 'map' },
  { stage: 'map', queue: 'dscro-map', next: 'load' },
  { stage: 'load', queue: 'dscro-load', next: 'link' },
  { stage: 'link', queue: 'dscro-link', next: 'dq' },
  { stage: 'dq', queue: 'dscro-dq' },
];

/** Service Bus moves a message to its dead-letter queue after this many failed deliveries (queue property). */
export const maxDeliveryCount = 5;

export function stageLink(stage: StageName): StageLink {
  const link = chain.find((candidate) => candidate.stage === stage);
  if (!link) throw new Error(`no stage named ${stage} in the chain`);
  return link;
}

export function queueOf(stage: StageName): string {
  return stageLink(stage).queue;
}

export function stageOfQueue(queue: string): StageName | undefined {
  return chain.find((candidate) => candidate.queue === queue)?.stage;
}
