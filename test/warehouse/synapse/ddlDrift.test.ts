import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ColumnDefinition } from '../../../shared/definitions/definitionTypes';
import { DefinitionRegistry } from '../../../shared/definitions/DefinitionRegistry';
import { projectRoot } from '../../../shared/definitions/projectRoot';
import { lineageColumns } from '../../../shared/flows/standardColumns';
import { buildWarehouseModel } from '../../../shared/warehouse/buildWarehouseModel';
import { renderDdlFileText, synapseDdlFiles } from '../../../shared/warehouse/synapse/synapseDdlFiles';
import { WarehouseModel } from '../../../shared/warehouse/warehouseModel';

const sqlFolder = join(projectRoot(), 'infra', 'sql');
const regenerate = 'regenerate with `npm run build && node scripts/generate-synapse-ddl.js` and commit infra/sql/';

/** The type mapping the Synapse warehouse promises, written out here rather than imported from the renderer. */
function expectedType(column: ColumnDefinition): string {
  switch (column.type) {
    case 'string':
      return `NVARCHAR(${column.length ?? 400})`;
    case 'date':
      return 'DATE';
    case 'integer':
      return 'BIGINT';
    case 'decimal':
      return 'DECIMAL(18,4)';
    case 'boolean':
      return 'BIT';
  }
}

interface ParsedTable {
  columns: [string, string][];
  options: string;
}

/** Tables and their columns as the committed DDL declares them. */
function parseTables(sql: string): Map<string, ParsedTable> {
  const tables = new Map<string, ParsedTable>();
  for (const match of sql.matchAll(/CREATE TABLE \[(\w+)\]\.\[(\w+)\] \(\n([\s\S]*?)\n\)\nWITH \(([^;]*)\);/g)) {
    const columns = match[3].split('\n').map((line): [string, string] => {
      const column = /^\s*\[(\w+)\] ([A-Z]+(?:\(\d+(?:,\d+)?\))?)/.exec(line);
      if (!column) throw new Error(`cannot read the column line "${line}" of ${match[1]}.${match[2]}`);
      return [column[1], column[2]];
    });
    tables.set(`${match[1]}.${match[2]}`, { columns, options: match[4] });
  }
  return tables;
}

describe('the committed Synapse DDL (infra/sql) and the warehouse model cannot drift', () => {
  let registry: DefinitionRegistry;
  let model: WarehouseModel;
  let committed: Map<string, string>;

  beforeAll(() => {
    registry = DefinitionRegistry.load();
    model = buildWarehouseModel(registry);
    committed = new Map(
      readdirSync(sqlFolder)
        .filter((name) => name.endsWith('.sql'))
        .map((name) => [name, readFileSync(join(sqlFolder, name), 'utf8')]),
    );
  });

  it('matches, file for file, what the generator writes from the definitions', () => {
    // Prepare
    const files = synapseDdlFiles(model, registry);

    // Act
    const stale = files.filter((file) => committed.get(file.name) !== renderDdlFileText(file)).map((file) => file.name);
    const extra = [...committed.keys()].filter((name) => !files.some((file) => file.name === name));

    // Assess
    if (stale.length > 0 || extra.length > 0) {
      throw new Error(`infra/sql is out of date (differs: ${stale.join(', ') || 'none'}; not generated: ${extra.join(', ') || 'none'}): ${regenerate}`);
    }
  });

  it('declares every model table in dw with the same columns, in order, and the promised types', () => {
    // Prepare
    const tables = parseTables([...committed.values()].join('\n'));

    // Act / Assess
    for (const table of model.tables) {
      const declared = tables.get(`dw.${table.name}`);
      expect({ table: table.name, columns: declared?.columns }).toEqual({ table: table.name, columns: table.columns.map((column) => [column.name, expectedType(column)]) });
    }
  });

  it('has a text staging table beside every loaded table, and no table the model does not have', () => {
    // Prepare
    const tables = parseTables([...committed.values()].join('\n'));
    const lineage = new Set(lineageColumns.map((column) => column.name));

    // Act
    const expected = new Set(model.tables.flatMap((table) => [`dw.${table.name}`, ...(table.kind === 'system' ? [] : [`stg.${table.name}`])]));

    // Assess
    expect(new Set(tables.keys())).toEqual(expected);
    for (const table of model.tables.filter((candidate) => candidate.kind !== 'system')) {
      const staging = tables.get(`stg.${table.name}`)!;
      const names = table.columns.filter((column) => table.kind !== 'fact' || !lineage.has(column.name)).map((column) => column.name);
      expect({ table: table.name, columns: staging.columns }).toEqual({ table: table.name, columns: names.map((name) => [name, 'NVARCHAR(4000)']) });
      expect(staging.options).toBe('DISTRIBUTION = ROUND_ROBIN, HEAP');
    }
  });

  it('distributes facts on the pseudonym, replicates small dimensions, hashes linked outputs that carry a pseudonym', () => {
    // Prepare
    const tables = parseTables([...committed.values()].join('\n'));

    // Act / Assess
    for (const table of model.tables) {
      const options = tables.get(`dw.${table.name}`)!.options;
      if (table.kind === 'fact') expect(options).toBe('DISTRIBUTION = HASH([patient_pseudonym]), CLUSTERED COLUMNSTORE INDEX');
      if (table.kind === 'linked') expect(options).toMatch(table.distributionColumn ? /^DISTRIBUTION = HASH\(\[patient_pseudonym\]\)/ : /^DISTRIBUTION = ROUND_ROBIN/);
      if (table.kind === 'dimension' && table.name !== 'dim_patient') expect(options).toMatch(/^DISTRIBUTION = REPLICATE/);
    }
    expect(tables.get('dw.dim_patient')!.options).toMatch(/^DISTRIBUTION = HASH\(\[patient_pseudonym\]\)/);
  });

  it('creates every view of each product in that product\'s file, and no other view', () => {
    // Prepare
    const files = synapseDdlFiles(model, registry);

    // Act
    const declared = [...committed].flatMap(([name, text]) => [...text.matchAll(/^ALTER VIEW \[dw\]\.\[(\w+)\] AS$/gm)].map((match) => `${name}:${match[1]}`));

    // Assess
    const expected = model.views.map((view) => `${files.find((file) => file.name.endsWith(`_${view.product}.sql`))!.name}:${view.name}`);
    expect(declared.sort()).toEqual(expected.sort());
  });
});
