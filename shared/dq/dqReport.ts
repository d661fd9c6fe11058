/**
 * The DQ assurance report (DESIGN.md §6). JSON Schema: schemas/reports/dq-report.schema.json.
 * Samples are row references (business key and source line), never identifiers.
 */
export type RuleSeverity = 'warn' | 'fail';
export type RuleStatus = 'pass' | 'warn' | 'fail';

export interface RuleThreshold {
  /** Rule breaches when failing / checked exceeds this rate (0..1). */
  maxFailRate?: number;
  /** Rule breaches when failing rows exceed this count. */
  maxFailCount?: number;
}

export interface RuleSample {
  businessKey: string;
  sourceLine: number;
}

export interface RuleResult {
  ruleId: string;
  description: string;
  flow: string;
  severity: RuleSeverity;
  threshold: RuleThreshold;
  rowsChecked: number;
  rowsFailing: number;
  failRate: number;
  status: RuleStatus;
  samples: RuleSample[];
}

export interface ReconciliationRow {
  extractId: string;
  flow: string;
  fileName: string;
  rowsIn: number;
  rowsLoaded: number;
  rowsQuarantined: number;
  quarantineReasons: Record<string, number>;
  balanced: boolean;
}

export interface DqReport {
  schemaVersion: 1;
  runId: string;
  product: string;
  productTitle: string;
  generatedAt: string;
  correlationId: string;
  trigger: { extractId: string; flow: string; fileName: string };
  status: RuleStatus;
  rules: RuleResult[];
  reconciliation: ReconciliationRow[];
  /** Earlier runs of the same product, newest first, for the trend view. */
  trend: { runId: string; generatedAt: string; status: RuleStatus; rulesFailed: number; rulesWarned: number }[];
}
