import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { careFlowFlows, generateExtracts, GenerateExtractsOptions, GenerationManifest } from '../../shared/generate/generateExtracts';
import { isValidNhsNumber } from '../../shared/generate/nhsNumbers';

const projectRoot = join(__dirname, '..', '..');

const headers = {
  prescribing: [
    'PrescriptionItemID', 'NHSNumber', 'PatientDOB', 'PatientPostcode', 'ProcessingPeriodDate', 'PrescribedBNFCode',
    'PrescribedBNFName', 'PaidBNFCode', 'PaidBNFName', 'ItemCount', 'PaidQuantity', 'ItemNIC', 'ItemActualCost',
    'PatientGPODS', 'DispensedPharmacyODSCode', 'PrescriberType',
  ],
  'mhsds-referrals': [
    'UniqServReqID', 'ServiceRequestId', 'NHSNumber', 'PersonBirthDate', 'Postcode', 'OrgIDProv', 'OrgIDComm',
    'ReferralRequestReceivedDate', 'SourceOfReferralMH', 'PrimReasonReferralMH', 'ClinRespPriorityType',
    'ServTeamTypeRefToMH', 'ServDischDate', 'ReferRejectionDate', 'UniqMonthID',
  ],
  'mhsds-care-clusters': [
    'UniqClustID', 'UniqServReqID', 'NHSNumber', 'OrgIDProv', 'StartDateCareClust', 'EndDateCareClust', 'AMHCareClustCodeFin',
  ],
} as const;

type NewFlow = keyof typeof headers;
const newFlows = Object.keys(headers) as NewFlow[];

const fileNames: Record<NewFlow, string> = {
  prescribing: 'prescribing/prescribing_2024-04_2025-03_20250415.csv',
  'mhsds-referrals': 'mhsds-referrals/mhsds_referrals_2024-04_2025-03_20250415.csv',
  'mhsds-care-clusters': 'mhsds-care-clusters/mhsds_care_clusters_2024-04_2025-03_20250415.csv',
};

/** The columns whose value is unparsable in a planted unparsableDate row, and those emptied by missingRequiredValue. */
const malformedShape: Record<NewFlow, { dateColumn: string; requiredColumns: readonly string[] }> = {
  prescribing: { dateColumn: 'ProcessingPeriodDate', requiredColumns: ['PrescriptionItemID', 'PaidBNFCode'] },
  'mhsds-referrals': { dateColumn: 'ReferralRequestReceivedDate', requiredColumns: ['UniqServReqID', 'ReferralRequestReceivedDate', 'OrgIDProv'] },
  'mhsds-care-clusters': { dateColumn: 'StartDateCareClust', requiredColumns: ['UniqClustID', 'UniqServReqID', 'StartDateCareClust'] },
};

type Row = Record<string, string>;

interface FlowFile {
  text: string;
  header: string[];
  /** Data rows as parsed cells, malformed ones included. */
  cells: string[][];
}

interface Run {
  folder: string;
  manifest: GenerationManifest;
  files: Record<string, FlowFile>;
}

const baseOptions = { months: 12, startMonth: '2024-04' } as const;

async function run(outDir: string, options: Omit<GenerateExtractsOptions, 'outDir'>): Promise<Run> {
  const manifest = await generateExtracts({ outDir, ...baseOptions, ...options });
  const files: Record<string, FlowFile> = {};
  for (const { flow, file } of manifest.generatedFiles) {
    const text = await readFile(join(outDir, file), 'utf8');
    const [header, ...cells] = Papa.parse<string[]>(text.trimEnd(), { header: false }).data;
    files[flow] = { text, header, cells };
  }
  return { folder: outDir, manifest, files };
}

function toRow(flow: string, cells: readonly string[]): Row {
  const columns = flow in headers ? headers[flow as NewFlow] : susApcHeader;
  return Object.fromEntries(columns.map((name, index) => [name, cells[index]]));
}

