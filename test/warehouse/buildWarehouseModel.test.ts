import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';
import { buildWarehouseModel } from '../../shared/warehouse/buildWarehouseModel';
import { WarehouseModel, tableOf } from '../../shared/warehouse/warehouseModel';

/** Names that would mean an identifier reached the warehouse (DESIGN.md §4); nhs_number_status is a DQ flag. */
const identifierShapes = [/nhs_?number(?!_status$)/i, /birth_?date/i, /date_?of_?birth/i, /(^|_)dob(_|$)/i, /post_?code/i];

describe('buildWarehouseModel (real definitions)', () => {
  let registry: DefinitionRegistry;
  let model: WarehouseModel;

  beforeAll(() => {
    registry = DefinitionRegistry.load();
    model = buildWarehouseModel(registry);
  });

  it('keys fact_activity on apce_ident and distributes it on the patient pseudonym', () => {
    // Prepare: sus-apc's business key is APCE_Ident, mapped to apce_ident

    // Act
    const fact = tableOf(model, 'fact_activity');

    // Assess
    expect(fact.kind).toBe('fact');
    expect(fact.key).toEqual(['apce_ident']);
    expect(fact.distributionColumn).toBe('patient_pseudonym');
  });

  it('gives fact_activity its lineage and pseudonymised columns', () => {
    // Prepare

    // Act
    const names = tableOf(model, 'fact_activity').columns.map((column) => column.name);

    // Assess
    expect(names).toEqual(expect.arrayContaining(['extract_id', 'extract_precedence', 'load_batch']));
    expect(names).toEqual(expect.arrayContaining(['patient_pseudonym', 'nhs_number_status', 'age_at_event', 'age_band', 'period_month', 'key_version']));
    expect(new Set(names).size).toBe(names.length);
  });

  it("builds careflow's linked spells table, partitioned by month and bucket", () => {
    // Prepare

    // Act
    const spells = tableOf(model, 'link_careflow_spells');

    // Assess
    expect(spells.kind).toBe('linked');
    expect(spells.key).toEqual(['apcs_ident']);
    expect(spells.distributionColumn).toBe('patient_pseudonym');
    expect(spells.columns.map((column) => column.name)).toEqual(expect.arrayContaining(['period_month', 'patient_bucket']));
  });

  it('has the conformed dimensions and the load batch table', () => {
    // Prepare

    // Act
    const names = model.tables.map((table) => table.name);

    // Assess
    expect(names).toEqual(expect.arrayContaining(['dim_date', 'dim_organisation', 'dim_hrg', 'dim_patient', 'load_batches']));
    expect(model.schema).toBe('dw');
  });

  it('has no column that names or is taken from a direct identifier', () => {
    // Prepare: every identifier column the flows declare
    const identifierSources = new Set(
      registry.flows().flatMap((flow) => [flow.identifiers.nhsNumber, flow.identifiers.birthDate, ...flow.identifiers.drop, ...flow.identifiers.localPatientIds].filter((column): column is string => !!column)),
    );

    // Act
    const offenders = model.tables.flatMap((table) =>
      table.columns
        .filter((column) => identifierShapes.some((shape) => shape.test(column.name) || shape.test(column.from)) || identifierSources.has(column.from))
        .map((column) => `${table.name}.${column.name}`),
    );

    // Assess
    expect([...identifierSources]).toEqual(expect.arrayContaining(['NHS_Number', 'Person_Birth_Date', 'Postcode', 'NHSNumber', 'PatientDOB', 'PersonBirthDate']));
    expect(offenders).toEqual([]);
  });
});
