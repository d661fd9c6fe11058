import { gzipSync } from 'node:zlib';
import { maxDeliveryCount } from '../../shared/chain/chain';
import { exitCodeOf, RunSummary } from '../../shared/hosting/local/runSummary';
import { Zones } from '../../shared/storage/zones';
import { susApcColumns, susApcCsv, susApcRow } from '../factories/susApcRows';
import { startTestHost, TestHost } from '../support/startTestHost';

const goodExtract = susApcCsv([susApcRow({ APCE_Ident: '3001', APCS_Ident: '7001' })]);

async function blobNames(t: TestHost, zone: 'raw' | 'quarantine' | 'processed' | 'reports', prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for await (const blob of t.host.dependencies.blobs.list(zone, prefix)) names.push(blob.path);
  return names.sort();
}

describe('bad files are rejected with a clear reason, kept, and affect nothing else', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => t.stop());

  const badFiles: [string, string, string, string | Buffer, RegExp][] = [
    ['an empty file', 'sus-apc', 'empty_20240601.csv', '', /the file is empty/],
    ['a header-only file', 'sus-apc', 'header_only_20240601.csv', susApcColumns.join(',') + '\r\n', /header but no data rows/],
    ['a semicolon-delimited file', 'sus-apc', 'semicolons_20240601.csv', susApcColumns.join(';') + '\n' + susApcColumns.map(() => 'x').join(';') + '\n', /not comma-separated/],
    ['a file missing required columns', 'sus-apc', 'missing_20240601.csv', susApcCsv([susApcRow()], { columns: susApcColumns.filter((c) => c !== 'Admission_Date' && c !== 'APCE_Ident') }), /required columns missing from the header: APCE_Ident, Admission_Date/],
    ['non-UTF-8 bytes', 'sus-apc', 'latin1_20240601.csv', Buffer.concat([Buffer.from(goodExtract), Buffer.from([0x31, 0x2c, 0xe9, 0xff, 0x0a])]), /not valid UTF-8/],
    ['a .gz that is not gzip', 'sus-apc', 'fake_20240601.csv.gz', goodExtract, /not gzip data/],
  ];

  it.each(badFiles)('rejects %s', async (_label, flow, fileName, content, reason) => {
    // Act
    const outcome = await t.host.dropContent(flow, fileName, content);
    await t.host.runUntilQuiet();

    // Assess
    expect(outcome.status).toBe('rejected');
    expect(outcome.reason).toMatch(reason);
    expect(await blobNames(t, Zones.raw, `landing/${flow}/${fileName}`)).toEqual([`landing/${flow}/${fileName}`]);
    const kept = await blobNames(t, Zones.quarantine, `files/${flow}/${outcome.extractId}/`);
    expect(kept).toEqual([`files/${flow}/${outcome.extractId}/${fileName}`, `files/${flow}/${outcome.extractId}/reason.json`].sort());
    const manifest = await t.host.dependencies.manifests.read(flow, outcome.extractId!);
    expect(manifest).toMatchObject({ status: 'rejected', rejection: { reason: outcome.reason } });
  });

  it('rejects an unknown flow folder and leaves the file where it landed', async () => {
    // Act
    const outcome = await t.host.dropContent('sus-ae', 'whatever_20240601.csv', goodExtract);

    // Assess
    expect(outcome).toMatchObject({ status: 'rejected', code: 'DSCRO-INGEST-001' });
    expect(outcome.reason).toMatch(/no flow is defined for folder 'sus-ae'/);
    expect(await blobNames(t, Zones.raw, 'landing/sus-ae/')).toEqual(['landing/sus-ae/whatever_20240601.csv']);
    expect((await blobNames(t, Zones.quarantine, 'files/_unidentified/')).length).toBeGreaterThan(0);
  });

  it('refuses a path that tries to climb out of the landing folder', async () => {
    // Act
    const outcome = await t.host.blobCreated('landing/sus-apc/../../accepted/sus-apc/x.csv');

    // Assess
    expect(outcome).toMatchObject({ status: 'rejected', code: 'DSCRO-INGEST-002' });
  });

  it('still processes a good extract dropped among the bad ones', async () => {
    // Act
    const outcome = await t.host.dropContent('sus-apc', 'good_20240601.csv', goodExtract);
    await t.host.runUntilQuiet();

    // Assess
    expect(outcome.status).toBe('accepted');
    const facts = await t.host.dependencies.warehouse.query('SELECT apce_ident FROM dw.fact_activity');
    expect(facts).toEqual([{ apce_ident: '3001' }]);
    expect(await t.host.bus.list('', 10)).toEqual([]);
  });
});

