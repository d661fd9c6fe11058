import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { generateExtracts, GenerationManifest } from '../../shared/generate/generateExtracts';
import { isValidNhsNumber } from '../../shared/generate/nhsNumbers';

const projectRoot = join(__dirname, '..', '..');

const expectedHeader = [
  'APCE_Ident', 'APCS_Ident', 'Episode_Number', 'NHS_Number', 'Person_Birth_Date', 'Postcode', 'Sex',
  'Der_Provider_Code', 'Commissioner_Code', 'Admission_Date', 'Discharge_Date', 'Episode_Start_Date',
  'Episode_End_Date', 'Admission_Method', 'Patient_Classification', 'Discharge_Destination',
  'Treatment_Function_Code', 'Primary_Diagnosis_Code', 'Episode_HRG', 'Spell_Core_HRG', 'Last_Episode_In_Spell_Indicator',
];

type Row = Record<string, string>;

interface Extract {
  manifest: GenerationManifest;
  text: string;
  header: string[];
  /** Data rows as parsed cells, malformed ones included. */
  cells: string[][];
}

async function generate(outDir: string, options: { seed: number; patients?: number; defectRate: number; rows?: number }): Promise<Extract> {
  const manifest = await generateExtracts({ outDir, months: 12, startMonth: '2024-04', ...options });
  const text = await readFile(join(outDir, manifest.generatedFiles[0].file), 'utf8');
  const [header, ...cells] = Papa.parse<string[]>(text.trimEnd(), { header: false }).data;
  return { manifest, text, header, cells };
}

function toRow(cells: string[]): Row {
  return Object.fromEntries(expectedHeader.map((name, index) => [name, cells[index]]));
}

/** The pipeline treats empty cells as absent before validating. */
function withoutEmpty(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));
}

