import { DefinitionRegistry } from '../../../shared/definitions/DefinitionRegistry';
import { RuleResult } from '../../../shared/dq/dqReport';
import { evaluateRule } from '../../../shared/stages/dq/evaluateRule';
import { factTable } from '../../../shared/warehouse/buildWarehouseModel';
import { DuckDbWarehouse } from '../../../shared/warehouse/DuckDbWarehouse';
import { quoteIdentifier as q, quoteLiteral } from '../../../shared/warehouse/duckdbTypes';
import { TableModel } from '../../../shared/warehouse/warehouseModel';

/**
 * The Community 360 flows' DQ rules run as the dq stage runs them: their SQL over loaded fact rows in the embedded
 * warehouse, scoped to one extract, with the extract's snapshot date as a parameter. Each case names the rows that
 * fail and why; rows a rule does not apply to are not counted as checked.
 */
const schema = 'dw';
const extractId = 'extract-c360';
const parameters = { coverage_from: '2024-05-01', coverage_to: '2024-06-01', snapshot_date: '2024-06-15' };

type FactRow = Record<string, string | null>;

let registry: DefinitionRegistry;
let warehouse: DuckDbWarehouse;

beforeAll(async () => {
  registry = DefinitionRegistry.load();
  warehouse = await DuckDbWarehouse.open(':memory:', undefined as never);
  const flows = ['ecds', 'csds-referrals', 'csds-contacts', 'dids'].map((id) => registry.flow(id));
  await warehouse.applyModel({ schema, tables: flows.map(factTable), views: [] });
});

afterAll(async () => {
  await warehouse.close();
});

async function load(table: TableModel, rows: FactRow[]): Promise<void> {
  await warehouse.query(`DELETE FROM ${q(schema)}.${q(table.name)}`);
  for (const [index, row] of rows.entries()) {
    const values: FactRow = { extract_id: extractId, source_line: String(index + 2), ...row };
    const columns = Object.keys(values);
    const literals = columns.map((column) => (values[column] === null ? 'NULL' : quoteLiteral(values[column] as string)));
    await warehouse.query(`INSERT INTO ${q(schema)}.${q(table.name)} (${columns.map(q).join(', ')}) VALUES (${literals.join(', ')})`);
  }
}

async function run(flowId: string, ruleId: string, rows: FactRow[]): Promise<RuleResult> {
  const flow = registry.flow(flowId);
  const table = factTable(flow);
  const rule = flow.dqRules.find((candidate) => candidate.id === ruleId);
  if (!rule) throw new Error(`${flowId} has no rule ${ruleId}`);
  await load(table, rows);
  return evaluateRule(warehouse, rule, { schema, table, flow: flow.id, extractId, parameters });
}

function failingKeys(result: RuleResult): string[] {
  return result.samples.map((sample) => sample.businessKey);
}

