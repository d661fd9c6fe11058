import { gunzipSync } from 'node:zlib';
import { Zone, Zones } from '../../shared/storage/zones';
import { susApcCsv, susApcRow } from '../factories/susApcRows';
import { startTestHost, TestHost } from '../support/startTestHost';
import { warehouseSnapshot } from '../support/warehouseSnapshot';

/** Identifiers chosen so that no legitimate value (event dates, ids, prices) can coincide with them. */
const patients = [
  { nhs: '999 000 0018', digits: '9990000018', dob: '1931-07-19', postcode: 'B15 2TH' },
  { nhs: '999-000-0026', digits: '9990000026', dob: '1947-11-03', postcode: 'B91 3QJ' },
  { nhs: '9990000034', digits: '9990000034', dob: '1952-09-27', postcode: 'CV37 6BB' },
  // Invalid check digit: never pseudonymised, must still never leave the raw zone
  { nhs: '9990000019', digits: '9990000019', dob: '1938-02-14', postcode: 'NR4 7UY' },
];

function forbiddenStrings(): string[] {
  return patients.flatMap((patient) => [patient.digits, patient.nhs, patient.dob, patient.dob.replace(/-/g, ''), patient.postcode, patient.postcode.replace(' ', '')]);
}

async function blobTexts(t: TestHost, zone: Zone): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for await (const blob of t.host.dependencies.blobs.list(zone, '')) {
    const chunks: Buffer[] = [];
    for await (const chunk of await t.host.dependencies.blobs.openRead(zone, blob.path)) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    texts.set(`${zone}/${blob.path}`, (blob.path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8'));
  }
  return texts;
}

function leaks(texts: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [name, text] of texts) for (const value of forbiddenStrings()) if (text.includes(value)) found.push(`${name} contains ${value}`);
  return found;
}

describe('no identifiable data leaves the raw zone', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
    const rows = patients.map((patient, index) =>
      susApcRow({ APCE_Ident: `${9001 + index}`, APCS_Ident: `${9101 + index}`, NHS_Number: patient.nhs, Person_Birth_Date: patient.dob, Postcode: patient.postcode }),
    );
    // A malformed row carrying identifiers too: it goes to quarantine, which is an identifiable zone.
    rows.push(susApcRow({ APCE_Ident: '9009', APCS_Ident: '9109', NHS_Number: patients[0].nhs, Person_Birth_Date: patients[0].dob, Postcode: patients[0].postcode, Admission_Date: 'not a date' }));
    await t.host.dropContent('sus-apc', 'sus_apc_202405_20240601.csv', susApcCsv(rows));
    await t.host.runUntilQuiet();
  });
  afterAll(async () => t.stop());

  it('holds the identifiers in the raw and quarantine zones (so the scans below can find them)', async () => {
    // Act
    const raw = leaks(await blobTexts(t, Zones.raw));
    const quarantine = leaks(await blobTexts(t, Zones.quarantine));

    // Assess
    expect(raw.length).toBeGreaterThan(0);
    expect(quarantine.some((leak) => leak.endsWith(patients[0].nhs))).toBe(true);
  });

  it('finds none in any processed blob', async () => {
    const texts = await blobTexts(t, Zones.processed);
    expect(texts.size).toBeGreaterThan(3);
    expect(leaks(texts)).toEqual([]);
  });

  it('finds none in any report or manifest', async () => {
    const texts = await blobTexts(t, Zones.reports);
    expect([...texts.keys()].some((name) => name.endsWith('report.html'))).toBe(true);
    expect(leaks(texts)).toEqual([]);
  });

  it('finds none in any warehouse table', async () => {
    const snapshot = await warehouseSnapshot(t.host.dependencies.warehouse, t.host.dependencies.model);
    expect(snapshot.fact_activity).toHaveLength(4);
    expect(leaks(new Map(Object.entries(snapshot).map(([table, rows]) => [table, JSON.stringify(rows)])))).toEqual([]);
  });

  it('finds none in telemetry or published events', async () => {
    const telemetry = JSON.stringify(t.telemetry.records);
    const events = JSON.stringify(t.host.events.published);
    expect(t.telemetry.records.length).toBeGreaterThan(10);
    expect(leaks(new Map([['telemetry', telemetry], ['events', events]]))).toEqual([]);
  });
});
