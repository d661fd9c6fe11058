import { DefinitionRegistry } from '../../../../shared/definitions/DefinitionRegistry';
import { Row } from '../../../../shared/flows/row';
import { createRowMapper } from '../../../../shared/stages/map/mappers/createRowMapper';
import { RowMapper } from '../../../../shared/stages/map/mappers/RowMapper';
import { imagingCodes } from '../../../factories/community360Rows';

/**
 * The Community 360 flows' mappings exactly as their definitions declare them, in order, over the real reference
 * files (reference/ecds, reference/csds, reference/dids). Expected values are read from those files:
 *   ecds/arrival-modes.csv            1048031000000100 ambulance, 1048071000000103 own_transport, 1047991000000102 prison
 *   ecds/discharge-destinations.csv   306706006 admitted, 306689006 discharged, 1066341000000100 ambulatory_short_stay,
 *                                     19712007 transfer, 305398007 died
 *   ecds/department-types.csv         01 Emergency department, 05 Same day emergency care
 *   csds/activity-location-types.csv  A01 home, C01 primary_care, E02 and E57 hospital, G02 care_home, L01 education,
 *                                     M01 justice, X01 other
 *   csds/attended-or-did-not-attend.csv  5 and 6 attended; 0, 2, 3, 4 and 7 not
 *   dids/dids-nicip-snomed-modality.csv  CAAAG CT Angiogram aorta (CT), UABDO US Abdomen (ultrasound), XCHES XR Chest
 *                                     (plain radiography), N123D NM Thyroid (nuclear medicine), CCBONJ CT Fluoroscopic
 *                                     cementoplasty (fluoroscopy, so Other), MADRB MRI Adrenal Both (MRI; its CT pairing
 *                                     is marked inactive); SNOMED CT 45036003 Ultrasonography of abdomen
 *   dids/dids-patient-source-setting.csv  4 GP Direct Access, 5 Accident and Emergency Department (this Health Care Provider)
 */
let registry: DefinitionRegistry;

beforeAll(() => {
  registry = DefinitionRegistry.load();
});

function mappersOf(flowId: string): RowMapper[] {
  return registry.flow(flowId).mappings.map(createRowMapper);
}

function mapped(mappers: RowMapper[], row: Row): Row {
  const out: Row = { ...row };
  for (const mapper of mappers) mapper.map(out);
  return out;
}

describe('ecds mappings', () => {
  let mappers: RowMapper[];

  beforeAll(() => {
    mappers = mappersOf('ecds');
  });

  it('adds the attendance end, and code, group or name and known flag for each lookup', () => {
    // Prepare: the flow's four mappings

    // Act
    const columns = mappers.flatMap((mapper) => [...mapper.outputColumns]);

    // Assess
    expect(columns).toEqual([
      'attendance_end_date',
      'arrival_mode_code', 'arrival_mode_group', 'arrival_mode_known',
      'discharge_destination_code', 'discharge_destination_group', 'discharge_destination_known',
      'department_type_code', 'department_type_name', 'department_type_known',
    ]);
  });

  it.each([
    ['emergency road ambulance', '1048031000000100', 'ambulance'],
    ['helicopter air ambulance', '1048051000000107', 'ambulance'],
    ['medical repatriation air ambulance', '1048081000000101', 'ambulance'],
    ['own transport', '1048071000000103', 'own_transport'],
    ['public transport', '1048061000000105', 'public_transport'],
    ['police transport', '1048001000000106', 'police'],
    ['prison transport', '1047991000000102', 'prison'],
  ])('groups arrival by %s (%s) as %s', (_case, code, group) => {
    // Prepare
    const row: Row = { EC_Arrival_Mode_SNOMED_CT: code };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.arrival_mode_group, out.arrival_mode_known]).toEqual([group, 'true']);
  });

  it.each([
    ['ward', '306706006', 'admitted'],
    ['intensive care unit', '1066391000000105', 'admitted'],
    ['1874161000000104', '1874161000000104', 'admitted'],
    ['home', '306689006', 'discharged'],
    ['legal custody', '50861005', 'discharged'],
    ['ambulatory emergency care', '1066341000000100', 'ambulatory_short_stay'],
    ['another health care facility', '19712007', 'transfer'],
    ['hospice', '183919006', 'transfer'],
    ['mortuary', '305398007', 'died'],
  ])('groups discharge to %s (%s) as %s', (_case, code, group) => {
    // Prepare
    const row: Row = { Discharge_Destination_SNOMED_CT: code };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.discharge_destination_group, out.discharge_destination_known]).toEqual([group, 'true']);
  });

  it.each([
    ['a concept outside the reference set', '123456789', '123456789'],
    ['a missing destination', '', ''],
  ])('keeps %s with no group and flags it unknown', (_case, code, kept) => {
    // Prepare
    const row: Row = { Discharge_Destination_SNOMED_CT: code };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.discharge_destination_code, out.discharge_destination_group, out.discharge_destination_known]).toEqual([kept, '', 'false']);
  });

  it.each([
    ['01', '1', 'Emergency department'],
    ['1', '1', 'Emergency department'],
    ['03', '3', 'Other type of A&E / minor injury unit'],
    ['05', '5', 'Same day emergency care'],
    ['5', '5', 'Same day emergency care'],
  ])('names department type %p (code %s) %s', (source, code, name) => {
    // Prepare: ECDS sends 01-05; some feeds drop the leading zero
    const row: Row = { EC_Department_Type: source };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.department_type_code, out.department_type_name, out.department_type_known]).toEqual([code, name, 'true']);
  });

  it('flags department type 06 unknown', () => {
    // Prepare
    const row: Row = { EC_Department_Type: '06' };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.department_type_name, out.department_type_known]).toEqual(['', 'false']);
  });

  it.each([
    ['the departure date when there is one', '2024-05-11', '2024-05-11'],
    ['the arrival date when departure is missing', '', '2024-05-10'],
  ])('ends the attendance on %s', (_case, departure, end) => {
    // Prepare
    const row: Row = { Arrival_Date: '2024-05-10', EC_Departure_Date: departure };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect(out.attendance_end_date).toBe(end);
  });
});

