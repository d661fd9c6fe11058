import type { DqReport, ReconciliationRow, RuleResult } from '../../shared/dq/dqReport';

/**
 * Valid DQ reports for tests. Each call builds fresh objects, so a test can mutate its report freely.
 * Counts are multiples of 5 above 7 unless a test says otherwise, so disclosure control leaves them unchanged.
 */
export function ruleResultFactory(overrides: Partial<RuleResult> = {}): RuleResult {
  return {
    ruleId: 'APC-001',
    description: 'Episode start date is on or after the admission date',
    flow: 'sus-apc',
    severity: 'fail',
    threshold: { maxFailRate: 0.01 },
    rowsChecked: 12480,
    rowsFailing: 0,
    failRate: 0,
    status: 'pass',
    samples: [],
    ...overrides,
  };
}

export function reconciliationRowFactory(overrides: Partial<ReconciliationRow> = {}): ReconciliationRow {
  return {
    extractId: '9f2c4a7e1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8',
    flow: 'sus-apc',
    fileName: 'SUS_APC_RXX_202503.csv',
    rowsIn: 12500,
    rowsLoaded: 12480,
    rowsQuarantined: 20,
    quarantineReasons: { 'missing required field': 15, 'invalid date': 5 },
    balanced: true,
    ...overrides,
  };
}

export function dqReportFactory(overrides: Partial<DqReport> = {}): DqReport {
  return {
    schemaVersion: 1,
    runId: 'dq-20250304T091500Z-careflow',
    product: 'careflow-insights',
    productTitle: 'CareFlow Insights',
    generatedAt: '2025-03-04T09:15:00.000Z',
    correlationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    trigger: { extractId: '9f2c4a7e1b3d5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8', flow: 'sus-apc', fileName: 'SUS_APC_RXX_202503.csv' },
    status: 'warn',
    rules: [
      ruleResultFactory(),
      ruleResultFactory({
        ruleId: 'APC-014',
        description: 'Primary diagnosis maps to a known ICD-10 code',
        severity: 'warn',
        threshold: { maxFailRate: 0.001, maxFailCount: 10 },
        rowsChecked: 12480,
        rowsFailing: 45,
        failRate: 45 / 12480,
        status: 'warn',
        samples: [
          { businessKey: 'APCE-000123', sourceLine: 42 },
          { businessKey: 'APCE-000981', sourceLine: 1207 },
        ],
      }),
    ],
    reconciliation: [
      reconciliationRowFactory(),
      reconciliationRowFactory({
        extractId: '1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809',
        flow: 'ecds',
        fileName: 'ECDS_RXX_202503.csv',
        rowsIn: 3000,
        rowsLoaded: 3000,
        rowsQuarantined: 0,
        quarantineReasons: {},
      }),
    ],
    trend: [
      { runId: 'dq-20250225T091500Z-careflow', generatedAt: '2025-02-25T09:15:00.000Z', status: 'fail', rulesFailed: 2, rulesWarned: 1 },
      { runId: 'dq-20250218T091500Z-careflow', generatedAt: '2025-02-18T09:15:00.000Z', status: 'pass', rulesFailed: 0, rulesWarned: 0 },
    ],
    ...overrides,
  };
}
