import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DqReport } from '../../shared/dq/dqReport';
import { generateExtracts, GenerationManifest } from '../../shared/generate/generateExtracts';
import { listExtractFiles } from '../../shared/hosting/local/listExtractFiles';
import { Zones } from '../../shared/storage/zones';
import { startTestHost, TestHost } from '../support/startTestHost';

/** The generator plants each kind of defect and counts it; the DQ report must count exactly the same. */
describe('DQ counts equal the defects the generator planted', () => {
  let t: TestHost;
  let planted: Record<string, number>;
  let report: DqReport;
  const folder = mkdtempSync(join(tmpdir(), 'dscro-planted-'));

  beforeAll(async () => {
    t = await startTestHost();
    const manifest: GenerationManifest = await generateExtracts({ outDir: folder, seed: 7, patients: 400, months: 6, defectRate: 0.02 });
    planted = manifest.plantedDefects['sus-apc'];
    const [file] = listExtractFiles(folder);
    const outcome = await t.host.drop(file.flow, file.file, file.fileName);
    await t.host.runUntilQuiet();
    const found = await t.host.dependencies.blobs.readText(Zones.reports, `dq/careflow/${outcome.extractId!.slice(0, 16)}/report.json`);
    report = JSON.parse(found!.text) as DqReport;
  });
  afterAll(async () => {
    await t.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const failing = (ruleId: string) => report.rules.find((rule) => rule.ruleId === ruleId)!.rowsFailing;

  it('plants some of every defect class', () => {
    expect(Object.values(planted).every((count) => count > 0)).toBe(true);
  });

  it('counts invalid and missing NHS numbers', () => {
    expect(failing('APC-NHS-VALID')).toBe(planted.invalidNhsNumber + planted.missingNhsNumber);
  });

  it('counts discharges before admission', () => {
    expect(failing('APC-ADMIT-LE-DISCH')).toBe(planted.dischargeBeforeAdmission);
  });

  it('counts episodes outside their spell', () => {
    expect(failing('APC-EPISODE-IN-SPELL')).toBe(planted.episodeOutsideSpell);
  });

  it('counts unknown HRGs', () => {
    expect(failing('APC-HRG-KNOWN')).toBe(planted.unknownHrg);
  });

  it('quarantines exactly the malformed rows, by reason', () => {
    const [row] = report.reconciliation;
    const reasons = Object.entries(row.quarantineReasons);
    const sum = (suffix: string) => reasons.filter(([reason]) => reason.endsWith(suffix)).reduce((total, [, count]) => total + count, 0);
    expect(sum('column_count')).toBe(planted.wrongColumnCount);
    expect(sum(':format')).toBe(planted.unparsableDate);
    expect(sum(':required')).toBe(planted.missingRequiredValue);
    expect(row.balanced).toBe(true);
    expect(row.rowsIn).toBe(row.rowsLoaded + row.rowsQuarantined);
  });
});