function isRealIsoDate(value: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Malformed as the pipeline's structural checks see it: wrong width, unreadable date or an empty required value. */
function malformedClass(flow: NewFlow, cells: readonly string[]): 'wrongColumnCount' | 'unparsableDate' | 'missingRequiredValue' | undefined {
  if (cells.length !== headers[flow].length) return 'wrongColumnCount';
  const row = toRow(flow, cells);
  const { dateColumn, requiredColumns } = malformedShape[flow];
  if (row[dateColumn] !== '' && !isRealIsoDate(row[dateColumn])) return 'unparsableDate';
  if (requiredColumns.some((name) => row[name] === '')) return 'missingRequiredValue';
  return undefined;
}

function wellFormedRows(flow: NewFlow, file: FlowFile): Row[] {
  return file.cells.filter((cells) => malformedClass(flow, cells) === undefined).map((cells) => toRow(flow, cells));
}

function countMalformed(flow: NewFlow, file: FlowFile): Record<string, number> {
  const counts = { wrongColumnCount: 0, unparsableDate: 0, missingRequiredValue: 0 };
  for (const cells of file.cells) {
    const found = malformedClass(flow, cells);
    if (found) counts[found]++;
  }
  return counts;
}

const nhsInvalid = (value: string) => value !== '' && !isValidNhsNumber(value);

/** BNF code structure as rule RX-BNF-WELLFORMED reads it: a 15-character drug code, or an 11-digit appliance code. */
const isWellFormedBnf = (code: string) => /^[0-9]{7}[0-9A-Z]{8}$/.test(code) || /^2[0-3][0-9]{9}$/.test(code);

/** Presentation codes the BNF reference tables know, read from the files reference/bnf/catalogue.json lists. */
function knownBnfCodes(): Set<string> {
  const catalogue = JSON.parse(readFileSync(join(projectRoot, 'reference', 'bnf', 'catalogue.json'), 'utf8')) as { codeInformation: string[]; presentations: string[] };
  const read = (file: string) => Papa.parse<Row>(readFileSync(join(projectRoot, file), 'utf8'), { header: true, skipEmptyLines: 'greedy' }).data;
  return new Set([
    ...catalogue.codeInformation.flatMap((file) => read(file).map((row) => row['BNF Presentation Code'])),
    ...catalogue.presentations.flatMap((file) => read(file).map((row) => row.BNF_CODE)),
  ]);
}

/** Each rule a well-formed row of the flow can break, as the flow's DQ rules state it. */
function rulesOf(flow: NewFlow, context: { knownBnf: Set<string>; referralIds: Set<string> }): Record<string, (row: Row) => boolean> {
  switch (flow) {
    case 'prescribing':
      return {
        invalidNhsNumber: (row) => nhsInvalid(row.NHSNumber),
        missingNhsNumber: (row) => row.NHSNumber === '',
        malformedBnfCode: (row) => !isWellFormedBnf(row.PaidBNFCode),
        unknownBnfCode: (row) => isWellFormedBnf(row.PaidBNFCode) && !context.knownBnf.has(row.PaidBNFCode),
        periodOutsideExtract: (row) => row.ProcessingPeriodDate < '2024-04-01' || row.ProcessingPeriodDate > '2025-03-31',
        negativeCost: (row) => Number(row.ItemNIC) < 0 || Number(row.ItemActualCost) < 0,
      };
    case 'mhsds-referrals':
      return {
        invalidNhsNumber: (row) => nhsInvalid(row.NHSNumber),
        missingNhsNumber: (row) => row.NHSNumber === '',
        receivedAfterDischarge: (row) => row.ServDischDate !== '' && row.ReferralRequestReceivedDate > row.ServDischDate,
        receivedAfterRejection: (row) => row.ReferRejectionDate !== '' && row.ReferralRequestReceivedDate > row.ReferRejectionDate,
      };
    case 'mhsds-care-clusters':
      return {
        invalidNhsNumber: (row) => nhsInvalid(row.NHSNumber),
        missingNhsNumber: (row) => row.NHSNumber === '',
        startAfterEnd: (row) => row.EndDateCareClust !== '' && row.StartDateCareClust > row.EndDateCareClust,
        orphanCluster: (row) => !context.referralIds.has(row.UniqServReqID),
      };
  }
}

const susApcHeader = [
  'APCE_Ident', 'APCS_Ident', 'Episode_Number', 'NHS_Number', 'Person_Birth_Date', 'Postcode', 'Sex',
  'Der_Provider_Code', 'Commissioner_Code', 'Admission_Date', 'Discharge_Date', 'Episode_Start_Date',
  'Episode_End_Date', 'Admission_Method', 'Patient_Classification', 'Discharge_Destination',
  'Treatment_Function_Code', 'Primary_Diagnosis_Code', 'Episode_HRG', 'Spell_Core_HRG', 'Last_Episode_In_Spell_Indicator',
];

/** The pipeline treats empty cells as absent before validating. */
function withoutEmpty(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
}

const schemaPath = (flow: string) => join(projectRoot, 'schemas', 'flows', `${flow}.schema.json`);

function schemaValidator(flow: string): (row: Row) => boolean {
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath(flow), 'utf8')) as object);
  return (row) => validate(withoutEmpty(row)) === true;
}

