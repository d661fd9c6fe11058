import { DefinitionRegistry } from '../definitions/DefinitionRegistry';
import { ColumnDefinition, FlowDefinition, LinkOutputDefinition, MeasureDefinition, ProductDefinition } from '../definitions/definitionTypes';
import { StandardColumns, lineageColumns, pseudonymisedStandardColumns } from '../flows/standardColumns';
import { renderViewSql } from './renderViewSql';
import { TableModel, WarehouseModel } from './warehouseModel';

export const warehouseSchema = 'dw';

/** The whole logical model, derived from the definitions so the embedded and Synapse warehouses cannot drift. */
export function buildWarehouseModel(registry: DefinitionRegistry): WarehouseModel {
  const facts = registry.flows().map(factTable);
  const linked = registry.products().flatMap((product) => product.link.outputs.map((output) => linkedTable(product, output)));
  const views = registry.products().flatMap((product) =>
    product.views.map((view) => ({ name: view.name, product: product.id, description: view.description, sql: renderViewSql(product, view, warehouseSchema), patientLevel: view.patientLevel ?? false })),
  );
  return { schema: warehouseSchema, tables: [...conformedDimensions, ...facts, ...linked, loadBatchTable], views };
}

export function factTable(flow: FlowDefinition): TableModel {
  const columns: ColumnDefinition[] = [...flow.fact.columns, ...pseudonymisedStandardColumns, ...lineageColumns];
  const key = flow.businessKey.map((sourceColumn) => {
    const column = flow.fact.columns.find((candidate) => candidate.from === sourceColumn);
    if (!column) throw new Error(`flow ${flow.id}: business key ${sourceColumn} is not a fact column`);
    return column.name;
  });
  return { name: flow.fact.table, kind: 'fact', description: flow.fact.description, columns, key, distributionColumn: StandardColumns.pseudonym };
}

export function linkedTableName(product: ProductDefinition, output: LinkOutputDefinition): string {
  return `link_${product.id}_${output.name}`;
}

export function linkedTable(product: ProductDefinition, output: LinkOutputDefinition): TableModel {
  const partitionColumns: ColumnDefinition[] = [
    { name: StandardColumns.periodMonth, from: StandardColumns.periodMonth, type: 'date', label: 'Reporting month' },
    { name: StandardColumns.bucket, from: StandardColumns.bucket, type: 'integer', label: 'Patient partition' },
  ];
  const columns = linkedOutputColumns(output);
  const hasPseudonym = columns.some((column) => column.name === StandardColumns.pseudonym);
  return {
    name: linkedTableName(product, output),
    kind: 'linked',
    description: output.description,
    columns: [...columns, ...partitionColumns],
    key: output.key,
    distributionColumn: hasPseudonym ? StandardColumns.pseudonym : undefined,
  };
}

/** The columns an output writes, before the partition columns: derived from its kind and measures. */
export function linkedOutputColumns(output: LinkOutputDefinition): ColumnDefinition[] {
  const pseudonym: ColumnDefinition = { name: StandardColumns.pseudonym, from: StandardColumns.pseudonym, type: 'string', length: 64, label: 'Patient pseudonym' };
  switch (output.kind) {
    case 'passThrough':
      return output.columns;
    case 'windowMatch': {
      const anchor = output.anchor.columns.some((column) => column.name === StandardColumns.pseudonym) ? output.anchor.columns : [...output.anchor.columns, pseudonym];
      return [...anchor, ...output.targets.flatMap((target) => target.measures.map(measureColumn))];
    }
    case 'patientPeriodSummary':
      return [
        { name: 'financial_year', from: 'financial_year', type: 'string', length: 7, label: 'Financial year' },
        pseudonym,
        ...output.sources.flatMap((source) => source.measures.map(measureColumn)),
      ];
  }
}

