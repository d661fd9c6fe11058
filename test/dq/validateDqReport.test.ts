import schema from '../../schemas/reports/dq-report.schema.json';
import type { DqReport, ReconciliationRow, RuleResult, RuleSample, RuleThreshold } from '../../shared/dq/dqReport';
import { validateDqReport } from '../../shared/dq/validateDqReport';
import { dqReportFactory, ruleResultFactory } from '../factories/dqReportFactory';

type TrendEntry = DqReport['trend'][number];

/** Keyed by the type, so the compiler flags a property added to or removed from the type but not listed here. */
const typeKeys: Record<string, Record<string, boolean>> = {
  report: {
    schemaVersion: true, runId: true, product: true, productTitle: true, generatedAt: true, correlationId: true,
    trigger: true, status: true, rules: true, reconciliation: true, trend: true,
  } satisfies Record<keyof DqReport, true>,
  trigger: { extractId: true, flow: true, fileName: true } satisfies Record<keyof DqReport['trigger'], true>,
  ruleResult: {
    ruleId: true, description: true, flow: true, severity: true, threshold: true, rowsChecked: true, rowsFailing: true,
    failRate: true, status: true, samples: true,
  } satisfies Record<keyof RuleResult, true>,
  ruleThreshold: { maxFailRate: false, maxFailCount: false } satisfies Record<keyof RuleThreshold, boolean>,
  ruleSample: { businessKey: true, sourceLine: true } satisfies Record<keyof RuleSample, true>,
  reconciliationRow: {
    extractId: true, flow: true, fileName: true, rowsIn: true, rowsLoaded: true, rowsQuarantined: true,
    quarantineReasons: true, balanced: true,
  } satisfies Record<keyof ReconciliationRow, true>,
  trendEntry: { runId: true, generatedAt: true, status: true, rulesFailed: true, rulesWarned: true } satisfies Record<keyof TrendEntry, true>,
};

interface ObjectSchema {
  properties: Record<string, unknown>;
  required?: string[];
  additionalProperties: unknown;
}

const objectSchemas: Record<string, ObjectSchema> = {
  report: schema as ObjectSchema,
  trigger: schema.properties.trigger as ObjectSchema,
  ruleResult: schema.definitions.ruleResult as ObjectSchema,
  ruleThreshold: schema.definitions.ruleThreshold as ObjectSchema,
  ruleSample: schema.definitions.ruleSample as ObjectSchema,
  reconciliationRow: schema.definitions.reconciliationRow as ObjectSchema,
  trendEntry: schema.definitions.trendEntry as ObjectSchema,
};

function withoutKey<T extends object>(value: T, key: keyof T): Omit<T, typeof key> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

describe('validateDqReport', () => {
  it('accepts the factory report', () => {
    // Prepare
    const report = dqReportFactory();

    // Act
    const result = validateDqReport(report);

    // Assess
    expect(result).toEqual({ valid: true });
  });

  it('accepts a report with no rules run, nothing to reconcile and no history', () => {
    // Prepare
    const report = dqReportFactory({ status: 'pass', rules: [], reconciliation: [], trend: [] });

    // Act
    const result = validateDqReport(report);

    // Assess
    expect(result).toEqual({ valid: true });
  });

  it('rejects a report missing rules', () => {
    // Prepare
    const report = withoutKey(dqReportFactory(), 'rules');

    // Act
    const result = validateDqReport(report);

    // Assess
    expect(result).toEqual({ valid: false, errors: ["(root) must have required property 'rules'"] });
  });

  it('rejects a fail rate above 1', () => {
    // Prepare
    const report = dqReportFactory({ rules: [ruleResultFactory({ failRate: 1.5 })] });

    // Act
    const result = validateDqReport(report);

    // Assess
    expect(result).toEqual({ valid: false, errors: ['/rules/0/failRate must be <= 1'] });
  });

  it("rejects the status 'ok'", () => {
    // Prepare
    const report = { ...dqReportFactory(), status: 'ok' };

    // Act
    const result = validateDqReport(report);

    // Assess
    expect(result).toEqual({ valid: false, errors: ['/status must be equal to one of the allowed values: pass, warn, fail'] });
  });

  it.each([
    ['an unknown top-level property', { ...dqReportFactory(), patientName: 'x' }, "(root) must not have property 'patientName'"],
    [
      'an unknown sample property',
      dqReportFactory({ rules: [ruleResultFactory({ samples: [{ businessKey: 'K', sourceLine: 2, nhsNumber: 'x' } as RuleSample] })] }),
      "/rules/0/samples/0 must not have property 'nhsNumber'",
    ],
    ['a generatedAt that is not a date-time', dqReportFactory({ generatedAt: '04/03/2025' }), '/generatedAt must match format "date-time"'],
    ['a negative count', dqReportFactory({ rules: [ruleResultFactory({ rowsChecked: -1 })] }), '/rules/0/rowsChecked must be >= 0'],
    ['a fractional count', dqReportFactory({ rules: [ruleResultFactory({ rowsFailing: 1.5 })] }), '/rules/0/rowsFailing must be integer'],
    [
      'an unknown severity',
      dqReportFactory({ rules: [{ ...ruleResultFactory(), severity: 'error' } as unknown as RuleResult] }),
      '/rules/0/severity must be equal to one of the allowed values: warn, fail',
    ],
    ['a threshold rate above 1', dqReportFactory({ rules: [ruleResultFactory({ threshold: { maxFailRate: 2 } })] }), '/rules/0/threshold/maxFailRate must be <= 1'],
    ['another schema version', { ...dqReportFactory(), schemaVersion: 2 }, '/schemaVersion must be equal to constant'],
  ])('rejects %s', (_case, report, expectedError) => {
    // Prepare: the case table above

    // Act
    const result = validateDqReport(report);

    // Assess
    expect(result).toEqual({ valid: false, errors: [expectedError] });
  });

  it('reports every problem at once', () => {
    // Prepare
    const report = { ...dqReportFactory({ rules: [ruleResultFactory({ failRate: 1.5 })] }), status: 'ok' };

    // Act
    const result = validateDqReport(report);

    // Assess
    expect(result.valid).toBe(false);
    expect(result.valid ? [] : result.errors).toHaveLength(2);
  });
});

describe('dq-report.schema.json', () => {
  it.each(Object.keys(typeKeys))('matches the %s type property for property, closed to others', (name) => {
    // Prepare
    const keys = typeKeys[name];
    const objectSchema = objectSchemas[name];

    // Act
    const schemaProperties = Object.keys(objectSchema.properties).sort();
    const schemaRequired = [...(objectSchema.required ?? [])].sort();

    // Assess
    expect(schemaProperties).toEqual(Object.keys(keys).sort());
    expect(schemaRequired).toEqual(Object.keys(keys).filter((key) => keys[key]).sort());
    expect(objectSchema.additionalProperties).toBe(false);
  });
});