describe('csds-contacts mappings', () => {
  let mappers: RowMapper[];

  beforeAll(() => {
    mappers = mappersOf('csds-contacts');
  });

  it('adds the location code, setting group and known flag, and the attendance code, attended flag and known flag', () => {
    // Prepare

    // Act
    const columns = mappers.flatMap((mapper) => [...mapper.outputColumns]);

    // Assess
    expect(columns).toEqual([
      'activity_location_code', 'activity_location_group', 'activity_location_known',
      'attendance_code', 'attendance_attended', 'attendance_known',
    ]);
  });

  it.each([
    ['A01', 'A01', 'home'],
    ['A04', 'A04', 'home'],
    ['B02', 'B02', 'primary_care'],
    ['C01', 'C01', 'primary_care'],
    ['C03', 'C03', 'primary_care'],
    ['D02', 'D02', 'urgent_care'],
    ['E02', 'E02', 'hospital'],
    ['E57', 'E57', 'hospital'],
    ['E99', 'E99', 'hospital'],
    ['e02', 'E02', 'hospital'],
    ['F01', 'F01', 'hospice'],
    ['G02', 'G02', 'care_home'],
    ['L01', 'L01', 'education'],
    ['L42', 'L42', 'education'],
    ['M07', 'M07', 'justice'],
    ['H01', 'H01', 'other'],
    ['K02', 'K02', 'other'],
    ['N05', 'N05', 'other'],
    ['X01', 'X01', 'other'],
  ])('puts location %p (%s) in setting %s', (source, code, group) => {
    // Prepare
    const row: Row = { ActivityLocationTypeCode: source };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.activity_location_code, out.activity_location_group, out.activity_location_known]).toEqual([code, group, 'true']);
  });

  it.each([
    ['a letter no range covers', 'Z01', 'Z01'],
    ['a number beyond a letter the national list closes', 'M08', 'M08'],
    ['a missing code', '', ''],
  ])('leaves %s without a setting and flags it unknown, rather than calling it other', (_case, source, code) => {
    // Prepare
    const row: Row = { ActivityLocationTypeCode: source };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.activity_location_code, out.activity_location_group, out.activity_location_known]).toEqual([code, '', 'false']);
  });

  it.each([
    ['5', '5', 'true'],
    ['05', '5', 'true'],
    ['6', '6', 'true'],
    ['7', '7', 'false'],
    ['2', '2', 'false'],
    ['3', '3', 'false'],
    ['4', '4', 'false'],
    ['0', '0', 'false'],
  ])('reads attended-or-DNA code %p as attended %s', (source, code, attended) => {
    // Prepare
    const row: Row = { AttendedOrDidNotAttendCode: source };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.attendance_code, out.attendance_attended, out.attendance_known]).toEqual([code, attended, 'true']);
  });

  it('leaves attended empty (NULL in the warehouse) for a code outside the national list', () => {
    // Prepare
    const row: Row = { AttendedOrDidNotAttendCode: '8' };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.attendance_attended, out.attendance_known]).toEqual(['', 'false']);
  });
});

