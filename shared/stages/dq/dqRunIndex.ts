import { RuleStatus } from '../../dq/dqReport';

/** reports/dq/<product>/index.json: one summary per run, newest first, for trends and "latest". */
export interface DqRunSummary {
  runId: string;
  generatedAt: string;
  status: RuleStatus;
  rulesFailed: number;
  rulesWarned: number;
  extractId: string;
  flow: string;
  reportPath: string;
}

export interface DqRunIndex {
  product: string;
  runs: DqRunSummary[];
}

/** Trends show this many earlier runs; the index keeps more for the dashboard's history. */
export const trendRuns = 12;
export const indexedRuns = 200;

export const dqIndexPath = (product: string) => `dq/${product}/index.json`;
