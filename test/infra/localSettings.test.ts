import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SettingNames } from '../../shared/config/settingNames';
import { repoRoot } from './bicepSource';
import { connectionStringAlternatives, laptopOnlySettings } from './settingClasses';

const sample = JSON.parse(readFileSync(join(repoRoot, 'local.settings.sample.json'), 'utf8')) as { Values: Record<string, string> };
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

/** `<prefix>__blobServiceUri` and friends are satisfied by the prefix's connection string on a laptop. */
function coveredLocally(name: string): boolean {
  if (name in sample.Values) return true;
  const prefix = name.split('__')[0];
  return name.includes('__') && connectionStringAlternatives.includes(prefix) && prefix in sample.Values;
}

describe('local.settings.sample.json', () => {
  it.each(Object.values(SettingNames))('covers %s', (name) => {
    expect(coveredLocally(name)).toBe(true);
  });

  it.each([...laptopOnlySettings, ...connectionStringAlternatives])('sets %s, which the templates leave out', (name) => {
    expect(sample.Values[name]).toBeDefined();
  });

  it('uses the emulators, not Azure', () => {
    expect(sample.Values[SettingNames.storageConnection]).toBe('UseDevelopmentStorage=true');
    expect(sample.Values[SettingNames.serviceBusConnection]).toContain('UseDevelopmentEmulator=true');
  });
});

describe('README settings table', () => {
  const rows = readme.split('\n').filter((line) => line.startsWith('| `'));

  it.each(Object.values(SettingNames))('explains %s', (name) => {
    expect(rows.some((row) => row.split('|')[1]?.includes(`\`${name}\``))).toBe(true);
  });

  it.each(laptopOnlySettings)('marks %s as laptop only', (name) => {
    const row = rows.find((candidate) => candidate.split('|')[1]?.includes(`\`${name}\``));
    expect(row).toMatch(/laptop/i);
  });
});