describe('malformed rows are quarantined; the rest of the file loads', () => {
  it('quarantines a wrong column count, an unparsable date and a missing required value, each with its line', async () => {
    // Prepare
    const t = await startTestHost();
    try {
      const good = susApcCsv([
        susApcRow({ APCE_Ident: '4001', APCS_Ident: '8001' }),
        susApcRow({ APCE_Ident: '4002', APCS_Ident: '8002', Discharge_Date: '31/05/2024' }),
        susApcRow({ APCE_Ident: '4003', APCS_Ident: '8003', Der_Provider_Code: '' }),
        susApcRow({ APCE_Ident: '4005', APCS_Ident: '8005' }),
      ]);
      const lines = good.split('\n');
      lines.splice(4, 0, '4004,8004,1,9990000018,1931-07-19');
      const content = gzipSync(Buffer.from(lines.join('\n')));

      // Act
      const outcome = await t.host.dropContent('sus-apc', 'mixed_20240601.csv.gz', content);
      await t.host.runUntilQuiet();

      // Assess
      const manifest = await t.host.dependencies.manifests.read('sus-apc', outcome.extractId!);
      expect(manifest!.products.careflow.stages.pseudonymise).toMatchObject({
        rowsIn: 5,
        rowsOut: 2,
        rowsQuarantined: 3,
        quarantineReasons: { 'schema:Discharge_Date:format': 1, 'schema:Der_Provider_Code:required': 1, column_count: 1 },
      });
      const facts = await t.host.dependencies.warehouse.query('SELECT apce_ident, source_line FROM dw.fact_activity ORDER BY apce_ident');
      expect(facts).toEqual([
        { apce_ident: '4001', source_line: 2 },
        { apce_ident: '4005', source_line: 6 },
      ]);
      const reasons = await quarantinedReasons(t, outcome.extractId!);
      expect(reasons).toEqual([
        ['3', 'schema:Discharge_Date:format'],
        ['4', 'schema:Der_Provider_Code:required'],
        ['5', 'column_count'],
      ]);
    } finally {
      await t.stop();
    }
  });
});

describe('failures that retrying cannot fix', () => {
  it('dead-letters a message whose handler keeps failing, with a reason naming the extract and stage', async () => {
    // Prepare
    const t = await startTestHost();
    try {
      let attempts = 0;
      t.host.dependencies.warehouse.upsertFacts = async () => {
        attempts += 1;
        throw new Error('warehouse unavailable');
      };

      // Act
      const outcome = await t.host.dropContent('sus-apc', 'sus_apc_20240601.csv', goodExtract);
      await t.host.runUntilQuiet();

      // Assess
      expect(attempts).toBe(maxDeliveryCount);
      const letters = await t.host.bus.list('dscro-load', 10);
      expect(letters).toHaveLength(1);
      expect(letters[0]).toMatchObject({ deadLetterReason: 'MaxDeliveryCountExceeded', deliveryCount: maxDeliveryCount });
      expect(letters[0].deadLetterErrorDescription).toBe(
        `DSCRO-STAGE-001: stage load failed for extract ${outcome.extractId} (flow sus-apc, product careflow): warehouse unavailable`,
      );
      expect(JSON.stringify(letters)).not.toContain('9990000018');
      const manifest = await t.host.dependencies.manifests.read('sus-apc', outcome.extractId!);
      expect(manifest!.products.careflow.stages.load).toMatchObject({ status: 'dead-lettered', attempts: maxDeliveryCount });
      const summary = { deadLetters: t.host.bus.listAll(), dq: [] } as unknown as RunSummary;
      expect(exitCodeOf(summary)).not.toBe(0);
    } finally {
      await t.stop();
    }
  });

  it('processes nothing without the product key and names the missing secret', async () => {
    // Prepare
    const t = await startTestHost({ withKeys: false });
    try {
      // Act
      const outcome = await t.host.dropContent('sus-apc', 'sus_apc_20240601.csv', goodExtract);
      await t.host.runUntilQuiet();

      // Assess
      const letters = await t.host.bus.list('dscro-pseudonymise', 10);
      expect(letters).toHaveLength(1);
      expect(letters[0].deadLetterErrorDescription).toMatch(/DSCRO-KEY-001.*pseudonymisation-key-careflow/);
      expect(await blobNames(t, Zones.processed)).toEqual([]);
      expect(await t.host.dependencies.warehouse.query('SELECT count(*) AS n FROM dw.fact_activity')).toEqual([{ n: 0 }]);
      expect(outcome.status).toBe('accepted');
    } finally {
      await t.stop();
    }
  });
});

async function quarantinedReasons(t: TestHost, extractId: string): Promise<string[][]> {
  const { gunzipSync } = await import('node:zlib');
  const Papa = (await import('papaparse')).default;
  const chunks: Buffer[] = [];
  for await (const chunk of await t.host.dependencies.blobs.openRead(Zones.quarantine, `rows/careflow/sus-apc/${extractId}/pseudonymise.csv.gz`)) chunks.push(chunk as Buffer);
  const rows = Papa.parse<string[]>(gunzipSync(Buffer.concat(chunks)).toString('utf8'), { skipEmptyLines: true }).data;
  return rows.slice(1).map((row) => [row[0], row[1]]);
}
