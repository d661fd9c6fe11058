import { DqReport } from '../../shared/dq/dqReport';
import { answerStatusRequest } from '../../shared/status/statusHttpHandler';
import { Zones } from '../../shared/storage/zones';
import { susApcCsv, susApcRow, testNhsNumbers } from '../factories/susApcRows';
import { startTestHost, TestHost } from '../support/startTestHost';

/**
 * One small extract, every number worked out by hand from the illustrative 2024/25 price table
 * (reference/tariff/apc-prices-2024-25-illustrative.csv) and MFF table (mff-2024-25-illustrative.csv).
 */
const patientA = testNhsNumbers[0];
const patientB = testNhsNumbers[1];
const patientC = testNhsNumbers[2];
const fixture = [
  // EB10A non-elective, LoS 3 (no short stay, under trim 46): 5216 x RRK MFF 1.0312 = 5378.7392 -> 5378.74
  susApcRow({ APCE_Ident: '1001', APCS_Ident: '5001', NHS_Number: patientA, Person_Birth_Date: '1931-07-19' }),
  // HC72C elective, LoS 8, trim 5: 6780 + 3 x 453 = 8139 x RQ3 MFF 1.0298 = 8381.5422 -> 8381.54, on the last episode only
  susApcRow({ APCE_Ident: '1002', APCS_Ident: '5002', Episode_Number: '1', NHS_Number: patientB, Person_Birth_Date: '1990-01-15', Der_Provider_Code: 'RQ3', Admission_Method: '11', Admission_Date: '2024-05-02', Discharge_Date: '2024-05-10', Episode_Start_Date: '2024-05-02', Episode_End_Date: '2024-05-06', Episode_HRG: 'HC72C', Spell_Core_HRG: 'HC72C', Last_Episode_In_Spell_Indicator: '2' }),
  susApcRow({ APCE_Ident: '1003', APCS_Ident: '5002', Episode_Number: '2', NHS_Number: patientB, Person_Birth_Date: '1990-01-15', Der_Provider_Code: 'RQ3', Admission_Method: '11', Admission_Date: '2024-05-02', Discharge_Date: '2024-05-10', Episode_Start_Date: '2024-05-06', Episode_End_Date: '2024-05-10', Episode_HRG: 'HC72C', Spell_Core_HRG: 'HC72C' }),
  // FZ91M emergency, LoS 1, age 64, short stay applies: 1565 x RXK MFF 1.0187 = 1594.2655 -> 1594.27
  susApcRow({ APCE_Ident: '1004', APCS_Ident: '5003', NHS_Number: patientC, Person_Birth_Date: '1960-02-29', Postcode: 'B91 3QJ', Der_Provider_Code: 'RXK', Admission_Method: '22', Admission_Date: '2024-05-20', Discharge_Date: '2024-05-21', Episode_Start_Date: '2024-05-20', Episode_End_Date: '2024-05-21', Episode_HRG: 'FZ91M', Spell_Core_HRG: 'FZ91M' }),
  // LB40F day case: 4359 x 1.0 (RLT has no MFF row) = 4359.00
  susApcRow({ APCE_Ident: '1005', APCS_Ident: '5004', NHS_Number: patientA, Der_Provider_Code: 'RLT', Admission_Method: '11', Patient_Classification: '2', Admission_Date: '2024-05-15', Discharge_Date: '2024-05-15', Episode_Start_Date: '2024-05-15', Episode_End_Date: '2024-05-15', Episode_HRG: 'LB40F', Spell_Core_HRG: 'LB40F' }),
  // Invalid NHS number (check digit 8 expected, 9 given) and still in hospital: kept, no pseudonym, no price
  susApcRow({ APCE_Ident: '1006', APCS_Ident: '5005', NHS_Number: '9990000019', Admission_Date: '2024-05-28', Discharge_Date: '', Episode_Start_Date: '2024-05-28', Episode_End_Date: '' }),
  // Unparsable admission date: quarantined at line 8
  susApcRow({ APCE_Ident: '1007', APCS_Ident: '5006', Admission_Date: '2024-13-45' }),
];

