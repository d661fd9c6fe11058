import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { careFlowFlows, community360Flows, generateExtracts, GenerateExtractsOptions, GenerationManifest } from '../../shared/generate/generateExtracts';
import { isValidNhsNumber } from '../../shared/generate/nhsNumbers';

const projectRoot = join(__dirname, '..', '..');

const headers = {
  ecds: [
    'EC_Ident', 'NHS_Number', 'Person_Birth_Date', 'Postcode', 'Der_Provider_Code', 'Der_Provider_Site_Code', 'Arrival_Date',
    'Arrival_Time', 'EC_Arrival_Mode_SNOMED_CT', 'EC_AttendanceCategory', 'EC_Department_Type', 'EC_Chief_Complaint_SNOMED_CT',
    'EC_Acuity_SNOMED_CT', 'EC_Decision_To_Admit_Date', 'EC_Departure_Date', 'EC_Departure_Time', 'EC_Discharge_Status_SNOMED_CT',
    'Discharge_Destination_SNOMED_CT', 'Discharge_Follow_Up_SNOMED_CT', 'SUS_HRG_Code',
  ],
  'csds-referrals': [
    'UniqueServiceRequestIdentifier', 'ServiceRequestIdentifier', 'NHSNumber', 'PersonBirthDate', 'Postcode',
    'OrganisationCodeProvider', 'ReferralRequestReceivedDate', 'SourceOfReferralForCommunity',
    'PrimaryReasonForReferralCommunityCare', 'PriorityTypeCode', 'ServiceDischargeDate',
  ],
  'csds-contacts': [
    'UniqueCareContactIdentifier', 'UniqueServiceRequestIdentifier', 'NHSNumber', 'OrganisationCodeProvider', 'CareContactDate',
    'CareContactTime', 'ActivityLocationTypeCode', 'ConsultationMediumUsed', 'AttendedOrDidNotAttendCode',
    'ClinicalContactDurationOfCareContact',
  ],
  dids: [
    'NHS_NUMBER', 'PERSON_BIRTH_DATE', 'POSTCODE', 'PERSON_GENDER_CODE', 'PRACTICE_CODE', 'PATIENT_SOURCE_SETTING', 'REFERRER',
    'REFERRING_ORG_CODE', 'DIAGNOSTIC_TEST_REQUEST_DATE', 'DIAG_TEST_REQUEST_REC_DATE', 'DIAGNOSTIC_TEST_DATE',
    'SERVICE_REPORT_DATE', 'IMAGING_CODE_NICIP', 'IMAGING_CODE_SNOMED', 'SITE_CODE_IMAGING', 'RADIOLOGICAL_ACCESSION_NUM',
    'PROVIDER_CODE',
  ],
} as const;

type Flow = keyof typeof headers;
const flows = Object.keys(headers) as Flow[];

const fileNames: Record<Flow, string> = {
  ecds: 'ecds/ecds_2024-04_2025-03_20250415.csv',
  'csds-referrals': 'csds-referrals/csds_referrals_2024-04_2025-03_20250415.csv',
  'csds-contacts': 'csds-contacts/csds_contacts_2024-04_2025-03_20250415.csv',
  dids: 'dids/dids_2024-04_2025-03_20250415.csv',
};

/** The extracts' snapshot date, from their file names. */
const snapshotDate = '2025-04-15';

/** The column an unparsableDate row carries an unreadable date in, and the columns missingRequiredValue may empty. */
const malformedShape: Record<Flow, { dateColumn: string; requiredColumns: readonly string[] }> = {
  ecds: { dateColumn: 'Arrival_Date', requiredColumns: ['EC_Ident', 'Der_Provider_Code'] },
  'csds-referrals': { dateColumn: 'ReferralRequestReceivedDate', requiredColumns: ['UniqueServiceRequestIdentifier', 'OrganisationCodeProvider', 'ReferralRequestReceivedDate'] },
  'csds-contacts': { dateColumn: 'CareContactDate', requiredColumns: ['UniqueCareContactIdentifier', 'UniqueServiceRequestIdentifier', 'CareContactDate'] },
  dids: { dateColumn: 'DIAGNOSTIC_TEST_DATE', requiredColumns: ['SITE_CODE_IMAGING', 'RADIOLOGICAL_ACCESSION_NUM', 'IMAGING_CODE_NICIP', 'PROVIDER_CODE'] },
};

/** The ECDS discharge destination reference set, as the Community 360 specification lists it. */
const specifiedDestinations: Record<string, readonly string[]> = {
  admitted: ['306706006', '1066361000000104', '1066371000000106', '1066381000000108', '1066391000000105', '1066401000000108', '1874161000000104'],
  discharged: ['306689006', '306691003', '306694006', '306705005', '50861005', '989501000000106'],
  ambulatory: ['1066331000000109', '1066341000000100', '1066351000000102'],
  transfer: ['19712007', '183919006'],
  died: ['305398007'],
};
const groupOfDestination = new Map(Object.entries(specifiedDestinations).flatMap(([group, codes]) => codes.map((code) => [code, group] as const)));

const arrivalModes = [
  '1048031000000100', '1048041000000109', '1048021000000102', '1048051000000107', '1048081000000101', '1048071000000103',
  '1048061000000105', '1048001000000106', '1047991000000102',
];

