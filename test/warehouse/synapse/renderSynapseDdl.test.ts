import { DefinitionRegistry } from '../../../shared/definitions/DefinitionRegistry';
import { buildWarehouseModel } from '../../../shared/warehouse/buildWarehouseModel';
import { renderAccessDdl } from '../../../shared/warehouse/synapse/renderAccessDdl';
import { SynapseDdl, renderSynapseDdl, renderViewDdl } from '../../../shared/warehouse/synapse/renderSynapseDdl';
import { statementKind } from '../../../shared/warehouse/synapse/statementKind';

describe('renderSynapseDdl (real definitions)', () => {
  let ddl: SynapseDdl;
  const table = (schema: string, name: string) => ddl.tables.find((candidate) => candidate.schema === schema && candidate.name === name)!;

  beforeAll(() => {
    ddl = renderSynapseDdl(buildWarehouseModel(DefinitionRegistry.load()));
  });

  it('creates the dw and stg schemas idempotently (CREATE SCHEMA must open its batch, hence EXEC)', () => {
    // Prepare / Act / Assess
    expect(ddl.schemas).toEqual([`IF SCHEMA_ID(N'dw') IS NULL EXEC(N'CREATE SCHEMA [dw]');`, `IF SCHEMA_ID(N'stg') IS NULL EXEC(N'CREATE SCHEMA [stg]');`]);
  });

  it('creates a table only when it is not there, with binary-collated text', () => {
    // Prepare
    const fact = table('dw', 'fact_activity');

    // Act / Assess
    expect(fact.create).toContain(`IF OBJECT_ID(N'[dw].[fact_activity]', N'U') IS NULL\nCREATE TABLE [dw].[fact_activity] (`);
    expect(fact.create).toContain('[apce_ident] NVARCHAR(40) COLLATE Latin1_General_100_BIN2 NULL, -- Episode id');
    expect(fact.create).toContain('[spell_price] DECIMAL(18,4) NULL');
    expect(fact.create).toContain('[spell_core_hrg_known] BIT NULL');
    expect(statementKind(fact.create)).toBe('CREATE TABLE');
  });

  it('keeps statistics on the business key, the pseudonym, the reporting month and the patient partition', () => {
    // Prepare / Act
    const statistics = table('dw', 'fact_activity').statistics.map((batch) => /CREATE STATISTICS \[(\w+)\]/.exec(batch)![1]);

    // Assess
    expect(statistics).toEqual(['st_fact_activity_apce_ident', 'st_fact_activity_patient_pseudonym', 'st_fact_activity_period_month', 'st_fact_activity_patient_bucket']);
    expect(table('dw', 'fact_dids').statistics[0]).toContain('([site_code_imaging], [radiological_accession_num], [imaging_code_nicip])');
    expect(table('stg', 'fact_activity').statistics).toEqual([]);
  });

  it('replicates the calendar with a clustered index on its key, and keeps load_batches apart from staging', () => {
    // Prepare / Act / Assess
    expect(table('dw', 'dim_date').create).toContain('WITH (DISTRIBUTION = REPLICATE, CLUSTERED INDEX ([date_key]));');
    expect(table('dw', 'load_batches').create).toContain('WITH (DISTRIBUTION = ROUND_ROBIN, CLUSTERED INDEX ([load_batch], [table_name]));');
    expect(ddl.tables.some((candidate) => candidate.schema === 'stg' && candidate.name === 'load_batches')).toBe(false);
  });

  it('creates a placeholder view only when there is none, then alters it, so grants survive and readers never meet a missing view', () => {
    // Prepare / Act
    const view = renderViewDdl('dw', { name: 'vw_x', sql: 'SELECT 1 AS n -- why' });

    // Assess
    expect(view.ensure).toBe(`IF OBJECT_ID(N'[dw].[vw_x]', N'V') IS NULL EXEC(N'CREATE VIEW [dw].[vw_x] AS SELECT 1 AS pending_definition');`);
    expect(view.define).toBe('ALTER VIEW [dw].[vw_x] AS\nSELECT 1 AS n -- why');
    expect([statementKind(view.ensure), statementKind(view.define)]).toEqual(['CREATE VIEW', 'ALTER VIEW']);
  });

  it('lets the report role read only the views that are not patient level, and the dimensions reports slice by', () => {
    // Prepare
    const model = buildWarehouseModel(DefinitionRegistry.load());

    // Act
    const grants = renderAccessDdl(model).filter((batch) => batch.includes('TO [dscro_report_reader]') && batch.startsWith('GRANT'));

    // Assess
    const granted = grants.map((grant) => /ON \[dw\]\.\[(\w+)\]/.exec(grant)![1]);
    expect(granted).toEqual([...model.views.filter((view) => !view.patientLevel).map((view) => view.name), 'dim_date', 'dim_organisation', 'dim_hrg']);
    expect(granted).not.toContain('vw_careflow_high_cost_inpatients');
    expect(renderAccessDdl(model)).toContain('GRANT SELECT ON SCHEMA::[dw] TO [dscro_analyst];');
    expect(renderAccessDdl(model)).toContain('DENY SELECT ON SCHEMA::[stg] TO [dscro_analyst], [dscro_report_reader];');
  });
});