describe('the chain, end to end on a hand-checked SUS+ APC extract', () => {
  let t: TestHost;
  let extractId: string;

  beforeAll(async () => {
    t = await startTestHost();
    const outcome = await t.host.dropContent('sus-apc', 'sus_apc_202405_20240610.csv', susApcCsv(fixture));
    extractId = outcome.extractId!;
    await t.host.runUntilQuiet();
  });
  afterAll(async () => t.stop());

  it('loads six episodes with hand-computed spell prices on last episodes only', async () => {
    // Act
    const rows = await t.host.dependencies.warehouse.query(
      'SELECT apce_ident, spell_price, spell_price_status, spell_los_days, age_at_event, age_band, nhs_number_status, period_month FROM dw.fact_activity ORDER BY apce_ident',
    );

    // Assess
    expect(rows).toEqual([
      { apce_ident: '1001', spell_price: 5378.74, spell_price_status: 'priced', spell_los_days: 3, age_at_event: 92, age_band: '85+', nhs_number_status: 'valid', period_month: '2024-05-01' },
      { apce_ident: '1002', spell_price: null, spell_price_status: 'priced', spell_los_days: 8, age_at_event: 34, age_band: '25-34', nhs_number_status: 'valid', period_month: '2024-05-01' },
      { apce_ident: '1003', spell_price: 8381.54, spell_price_status: 'priced', spell_los_days: 8, age_at_event: 34, age_band: '25-34', nhs_number_status: 'valid', period_month: '2024-05-01' },
      { apce_ident: '1004', spell_price: 1594.27, spell_price_status: 'priced', spell_los_days: 1, age_at_event: 64, age_band: '55-64', nhs_number_status: 'valid', period_month: '2024-05-01' },
      { apce_ident: '1005', spell_price: 4359, spell_price_status: 'priced', spell_los_days: 0, age_at_event: 92, age_band: '85+', nhs_number_status: 'valid', period_month: '2024-05-01' },
      { apce_ident: '1006', spell_price: null, spell_price_status: 'open', spell_los_days: null, age_at_event: 92, age_band: '85+', nhs_number_status: 'invalid', period_month: '2024-05-01' },
    ]);
  });

  it('gives the same patient the same pseudonym and the invalid NHS number none', async () => {
    // Act
    const rows = await t.host.dependencies.warehouse.query('SELECT apce_ident, patient_pseudonym FROM dw.fact_activity ORDER BY apce_ident');

    // Assess
    const byEpisode = Object.fromEntries(rows.map((row) => [row.apce_ident, row.patient_pseudonym]));
    expect(byEpisode['1001']).toMatch(/^[0-9a-f]{64}$/);
    expect(byEpisode['1005']).toBe(byEpisode['1001']);
    expect(byEpisode['1002']).toBe(byEpisode['1003']);
    expect(new Set([byEpisode['1001'], byEpisode['1003'], byEpisode['1004']]).size).toBe(3);
    expect(byEpisode['1006']).toBeNull();
  });

  it('passes one row per spell to the linked output, null pseudonyms included', async () => {
    // Act
    const spells = await t.host.dependencies.warehouse.query('SELECT apcs_ident, spell_price FROM dw.link_careflow_spells ORDER BY apcs_ident');
    const [total] = await t.host.dependencies.warehouse.query('SELECT sum(spell_price) AS total FROM dw.link_careflow_spells');

    // Assess
    expect(spells.map((spell) => spell.apcs_ident)).toEqual(['5001', '5002', '5003', '5004', '5005']);
    expect(Number(total.total)).toBeCloseTo(5378.74 + 8381.54 + 1594.27 + 4359.0, 2);
  });

  it('quarantines the malformed row with its line number and reason', async () => {
    // Act
    const manifest = await t.host.dependencies.manifests.read('sus-apc', extractId);

    // Assess
    const pseudonymise = manifest!.products.careflow.stages.pseudonymise;
    expect(pseudonymise).toMatchObject({ rowsIn: 7, rowsOut: 6, rowsQuarantined: 1, quarantineReasons: { 'schema:Admission_Date:format': 1 } });
    const quarantined = await readGzipCsv(t, Zones.quarantine, `rows/careflow/sus-apc/${extractId}/pseudonymise.csv.gz`);
    expect(quarantined[0]).toEqual(['source_line', 'reason_code', 'reason', 'record']);
    expect(quarantined[1].slice(0, 3)).toEqual(['8', 'schema:Admission_Date:format', 'Admission_Date: must match format "date"']);
  });

  it('writes a DQ report whose counts and reconciliation follow from the fixture', async () => {
    // Act
    const found = await t.host.dependencies.blobs.readText(Zones.reports, `dq/careflow/${extractId.slice(0, 16)}/report.json`);
    const report = JSON.parse(found!.text) as DqReport;

    // Assess
    const byRule = Object.fromEntries(report.rules.map((rule) => [rule.ruleId, [rule.rowsChecked, rule.rowsFailing, rule.status]]));
    expect(byRule).toEqual({
      'APC-NHS-VALID': [6, 1, 'warn'],
      'APC-ADMIT-LE-DISCH': [5, 0, 'pass'],
      'APC-EPISODE-IN-SPELL': [5, 0, 'pass'],
      'APC-HRG-KNOWN': [6, 0, 'pass'],
      'APC-HRG-PRICED': [5, 0, 'pass'],
      'APC-HRG-UNGROUPABLE': [6, 0, 'pass'],
      'CF-CLUSTER-REFERRAL-EXISTS': [0, 0, 'pass'],
    });
    expect(report.rules.find((rule) => rule.ruleId === 'APC-NHS-VALID')!.samples).toEqual([{ businessKey: '1006', sourceLine: 7 }]);
    expect(report.reconciliation).toEqual([
      { extractId, flow: 'sus-apc', fileName: 'sus_apc_202405_20240610.csv', rowsIn: 7, rowsLoaded: 6, rowsQuarantined: 1, quarantineReasons: { 'schema:Admission_Date:format': 1 }, balanced: true },
    ]);
    expect(report.status).toBe('warn');
    expect(t.host.events.published.map((event) => event.eventType)).toEqual(['DscroFlows.DataQuality.ReportPublished']);
  });

  it('answers the status request stage by stage with row counts', async () => {
    // Act
    const answer = await answerStatusRequest(t.host.dependencies, extractId, undefined);

    // Assess
    expect(answer.status).toBe(200);
    const stages = (answer.jsonBody as { products: { stages: { stage: string; rowsIn: number; rowsOut: number; status: string }[] }[] }).products[0].stages;
    expect(stages.map((stage) => stage.stage)).toEqual(['pseudonymise', 'map', 'load', 'link#0', 'link#1', 'link#2', 'link#3', 'link#4', 'link#5', 'link#6', 'link#7', 'dq']);
    expect(stages.slice(0, 3).map((stage) => [stage.rowsIn, stage.rowsOut])).toEqual([[7, 6], [6, 6], [6, 6]]);
    expect(stages.every((stage) => stage.status === 'succeeded')).toBe(true);
  });
});

async function readGzipCsv(t: TestHost, zone: 'quarantine' | 'processed', path: string): Promise<string[][]> {
  const { gunzipSync } = await import('node:zlib');
  const Papa = (await import('papaparse')).default;
  const chunks: Buffer[] = [];
  for await (const chunk of await t.host.dependencies.blobs.openRead(zone, path)) chunks.push(chunk as Buffer);
  return Papa.parse<string[]>(gunzipSync(Buffer.concat(chunks)).toString('utf8'), { skipEmptyLines: true }).data;
}
