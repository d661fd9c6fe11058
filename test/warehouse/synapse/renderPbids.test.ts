import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../../shared/definitions/projectRoot';

const script = join(projectRoot(), 'scripts', 'render-pbids.js');
const templates = join(projectRoot(), 'infra', 'powerbi');

describe('Power BI data source files (infra/powerbi/*.pbids, scripts/render-pbids.js)', () => {
  const out = mkdtempSync(join(tmpdir(), 'dscro-pbids-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it.each(['careflow.pbids', 'community360.pbids'])('commits %s as a DirectQuery TDS template with placeholders only', (name) => {
    // Prepare / Act
    const template = JSON.parse(readFileSync(join(templates, name), 'utf8'));

    // Assess
    expect(template).toEqual({
      version: '0.1',
      connections: [{ details: { protocol: 'tds', address: { server: '<SYNAPSE_SERVER>', database: '<SYNAPSE_DATABASE>' } }, options: {}, mode: 'DirectQuery' }],
    });
  });

  it('fills every template from SYNAPSE_SERVER and SYNAPSE_DATABASE into the folder named', () => {
    // Prepare
    const env = { ...process.env, SYNAPSE_SERVER: 'syn-dscro-prod.sql.azuresynapse.net', SYNAPSE_DATABASE: 'dscro_dw' };

    // Act
    execFileSync(process.execPath, [script, '--out', out], { env });

    // Assess
    expect(readdirSync(out).sort()).toEqual(['careflow.pbids', 'community360.pbids']);
    const rendered = JSON.parse(readFileSync(join(out, 'careflow.pbids'), 'utf8'));
    expect(rendered.connections[0].details.address).toEqual({ server: 'syn-dscro-prod.sql.azuresynapse.net', database: 'dscro_dw' });
    expect(rendered.connections[0].mode).toBe('DirectQuery');
  });

  it('stops, naming the setting, when one is missing', () => {
    // Prepare
    const env = { ...process.env, SYNAPSE_SERVER: 'syn-dscro-prod.sql.azuresynapse.net', SYNAPSE_DATABASE: '' };

    // Act
    const run = spawnSync(process.execPath, [script, '--out', join(out, 'never')], { env, encoding: 'utf8' });

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('SYNAPSE_DATABASE is not set');
  });
});
