import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DqReport } from '../../shared/dq/dqReport';
import { careFlowFlows, community360Flows, generateExtracts, GenerationManifest } from '../../shared/generate/generateExtracts';
import { listExtractFiles } from '../../shared/hosting/local/listExtractFiles';
import { Zones } from '../../shared/storage/zones';
import { startTestHost, TestHost } from '../support/startTestHost';

/** Which planted defect classes each DQ rule must count, flow by flow. */
const ruleDefects: Record<string, Record<string, string[]>> = {
  'sus-apc': {
    'APC-NHS-VALID': ['invalidNhsNumber', 'missingNhsNumber'],
    'APC-ADMIT-LE-DISCH': ['dischargeBeforeAdmission'],
    'APC-EPISODE-IN-SPELL': ['episodeOutsideSpell'],
    'APC-HRG-KNOWN': ['unknownHrg'],
  },
  prescribing: {
    'RX-NHS-VALID': ['invalidNhsNumber', 'missingNhsNumber'],
    'RX-BNF-WELLFORMED': ['malformedBnfCode'],
    'RX-BNF-KNOWN': ['unknownBnfCode'],
    'RX-PERIOD-IN-EXTRACT': ['periodOutsideExtract'],
    'RX-COST-NONNEG': ['negativeCost'],
  },
  'mhsds-referrals': {
    'MHR-NHS-VALID': ['invalidNhsNumber', 'missingNhsNumber'],
    'MHR-RECEIVED-LE-DISCH': ['receivedAfterDischarge'],
    'MHR-RECEIVED-LE-REJECT': ['receivedAfterRejection'],
  },
  'mhsds-care-clusters': {
    'MHC-NHS-VALID': ['invalidNhsNumber', 'missingNhsNumber'],
    'MHC-START-LE-END': ['startAfterEnd'],
  },
  ecds: {
    'ECDS-NHS-VALID': ['invalidNhsNumber', 'missingNhsNumber'],
    'ECDS-DEST-PRESENT': ['missingDischargeDestination'],
    'ECDS-DEST-KNOWN': ['unknownDischargeDestination'],
    'ECDS-DEPART-AFTER-ARRIVAL': ['departureBeforeArrival'],
  },
  'csds-referrals': {
    'CSR-NHS-VALID': ['invalidNhsNumber', 'missingNhsNumber'],
    'CSR-RECEIVED-LE-DISCH': ['dischargedBeforeReceived'],
  },
  'csds-contacts': {
    'CSC-NHS-VALID': ['invalidNhsNumber', 'missingNhsNumber'],
  },
  dids: {
    'DIDS-NHS-VALID': ['invalidNhsNumber', 'missingNhsNumber'],
    'DIDS-TEST-DATE-PRESENT': ['missingTestDate'],
    'DIDS-DATE-SEQUENCE': ['dateSequenceBroken'],
    'DIDS-BIRTH-LE-TEST': ['birthAfterTest'],
    'DIDS-TEST-NOT-FUTURE': ['testInFuture'],
    'DIDS-IMAGING-CODE-KNOWN': ['unknownImagingCode'],
  },
};

const productOf = (flow: string) => (careFlowFlows.includes(flow) ? 'careflow' : 'community360');

/** The generator plants each kind of defect and counts it; the DQ reports must count exactly the same. */
describe('DQ counts equal the defects the generator planted', () => {
  let t: TestHost;
  let manifest: GenerationManifest;
  const reports: Record<string, DqReport> = {};
  const folder = mkdtempSync(join(tmpdir(), 'dscro-planted-'));

  beforeAll(async () => {
    t = await startTestHost();
    manifest = await generateExtracts({
      outDir: folder,
      seed: 7,
      patients: 400,
      months: 6,
      defectRate: 0.05,
      flows: [...careFlowFlows, ...community360Flows],
      rowsByFlow: { 'mhsds-referrals': 400, 'mhsds-care-clusters': 300, ecds: 1500 },
    });
    // Referrals before what refers to them, so the last reports' cross-flow rules see every referral.
    const order = ['sus-apc', 'prescribing', 'mhsds-referrals', 'mhsds-care-clusters', 'ecds', 'dids', 'csds-referrals', 'csds-contacts'];
    const files = listExtractFiles(folder).sort((a, b) => order.indexOf(a.flow) - order.indexOf(b.flow));
    for (const file of files) {
      const outcome = await t.host.drop(file.flow, file.file, file.fileName);
      await t.host.runUntilQuiet();
      const found = await t.host.dependencies.blobs.readText(Zones.reports, `dq/${productOf(file.flow)}/${outcome.extractId!.slice(0, 16)}/report.json`);
      reports[file.flow] = JSON.parse(found!.text) as DqReport;
    }
  });
  afterAll(async () => {
    await t.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  const planted = (flow: string, defect: string) => manifest.plantedDefects[flow][defect];

  it('plants some of every defect class in every flow', () => {
    for (const flow of [...careFlowFlows, ...community360Flows]) expect(Object.entries(manifest.plantedDefects[flow]).filter(([, count]) => count === 0)).toEqual([]);
  });

  describe.each(Object.entries(ruleDefects))('%s', (flow, rules) => {
    it.each(Object.entries(rules))('counts %s exactly', (ruleId, defects) => {
      const rule = reports[flow].rules.find((candidate) => candidate.ruleId === ruleId)!;
      expect(rule.rowsFailing).toBe(defects.reduce((total, defect) => total + planted(flow, defect), 0));
    });

    it('quarantines exactly the malformed rows, by reason, and reconciles', () => {
      const row = reports[flow].reconciliation.find((candidate) => candidate.flow === flow)!;
      const reasons = Object.entries(row.quarantineReasons);
      const sum = (suffix: string) => reasons.filter(([reason]) => reason.endsWith(suffix)).reduce((total, [, count]) => total + count, 0);
      expect(sum('column_count')).toBe(planted(flow, 'wrongColumnCount'));
      expect(sum(':format')).toBe(planted(flow, 'unparsableDate'));
      expect(sum(':required')).toBe(planted(flow, 'missingRequiredValue'));
      expect(row.balanced).toBe(true);
      expect(row.rowsIn).toBe(row.rowsLoaded + row.rowsQuarantined);
    });
  });

  it('counts contacts whose referral is in no loaded referrals extract', () => {
    const rule = reports['csds-contacts'].rules.find((candidate) => candidate.ruleId === 'C360-CONTACT-REFERRAL-EXISTS')!;
    expect(rule.rowsFailing).toBe(planted('csds-contacts', 'orphanContact'));
  });

  it('counts clusters whose referral is in no loaded referrals extract', () => {
    const rule = reports['mhsds-care-clusters'].rules.find((candidate) => candidate.ruleId === 'CF-CLUSTER-REFERRAL-EXISTS')!;
    expect(rule.rowsFailing).toBe(planted('mhsds-care-clusters', 'orphanCluster'));
  });
});