const dayMs = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
const monthOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Spells the CareFlow link stage anchors on: last episode, discharged alive, admission on or before discharge, valid NHS number. */
function dischargesByPatient(susApc: FlowFile): Map<string, string[]> {
  const byPatient = new Map<string, string[]>();
  for (const cells of susApc.cells) {
    if (cells.length !== susApcHeader.length) continue;
    const row = toRow('sus-apc', cells);
    if (row.Last_Episode_In_Spell_Indicator !== '1' || row.Discharge_Date === '' || row.Discharge_Destination === '79') continue;
    if (!isRealIsoDate(row.Admission_Date) || row.Admission_Date > row.Discharge_Date || !isValidNhsNumber(row.NHS_Number)) continue;
    byPatient.set(row.NHS_Number, [...(byPatient.get(row.NHS_Number) ?? []), row.Discharge_Date]);
  }
  return byPatient;
}

describe('generateExtracts (CareFlow Insights flows)', () => {
  let folder: string;
  let withDefects: Run;
  let clean: Run;
  let knownBnf: Set<string>;
  let referralIds: Set<string>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'careflow-extracts-'));
    withDefects = await run(join(folder, 'defects'), { seed: 42, patients: 4_000, defectRate: 0.02, flows: careFlowFlows });
    clean = await run(join(folder, 'clean'), { seed: 42, patients: 4_000, defectRate: 0, flows: careFlowFlows });
    knownBnf = knownBnfCodes();
    referralIds = new Set(wellFormedRows('mhsds-referrals', withDefects.files['mhsds-referrals']).map((row) => row.UniqServReqID));
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('names the CareFlow flow set and still writes only sus-apc by default', async () => {
    // Prepare
    const outDir = join(folder, 'default');

    // Act
    const manifest = await generateExtracts({ outDir, seed: 3, patients: 50 });

    // Assess
    expect(careFlowFlows).toEqual(['sus-apc', 'prescribing', 'mhsds-referrals', 'mhsds-care-clusters']);
    expect(manifest.generatedFiles.map((file) => file.flow)).toEqual(['sus-apc']);
    expect(Object.keys(manifest.plantedDefects)).toEqual(['sus-apc']);
  });

  it('records every file with its data-row count in manifest.json, in the order the flows were asked for', async () => {
    // Prepare
    const manifestPath = join(withDefects.folder, 'manifest.json');

    // Act
    const written = JSON.parse(await readFile(manifestPath, 'utf8')) as GenerationManifest;

    // Assess
    expect(written).toEqual(withDefects.manifest);
    expect(written.generatedFiles).toEqual([
      { flow: 'sus-apc', file: 'sus-apc/sus_apc_2024-04_2025-03_20250415.csv', rows: withDefects.files['sus-apc'].cells.length },
      ...newFlows.map((flow) => ({ flow, file: fileNames[flow], rows: withDefects.files[flow].cells.length })),
    ]);
    expect(Object.keys(written.plantedDefects)).toEqual([...careFlowFlows]);
  });

  describe.each(newFlows)('%s', (flow) => {
    it('writes the header with exactly the extract column names, in order', () => {
      // Prepare
      const { text, header } = withDefects.files[flow];

      // Act
      const firstLine = text.slice(0, text.indexOf('\r\n'));

      // Assess
      expect(header).toEqual(headers[flow]);
      expect(firstLine).toBe(headers[flow].join(','));
    });

    it('plants exactly the counted defects, each on its own rows, as a re-parse of the files finds them', () => {
      // Prepare
      const file = withDefects.files[flow];
      const planted = withDefects.manifest.plantedDefects[flow];
      const rules = rulesOf(flow, { knownBnf, referralIds });
      const rows = wellFormedRows(flow, file);

      // Act
      const found: Record<string, number> = { ...countMalformed(flow, file) };
      for (const [name, breaks] of Object.entries(rules)) found[name] = rows.filter(breaks).length;
      const rulesBrokenPerRow = rows.map((row) => Object.values(rules).filter((breaks) => breaks(row)).length);

      // Assess
      expect(found).toEqual(planted);
      expect(Math.max(...rulesBrokenPerRow)).toBe(1);
      for (const count of Object.values(planted)) expect(count).toBeGreaterThan(0);
    });

    it('plants nothing when the defect rate is 0, and the clean file breaks no rule', () => {
      // Prepare
      const file = clean.files[flow];
      const rules = Object.values(rulesOf(flow, { knownBnf, referralIds: new Set(wellFormedRows('mhsds-referrals', clean.files['mhsds-referrals']).map((row) => row.UniqServReqID)) }));

      // Act
      const malformed = file.cells.filter((cells) => malformedClass(flow, cells) !== undefined);
      const breaking = wellFormedRows(flow, file).filter((row) => rules.some((breaks) => breaks(row)));

      // Assess
      expect(Object.values(clean.manifest.plantedDefects[flow]).every((count) => count === 0)).toBe(true);
      expect(malformed).toEqual([]);
      expect(breaking).toEqual([]);
      expect(file.cells.length).toBeGreaterThan(100);
    });

    const schemaMissing = !existsSync(schemaPath(flow));
    (schemaMissing ? it.skip : it)(
      schemaMissing
        ? `validates well-formed rows against the row schema (skipped: schemas/flows/${flow}.schema.json is not written yet)`
        : 'validates every well-formed row against the row schema and rejects exactly the planted malformed ones',
      () => {
        // Prepare
        const isValid = schemaValidator(flow);
        const planted = withDefects.manifest.plantedDefects[flow];

        // Act
        const rejected = withDefects.files[flow].cells.filter((cells) => cells.length !== headers[flow].length || !isValid(toRow(flow, cells)));
        const rejectedClean = clean.files[flow].cells.filter((cells) => cells.length !== headers[flow].length || !isValid(toRow(flow, cells)));

        // Assess
        expect(rejected).toHaveLength(planted.wrongColumnCount + planted.unparsableDate + planted.missingRequiredValue);
        expect(rejectedClean).toEqual([]);
      },
    );
  });

  it('produces byte-identical files for the same seed and different ones for another seed', async () => {
    // Prepare
    const options = { patients: 4_000, defectRate: 0.02, flows: careFlowFlows };

    // Act
    const again = await run(join(folder, 'again'), { seed: 42, ...options });
    const other = await run(join(folder, 'other-seed'), { seed: 43, ...options });

    // Assess
    for (const flow of careFlowFlows) {
      expect(again.files[flow].text === withDefects.files[flow].text).toBe(true);
      expect(other.files[flow].text === withDefects.files[flow].text).toBe(false);
    }
    expect(await readFile(join(again.folder, 'manifest.json'), 'utf8')).toBe(await readFile(join(withDefects.folder, 'manifest.json'), 'utf8'));
  });

  it('writes the same file for a flow asked for alone: the flows it follows are generated without files', async () => {
    // Prepare
    const options = { seed: 42, patients: 4_000, defectRate: 0.02 };

    // Act
    const prescribingAlone = await run(join(folder, 'prescribing-alone'), { ...options, flows: ['prescribing'] });
    const clustersAlone = await run(join(folder, 'clusters-alone'), { ...options, flows: ['mhsds-care-clusters', 'prescribing'] });

    // Assess
    expect(prescribingAlone.manifest.generatedFiles.map((file) => file.flow)).toEqual(['prescribing']);
    expect(existsSync(join(prescribingAlone.folder, 'sus-apc'))).toBe(false);
    expect(prescribingAlone.files.prescribing.text === withDefects.files.prescribing.text).toBe(true);
    expect(clustersAlone.manifest.generatedFiles.map((file) => file.flow)).toEqual(['mhsds-care-clusters', 'prescribing']);
    expect(clustersAlone.files['mhsds-care-clusters'].text === withDefects.files['mhsds-care-clusters'].text).toBe(true);
    expect(clustersAlone.manifest.plantedDefects['mhsds-care-clusters']).toEqual(withDefects.manifest.plantedDefects['mhsds-care-clusters']);
  });

  describe('linkage', () => {
    it('draws every flow from one patient pool: many patients appear in sus-apc, prescribing and MHSDS referrals', () => {
      // Prepare
      const nhsNumbers = (flow: string, column: string) =>
        new Set(clean.files[flow].cells.map((cells) => toRow(flow, cells)[column]));
      const inpatients = nhsNumbers('sus-apc', 'NHS_Number');
      const prescribed = nhsNumbers('prescribing', 'NHSNumber');
      const referred = nhsNumbers('mhsds-referrals', 'NHSNumber');

      // Act
      const inAllThree = [...referred].filter((nhs) => inpatients.has(nhs) && prescribed.has(nhs));

      // Assess
      expect(inAllThree.length).toBeGreaterThan(100);
      expect(inAllThree.every(isValidNhsNumber)).toBe(true);
      expect(prescribed.size).toBeGreaterThan(0.6 * 4_000);
    });

    it('refers a share of inpatients within 0 to 30 days of discharge, with referrals on days 0, 30 and 31', () => {
      // Prepare
      const discharges = dischargesByPatient(clean.files['sus-apc']);
      const referrals = clean.files['mhsds-referrals'].cells.map((cells) => toRow('mhsds-referrals', cells));

      // Act
      const delays = new Map<number, number>();
      for (const referral of referrals) {
        for (const discharge of discharges.get(referral.NHSNumber) ?? []) {
          const days = daysBetween(discharge, referral.ReferralRequestReceivedDate);
          if (days >= 0 && days <= 31) delays.set(days, (delays.get(days) ?? 0) + 1);
        }
      }
      const withinWindow = [...delays].filter(([days]) => days <= 30).reduce((sum, [, count]) => sum + count, 0);

      // Assess
      expect(delays.get(0)).toBeGreaterThan(0);
      expect(delays.get(30)).toBeGreaterThan(0);
      expect(delays.get(31)).toBeGreaterThan(0);
      expect(withinWindow).toBeGreaterThan(50);
    });

    it('dispenses more in the discharge month and the two months after it than in other months', () => {
      // Prepare
      const discharges = dischargesByPatient(clean.files['sus-apc']);
      const itemsByPatientMonth = new Map<string, number>();
      for (const cells of clean.files.prescribing.cells) {
        const row = toRow('prescribing', cells);
        if (!discharges.has(row.NHSNumber)) continue;
        const key = `${row.NHSNumber}|${monthOf(row.ProcessingPeriodDate)}`;
        itemsByPatientMonth.set(key, (itemsByPatientMonth.get(key) ?? 0) + Number(row.ItemCount));
      }

      // Act
      const after = { items: 0, months: 0 };
      const otherwise = { items: 0, months: 0 };
      for (const [nhs, days] of discharges) {
        const windowMonths = new Set(days.flatMap((day) => [0, 1, 2].map((offset) => monthOf(day) + offset)));
        for (let month = monthOf('2024-04-01'); month <= monthOf('2025-03-01'); month++) {
          const bucket = windowMonths.has(month) ? after : otherwise;
          bucket.items += itemsByPatientMonth.get(`${nhs}|${month}`) ?? 0;
          bucket.months++;
        }
      }

      // Assess
      expect(after.items / after.months).toBeGreaterThan(1.2 * (otherwise.items / otherwise.months));
    });

    it('gives care clusters the NHS number of their referral, in sequence from the referral date', () => {
      // Prepare
      const referrals = new Map(clean.files['mhsds-referrals'].cells.map((cells) => toRow('mhsds-referrals', cells)).map((row) => [row.UniqServReqID, row]));
      const clusters = clean.files['mhsds-care-clusters'].cells.map((cells) => toRow('mhsds-care-clusters', cells));
      const byReferral = new Map<string, Row[]>();
      for (const cluster of clusters) byReferral.set(cluster.UniqServReqID, [...(byReferral.get(cluster.UniqServReqID) ?? []), cluster]);

      // Act
      const problems: string[] = [];
      for (const [id, sequence] of byReferral) {
        const referral = referrals.get(id);
        if (!referral) {
          problems.push(`${id}: no referral`);
          continue;
        }
        if (sequence.length > 3) problems.push(`${id}: ${sequence.length} clusters`);
        if (referral.OrgIDProv !== 'RXT' || referral.ReferRejectionDate !== '') problems.push(`${id}: clustered a referral that is not accepted by RXT`);
        sequence.forEach((cluster, index) => {
          if (cluster.NHSNumber !== referral.NHSNumber) problems.push(`${id}: NHS number differs from the referral`);
          if (cluster.StartDateCareClust < referral.ReferralRequestReceivedDate) problems.push(`${id}: cluster starts before the referral`);
          if (cluster.EndDateCareClust !== '' && cluster.EndDateCareClust < cluster.StartDateCareClust) problems.push(`${id}: cluster ends before it starts`);
          if (referral.ServDischDate !== '' && (cluster.EndDateCareClust === '' || cluster.EndDateCareClust > referral.ServDischDate)) problems.push(`${id}: cluster outlasts the referral`);
          const next = sequence[index + 1];
          if (next && (cluster.EndDateCareClust === '' || cluster.EndDateCareClust > next.StartDateCareClust)) problems.push(`${id}: clusters overlap`);
        });
      }

      // Assess
      expect(problems).toEqual([]);
      expect(byReferral.size).toBeGreaterThan(50);
      expect([...byReferral.values()].some((sequence) => sequence.length === 3)).toBe(true);
      expect(clusters.some((cluster) => cluster.EndDateCareClust === '')).toBe(true);
    });
  });

  describe('prescribing content', () => {
    let rows: Row[];
    beforeAll(() => {
      rows = clean.files.prescribing.cells.map((cells) => toRow('prescribing', cells));
    });

    it('dispenses real BNF presentations under their reference names, paid as prescribed or as an equivalent', () => {
      // Prepare
      const names = new Map(
        Papa.parse<Row>(readFileSync(join(projectRoot, 'reference', 'bnf', 'bnf-presentations.csv'), 'utf8'), { header: true, skipEmptyLines: 'greedy' }).data.map(
          (row) => [row.BNF_CODE, row.BNF_DESCRIPTION],
        ),
      );

      // Act
      const wrongNames = rows.filter((row) => names.get(row.PaidBNFCode) !== row.PaidBNFName || names.get(row.PrescribedBNFCode) !== row.PrescribedBNFName);
      const substituted = rows.filter((row) => row.PaidBNFCode !== row.PrescribedBNFCode);

      // Assess
      expect(wrongNames).toEqual([]);
      expect(substituted.length).toBeGreaterThan(0);
      expect(substituted.length / rows.length).toBeLessThan(0.05);
      for (const row of substituted) expect(row.PaidBNFCode.slice(0, 9)).toBe(row.PrescribedBNFCode.slice(0, 9));
      expect(new Set(rows.map((row) => row.PaidBNFCode)).size).toBeGreaterThan(500);
    });

    it('dates items on the first of a month of the extract, with counts of 1 to 3 and an actual cost a little below NIC', () => {
      // Prepare
      const months = new Set(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03'].map((month) => `${month}-01`));

      // Act
      const badDates = rows.filter((row) => !months.has(row.ProcessingPeriodDate));
      const badCounts = rows.filter((row) => !['1', '2', '3'].includes(row.ItemCount));
      const badCosts = rows.filter((row) => !(Number(row.ItemActualCost) > 0 && Number(row.ItemActualCost) <= Number(row.ItemNIC) && /^[0-9]+\.[0-9]{2}$/.test(row.ItemNIC)));
      const single = rows.filter((row) => row.ItemCount === '1').length / rows.length;

      // Assess
      expect(badDates).toEqual([]);
      expect(badCounts).toEqual([]);
      expect(badCosts).toEqual([]);
      expect(single).toBeGreaterThan(0.85);
      expect(new Set(rows.map((row) => row.ProcessingPeriodDate)).size).toBe(12);
    });

    it('registers each patient with one Birmingham-like practice and uses F-coded pharmacies and GP, nurse or pharmacist prescribers', () => {
      // Prepare
      const practices = new Map<string, Set<string>>();
      for (const row of rows) practices.set(row.NHSNumber, (practices.get(row.NHSNumber) ?? new Set()).add(row.PatientGPODS));

      // Act
      const patientsWithTwoPractices = [...practices.values()].filter((codes) => codes.size > 1);
      const prescriberTypes = new Set(rows.map((row) => row.PrescriberType));

      // Assess
      expect(patientsWithTwoPractices).toEqual([]);
      expect(rows.every((row) => /^M8[58][0-9]{3}$/.test(row.PatientGPODS))).toBe(true);
      expect(rows.every((row) => /^F[A-Z0-9]{4}$/.test(row.DispensedPharmacyODSCode))).toBe(true);
      expect([...prescriberTypes].sort()).toEqual(['GP', 'Nurse', 'Pharmacist']);
      expect(rows.filter((row) => row.PrescriberType === 'GP').length / rows.length).toBeGreaterThan(0.75);
    });
  });

  describe('MHSDS content', () => {
    it('builds referral ids from provider and request id, mostly at RXT, with UniqMonthID counting from 1417 = April 2018', () => {
      // Prepare
      const rows = clean.files['mhsds-referrals'].cells.map((cells) => toRow('mhsds-referrals', cells));
      const expectedMonthId = (row: Row) => {
        const closed = row.ReferRejectionDate || row.ServDischDate || '2025-03-31';
        return String(1417 + monthOf(closed) - monthOf('2018-04-01'));
      };

      // Act
      const badIds = rows.filter((row) => row.UniqServReqID !== row.OrgIDProv + row.ServiceRequestId);
      const badMonths = rows.filter((row) => row.UniqMonthID !== expectedMonthId(row));
      const share = (predicate: (row: Row) => boolean) => rows.filter(predicate).length / rows.length;

      // Assess
      expect(badIds).toEqual([]);
      expect(badMonths).toEqual([]);
      expect(new Set(rows.map((row) => row.UniqServReqID)).size).toBe(rows.length);
      expect(share((row) => row.OrgIDProv === 'RXT')).toBeGreaterThan(0.6);
      expect(rows.every((row) => row.OrgIDComm === '15E')).toBe(true);
      expect(rows.every((row) => row.ReferralRequestReceivedDate >= '2024-04-01' && row.ReferralRequestReceivedDate <= '2025-03-31')).toBe(true);
      expect(share((row) => row.ServDischDate === '')).toBeGreaterThan(0.2);
      expect(share((row) => row.ReferRejectionDate !== '')).toBeGreaterThan(0);
      expect(share((row) => row.ReferRejectionDate !== '')).toBeLessThan(0.1);
      expect(rows.every((row) => /^[0-9]{2}$/.test(row.PrimReasonReferralMH) && Number(row.PrimReasonReferralMH) <= 26)).toBe(true);
      expect(rows.every((row) => ['1', '2', '3', '4'].includes(row.ClinRespPriorityType))).toBe(true);
    });

    it('codes clusters 0 to 21 but never 9, with and without a leading zero', () => {
      // Prepare
      const codes = clean.files['mhsds-care-clusters'].cells.map((cells) => toRow('mhsds-care-clusters', cells).AMHCareClustCodeFin);

      // Act
      const values = codes.map(Number);

      // Assess
      expect(values.every((value) => Number.isInteger(value) && value >= 0 && value <= 21 && value !== 9)).toBe(true);
      expect(codes.some((code) => /^0[0-9]$/.test(code))).toBe(true);
      expect(codes.some((code) => /^[1-9]$/.test(code))).toBe(true);
    });
  });

  describe('row targets', () => {
    it('writes exactly the rows asked for per flow, 1 sus-apc episode to 5 prescription items as the benchmark does', async () => {
      // Prepare
      const rowsByFlow = { 'sus-apc': 1_000, prescribing: 5_000, 'mhsds-referrals': 600, 'mhsds-care-clusters': 400 };

      // Act
      const targeted = await run(join(folder, 'targets'), { seed: 9, defectRate: 0.01, flows: careFlowFlows, rowsByFlow });

      // Assess
      expect(Object.fromEntries(targeted.manifest.generatedFiles.map((file) => [file.flow, file.rows]))).toEqual(rowsByFlow);
      for (const [flow, rows] of Object.entries(rowsByFlow)) expect(targeted.files[flow].cells).toHaveLength(rows);
      const referralIdsInFile = new Set(targeted.files['mhsds-referrals'].cells.map((cells) => cells[0]));
      const orphans = targeted.files['mhsds-care-clusters'].cells.filter((cells) => cells.length === 7 && cells[1] !== '' && !referralIdsInFile.has(cells[1]));
      expect(orphans).toHaveLength(targeted.manifest.plantedDefects['mhsds-care-clusters'].orphanCluster);
    });

    it('applies `rows` to every flow written unless `rowsByFlow` names it', async () => {
      // Prepare
      const options = { seed: 11, defectRate: 0, flows: careFlowFlows, rows: 700, rowsByFlow: { prescribing: 2_100 } };

      // Act
      const targeted = await run(join(folder, 'uniform-target'), options);

      // Assess
      expect(targeted.manifest.generatedFiles.map((file) => file.rows)).toEqual([700, 2_100, 700, 700]);
    });

    it('refuses unknown flows, bad counts and more clusters than the referrals can hold', async () => {
      // Prepare
      const outDir = join(folder, 'refused');

      // Act
      const unknownFlow = generateExtracts({ outDir, flows: ['sus-apc'], rowsByFlow: { 'sus-op': 10 } });
      const badCount = generateExtracts({ outDir, flows: careFlowFlows, rowsByFlow: { prescribing: 2.5 } });
      const twice = generateExtracts({ outDir, flows: ['prescribing', 'prescribing'] });
      const tooManyClusters = generateExtracts({ outDir, patients: 200, flows: ['mhsds-care-clusters'], rowsByFlow: { 'mhsds-care-clusters': 100_000 } });

      // Assess
      await expect(unknownFlow).rejects.toThrow(/unknown flow\(s\) sus-op/);
      await expect(badCount).rejects.toThrow(/rowsByFlow.prescribing must be a positive integer/);
      await expect(twice).rejects.toThrow(/listed twice: prescribing/);
      await expect(tooManyClusters).rejects.toThrow(/need more referrals than the \d+ clusterable ones/);
    });
  });
});