describe('ecds rules', () => {
  const attendance = (ident: string, values: FactRow): FactRow => ({ ec_ident: ident, provider_code: 'RM1', arrival_date: '2024-05-10', ...values });

  it('ECDS-DEPART-AFTER-ARRIVAL compares dates, then times to the minute, and skips attendances with no departure', async () => {
    // Prepare
    const rows = [
      attendance('same-day', { arrival_time: '10:00', departure_date: '2024-05-10', departure_time: '14:00' }),
      attendance('overnight', { arrival_date: '2024-05-11', arrival_time: '23:00', departure_date: '2024-05-12', departure_time: '03:00' }),
      attendance('earlier-time', { arrival_time: '10:00', departure_date: '2024-05-10', departure_time: '09:59' }),
      attendance('earlier-day', { arrival_time: '10:00', departure_date: '2024-05-09', departure_time: '11:00' }),
      attendance('no-departure-time', { arrival_time: '10:00', departure_date: '2024-05-10', departure_time: null }),
      attendance('seconds-on-arrival', { arrival_time: '10:00:30', departure_date: '2024-05-10', departure_time: '10:00' }),
      attendance('seconds-on-departure', { arrival_time: '10:00', departure_date: '2024-05-10', departure_time: '10:00:00' }),
      attendance('still-here', { arrival_time: '10:00', departure_date: null, departure_time: null }),
    ];

    // Act
    const result = await run('ecds', 'ECDS-DEPART-AFTER-ARRIVAL', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([7, 2]);
    expect(failingKeys(result)).toEqual(['earlier-time', 'earlier-day']);
    expect(result.status).toBe('fail');
  });

  it('ECDS-DEST-PRESENT counts departed attendances with no discharge destination, not those still in the department', async () => {
    // Prepare
    const rows = [
      attendance('home', { departure_date: '2024-05-01', discharge_destination_snomed: '306689006', discharge_destination_known: 'true' }),
      attendance('missing', { departure_date: '2024-05-01', discharge_destination_snomed: null, discharge_destination_known: 'false' }),
      attendance('unknown', { departure_date: '2024-05-01', discharge_destination_snomed: '123456789', discharge_destination_known: 'false' }),
      attendance('still-here', { departure_date: null, discharge_destination_snomed: null, discharge_destination_known: 'false' }),
    ];

    // Act
    const result = await run('ecds', 'ECDS-DEST-PRESENT', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([3, 1]);
    expect(failingKeys(result)).toEqual(['missing']);
  });

  it('ECDS-DEST-KNOWN checks recorded destinations against the reference set only', async () => {
    // Prepare
    const rows = [
      attendance('home', { discharge_destination_snomed: '306689006', discharge_destination_known: 'true' }),
      attendance('missing', { discharge_destination_snomed: null, discharge_destination_known: 'false' }),
      attendance('unknown', { discharge_destination_snomed: '123456789', discharge_destination_known: 'false' }),
    ];

    // Act
    const result = await run('ecds', 'ECDS-DEST-KNOWN', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([2, 1]);
    expect(failingKeys(result)).toEqual(['unknown']);
  });

  it('ECDS-NHS-VALID counts rows without a valid NHS number', async () => {
    // Prepare
    const rows = [attendance('valid', { nhs_number_status: 'valid' }), attendance('invalid', { nhs_number_status: 'invalid' })];

    // Act
    const result = await run('ecds', 'ECDS-NHS-VALID', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([2, 1]);
  });
});

describe('csds rules', () => {
  it('CSR-RECEIVED-LE-DISCH counts referrals discharged before they were received, and skips open referrals', async () => {
    // Prepare
    const referral = (id: string, discharge: string | null): FactRow => ({
      unique_service_request_identifier: id,
      provider_code: 'RY3',
      referral_request_received_date: '2024-05-10',
      service_discharge_date: discharge,
    });
    const rows = [referral('same-day', '2024-05-10'), referral('later', '2024-06-30'), referral('before', '2024-05-09'), referral('open', null)];

    // Act
    const result = await run('csds-referrals', 'CSR-RECEIVED-LE-DISCH', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([3, 1]);
    expect(failingKeys(result)).toEqual(['before']);
  });

  it('CSC-NHS-VALID counts contacts without a valid NHS number', async () => {
    // Prepare
    const rows = [
      { unique_care_contact_identifier: 'C1', nhs_number_status: 'valid', attended: 'true' },
      { unique_care_contact_identifier: 'C2', nhs_number_status: 'missing', attended: 'false' },
    ];

    // Act
    const result = await run('csds-contacts', 'CSC-NHS-VALID', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([2, 1]);
  });
});

describe('dids rules', () => {
  const test = (accession: string, values: FactRow): FactRow => ({
    site_code_imaging: 'RM101',
    radiological_accession_num: accession,
    imaging_code_nicip: 'CAAAG',
    provider_code: 'RM1',
    imaging_modality: 'CT',
    ...values,
  });
  const dates = (request: string | null, received: string | null, tested: string | null, reported: string | null): FactRow => ({
    diagnostic_test_request_date: request,
    diag_test_request_rec_date: received,
    diagnostic_test_date: tested,
    service_report_date: reported,
  });

  it('DIDS-DATE-SEQUENCE checks every pair of dates that are both present', async () => {
    // Prepare
    const rows = [
      test('in-order', dates('2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04')),
      test('all-one-day', dates('2024-05-01', '2024-05-01', '2024-05-01', '2024-05-01')),
      test('gaps-in-order', dates('2024-05-01', null, '2024-05-03', null)),
      test('received-before-request', dates('2024-05-02', '2024-05-01', '2024-05-03', '2024-05-04')),
      test('tested-before-request-no-received', dates('2024-05-03', null, '2024-05-02', '2024-05-04')),
      test('reported-before-test', dates('2024-05-01', '2024-05-01', '2024-05-03', '2024-05-02')),
      test('no-dates', dates(null, null, null, null)),
    ];

    // Act
    const result = await run('dids', 'DIDS-DATE-SEQUENCE', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([7, 3]);
    expect(failingKeys(result).map((key) => key.split('|')[1])).toEqual(['received-before-request', 'tested-before-request-no-received', 'reported-before-test']);
  });

  it('DIDS-TEST-NOT-FUTURE compares the test date with the snapshot date from the file name', async () => {
    // Prepare: the snapshot date is 2024-06-15
    const rows = [
      test('on-snapshot', { diagnostic_test_date: '2024-06-15' }),
      test('after-snapshot', { diagnostic_test_date: '2024-06-16' }),
      test('no-test-date', { diagnostic_test_date: null }),
    ];

    // Act
    const result = await run('dids', 'DIDS-TEST-NOT-FUTURE', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([2, 1]);
    expect(failingKeys(result)).toEqual(['RM101|after-snapshot|CAAAG']);
  });

  it('DIDS-TEST-DATE-PRESENT counts tests with no test date', async () => {
    // Prepare
    const rows = [test('dated', { diagnostic_test_date: '2024-05-01' }), test('undated', { diagnostic_test_date: null })];

    // Act
    const result = await run('dids', 'DIDS-TEST-DATE-PRESENT', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([2, 1]);
  });

  it('DIDS-BIRTH-LE-TEST fails only a birth date after the test, as the pseudonymise stage recorded it', async () => {
    // Prepare
    const rows = [
      test('valid', { age_status: 'valid' }),
      test('after', { age_status: 'after_event' }),
      test('no-birth-date', { age_status: 'missing' }),
      test('no-test-date', { age_status: 'no_event_date' }),
    ];

    // Act
    const result = await run('dids', 'DIDS-BIRTH-LE-TEST', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([4, 1]);
    expect(failingKeys(result)).toEqual(['RM101|after|CAAAG']);
  });

  it('DIDS-IMAGING-CODE-KNOWN counts tests whose modality neither code gave', async () => {
    // Prepare
    const rows = [test('ct', { imaging_modality: 'CT' }), test('unknown', { imaging_modality: null })];

    // Act
    const result = await run('dids', 'DIDS-IMAGING-CODE-KNOWN', rows);

    // Assess
    expect([result.rowsChecked, result.rowsFailing]).toEqual([2, 1]);
  });
});
