import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chain, maxDeliveryCount } from '../../shared/chain/chain';
import { SettingNames } from '../../shared/config/settingNames';
import { allZones } from '../../shared/storage/zones';
import { objectKeysOf, ParsedBicep, parseAllBicep, repoRoot, stringLiterals, variableValue } from './bicepSource';
import { connectionStringAlternatives, laptopOnlySettings } from './settingClasses';

interface EmulatorQueue {
  Name: string;
  Properties: Record<string, unknown>;
}

const productFiles = ['careflow.json', 'community360.json'];
const keySecretNames = productFiles.map(
  (file) => (JSON.parse(readFileSync(join(repoRoot, 'definitions', 'products', file), 'utf8')) as { keySecretName: string }).keySecretName,
);

let templates: ParsedBicep[];
let strings: Set<string>;
let main: ParsedBicep;

beforeAll(async () => {
  templates = await parseAllBicep();
  strings = new Set(templates.flatMap(stringLiterals));
  main = templates.find((template) => template.file === join('infra', 'main.bicep'))!;
});

describe('the templates declare what the code names', () => {
  it.each(chain.map((link) => link.queue))('declares the queue %s', (queue) => {
    expect(strings).toContain(queue);
  });

  it('dead-letters after the chain\'s maxDeliveryCount deliveries', () => {
    expect(variableValue(main, 'maxDeliveryCount')).toBe(String(maxDeliveryCount));
    const serviceBus = templates.find((template) => template.file.endsWith('servicebus.bicep'))!;
    expect(serviceBus.source).toMatch(/maxDeliveryCount: maxDeliveryCount/);
    expect(serviceBus.source).toMatch(/lockDuration: 'PT5M'/);
    expect(serviceBus.source).toMatch(/deadLetteringOnMessageExpiration: true/);
    expect(serviceBus.source).toMatch(/requiresDuplicateDetection: true/);
    expect(serviceBus.source).toMatch(/duplicateDetectionHistoryTimeWindow: 'PT1H'/);
  });

  it.each(allZones)('declares the container %s', (zone) => {
    expect(strings).toContain(zone);
  });

  it.each(keySecretNames)('declares the Key Vault secret %s', (secret) => {
    expect(strings).toContain(secret);
  });

  it('sets every setting the code reads as a Function App setting, except laptop-only ones and connection strings', () => {
    const appSettings = objectKeysOf(main, 'appSettings');
    const excluded = new Set<string>([...laptopOnlySettings, ...connectionStringAlternatives]);
    const expected = Object.values(SettingNames).filter((name) => !excluded.has(name));
    expect(expected.filter((name) => !appSettings.includes(name))).toEqual([]);
  });

  it('sets no connection string or key as an app setting', () => {
    const appSettings = objectKeysOf(main, 'appSettings');
    for (const name of connectionStringAlternatives) expect(appSettings).not.toContain(name);
    expect(appSettings).toContain('APPLICATIONINSIGHTS_AUTHENTICATION_STRING');
    expect(main.source).not.toMatch(/listKeys|AccountKey=|SharedAccessKey=/);
  });

  it('filters BlobCreated to the landing folder and delivers to the ingest function', () => {
    expect(strings).toContain('/blobServices/default/containers/raw/blobs/landing/');
    expect(strings).toContain('Microsoft.Storage.BlobCreated');
    expect(strings).toContain('AzureFunction');
    expect(strings).toContain('${functionAppId}/functions/ingest');
  });
});

describe('the Service Bus emulator config matches the chain', () => {
  const config = JSON.parse(readFileSync(join(repoRoot, 'infra', 'local', 'servicebus-config.json'), 'utf8')) as {
    UserConfig: { Namespaces: { Name: string; Queues: EmulatorQueue[] }[] };
  };
  const queues = config.UserConfig.Namespaces.flatMap((namespace) => namespace.Queues);

  it('declares exactly the chain\'s queues', () => {
    expect(queues.map((queue) => queue.Name).sort()).toEqual(chain.map((link) => link.queue).sort());
  });

  it.each(chain.map((link) => link.queue))('%s has the Azure queue\'s delivery and duplicate settings', (name) => {
    const queue = queues.find((candidate) => candidate.Name === name)!;
    expect(queue.Properties).toMatchObject({
      MaxDeliveryCount: maxDeliveryCount,
      LockDuration: 'PT5M',
      RequiresDuplicateDetection: true,
      DuplicateDetectionHistoryTimeWindow: 'PT1H',
      DeadLetteringOnMessageExpiration: true,
    });
  });
});
