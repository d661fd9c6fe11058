import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';
import { FlowDefinition } from '../../shared/definitions/definitionTypes';
import { schemaValidator } from '../../shared/definitions/jsonSchemas';
import { identifierColumns, pseudonymisedColumns } from '../../shared/flows/flowColumns';
import { createRowMapper } from '../../shared/stages/map/mappers/createRowMapper';
import { buildWarehouseModel } from '../../shared/warehouse/buildWarehouseModel';
import { WarehouseModel, tableOf } from '../../shared/warehouse/warehouseModel';

/** Column names that would mean an identifier reached the warehouse; nhs_number_status is a DQ flag. */
const identifierShapes = [/nhs_?number(?!_status$)/i, /birth_?date/i, /date_?of_?birth/i, /dob/i, /post_?code/i];

const careflowFlows = [
  {
    flow: 'prescribing',
    table: 'fact_prescriptions',
    key: ['prescription_item_id'],
    rules: ['RX-NHS-VALID', 'RX-BNF-WELLFORMED', 'RX-BNF-KNOWN', 'RX-PERIOD-IN-EXTRACT', 'RX-COST-NONNEG'],
  },
  {
    flow: 'mhsds-referrals',
    table: 'fact_mhsds',
    key: ['uniq_serv_req_id'],
    rules: ['MHR-NHS-VALID', 'MHR-RECEIVED-LE-DISCH', 'MHR-RECEIVED-LE-REJECT'],
  },
  {
    flow: 'mhsds-care-clusters',
    table: 'fact_mhsds_care_clusters',
    key: ['uniq_clust_id'],
    rules: ['MHC-NHS-VALID', 'MHC-START-LE-END', 'MHC-CLUSTER-KNOWN'],
  },
];

/** Columns of a row after the map stage: pseudonymised source columns plus every mapping's outputs. */
function mappedColumns(flow: FlowDefinition): Set<string> {
  return new Set([...pseudonymisedColumns(flow), ...flow.mappings.flatMap((mapping) => createRowMapper(mapping).outputColumns)]);
}

describe('flow definitions (real definitions)', () => {
  let registry: DefinitionRegistry;
  let model: WarehouseModel;

  beforeAll(() => {
    registry = DefinitionRegistry.load();
    model = buildWarehouseModel(registry);
  });

  it('loads the four flows', () => {
    // Prepare: definitions/flows of this project

    // Act
    const ids = registry.flows().map((flow) => flow.id);

    // Assess
    expect(ids).toEqual(expect.arrayContaining(['sus-apc', 'prescribing', 'mhsds-referrals', 'mhsds-care-clusters']));
  });

  describe.each(careflowFlows)('$flow', ({ flow: flowId, table, key, rules }) => {
    let flow: FlowDefinition;

    beforeAll(() => {
      flow = registry.flow(flowId);
    });

    it('takes every fact column from a column the map stage writes', () => {
      // Prepare
      const available = mappedColumns(flow);

      // Act
      const missing = flow.fact.columns.filter((column) => !available.has(column.from)).map((column) => column.name);

      // Assess
      expect(missing).toEqual([]);
    });

    it('labels every fact column and gives every text column a length', () => {
      // Prepare

      // Act
      const unlabelled = flow.fact.columns.filter((column) => !column.label).map((column) => column.name);
      const unbounded = flow.fact.columns.filter((column) => column.type === 'string' && !column.length).map((column) => column.name);

      // Assess
      expect(unlabelled).toEqual([]);
      expect(unbounded).toEqual([]);
    });

    it('has a period date and an age-at date that are columns of the extract', () => {
      // Prepare
      const columns = new Set(flow.columns);

      // Act
      const dates = [...flow.periodDate, flow.identifiers.ageAt].filter((column): column is string => !!column);

      // Assess
      expect(dates.filter((column) => !columns.has(column))).toEqual([]);
      expect(identifierColumns(flow).size).toBeGreaterThan(0);
    });

    it('has its DQ rules', () => {
      // Prepare

      // Act
      const ids = flow.dqRules.map((rule) => rule.id);

      // Assess
      expect(ids).toEqual(rules);
    });

    it('builds its fact table keyed on the business key, distributed on the pseudonym, with no identifier column', () => {
      // Prepare
      const identifiers = identifierColumns(flow);

      // Act
      const fact = tableOf(model, table);
      const offenders = fact.columns
        .filter((column) => identifiers.has(column.from) || identifierShapes.some((shape) => shape.test(column.name) || shape.test(column.from)))
        .map((column) => column.name);

      // Assess
      expect(fact.kind).toBe('fact');
      expect(fact.key).toEqual(key);
      expect(fact.distributionColumn).toBe('patient_pseudonym');
      expect(offenders).toEqual([]);
      expect(fact.columns.map((column) => column.name)).toEqual(expect.arrayContaining(['patient_pseudonym', 'nhs_number_status', 'period_month', 'extract_id']));
    });
  });

  it('drops the NHS number, birth date and postcode of each new flow', () => {
    // Prepare

    // Act
    const identifiers = Object.fromEntries(careflowFlows.map(({ flow }) => [flow, [...identifierColumns(registry.flow(flow))].sort()]));

    // Assess
    expect(identifiers).toEqual({
      prescribing: ['NHSNumber', 'PatientDOB', 'PatientPostcode'],
      'mhsds-referrals': ['NHSNumber', 'PersonBirthDate', 'Postcode'],
      'mhsds-care-clusters': ['NHSNumber'],
    });
  });

  it.each([
    ['an unknown mapping kind', { kind: 'snomedGroups', from: 'Code', as: 'group' }],
    ['a bnfHierarchy mapping without its output name', { kind: 'bnfHierarchy', from: 'PaidBNFCode' }],
    ['a codeLookup mapping without its reference', { kind: 'codeLookup', from: 'AMHCareClustCodeFin', as: 'care_cluster' }],
    ['a codeLookup mapping with an unknown normalisation', { kind: 'codeLookup', reference: 'care-clusters', from: 'AMHCareClustCodeFin', as: 'care_cluster', normalise: 'trim' }],
  ])('refuses a flow definition with %s', (_case, mapping) => {
    // Prepare
    const definition = { ...registry.flow('mhsds-care-clusters'), mappings: [mapping] };

    // Act
    const valid = schemaValidator('schemas/definitions/flow-definition.schema.json')(definition);

    // Assess
    expect(valid).toBe(false);
  });
});
