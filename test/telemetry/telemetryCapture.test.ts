import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chain } from '../../shared/chain/chain';
import { LocalHost } from '../../shared/hosting/local/LocalHost';
import { RunningAzurite, startAzurite } from '../../shared/hosting/local/startAzurite';
import { ensureLocalPseudonymisationKey } from '../../shared/secrets/ensureLocalPseudonymisationKey';
import { CapturingTelemetry } from '../../shared/telemetry/CapturingTelemetry';
import { JsonLinesTelemetry } from '../../shared/telemetry/JsonLinesTelemetry';
import { Telemetry } from '../../shared/telemetry/telemetry.port';
import { susApcCsv, susApcRow } from '../factories/susApcRows';
import { ExportedLog, ExportedPoint, otelCapture, OtelCapture } from '../support/otelCapture';

/** Identifiers chosen so that no legitimate value (event dates, ids, prices) can coincide with them. */
const patients = [
  { nhs: '999 000 0018', digits: '9990000018', dob: '1931-07-19', postcode: 'B15 2TH' },
  { nhs: '999-000-0026', digits: '9990000026', dob: '1947-11-03', postcode: 'B91 3QJ' },
  { nhs: '9990000034', digits: '9990000034', dob: '1952-09-27', postcode: 'CV37 6BB' },
  // Invalid check digit: never pseudonymised, and still never in telemetry
  { nhs: '9990000019', digits: '9990000019', dob: '1938-02-14', postcode: 'NR4 7UY' },
];
const forbidden = patients.flatMap((patient) => [patient.digits, patient.nhs, patient.dob, patient.dob.replace(/-/g, ''), patient.postcode, patient.postcode.replace(' ', '')]);
const dimensionNames = ['correlationId', 'product', 'flow', 'stage', 'extractId'] as const;
const stageMetrics = ['stage.rows_in', 'stage.rows_out', 'stage.rows_quarantined', 'stage.duration_ms'];

/** What the stage code handed to the port, before any scrubbing: it must already be free of identifiers. */
interface RawCall {
  kind: 'log' | 'metric';
  args: unknown[];
}

/**
 * Unidentified files (no flow folder) have no flow and so no product or extract id: their ingest lines carry the
 * correlation id and the stage only. Every other record carries all five dimensions.
 */
function isUnidentifiedIngest(attributes: Record<string, unknown>): boolean {
  return attributes.stage === 'ingest' && attributes.flow === undefined;
}

