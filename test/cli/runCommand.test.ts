import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../../shared/cli/runCommand';
import { DuckDbWarehouse } from '../../shared/warehouse/DuckDbWarehouse';

describe('dscro-flows run --once', () => {
  const state = mkdtempSync(join(tmpdir(), 'dscro-cli-'));
  afterAll(() => rmSync(state, { recursive: true, force: true }));

  it('generates a synthetic data set, runs the chain and ends with facts in the warehouse and a DQ report', async () => {
    // Prepare
    const lines: string[] = [];

    // Act
    const exitCode = await runCommand({ state, once: true, port: 0, seed: 3, patients: 150, months: 3 }, (line) => lines.push(line));

    // Assess
    const output = lines.join('\n');
    expect(exitCode).toBe(0);
    expect(output).toMatch(/Generated a local pseudonymisation key for careflow/);
    expect(output).toMatch(/careflow\s+pseudonymise\s+succeeded/);
    expect(output).toMatch(/Dead letters: 0/);
    expect(readdirSync(join(state, 'reports', 'careflow')).some((name) => name.endsWith('.html'))).toBe(true);
    expect(existsSync(join(state, 'warehouse.duckdb'))).toBe(true);
    const warehouse = await DuckDbWarehouse.open(join(state, 'warehouse.duckdb'), undefined as never);
    const [facts] = await warehouse.query('SELECT count(*) AS n FROM dw.fact_activity');
    await warehouse.close();
    expect(Number(facts.n)).toBeGreaterThan(100);
  });

  it('keeps the key on a second run and reports the extract as a duplicate', async () => {
    // Prepare
    const lines: string[] = [];

    // Act
    const exitCode = await runCommand({ state, once: true, port: 0, seed: 3, patients: 150, months: 3 }, (line) => lines.push(line));

    // Assess
    expect(exitCode).toBe(0);
    expect(lines.join('\n')).not.toMatch(/Generated a local pseudonymisation key/);
    expect(lines.join('\n')).toMatch(/DUPLICATE/);
  });
});
