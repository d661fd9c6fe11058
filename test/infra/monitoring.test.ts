import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { infraDir, parseAllBicep, stringLiterals } from './bicepSource';

const monitoringDir = join(infraDir, 'monitoring');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildWorkbook, panels } = require(join(monitoringDir, 'build-workbook.js')) as {
  buildWorkbook(directory?: string): unknown;
  panels: { file: string }[];
};

interface WorkbookItem {
  type: number;
  name: string;
  content: { query?: string };
}

const kqlFiles = readdirSync(monitoringDir).filter((file) => file.endsWith('.kql'));
const dashboardQueries = kqlFiles.filter((file) => !file.startsWith('alert-'));
const alertQueries = kqlFiles.filter((file) => file.startsWith('alert-'));

describe('monitoring', () => {
  const workbookText = readFileSync(join(monitoringDir, 'workbook.json'), 'utf8');

  it('the workbook is JSON in the Notebook format', () => {
    const workbook = JSON.parse(workbookText) as { version: string; items: WorkbookItem[] };
    expect(workbook.version).toBe('Notebook/1.0');
    expect(workbook.items.length).toBeGreaterThan(dashboardQueries.length);
  });

  it.each(dashboardQueries)('the workbook runs %s exactly as written', (file) => {
    const workbook = JSON.parse(workbookText) as { items: WorkbookItem[] };
    const item = workbook.items.find((candidate) => candidate.name === file.replace(/\.kql$/, ''));
    expect(item?.type).toBe(3);
    expect(item?.content.query).toBe(readFileSync(join(monitoringDir, file), 'utf8'));
  });

  it('workbook.json is what build-workbook.js writes (run it after editing a query)', () => {
    expect(JSON.parse(workbookText)).toEqual(buildWorkbook(monitoringDir));
    expect(panels.map((panel) => panel.file).sort()).toEqual([...dashboardQueries].sort());
  });

  it.each(['dscro-pseudonymise', 'stage.rows_in', 'stage.rows_quarantined', 'stage.duration_ms', 'dq.rule_fail', 'dq.rule_warn', 'deadletter.count'])(
    'the queries use %s',
    (term) => {
      const all = kqlFiles.map((file) => readFileSync(join(monitoringDir, file), 'utf8')).join('\n');
      if (term === 'dscro-pseudonymise') expect(all).toContain('strcat("dscro-"');
      else expect(all).toContain(`"${term}"`);
    },
  );

  it('every query reads the Application Insights tables, never the workspace ones', () => {
    for (const file of kqlFiles) {
      const code = readFileSync(join(monitoringDir, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
      expect(code).toMatch(/\b(traces|customMetrics)\b/);
      expect(code).not.toMatch(/\b(AppTraces|AppMetrics)\b/);
    }
  });

  it('the Bicep modules deploy the workbook and every alert query', async () => {
    const strings = new Set((await parseAllBicep()).flatMap(stringLiterals));
    expect(strings).toContain('../monitoring/workbook.json');
    for (const file of alertQueries) expect(strings).toContain(`../monitoring/${file}`);
    expect(strings).toContain('DeadletteredMessages');
  });
});