describe('dids mappings', () => {
  let mappers: RowMapper[];

  beforeAll(() => {
    mappers = mappersOf('dids');
  });

  function imaging(nicip: string, snomed: string): Row {
    return mapped(mappers, { IMAGING_CODE_NICIP: nicip, IMAGING_CODE_SNOMED: snomed, PATIENT_SOURCE_SETTING: '5' });
  }

  it('adds the NICIP and SNOMED CT lookups, the modality chosen from them, and the patient source setting', () => {
    // Prepare

    // Act
    const columns = mappers.flatMap((mapper) => [...mapper.outputColumns]);

    // Assess
    expect(columns).toEqual([
      'imaging_nicip_code', 'imaging_nicip_modality_group', 'imaging_nicip_known',
      'imaging_snomed_code', 'imaging_snomed_modality_group', 'imaging_snomed_known',
      'imaging_modality',
      'patient_source_setting_code', 'patient_source_setting_name', 'patient_source_setting_known',
    ]);
  });

  it.each([
    ['a CT code', 'CAAAG', 'CT'],
    ['an ultrasound code', 'UABDO', 'Ultrasound (non-obstetrics)'],
    ['a plain film code', 'XCHES', 'Plain film (x-ray)'],
    ['an MRI code', 'MAAOA', 'MRI'],
    ['a nuclear medicine code', 'N123D', 'Nuclear medicine'],
    ['a fluoroscopy-guided code', 'CCBONJ', 'Other'],
    ['an MRI code whose other pairing (CT) is inactive', 'MADRB', 'MRI'],
    ['a lower-case NICIP code', 'caaag', 'CT'],
  ])('takes the modality of %s (%s) from the NICIP code: %s', (_case, nicip, modality) => {
    // Prepare: no SNOMED CT code, so the NICIP code alone decides

    // Act
    const out = imaging(nicip, '');

    // Assess
    expect([out.imaging_nicip_known, out.imaging_modality]).toEqual(['true', modality]);
  });

  it('prefers the NICIP code when both codes are known', () => {
    // Prepare: a CT NICIP code sent with an ultrasound SNOMED CT code

    // Act
    const out = imaging('CAAAG', '45036003');

    // Assess
    expect([out.imaging_nicip_modality_group, out.imaging_snomed_modality_group, out.imaging_modality]).toEqual(['CT', 'Ultrasound (non-obstetrics)', 'CT']);
  });

  it('falls back to the SNOMED CT code when the NICIP code is not known', () => {
    // Prepare: a local NICIP code with the SNOMED CT code of an abdominal ultrasound

    // Act
    const out = imaging('ZZLOC1', '45036003');

    // Assess
    expect([out.imaging_nicip_known, out.imaging_snomed_known, out.imaging_modality]).toEqual(['false', 'true', 'Ultrasound (non-obstetrics)']);
  });

  it('leaves the modality empty when neither code is known', () => {
    // Prepare

    // Act
    const out = imaging('ZZLOC1', '999999999');

    // Assess
    expect([out.imaging_nicip_known, out.imaging_snomed_known, out.imaging_modality]).toEqual(['false', 'false', '']);
  });

  it.each(Object.entries(imagingCodes))('agrees with the test factory pair for %s', (_modality, codes) => {
    // Prepare: the factory's NICIP / SNOMED CT pairs are real rows of the lookup

    // Act
    const out = imaging(codes.nicip, codes.snomed);

    // Assess
    expect(out.imaging_nicip_modality_group).toBe(out.imaging_snomed_modality_group);
    expect(out.imaging_modality).not.toBe('');
  });

  it.each([
    ['4', '4', 'GP Direct Access'],
    ['04', '4', 'GP Direct Access'],
    ['5', '5', 'Accident and Emergency Department (this Health Care Provider)'],
  ])('names patient source setting %p', (source, code, name) => {
    // Prepare
    const row: Row = { IMAGING_CODE_NICIP: 'CAAAG', IMAGING_CODE_SNOMED: '', PATIENT_SOURCE_SETTING: source };

    // Act
    const out = mapped(mappers, row);

    // Assess
    expect([out.patient_source_setting_code, out.patient_source_setting_name, out.patient_source_setting_known]).toEqual([code, name, 'true']);
  });
});