function isRealIsoDate(value: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

async function loadSchemaValidator(): Promise<(row: Row) => boolean> {
  const schema = JSON.parse(await readFile(join(projectRoot, 'schemas', 'flows', 'sus-apc.schema.json'), 'utf8')) as object;
  const ajv = new Ajv({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (row) => validate(withoutEmpty(row)) === true;
}

async function loadHrgCodes(): Promise<Set<string>> {
  type Reference = Record<string, { subchapters: Record<string, { hrgs: Record<string, string> }> }>;
  const reference = JSON.parse(await readFile(join(projectRoot, 'reference', 'hrg', 'hrg-codes.json'), 'utf8')) as Reference;
  return new Set(Object.values(reference).flatMap((chapter) => Object.values(chapter.subchapters).flatMap((sub) => Object.keys(sub.hrgs))));
}

describe('generateExtracts (sus-apc)', () => {
  let folder: string;
  let withDefects: Extract;
  let clean: Extract;
  let isSchemaValid: (row: Row) => boolean;
  let hrgCodes: Set<string>;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'generate-extracts-'));
    withDefects = await generate(join(folder, 'defects'), { seed: 42, patients: 3_000, defectRate: 0.01 });
    clean = await generate(join(folder, 'clean'), { seed: 42, patients: 3_000, defectRate: 0 });
    isSchemaValid = await loadSchemaValidator();
    hrgCodes = await loadHrgCodes();
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes the header with exactly the SUS+ APC column names, in order', () => {
    // Prepare
    const { header } = withDefects;

    // Act
    const firstLine = withDefects.text.slice(0, withDefects.text.indexOf('\r\n'));

    // Assess
    expect(header).toEqual(expectedHeader);
    expect(firstLine).toBe(expectedHeader.join(','));
  });

  it('names the file after the period and records it, with its data-row count, in manifest.json', async () => {
    // Prepare
    const manifestPath = join(folder, 'defects', 'manifest.json');

    // Act
    const written = JSON.parse(await readFile(manifestPath, 'utf8')) as GenerationManifest;

    // Assess
    expect(written).toEqual(withDefects.manifest);
    expect(written).toMatchObject({ seed: 42, patients: 3_000, months: 12, startMonth: '2024-04' });
    expect(written.generatedFiles).toEqual([
      { flow: 'sus-apc', file: 'sus-apc/sus_apc_2024-04_2025-03_20250415.csv', rows: withDefects.cells.length },
    ]);
  });

  it('produces byte-identical files for the same seed and different ones for another seed', async () => {
    // Prepare
    const again = join(folder, 'again');
    const otherSeed = join(folder, 'other-seed');

    // Act
    const repeat = await generate(again, { seed: 42, patients: 3_000, defectRate: 0.01 });
    const other = await generate(otherSeed, { seed: 43, patients: 3_000, defectRate: 0.01 });

    // Assess
    expect(repeat.text === withDefects.text).toBe(true);
    expect(await readFile(join(again, 'manifest.json'), 'utf8')).toBe(await readFile(join(folder, 'defects', 'manifest.json'), 'utf8'));
    expect(other.text === withDefects.text).toBe(false);
  });

  it('plants exactly the counted defects, each on its own rows, as a re-parse of the file finds them', () => {
    // Prepare
    const planted = withDefects.manifest.plantedDefects['sus-apc'];
    const wellFormed = withDefects.cells.filter((cells) => cells.length === expectedHeader.length).map(toRow);
    const valid = wellFormed.filter((row) => isSchemaValid(row));
    const invalid = wellFormed.filter((row) => !isSchemaValid(row));

    // Act: classify every row by each rule independently
    const found = {
      wrongColumnCount: withDefects.cells.filter((cells) => cells.length !== expectedHeader.length).length,
      unparsableDate: invalid.filter((row) => row.Admission_Date !== '' && !isRealIsoDate(row.Admission_Date)).length,
      missingRequiredValue: invalid.filter((row) => row.APCE_Ident === '' || row.Der_Provider_Code === '').length,
      invalidNhsNumber: valid.filter((row) => row.NHS_Number !== '' && !isValidNhsNumber(row.NHS_Number)).length,
      missingNhsNumber: valid.filter((row) => row.NHS_Number === '').length,
      dischargeBeforeAdmission: valid.filter((row) => row.Discharge_Date !== '' && row.Admission_Date > row.Discharge_Date).length,
      episodeOutsideSpell: valid.filter(
        (row) =>
          row.Episode_Start_Date < row.Admission_Date ||
          (row.Episode_End_Date !== '' && row.Discharge_Date !== '' && row.Episode_End_Date > row.Discharge_Date),
      ).length,
      unknownHrg: valid.filter((row) => !hrgCodes.has(row.Spell_Core_HRG)).length,
    };
    const rulesBrokenPerRow = valid.map(
      (row) =>
        Number(row.NHS_Number !== '' && !isValidNhsNumber(row.NHS_Number)) +
        Number(row.NHS_Number === '') +
        Number(row.Discharge_Date !== '' && row.Admission_Date > row.Discharge_Date) +
        Number(row.Episode_Start_Date < row.Admission_Date || (row.Episode_End_Date !== '' && row.Discharge_Date !== '' && row.Episode_End_Date > row.Discharge_Date)) +
        Number(!hrgCodes.has(row.Spell_Core_HRG)),
    );

    // Assess
    expect(found).toEqual(planted);
    expect(invalid).toHaveLength(planted.unparsableDate + planted.missingRequiredValue);
    expect(Math.max(...rulesBrokenPerRow)).toBe(1);
    for (const count of Object.values(planted)) expect(count).toBeGreaterThan(0);
  });

  it('uses only HRG codes from the reference list, apart from the planted unknown spell HRGs', () => {
    // Prepare
    const rows = withDefects.cells.filter((cells) => cells.length === expectedHeader.length).map(toRow);

    // Act
    const unknownEpisodeHrgs = rows.filter((row) => !hrgCodes.has(row.Episode_HRG));
    const unknownSpellHrgs = rows.filter((row) => !hrgCodes.has(row.Spell_Core_HRG));

    // Assess
    expect(unknownEpisodeHrgs).toEqual([]);
    expect(unknownSpellHrgs).toHaveLength(withDefects.manifest.plantedDefects['sus-apc'].unknownHrg);
    for (const row of unknownSpellHrgs) expect(row.Spell_Core_HRG).toMatch(/^[A-Z0-9]{5}$/);
  });

  it('writes no row that breaks the schema apart from the planted malformed ones', () => {
    // Prepare
    const planted = withDefects.manifest.plantedDefects['sus-apc'];

    // Act
    const rejected = withDefects.cells.filter((cells) => cells.length !== expectedHeader.length || !isSchemaValid(toRow(cells)));
    const rejectedClean = clean.cells.filter((cells) => cells.length !== expectedHeader.length || !isSchemaValid(toRow(cells)));

    // Assess
    expect(rejected).toHaveLength(planted.wrongColumnCount + planted.unparsableDate + planted.missingRequiredValue);
    expect(rejectedClean).toEqual([]);
  });

  it('plants nothing when the defect rate is 0', () => {
    // Prepare
    const planted = clean.manifest.plantedDefects['sus-apc'];

    // Act
    const counts = Object.values(planted);

    // Assess
    expect(counts).toHaveLength(8);
    expect(counts.every((count) => count === 0)).toBe(true);
  });

  it('builds consistent spells: numbered episodes tiling admission to discharge, one patient each', () => {
    // Prepare
    const rows = clean.cells.map(toRow);
    const spells = new Map<string, Row[]>();
    for (const row of rows) spells.set(row.APCS_Ident, [...(spells.get(row.APCS_Ident) ?? []), row]);

    // Act
    const problems: string[] = [];
    for (const [ident, episodes] of spells) {
      const first = episodes[0];
      const last = episodes[episodes.length - 1];
      const spellFields = ['NHS_Number', 'Admission_Date', 'Discharge_Date', 'Der_Provider_Code', 'Admission_Method', 'Spell_Core_HRG'];
      episodes.forEach((episode, index) => {
        if (episode.Episode_Number !== String(index + 1)) problems.push(`${ident}: episode ${index + 1} numbered ${episode.Episode_Number}`);
        if (episode.Last_Episode_In_Spell_Indicator !== (episode === last ? '1' : '2')) problems.push(`${ident}: last-episode flag`);
        if (index > 0 && episode.Episode_Start_Date !== episodes[index - 1].Episode_End_Date) problems.push(`${ident}: gap between episodes`);
        if (spellFields.some((field) => episode[field] !== first[field])) problems.push(`${ident}: spell fields differ between episodes`);
      });
      if (first.Episode_Start_Date !== first.Admission_Date) problems.push(`${ident}: first episode does not start on admission`);
      if (last.Episode_End_Date !== last.Discharge_Date) problems.push(`${ident}: last episode does not end on discharge`);
      if (first.Discharge_Date !== '' && first.Discharge_Date < first.Admission_Date) problems.push(`${ident}: discharged before admission`);
      if (first.Discharge_Date === '' && first.Discharge_Destination !== '98') problems.push(`${ident}: open spell with a destination`);
    }

    // Assess
    expect(problems).toEqual([]);
    expect(new Set(rows.map((row) => row.APCE_Ident)).size).toBe(rows.length);
    expect(rows.every((row) => row.Admission_Date >= '2024-04-01' && row.Admission_Date <= '2025-03-31')).toBe(true);
    expect(rows.every((row) => row.Commissioner_Code === '15E' && isValidNhsNumber(row.NHS_Number))).toBe(true);
  });

  it('has a realistic case mix: mostly emergencies, a third elective, about 1% still in hospital', () => {
    // Prepare
    const firstEpisodes = clean.cells.map(toRow).filter((row) => row.Episode_Number === '1');
    const share = (predicate: (row: Row) => boolean) => firstEpisodes.filter(predicate).length / firstEpisodes.length;

    // Act
    const emergency = share((row) => ['21', '22', '23', '24', '28'].includes(row.Admission_Method));
    const elective = share((row) => ['11', '12', '13'].includes(row.Admission_Method));
    const stillInHospital = share((row) => row.Discharge_Date === '');
    const dayCasesAmongElective = share((row) => row.Patient_Classification === '2') / elective;

    // Assess
    expect(emergency).toBeGreaterThan(0.5);
    expect(emergency).toBeLessThan(0.6);
    expect(elective).toBeGreaterThan(0.3);
    expect(elective).toBeLessThan(0.4);
    expect(stillInHospital).toBeGreaterThan(0.002);
    expect(stillInHospital).toBeLessThan(0.03);
    expect(dayCasesAmongElective).toBeGreaterThan(0.18);
    expect(dayCasesAmongElective).toBeLessThan(0.32);
  });

  it('writes exactly the requested number of rows when given a target', async () => {
    // Prepare
    const outDir = join(folder, 'target');

    // Act
    const extract = await generate(outDir, { seed: 5, defectRate: 0, rows: 2_500 });

    // Assess
    expect(extract.cells).toHaveLength(2_500);
    expect(extract.manifest.generatedFiles[0].rows).toBe(2_500);
    expect(extract.cells[2_499][expectedHeader.indexOf('Last_Episode_In_Spell_Indicator')]).toBe('1');
  });
});