describe('telemetry of a local chain run', () => {
  let azurite: RunningAzurite;
  let host: LocalHost;
  let stateDir: string;
  let otel: OtelCapture;
  let capturing: CapturingTelemetry;
  const raw: RawCall[] = [];
  let jsonLines = '';
  let exported: { logs: ExportedLog[]; points: ExportedPoint[] };

  beforeAll(async () => {
    stateDir = mkdtempSync(join(tmpdir(), 'dscro-telemetry-'));
    azurite = await startAzurite();
    for (const product of ['careflow', 'community360']) await ensureLocalPseudonymisationKey(join(stateDir, 'secrets'), `pseudonymisation-key-${product}`);
    otel = otelCapture();
    const json = new JsonLinesTelemetry({ write: (text: string) => (jsonLines += text) }, 'debug');
    const fanOut: Telemetry = {
      log: (...args) => {
        raw.push({ kind: 'log', args });
        otel.telemetry.log(...args);
        json.log(...args);
      },
      metric: (...args) => {
        raw.push({ kind: 'metric', args });
        otel.telemetry.metric(...args);
        json.metric(...args);
      },
    };
    capturing = new CapturingTelemetry(fanOut);
    host = await LocalHost.start({ stateDir, blobConnectionString: azurite.connectionString, telemetry: capturing, warehouseFile: ':memory:' });
    const rows = patients.map((patient, index) =>
      susApcRow({ APCE_Ident: `${9001 + index}`, APCS_Ident: `${9101 + index}`, NHS_Number: patient.nhs, Person_Birth_Date: patient.dob, Postcode: patient.postcode }),
    );
    // A malformed row carrying identifiers: quarantined, with its reason, and still nothing identifiable in telemetry
    rows.push(susApcRow({ APCE_Ident: '9009', APCS_Ident: '9109', NHS_Number: patients[0].nhs, Person_Birth_Date: patients[0].dob, Postcode: patients[0].postcode, Admission_Date: 'not a date' }));
    await host.dropContent('sus-apc', 'sus_apc_202405_20240601.csv', susApcCsv(rows));
    // The same file again (a duplicate) and a file in a folder no flow owns (unidentified)
    await host.dropContent('sus-apc', 'sus_apc_202405_20240601_again.csv', susApcCsv(rows));
    await host.dropContent('no-such-flow', `patient_${patients[0].digits}.csv`, susApcCsv(rows));
    await host.runUntilQuiet();
    exported = await otel.collect();
  });

  afterAll(async () => {
    await otel.shutdown();
    await host.close();
    await azurite.stop();
    rmSync(stateDir, { recursive: true, force: true });
  });

  it('gives every log record and metric the five dimensions (unidentified ingests: correlation id and stage)', () => {
    // Act
    const records = [
      ...capturing.records.map((record) => ({ what: record.message ?? record.name, attributes: record.dimensions as Record<string, unknown> })),
      ...exported.logs.map((log) => ({ what: String(log.body), attributes: log.attributes })),
      ...exported.points.map((point) => ({ what: point.name, attributes: point.attributes })),
    ];
    const missing = records.flatMap(({ what, attributes }) => {
      const required = isUnidentifiedIngest(attributes) ? (['correlationId', 'stage'] as const) : dimensionNames;
      return required.filter((name) => typeof attributes[name] !== 'string' || attributes[name] === '').map((name) => `${what} lacks ${name}`);
    });

    // Assess
    expect(records.length).toBeGreaterThan(50);
    expect(missing).toEqual([]);
    expect(records.filter(({ attributes }) => isUnidentifiedIngest(attributes))).toHaveLength(2); // the captured record and its exported log record
    const ingest = capturing.records.filter((record) => record.dimensions.stage === 'ingest' && record.dimensions.flow === 'sus-apc');
    expect(ingest.map((record) => record.message)).toEqual(['extract accepted', 'duplicate extract skipped']);
  });

  it('carries the ingest correlation id through every stage of the extract', () => {
    // Act
    const accepted = capturing.records.find((record) => record.message === 'extract accepted')!;
    const ofExtract = capturing.records.filter((record) => record.dimensions.extractId === accepted.dimensions.extractId);

    // Assess
    expect(new Set(ofExtract.map((record) => record.dimensions.correlationId))).toEqual(new Set([accepted.dimensions.correlationId]));
    expect(new Set(ofExtract.map((record) => record.dimensions.stage))).toEqual(new Set(['ingest', ...chain.map((link) => link.stage)]));
  });

  it.each(chain.map((link) => link.stage))('exports rows in, out, quarantined and duration for %s', (stage) => {
    // Act
    const names = exported.points.filter((point) => point.attributes.stage === stage).map((point) => point.name);

    // Assess
    expect(stageMetrics.filter((name) => !names.includes(name))).toEqual([]);
  });

  it('counts the quarantined row in pseudonymise and exports both DQ counters for every rule', () => {
    // Act
    const quarantined = exported.points.find((point) => point.name === 'stage.rows_quarantined' && point.attributes.stage === 'pseudonymise');
    const failRules = exported.points.filter((point) => point.name === 'dq.rule_fail').map((point) => point.attributes.rule);
    const warnRules = exported.points.filter((point) => point.name === 'dq.rule_warn').map((point) => point.attributes.rule);

    // Assess
    expect(quarantined).toMatchObject({ sum: 1 });
    expect(failRules.length).toBeGreaterThan(0);
    expect(new Set(warnRules)).toEqual(new Set(failRules));
    expect(exported.points.filter((point) => point.name.startsWith('dq.rule_')).every((point) => point.attributes.stage === 'dq' && point.kind === 'counter')).toBe(true);
  });

  it('lets no NHS number, date of birth or postcode into telemetry, before or after scrubbing', () => {
    // Act
    const sinks: Record<string, string> = {
      'stage code (unscrubbed)': JSON.stringify(raw),
      'captured records': JSON.stringify(capturing.records),
      'JSON lines': jsonLines,
      'OpenTelemetry export': JSON.stringify(exported),
    };
    const leaks = Object.entries(sinks).flatMap(([sink, text]) => forbidden.filter((value) => text.includes(value)).map((value) => `${sink} contains ${value}`));

    // Assess
    expect(leaks).toEqual([]);
  });
});
