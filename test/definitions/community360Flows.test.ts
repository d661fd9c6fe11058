import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';
import { FlowDefinition } from '../../shared/definitions/definitionTypes';
import { identifierColumns, pseudonymisedColumns } from '../../shared/flows/flowColumns';
import { createRowMapper } from '../../shared/stages/map/mappers/createRowMapper';
import { buildWarehouseModel } from '../../shared/warehouse/buildWarehouseModel';
import { WarehouseModel, tableOf } from '../../shared/warehouse/warehouseModel';

/** Column names that would mean an identifier reached the warehouse; nhs_number_status is a DQ flag. */
const identifierShapes = [/nhs_?number(?!_status$)/i, /birth_?date/i, /date_?of_?birth/i, /(^|_)dob(_|$)/i, /post_?code/i];

/** The Community 360 flows and the fact columns views and link outputs rely on, by exact name and order. */
const community360Flows = [
  {
    flow: 'ecds',
    table: 'fact_ecds',
    key: ['ec_ident'],
    columns: [
      'ec_ident', 'provider_code', 'provider_site_code', 'arrival_date', 'arrival_time', 'arrival_mode_snomed', 'attendance_category',
      'department_type', 'chief_complaint_snomed', 'acuity_snomed', 'decision_to_admit_date', 'departure_date', 'departure_time',
      'discharge_status_snomed', 'discharge_destination_snomed', 'discharge_follow_up_snomed', 'sus_hrg_code', 'attendance_end_date',
      'arrival_mode_group', 'arrival_mode_known', 'discharge_destination_group', 'discharge_destination_known', 'department_type_name',
      'department_type_known',
    ],
    rules: ['ECDS-NHS-VALID', 'ECDS-DEST-PRESENT', 'ECDS-DEST-KNOWN', 'ECDS-DEPART-AFTER-ARRIVAL'],
    identifiers: ['NHS_Number', 'Person_Birth_Date', 'Postcode'],
  },
  {
    flow: 'csds-referrals',
    table: 'fact_csds_referrals',
    key: ['unique_service_request_identifier'],
    columns: [
      'unique_service_request_identifier', 'service_request_identifier', 'provider_code', 'referral_request_received_date',
      'source_of_referral', 'primary_reason_for_referral', 'priority_type_code', 'service_discharge_date',
    ],
    rules: ['CSR-NHS-VALID', 'CSR-RECEIVED-LE-DISCH'],
    identifiers: ['NHSNumber', 'PersonBirthDate', 'Postcode'],
  },
  {
    flow: 'csds-contacts',
    table: 'fact_csds_contacts',
    key: ['unique_care_contact_identifier'],
    columns: [
      'unique_care_contact_identifier', 'unique_service_request_identifier', 'provider_code', 'care_contact_date', 'care_contact_time',
      'activity_location_type_code', 'activity_location_group', 'consultation_medium_used', 'attended_or_did_not_attend_code', 'attended',
      'clinical_contact_duration',
    ],
    rules: ['CSC-NHS-VALID'],
    identifiers: ['NHSNumber'],
  },
  {
    flow: 'dids',
    table: 'fact_dids',
    key: ['site_code_imaging', 'radiological_accession_num', 'imaging_code_nicip'],
    columns: [
      'site_code_imaging', 'radiological_accession_num', 'imaging_code_nicip', 'imaging_code_snomed', 'person_gender_code', 'practice_code',
      'patient_source_setting', 'patient_source_setting_name', 'referrer', 'referring_org_code', 'diagnostic_test_request_date',
      'diag_test_request_rec_date', 'diagnostic_test_date', 'service_report_date', 'provider_code', 'imaging_modality',
    ],
    rules: ['DIDS-NHS-VALID', 'DIDS-TEST-DATE-PRESENT', 'DIDS-DATE-SEQUENCE', 'DIDS-BIRTH-LE-TEST', 'DIDS-TEST-NOT-FUTURE', 'DIDS-IMAGING-CODE-KNOWN'],
    identifiers: ['NHS_NUMBER', 'PERSON_BIRTH_DATE', 'POSTCODE'],
  },
];