const norfolkAndWaveney = /^(NR([1-9]|[12][0-9]|3[0-5])|PE3[0-8]|IP2[0-2]|IP2[4-6]) [1-9][ABDEFGHJLNPQRSTUWXYZ]{2}$/;

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

function toRow(flow: Flow, cells: readonly string[]): Row {
  return Object.fromEntries(headers[flow].map((name, index) => [name, cells[index]]));
}

function isRealIsoDate(value: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Malformed as the pipeline's structural checks see it: wrong width, unreadable date or an empty required value. */
function malformedClass(flow: Flow, cells: readonly string[]): 'wrongColumnCount' | 'unparsableDate' | 'missingRequiredValue' | undefined {
  if (cells.length !== headers[flow].length) return 'wrongColumnCount';
  const row = toRow(flow, cells);
  const { dateColumn, requiredColumns } = malformedShape[flow];
  if (row[dateColumn] !== '' && !isRealIsoDate(row[dateColumn])) return 'unparsableDate';
  if (requiredColumns.some((name) => row[name] === '')) return 'missingRequiredValue';
  return undefined;
}

function wellFormedRows(flow: Flow, file: FlowFile): Row[] {
  return file.cells.filter((cells) => malformedClass(flow, cells) === undefined).map((cells) => toRow(flow, cells));
}

function countMalformed(flow: Flow, file: FlowFile): Record<string, number> {
  const counts = { wrongColumnCount: 0, unparsableDate: 0, missingRequiredValue: 0 };
  for (const cells of file.cells) {
    const found = malformedClass(flow, cells);
    if (found) counts[found]++;
  }
  return counts;
}

function readCsv(path: string): Row[] {
  return Papa.parse<Row>(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' }).data;
}

/** Discharge destinations the pipeline's lookup knows: the project's reference file, or the specification's list. */
function knownDestinations(): Set<string> {
  const file = join(projectRoot, 'reference', 'ecds', 'discharge-destinations.csv');
  return existsSync(file) ? new Set(readCsv(file).map((row) => row.snomed_code)) : new Set(groupOfDestination.keys());
}

const pairsFile = [join(projectRoot, 'reference', 'dids', 'dids-nicip-snomed-modality.csv'), join(projectRoot, '..', 'shared', 'reference', 'dids-nicip-snomed-modality.csv')].find(existsSync)!;

/** NICIP and SNOMED CT codes the pipeline's modality lookups resolve: their files, or the table they are built from. */
function knownImagingCodes(): { nicip: Set<string>; snomed: Set<string>; pairs: Set<string> } {
  const pairRows = readCsv(pairsFile);
  const pairs = new Set(pairRows.map((row) => `${row['NICIP short code'].trim().toUpperCase()}|${row['SNOMED-CT code'].trim()}`));
  const folder = join(projectRoot, 'reference', 'dids');
  if (existsSync(join(folder, 'dids-nicip-modality.csv')) && existsSync(join(folder, 'dids-snomed-modality.csv'))) {
    return {
      nicip: new Set(readCsv(join(folder, 'dids-nicip-modality.csv')).map((row) => row.nicip_code)),
      snomed: new Set(readCsv(join(folder, 'dids-snomed-modality.csv')).map((row) => row.snomed_code)),
      pairs,
    };
  }
  return {
    nicip: new Set(pairRows.map((row) => row['NICIP short code'].trim().toUpperCase()).filter(Boolean)),
    snomed: new Set(pairRows.map((row) => row['SNOMED-CT code'].trim()).filter(Boolean)),
    pairs,
  };
}

interface RuleContext {
  destinations: Set<string>;
  imaging: { nicip: Set<string>; snomed: Set<string> };
  referralIds: Set<string>;
}

const nhsInvalid = (value: string) => value !== '' && !isValidNhsNumber(value);
const didsDates = ['DIAGNOSTIC_TEST_REQUEST_DATE', 'DIAG_TEST_REQUEST_REC_DATE', 'DIAGNOSTIC_TEST_DATE', 'SERVICE_REPORT_DATE'];

/** Each rule a well-formed row of the flow can break, as the flow's DQ rules (and the product's cross-flow rule) state it. */
function rulesOf(flow: Flow, context: RuleContext): Record<string, (row: Row) => boolean> {
  switch (flow) {
    case 'ecds':
      return {
        invalidNhsNumber: (row) => nhsInvalid(row.NHS_Number),
        missingNhsNumber: (row) => row.NHS_Number === '',
        // Read on departed attendances: one still in the department has no destination yet.
        missingDischargeDestination: (row) => row.EC_Departure_Date !== '' && row.Discharge_Destination_SNOMED_CT === '',
        unknownDischargeDestination: (row) => row.Discharge_Destination_SNOMED_CT !== '' && !context.destinations.has(row.Discharge_Destination_SNOMED_CT),
        departureBeforeArrival: (row) =>
          row.EC_Departure_Date !== '' &&
          (row.EC_Departure_Date < row.Arrival_Date || (row.EC_Departure_Date === row.Arrival_Date && row.EC_Departure_Time < row.Arrival_Time)),
      };
    case 'csds-referrals':
      return {
        invalidNhsNumber: (row) => nhsInvalid(row.NHSNumber),
        missingNhsNumber: (row) => row.NHSNumber === '',
        dischargedBeforeReceived: (row) => row.ServiceDischargeDate !== '' && row.ReferralRequestReceivedDate > row.ServiceDischargeDate,
      };
    case 'csds-contacts':
      return {
        invalidNhsNumber: (row) => nhsInvalid(row.NHSNumber),
        missingNhsNumber: (row) => row.NHSNumber === '',
        orphanContact: (row) => !context.referralIds.has(row.UniqueServiceRequestIdentifier),
      };
    case 'dids':
      return {
        invalidNhsNumber: (row) => nhsInvalid(row.NHS_NUMBER),
        missingNhsNumber: (row) => row.NHS_NUMBER === '',
        missingTestDate: (row) => row.DIAGNOSTIC_TEST_DATE === '',
        // Every pair of dates in order, compared where both are present.
        dateSequenceBroken: (row) =>
          didsDates.some((earlier, i) => didsDates.slice(i + 1).some((later) => row[earlier] !== '' && row[later] !== '' && row[earlier] > row[later])),
        birthAfterTest: (row) => row.DIAGNOSTIC_TEST_DATE !== '' && row.PERSON_BIRTH_DATE > row.DIAGNOSTIC_TEST_DATE,
        testInFuture: (row) => row.DIAGNOSTIC_TEST_DATE > snapshotDate,
        // The modality comes from the NICIP code or, failing that, the SNOMED CT code.
        unknownImagingCode: (row) => !context.imaging.nicip.has(row.IMAGING_CODE_NICIP.toUpperCase()) && !context.imaging.snomed.has(row.IMAGING_CODE_SNOMED),
      };
  }
}

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
const minutesOf = (date: string, time: string) => Date.parse(`${date}T${time}:00Z`) / 60_000;

function referralIdsOf(file: FlowFile): Set<string> {
  return new Set(wellFormedRows('csds-referrals', file).map((row) => row.UniqueServiceRequestIdentifier));
}

describe('generateExtracts (Community 360 flows)', () => {
  let folder: string;
  let withDefects: Run;
  let clean: Run;
  let destinations: Set<string>;
  let imaging: ReturnType<typeof knownImagingCodes>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'community360-extracts-'));
    withDefects = await run(join(folder, 'defects'), { seed: 42, patients: 4_000, defectRate: 0.02, flows: community360Flows });
    clean = await run(join(folder, 'clean'), { seed: 42, patients: 4_000, defectRate: 0, flows: community360Flows });
    destinations = knownDestinations();
    imaging = knownImagingCodes();
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('names the Community 360 flow set', () => {
    // Assess
    expect(community360Flows).toEqual(['ecds', 'csds-referrals', 'csds-contacts', 'dids']);
  });

  it('records every file with its data-row count in manifest.json, in the order the flows were asked for', async () => {
    // Prepare
    const manifestPath = join(withDefects.folder, 'manifest.json');

    // Act
    const written = JSON.parse(await readFile(manifestPath, 'utf8')) as GenerationManifest;

    // Assess
    expect(written).toEqual(withDefects.manifest);
    expect(written).toMatchObject({ seed: 42, patients: 4_000, months: 12, startMonth: '2024-04' });
    expect(written.patientPools).toBeUndefined();
    expect(written.generatedFiles).toEqual(flows.map((flow) => ({ flow, file: fileNames[flow], rows: withDefects.files[flow].cells.length })));
    expect(Object.keys(written.plantedDefects)).toEqual([...community360Flows]);
  });

  describe.each(flows)('%s', (flow) => {
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
      const rules = rulesOf(flow, { destinations, imaging, referralIds: referralIdsOf(withDefects.files['csds-referrals']) });
      const rows = wellFormedRows(flow, file);

      // Act
      const found: Record<string, number> = { ...countMalformed(flow, file) };
      for (const [name, breaks] of Object.entries(rules)) found[name] = rows.filter(breaks).length;
      const rulesBrokenPerRow = rows.map((row) => Object.values(rules).filter((breaks) => breaks(row)).length);

      // Assess
      expect(found).toEqual(planted);
      expect(Object.keys(planted).sort()).toEqual(Object.keys(found).sort());
      expect(Math.max(...rulesBrokenPerRow)).toBe(1);
      for (const count of Object.values(planted)) expect(count).toBeGreaterThan(0);
    });

    it('plants nothing when the defect rate is 0, and the clean file breaks no rule', () => {
      // Prepare
      const file = clean.files[flow];
      const rules = Object.values(rulesOf(flow, { destinations, imaging, referralIds: referralIdsOf(clean.files['csds-referrals']) }));

      // Act
      const malformed = file.cells.filter((cells) => malformedClass(flow, cells) !== undefined);
      const breaking = wellFormedRows(flow, file).filter((row) => rules.some((breaks) => breaks(row)));

      // Assess
      expect(Object.values(clean.manifest.plantedDefects[flow]).every((count) => count === 0)).toBe(true);
      expect(malformed).toEqual([]);
      expect(breaking).toEqual([]);
      expect(file.cells.length).toBeGreaterThan(500);
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
    const options = { patients: 4_000, defectRate: 0.02, flows: community360Flows };

    // Act
    const again = await run(join(folder, 'again'), { seed: 42, ...options });
    const other = await run(join(folder, 'other-seed'), { seed: 43, ...options });

    // Assess
    for (const flow of community360Flows) {
      expect(again.files[flow].text === withDefects.files[flow].text).toBe(true);
      expect(other.files[flow].text === withDefects.files[flow].text).toBe(false);
    }
    expect(await readFile(join(again.folder, 'manifest.json'), 'utf8')).toBe(await readFile(join(withDefects.folder, 'manifest.json'), 'utf8'));
  });

  it('writes the same file for a flow asked for alone: the flows it follows are generated without files', async () => {
    // Prepare
    const options = { seed: 42, patients: 4_000, defectRate: 0.02 };

    // Act
    const didsAlone = await run(join(folder, 'dids-alone'), { ...options, flows: ['dids'] });
    const contactsAlone = await run(join(folder, 'contacts-alone'), { ...options, flows: ['csds-contacts'] });

    // Assess
    expect(didsAlone.manifest.generatedFiles.map((file) => file.flow)).toEqual(['dids']);
    expect(existsSync(join(didsAlone.folder, 'ecds'))).toBe(false);
    expect(didsAlone.files.dids.text === withDefects.files.dids.text).toBe(true);
    expect(contactsAlone.files['csds-contacts'].text === withDefects.files['csds-contacts'].text).toBe(true);
    expect(contactsAlone.manifest.plantedDefects['csds-contacts']).toEqual(withDefects.manifest.plantedDefects['csds-contacts']);
  });

  it('leaves CareFlow extracts untouched when both products are generated in one run, each from its own pool', async () => {
    // Prepare
    const options = { seed: 42, patients: 4_000, defectRate: 0.02 };

    // Act
    const careFlowOnly = await run(join(folder, 'careflow-only'), { ...options, flows: careFlowFlows });
    const both = await run(join(folder, 'both'), { ...options, flows: [...community360Flows, ...careFlowFlows] });

    // Assess
    for (const flow of careFlowFlows) expect(both.files[flow].text === careFlowOnly.files[flow].text).toBe(true);
    for (const flow of community360Flows) expect(both.files[flow].text === withDefects.files[flow].text).toBe(true);
    expect(both.manifest.patientPools).toEqual({ 'norfolk-waveney': 4_000, 'birmingham-solihull': 4_000 });
    expect(both.manifest.patients).toBe(8_000);
    expect(careFlowOnly.manifest.patientPools).toBeUndefined();
    // Two pools of 4,000 from about 909,000 test-range numbers share about 18 by chance, not by design.
    const norfolkPatients = new Set(both.files.ecds.cells.map((cells) => cells[1]).filter(isValidNhsNumber));
    const shared = new Set(both.files['sus-apc'].cells.map((cells) => cells[3]).filter((nhs) => norfolkPatients.has(nhs)));
    expect(shared.size).toBeLessThan(60);
  });

  describe('linkage', () => {
    let attendances: Row[];
    let referrals: Row[];
    let contacts: Row[];
    let tests: Row[];

    beforeAll(() => {
      attendances = clean.files.ecds.cells.map((cells) => toRow('ecds', cells));
      referrals = clean.files['csds-referrals'].cells.map((cells) => toRow('csds-referrals', cells));
      contacts = clean.files['csds-contacts'].cells.map((cells) => toRow('csds-contacts', cells));
      tests = clean.files.dids.cells.map((cells) => toRow('dids', cells));
    });

    it('draws every flow from one Norfolk and Waveney pool: many patients appear in all four', () => {
      // Prepare
      const nhsNumbers = (rows: Row[], column: string) => new Set(rows.map((row) => row[column]));
      const attended = nhsNumbers(attendances, 'NHS_Number');
      const contacted = nhsNumbers(contacts, 'NHSNumber');
      const imaged = nhsNumbers(tests, 'NHS_NUMBER');

      // Act
      const inAll = [...nhsNumbers(referrals, 'NHSNumber')].filter((nhs) => attended.has(nhs) && contacted.has(nhs) && imaged.has(nhs));

      // Assess
      expect(inAll.length).toBeGreaterThan(50);
      expect(inAll.every(isValidNhsNumber)).toBe(true);
      expect([...attendances, ...referrals].every((row) => norfolkAndWaveney.test(row.Postcode))).toBe(true);
      expect(tests.every((row) => norfolkAndWaveney.test(row.POSTCODE))).toBe(true);
    });

    it('refers a share of those sent home from A&E to community services, with referrals on days 0, 30 and 31 after departure', () => {
      // Prepare
      const departuresHome = new Map<string, string[]>();
      for (const row of attendances) {
        if (groupOfDestination.get(row.Discharge_Destination_SNOMED_CT) !== 'discharged') continue;
        departuresHome.set(row.NHS_Number, [...(departuresHome.get(row.NHS_Number) ?? []), row.EC_Departure_Date]);
      }

      // Act
      const delays = new Map<number, number>();
      for (const referral of referrals) {
        for (const departure of departuresHome.get(referral.NHSNumber) ?? []) {
          const days = daysBetween(departure, referral.ReferralRequestReceivedDate);
          if (days >= 0 && days <= 31) delays.set(days, (delays.get(days) ?? 0) + 1);
        }
      }
      const afterAttendance = referrals.filter((row) => row.SourceOfReferralForCommunity === 'H1').length;

      // Assess
      expect(delays.get(0)).toBeGreaterThan(5);
      expect(delays.get(30)).toBeGreaterThan(5);
      expect(delays.get(31)).toBeGreaterThan(5);
      expect(afterAttendance).toBeGreaterThan(50);
    });

    it('refers older patients sent home far more often than younger ones', () => {
      // Prepare
      const referredWithin30 = new Set<string>();
      const received = new Map<string, string[]>();
      for (const referral of referrals) received.set(referral.NHSNumber, [...(received.get(referral.NHSNumber) ?? []), referral.ReferralRequestReceivedDate]);
      const home = attendances.filter((row) => groupOfDestination.get(row.Discharge_Destination_SNOMED_CT) === 'discharged');
      for (const row of home) {
        const days = (received.get(row.NHS_Number) ?? []).map((date) => daysBetween(row.EC_Departure_Date, date));
        if (days.some((delay) => delay >= 0 && delay <= 30)) referredWithin30.add(row.EC_Ident);
      }
      const rate = (rows: Row[]) => rows.filter((row) => referredWithin30.has(row.EC_Ident)).length / rows.length;
      const age = (row: Row) => daysBetween(row.Person_Birth_Date, row.Arrival_Date) / 365.25;

      // Act
      const older = rate(home.filter((row) => age(row) >= 80));
      const younger = rate(home.filter((row) => age(row) < 65));

      // Assess
      expect(older).toBeGreaterThan(3 * younger);
    });

    it('images a share of admitted patients within 0 to 7 days of arrival, with tests on days 0, 7 and 8', () => {
      // Prepare
      const admittedArrivals = new Map<string, string[]>();
      for (const row of attendances) {
        if (groupOfDestination.get(row.Discharge_Destination_SNOMED_CT) !== 'admitted') continue;
        admittedArrivals.set(row.NHS_Number, [...(admittedArrivals.get(row.NHS_Number) ?? []), row.Arrival_Date]);
      }

      // Act
      const delays = new Map<number, number>();
      for (const test of tests) {
        if (!['1', '01', '5', '05'].includes(test.PATIENT_SOURCE_SETTING)) continue;
        for (const arrival of admittedArrivals.get(test.NHS_NUMBER) ?? []) {
          const days = daysBetween(arrival, test.DIAGNOSTIC_TEST_DATE);
          if (days >= 0 && days <= 8) delays.set(days, (delays.get(days) ?? 0) + 1);
        }
      }
      const sameDayInDepartment = tests.filter((row) => Number(row.PATIENT_SOURCE_SETTING) === 5);

      // Assess
      expect(delays.get(0)).toBeGreaterThan(50);
      expect(delays.get(7)).toBeGreaterThan(5);
      expect(delays.get(8)).toBeGreaterThan(5);
      expect(sameDayInDepartment.length).toBeGreaterThan(50);
      for (const test of sameDayInDepartment) expect(admittedArrivals.get(test.NHS_NUMBER)).toContain(test.DIAGNOSTIC_TEST_DATE);
    });

    it('gives care contacts the NHS number of their referral, dated from its receipt to its discharge', () => {
      // Prepare
      const byId = new Map(referrals.map((row) => [row.UniqueServiceRequestIdentifier, row]));
      const perReferral = new Map<string, number>();

      // Act
      const problems: string[] = [];
      for (const contact of contacts) {
        const referral = byId.get(contact.UniqueServiceRequestIdentifier);
        perReferral.set(contact.UniqueServiceRequestIdentifier, (perReferral.get(contact.UniqueServiceRequestIdentifier) ?? 0) + 1);
        if (!referral) {
          problems.push(`${contact.UniqueCareContactIdentifier}: no referral`);
          continue;
        }
        if (contact.NHSNumber !== referral.NHSNumber) problems.push(`${contact.UniqueCareContactIdentifier}: NHS number differs from the referral`);
        if (contact.CareContactDate < referral.ReferralRequestReceivedDate) problems.push(`${contact.UniqueCareContactIdentifier}: before the referral`);
        if (referral.ServiceDischargeDate !== '' && contact.CareContactDate > referral.ServiceDischargeDate) problems.push(`${contact.UniqueCareContactIdentifier}: after discharge`);
      }

      // Assess
      expect(problems).toEqual([]);
      expect(Math.max(...perReferral.values())).toBe(6);
      expect(perReferral.size).toBeLessThan(referrals.length);
    });

    it('has nobody attend, get referred, seen or imaged after dying in A&E', () => {
      // Prepare
      const deaths = new Map(attendances.filter((row) => row.Discharge_Destination_SNOMED_CT === '305398007').map((row) => [row.NHS_Number, row.EC_Departure_Date]));

      // Act
      const after = [
        ...attendances.filter((row) => deaths.has(row.NHS_Number) && row.Arrival_Date > deaths.get(row.NHS_Number)!),
        ...referrals.filter((row) => deaths.has(row.NHSNumber) && row.ReferralRequestReceivedDate > deaths.get(row.NHSNumber)!),
        ...contacts.filter((row) => deaths.has(row.NHSNumber) && row.CareContactDate > deaths.get(row.NHSNumber)!),
        ...tests.filter((row) => deaths.has(row.NHS_NUMBER) && row.DIAGNOSTIC_TEST_DATE > deaths.get(row.NHS_NUMBER)!),
      ];

      // Assess
      expect(deaths.size).toBeGreaterThan(0);
      expect(after).toEqual([]);
    });
  });

  describe('ECDS content', () => {
    let rows: Row[];
    beforeAll(() => {
      rows = clean.files.ecds.cells.map((cells) => toRow('ecds', cells));
    });

    it('ends about a quarter of attendances in admission and about 60% at home, with few still in the department', () => {
      // Prepare
      const departed = rows.filter((row) => row.EC_Departure_Date !== '');
      const share = (group: string) => departed.filter((row) => groupOfDestination.get(row.Discharge_Destination_SNOMED_CT) === group).length / departed.length;

      // Act
      const stillIn = rows.filter((row) => row.EC_Departure_Date === '');

      // Assess
      expect(share('admitted')).toBeGreaterThan(0.2);
      expect(share('admitted')).toBeLessThan(0.3);
      expect(share('discharged')).toBeGreaterThan(0.55);
      expect(share('discharged')).toBeLessThan(0.68);
      expect(share('ambulatory')).toBeGreaterThan(0.03);
      expect(share('transfer')).toBeGreaterThan(0.02);
      expect(share('died')).toBeGreaterThan(0);
      expect(share('died')).toBeLessThan(0.01);
      expect(departed.every((row) => destinations.has(row.Discharge_Destination_SNOMED_CT))).toBe(true);
      expect(stillIn.length).toBeGreaterThan(0);
      expect(stillIn.length / rows.length).toBeLessThan(0.01);
      for (const row of stillIn) expect([row.EC_Departure_Time, row.EC_Discharge_Status_SNOMED_CT, row.Discharge_Destination_SNOMED_CT]).toEqual(['', '', '']);
    });

    it('stays 1 to 12 hours, leaving the same day or the next, with a decision to admit only for admissions', () => {
      // Prepare
      const departed = rows.filter((row) => row.EC_Departure_Date !== '');

      // Act
      const minutes = departed.map((row) => minutesOf(row.EC_Departure_Date, row.EC_Departure_Time) - minutesOf(row.Arrival_Date, row.Arrival_Time));
      const nextDay = departed.filter((row) => row.EC_Departure_Date !== row.Arrival_Date);
      const decisions = departed.filter((row) => row.EC_Decision_To_Admit_Date !== '');

      // Assess
      expect(Math.min(...minutes)).toBeGreaterThanOrEqual(60);
      expect(Math.max(...minutes)).toBeLessThanOrEqual(720);
      expect(nextDay.length).toBeGreaterThan(0);
      expect(nextDay.every((row) => daysBetween(row.Arrival_Date, row.EC_Departure_Date) === 1)).toBe(true);
      expect(rows.every((row) => /^([01][0-9]|2[0-3]):[0-5][0-9]$/.test(row.Arrival_Time))).toBe(true);
      expect(decisions.every((row) => groupOfDestination.get(row.Discharge_Destination_SNOMED_CT) === 'admitted')).toBe(true);
      expect(decisions.every((row) => row.EC_Decision_To_Admit_Date >= row.Arrival_Date && row.EC_Decision_To_Admit_Date <= row.EC_Departure_Date)).toBe(true);
      expect(decisions.length).toBe(departed.filter((row) => groupOfDestination.get(row.Discharge_Destination_SNOMED_CT) === 'admitted').length);
    });

    it('uses the three acute trusts, national arrival modes, mostly type 1 departments and emergency medicine HRGs', () => {
      // Prepare
      const sites: Record<string, string> = { RM1: 'RM102', RGP: 'RGP75', RCX: 'RCX70' };
      const hrgs = JSON.parse(readFileSync(join(projectRoot, 'reference', 'hrg', 'hrg-codes.json'), 'utf8')) as Record<string, { subchapters: Record<string, { hrgs: Record<string, string> }> }>;
      const emergencyHrgs = new Set(Object.keys(hrgs.V.subchapters.B.hrgs));

      // Act
      const typeOne = rows.filter((row) => Number(row.EC_Department_Type) === 1).length / rows.length;
      const ambulance = rows.filter((row) => ['1048031000000100', '1048041000000109', '1048021000000102', '1048051000000107', '1048081000000101'].includes(row.EC_Arrival_Mode_SNOMED_CT)).length / rows.length;

      // Assess
      expect(rows.every((row) => sites[row.Der_Provider_Code] === row.Der_Provider_Site_Code)).toBe(true);
      expect(new Set(rows.map((row) => row.Der_Provider_Code)).size).toBe(3);
      expect(rows.every((row) => arrivalModes.includes(row.EC_Arrival_Mode_SNOMED_CT))).toBe(true);
      expect(typeOne).toBeGreaterThan(0.75);
      expect(new Set(rows.map((row) => row.EC_Department_Type))).toEqual(new Set(['01', '02', '03', '04', '05', '1', '2', '3', '4', '5']));
      expect(ambulance).toBeGreaterThan(0.2);
      expect(ambulance).toBeLessThan(0.45);
      expect(rows.every((row) => /^VB(0[1-9]|1[01])Z$/.test(row.SUS_HRG_Code) && emergencyHrgs.has(row.SUS_HRG_Code))).toBe(true);
      expect(new Set(rows.map((row) => row.EC_Ident)).size).toBe(rows.length);
    });
  });

  describe('CSDS content', () => {
    it('numbers referrals by provider and request id at RY3, some open and some discharged', () => {
      // Prepare
      const rows = clean.files['csds-referrals'].cells.map((cells) => toRow('csds-referrals', cells));

      // Act
      const open = rows.filter((row) => row.ServiceDischargeDate === '').length / rows.length;

      // Assess
      expect(rows.every((row) => row.UniqueServiceRequestIdentifier === `RY3${row.ServiceRequestIdentifier}` && row.OrganisationCodeProvider === 'RY3')).toBe(true);
      expect(new Set(rows.map((row) => row.UniqueServiceRequestIdentifier)).size).toBe(rows.length);
      expect(open).toBeGreaterThan(0.05);
      expect(open).toBeLessThan(0.5);
      expect(rows.every((row) => row.ReferralRequestReceivedDate >= '2024-04-01' && row.ReferralRequestReceivedDate <= '2025-03-31')).toBe(true);
      expect(rows.every((row) => ['1', '2', '3'].includes(row.PriorityTypeCode) && /^[0-9]{2}$/.test(row.PrimaryReasonForReferralCommunityCare))).toBe(true);
    });

    it('records contacts mostly at home, face to face and attended, with a duration only when seen', () => {
      // Prepare
      const rows = clean.files['csds-contacts'].cells.map((cells) => toRow('csds-contacts', cells));
      const share = (predicate: (row: Row) => boolean) => rows.filter(predicate).length / rows.length;

      // Act
      const seen = rows.filter((row) => ['5', '6'].includes(row.AttendedOrDidNotAttendCode));
      const notSeen = rows.filter((row) => !['5', '6'].includes(row.AttendedOrDidNotAttendCode));

      // Assess
      expect(share((row) => row.ActivityLocationTypeCode === 'A01')).toBeGreaterThan(0.5);
      expect(new Set(rows.map((row) => row.ActivityLocationTypeCode))).toEqual(new Set(['A01', 'B01', 'E01', 'G01', 'L01']));
      expect(new Set(rows.map((row) => row.ConsultationMediumUsed))).toEqual(new Set(['01', '02', '11']));
      expect(new Set(rows.map((row) => row.AttendedOrDidNotAttendCode))).toEqual(new Set(['2', '3', '4', '5', '6', '7']));
      expect(seen.length / rows.length).toBeGreaterThan(0.8);
      expect(seen.every((row) => Number(row.ClinicalContactDurationOfCareContact) >= 10 && Number(row.ClinicalContactDurationOfCareContact) <= 90)).toBe(true);
      expect(notSeen.every((row) => row.ClinicalContactDurationOfCareContact === '')).toBe(true);
      expect(rows.every((row) => /^(0[89]|1[0-8]):[0-5][05]$/.test(row.CareContactTime))).toBe(true);
      expect(new Set(rows.map((row) => row.UniqueCareContactIdentifier)).size).toBe(rows.length);
    });
  });

  describe('DIDS content', () => {
    let rows: Row[];
    beforeAll(() => {
      rows = clean.files.dids.cells.map((cells) => toRow('dids', cells));
    });

    it('codes examinations with real NICIP and SNOMED CT pairs, mostly plain film, CT, ultrasound and MRI', () => {
      // Prepare
      const groups = new Map(readCsv(join(projectRoot, 'reference', 'dids', 'dids-nicip-modality.csv')).map((row) => [row.nicip_code, row.modality_group]));

      // Act
      const unpaired = rows.filter((row) => !imaging.pairs.has(`${row.IMAGING_CODE_NICIP}|${row.IMAGING_CODE_SNOMED}`));
      const main = rows.filter((row) => ['Plain film (x-ray)', 'CT', 'Ultrasound (non-obstetrics)', 'MRI'].includes(groups.get(row.IMAGING_CODE_NICIP) ?? '')).length / rows.length;
      const chest = rows.filter((row) => row.IMAGING_CODE_NICIP === 'XCHES').length / rows.length;

      // Assess
      expect(unpaired).toEqual([]);
      expect(main).toBeGreaterThan(0.85);
      expect(chest).toBeGreaterThan(0.05);
      expect(new Set(rows.map((row) => row.IMAGING_CODE_NICIP)).size).toBeGreaterThan(100);
    });

    it('keeps the business key unique and the dates in order, reported 0 to 10 days after the test', () => {
      // Prepare
      const keys = rows.map((row) => `${row.SITE_CODE_IMAGING}|${row.RADIOLOGICAL_ACCESSION_NUM}|${row.IMAGING_CODE_NICIP}`);

      // Act
      const reportDelays = rows.map((row) => daysBetween(row.DIAGNOSTIC_TEST_DATE, row.SERVICE_REPORT_DATE));
      const outOfOrder = rows.filter(
        (row) => !(row.DIAGNOSTIC_TEST_REQUEST_DATE <= row.DIAG_TEST_REQUEST_REC_DATE && row.DIAG_TEST_REQUEST_REC_DATE <= row.DIAGNOSTIC_TEST_DATE && row.DIAGNOSTIC_TEST_DATE <= row.SERVICE_REPORT_DATE),
      );
      const sharedAccessions = rows.length - new Set(rows.map((row) => row.RADIOLOGICAL_ACCESSION_NUM)).size;

      // Assess
      expect(new Set(keys).size).toBe(rows.length);
      expect(sharedAccessions).toBeGreaterThan(0);
      expect(outOfOrder).toEqual([]);
      expect(Math.min(...reportDelays)).toBe(0);
      expect(Math.max(...reportDelays)).toBeLessThanOrEqual(10);
      expect(rows.every((row) => row.DIAGNOSTIC_TEST_DATE >= '2024-04-01' && row.DIAGNOSTIC_TEST_DATE <= '2025-03-31')).toBe(true);
    });

    it('records where the request came from, sometimes zero-padded, with the GP practice as referring organisation for direct access', () => {
      // Prepare
      const settings = new Set(rows.map((row) => row.PATIENT_SOURCE_SETTING));
      const sites: Record<string, string> = { RM1: 'RM102', RGP: 'RGP75', RCX: 'RCX70' };

      // Act
      const direct = rows.filter((row) => Number(row.PATIENT_SOURCE_SETTING) === 4);
      const hospital = rows.filter((row) => Number(row.PATIENT_SOURCE_SETTING) !== 4);

      // Assess
      expect(settings).toEqual(new Set(['1', '3', '4', '5', '01', '03', '04', '05']));
      expect(direct.every((row) => row.REFERRING_ORG_CODE === row.PRACTICE_CODE && /^G[0-9]{7}$/.test(row.REFERRER))).toBe(true);
      expect(hospital.every((row) => row.REFERRING_ORG_CODE === row.PROVIDER_CODE && /^C[0-9]{7}$/.test(row.REFERRER))).toBe(true);
      expect(rows.every((row) => sites[row.PROVIDER_CODE] === row.SITE_CODE_IMAGING && /^D8[23][0-9]{3}$/.test(row.PRACTICE_CODE))).toBe(true);
      expect(rows.every((row) => ['1', '2'].includes(row.PERSON_GENDER_CODE))).toBe(true);
    });

    it('plants unknown imaging codes in neither column of the NICIP table', () => {
      // Prepare
      const planted = withDefects.files.dids.cells
        .filter((cells) => malformedClass('dids', cells) === undefined)
        .map((cells) => toRow('dids', cells))
        .filter((row) => !imaging.pairs.has(`${row.IMAGING_CODE_NICIP}|${row.IMAGING_CODE_SNOMED}`));
      const everyCode = new Set([...imaging.nicip, ...imaging.snomed]);

      // Act
      const known = planted.filter((row) => everyCode.has(row.IMAGING_CODE_NICIP) || everyCode.has(row.IMAGING_CODE_SNOMED));

      // Assess
      expect(planted).toHaveLength(withDefects.manifest.plantedDefects.dids.unknownImagingCode);
      expect(known).toEqual([]);
    });
  });

  describe('row targets', () => {
    it('writes exactly the rows asked for per flow', async () => {
      // Prepare
      const rowsByFlow = { ecds: 3_000, 'csds-referrals': 600, 'csds-contacts': 1_500, dids: 2_000 };

      // Act
      const targeted = await run(join(folder, 'targets'), { seed: 9, defectRate: 0.01, flows: community360Flows, rowsByFlow });

      // Assess
      expect(Object.fromEntries(targeted.manifest.generatedFiles.map((file) => [file.flow, file.rows]))).toEqual(rowsByFlow);
      for (const [flow, rows] of Object.entries(rowsByFlow)) expect(targeted.files[flow].cells).toHaveLength(rows);
      const referralIds = new Set(targeted.files['csds-referrals'].cells.map((cells) => cells[0]));
      const orphans = targeted.files['csds-contacts'].cells.filter((cells) => cells.length === 10 && cells[1] !== '' && !referralIds.has(cells[1]));
      expect(orphans).toHaveLength(targeted.manifest.plantedDefects['csds-contacts'].orphanContact);
    });

    it('sizes the pool from an ECDS target alone and gives the other flows their share of it', async () => {
      // Prepare
      const options = { seed: 10, defectRate: 0.01, flows: community360Flows, rowsByFlow: { ecds: 14_000 } };

      // Act
      const targeted = await run(join(folder, 'ecds-target'), options);
      const rows = Object.fromEntries(targeted.manifest.generatedFiles.map((file) => [file.flow, file.rows]));

      // Assess
      expect(targeted.manifest.patients).toBe(10_000);
      expect(rows.ecds).toBe(14_000);
      expect(rows['csds-referrals'] / rows.ecds).toBeGreaterThan(0.05);
      expect(rows['csds-referrals'] / rows.ecds).toBeLessThan(0.25);
      expect(rows['csds-contacts'] / rows['csds-referrals']).toBeGreaterThan(1.5);
      expect(rows.dids / rows.ecds).toBeGreaterThan(0.3);
      expect(rows.dids / rows.ecds).toBeLessThan(0.9);
    });

    it('refuses more care contacts than the referrals can hold', async () => {
      // Act
      const tooMany = generateExtracts({ outDir: join(folder, 'refused'), patients: 200, flows: ['csds-contacts'], rowsByFlow: { 'csds-contacts': 100_000 } });

      // Assess
      await expect(tooMany).rejects.toThrow(/need more referrals than the \d+ intact ones/);
    });
  });
});
