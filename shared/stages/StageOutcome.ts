import { StageMessage } from '../messaging/stageMessage';

/** What a stage reports back to the runner: its row accounting and the messages for the next stage. */
export interface StageOutcome {
  rowsIn: number;
  rowsOut: number;
  rowsQuarantined: number;
  quarantineReasons: Record<string, number>;
  outputs: string[];
  next: StageMessage[];
  details?: Record<string, unknown>;
  /** False for steps that only fan out or wait (link planning, a bucket that is not the last): no manifest entry. */
  recordInManifest?: boolean;
  /** Manifest key of the step; defaults to the stage name (link buckets use `link#<n>`). */
  stageKey?: string;
}

export type StageHandler = (message: StageMessage, dependencies: import('./StageDependencies').StageDependencies) => Promise<StageOutcome>;