/** Columns of a row after the map stage: pseudonymised source columns plus every mapping's outputs. */
function mappedColumns(flow: FlowDefinition): Set<string> {
  return new Set([...pseudonymisedColumns(flow), ...flow.mappings.flatMap((mapping) => createRowMapper(mapping).outputColumns)]);
}

describe('Community 360 flow definitions (real definitions)', () => {
  let registry: DefinitionRegistry;
  let model: WarehouseModel;

  beforeAll(() => {
    registry = DefinitionRegistry.load();
    model = buildWarehouseModel(registry);
  });

  it('loads every flow, the CareFlow Insights flows and the Community 360 flows', () => {
    // Prepare: definitions/flows of this project

    // Act
    const ids = registry.flows().map((flow) => flow.id);

    // Assess
    expect(ids).toEqual(
      expect.arrayContaining(['sus-apc', 'prescribing', 'mhsds-referrals', 'mhsds-care-clusters', 'ecds', 'csds-referrals', 'csds-contacts', 'dids']),
    );
  });

  describe.each(community360Flows)('$flow', ({ flow: flowId, table, key, columns, rules, identifiers }) => {
    let flow: FlowDefinition;

    beforeAll(() => {
      flow = registry.flow(flowId);
    });

    it('names its fact columns as the views and link outputs expect', () => {
      // Prepare

      // Act
      const names = flow.fact.columns.map((column) => column.name);

      // Assess
      expect(flow.fact.table).toBe(table);
      expect(names).toEqual(columns);
    });

    it('takes every fact column from a column the map stage writes', () => {
      // Prepare
      const available = mappedColumns(flow);

      // Act
      const missing = flow.fact.columns.filter((column) => !available.has(column.from)).map((column) => column.name);

      // Assess
      expect(missing).toEqual([]);
    });

    it('never writes two mapped columns whose names differ only in case (the warehouse reads them case-insensitively)', () => {
      // Prepare
      const names = [...mappedColumns(flow)].map((name) => name.toLowerCase());

      // Act
      const repeated = names.filter((name, index) => names.indexOf(name) !== index);

      // Assess
      expect(repeated).toEqual([]);
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

    it('has period dates and an age-at date that are columns of the extract', () => {
      // Prepare
      const extractColumns = new Set(flow.columns);

      // Act
      const dates = [...flow.periodDate, flow.identifiers.ageAt].filter((column): column is string => !!column);

      // Assess
      expect(dates.filter((column) => !extractColumns.has(column))).toEqual([]);
    });

    it('keeps the NHS number, birth date and postcode in the raw zone', () => {
      // Prepare

      // Act
      const kept = [...identifierColumns(flow)].sort();

      // Assess
      expect(kept).toEqual([...identifiers].sort());
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
      const identifierSources = identifierColumns(flow);

      // Act
      const fact = tableOf(model, table);
      const offenders = fact.columns
        .filter((column) => identifierSources.has(column.from) || identifierShapes.some((shape) => shape.test(column.name) || shape.test(column.from)))
        .map((column) => column.name);

      // Assess
      expect(fact.kind).toBe('fact');
      expect(fact.key).toEqual(key);
      expect(fact.distributionColumn).toBe('patient_pseudonym');
      expect(offenders).toEqual([]);
      expect(fact.columns.map((column) => column.name)).toEqual(
        expect.arrayContaining(['patient_pseudonym', 'nhs_number_status', 'age_status', 'period_month', 'source_line', 'extract_id', 'load_batch']),
      );
    });
  });

  it('types the columns the views test as booleans and dates', () => {
    // Prepare
    const typeOf = (flowId: string, column: string) => registry.flow(flowId).fact.columns.find((candidate) => candidate.name === column)?.type;

    // Act
    const types = {
      attended: typeOf('csds-contacts', 'attended'),
      clinicalContactDuration: typeOf('csds-contacts', 'clinical_contact_duration'),
      attendanceEndDate: typeOf('ecds', 'attendance_end_date'),
      destinationKnown: typeOf('ecds', 'discharge_destination_known'),
      diagnosticTestDate: typeOf('dids', 'diagnostic_test_date'),
    };

    // Assess
    expect(types).toEqual({ attended: 'boolean', clinicalContactDuration: 'integer', attendanceEndDate: 'date', destinationKnown: 'boolean', diagnosticTestDate: 'date' });
  });
});