function measureColumn(measure: MeasureDefinition): ColumnDefinition {
  const type = measure.fn === 'exists' ? 'boolean' : measure.fn === 'sum' ? 'decimal' : 'integer';
  return { name: measure.name, from: measure.name, type, label: measure.label };
}

const conformedDimensions: TableModel[] = [
  {
    name: 'dim_date',
    kind: 'dimension',
    description: 'Calendar with NHS financial years (April to March).',
    key: ['date_key'],
    columns: [
      { name: 'date_key', from: 'date_key', type: 'date', label: 'Date' },
      { name: 'month_start', from: 'month_start', type: 'date', label: 'Month' },
      { name: 'month_end', from: 'month_end', type: 'date', label: 'Month end' },
      { name: 'calendar_year', from: 'calendar_year', type: 'integer', label: 'Calendar year' },
      { name: 'month_number', from: 'month_number', type: 'integer', label: 'Month number' },
      { name: 'month_name', from: 'month_name', type: 'string', length: 9, label: 'Month name' },
      { name: 'financial_year', from: 'financial_year', type: 'string', length: 7, label: 'Financial year' },
      { name: 'financial_month_number', from: 'financial_month_number', type: 'integer', label: 'Month of financial year' },
    ],
  },
  {
    name: 'dim_organisation',
    kind: 'dimension',
    description: 'Providers and commissioners by ODS code (names from reference/organisations).',
    key: ['org_code'],
    columns: [
      { name: 'org_code', from: 'org_code', type: 'string', length: 10, label: 'ODS code' },
      { name: 'org_name', from: 'org_name', type: 'string', length: 200, label: 'Organisation' },
      { name: 'org_type', from: 'org_type', type: 'string', length: 50, label: 'Organisation type' },
      { name: 'icb_code', from: 'icb_code', type: 'string', length: 10, label: 'ICB code' },
      { name: 'icb_name', from: 'icb_name', type: 'string', length: 200, label: 'ICB' },
    ],
  },
  {
    name: 'dim_hrg',
    kind: 'dimension',
    description: 'HRG4+ codes with chapter and subchapter (reference/hrg/hrg-codes.json).',
    key: ['hrg_code'],
    columns: [
      { name: 'hrg_code', from: 'hrg_code', type: 'string', length: 5, label: 'HRG' },
      { name: 'hrg_name', from: 'hrg_name', type: 'string', length: 300, label: 'HRG name' },
      { name: 'chapter', from: 'chapter', type: 'string', length: 1, label: 'HRG chapter' },
      { name: 'chapter_name', from: 'chapter_name', type: 'string', length: 200, label: 'HRG chapter name' },
      { name: 'subchapter', from: 'subchapter', type: 'string', length: 2, label: 'HRG subchapter' },
      { name: 'subchapter_name', from: 'subchapter_name', type: 'string', length: 300, label: 'HRG subchapter name' },
    ],
  },
  {
    name: 'dim_patient',
    kind: 'dimension',
    description: 'Patient pseudonyms (keyed HMAC; no identifiers) and the key version that made them.',
    key: ['patient_pseudonym'],
    columns: [
      { name: 'patient_pseudonym', from: 'patient_pseudonym', type: 'string', length: 64, label: 'Patient pseudonym' },
      { name: 'key_version', from: 'key_version', type: 'string', length: 64, label: 'Key version' },
    ],
  },
];

const loadBatchTable: TableModel = {
  name: 'load_batches',
  kind: 'system',
  description: 'One row per loaded batch: lineage from warehouse rows back to extracts.',
  key: ['load_batch', 'table_name'],
  columns: [
    { name: 'load_batch', from: 'load_batch', type: 'string', length: 64, label: 'Load batch' },
    { name: 'table_name', from: 'table_name', type: 'string', length: 128, label: 'Table' },
    { name: 'extract_id', from: 'extract_id', type: 'string', length: 32, label: 'Extract id' },
    { name: 'rows_loaded', from: 'rows_loaded', type: 'integer', label: 'Rows loaded' },
  ],
};
