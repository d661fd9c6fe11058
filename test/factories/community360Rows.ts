import { nthTestNhsNumber } from './careflowRows';

export const ecdsColumns = [
  'EC_Ident', 'NHS_Number', 'Person_Birth_Date', 'Postcode', 'Der_Provider_Code', 'Der_Provider_Site_Code', 'Arrival_Date', 'Arrival_Time',
  'EC_Arrival_Mode_SNOMED_CT', 'EC_AttendanceCategory', 'EC_Department_Type', 'EC_Chief_Complaint_SNOMED_CT', 'EC_Acuity_SNOMED_CT',
  'EC_Decision_To_Admit_Date', 'EC_Departure_Date', 'EC_Departure_Time', 'EC_Discharge_Status_SNOMED_CT', 'Discharge_Destination_SNOMED_CT',
  'Discharge_Follow_Up_SNOMED_CT', 'SUS_HRG_Code',
] as const;

export const csdsReferralColumns = [
  'UniqueServiceRequestIdentifier', 'ServiceRequestIdentifier', 'NHSNumber', 'PersonBirthDate', 'Postcode', 'OrganisationCodeProvider',
  'ReferralRequestReceivedDate', 'SourceOfReferralForCommunity', 'PrimaryReasonForReferralCommunityCare', 'PriorityTypeCode', 'ServiceDischargeDate',
] as const;

export const csdsContactColumns = [
  'UniqueCareContactIdentifier', 'UniqueServiceRequestIdentifier', 'NHSNumber', 'OrganisationCodeProvider', 'CareContactDate', 'CareContactTime',
  'ActivityLocationTypeCode', 'ConsultationMediumUsed', 'AttendedOrDidNotAttendCode', 'ClinicalContactDurationOfCareContact',
] as const;

export const didsColumns = [
  'NHS_NUMBER', 'PERSON_BIRTH_DATE', 'POSTCODE', 'PERSON_GENDER_CODE', 'PRACTICE_CODE', 'PATIENT_SOURCE_SETTING', 'REFERRER', 'REFERRING_ORG_CODE',
  'DIAGNOSTIC_TEST_REQUEST_DATE', 'DIAG_TEST_REQUEST_REC_DATE', 'DIAGNOSTIC_TEST_DATE', 'SERVICE_REPORT_DATE', 'IMAGING_CODE_NICIP',
  'IMAGING_CODE_SNOMED', 'SITE_CODE_IMAGING', 'RADIOLOGICAL_ACCESSION_NUM', 'PROVIDER_CODE',
] as const;

/** Real NICIP / SNOMED CT pairs from the DIDS lookup, one per modality a test needs. */
export const imagingCodes = {
  ct: { nicip: 'CAAAG', snomed: '305053005' },
  mri: { nicip: 'MAAOA', snomed: '241668004' },
  plainFilm: { nicip: 'FABDOM', snomed: '432778008' },
  ultrasound: { nicip: 'EBILDY', snomed: '426859009' },
};

export const destinations = { admitted: '306706006', discharged: '306689006' };

export function ecdsRow(overrides: Partial<Record<(typeof ecdsColumns)[number], string>> = {}): Record<string, string> {
  return {
    EC_Ident: 'EC1', NHS_Number: nthTestNhsNumber(201), Person_Birth_Date: '1940-03-03', Postcode: 'NR4 7UY', Der_Provider_Code: 'RM1',
    Der_Provider_Site_Code: 'RM102', Arrival_Date: '2024-05-10', Arrival_Time: '10:00', EC_Arrival_Mode_SNOMED_CT: '1048031000000100',
    EC_AttendanceCategory: '1', EC_Department_Type: '01', EC_Chief_Complaint_SNOMED_CT: '2758002', EC_Acuity_SNOMED_CT: '1064911000000105',
    EC_Decision_To_Admit_Date: '', EC_Departure_Date: '2024-05-10', EC_Departure_Time: '14:00', EC_Discharge_Status_SNOMED_CT: '182992009',
    Discharge_Destination_SNOMED_CT: destinations.discharged, Discharge_Follow_Up_SNOMED_CT: '3780001', SUS_HRG_Code: 'VB07Z',
    ...overrides,
  };
}

export function csdsReferralRow(overrides: Partial<Record<(typeof csdsReferralColumns)[number], string>> = {}): Record<string, string> {
  return {
    UniqueServiceRequestIdentifier: 'RY3R1', ServiceRequestIdentifier: 'R1', NHSNumber: nthTestNhsNumber(201), PersonBirthDate: '1940-03-03',
    Postcode: 'NR4 7UY', OrganisationCodeProvider: 'RY3', ReferralRequestReceivedDate: '2024-05-10', SourceOfReferralForCommunity: '01',
    PrimaryReasonForReferralCommunityCare: '01', PriorityTypeCode: '2', ServiceDischargeDate: '',
    ...overrides,
  };
}

export function csdsContactRow(overrides: Partial<Record<(typeof csdsContactColumns)[number], string>> = {}): Record<string, string> {
  return {
    UniqueCareContactIdentifier: 'RY3C1', UniqueServiceRequestIdentifier: 'RY3R1', NHSNumber: nthTestNhsNumber(201), OrganisationCodeProvider: 'RY3',
    CareContactDate: '2024-05-15', CareContactTime: '09:30', ActivityLocationTypeCode: 'A01', ConsultationMediumUsed: '01',
    AttendedOrDidNotAttendCode: '5', ClinicalContactDurationOfCareContact: '30',
    ...overrides,
  };
}

export function didsRow(overrides: Partial<Record<(typeof didsColumns)[number], string>> = {}): Record<string, string> {
  return {
    NHS_NUMBER: nthTestNhsNumber(201), PERSON_BIRTH_DATE: '1940-03-03', POSTCODE: 'NR4 7UY', PERSON_GENDER_CODE: '1', PRACTICE_CODE: 'D82001',
    PATIENT_SOURCE_SETTING: '5', REFERRER: 'C1234567', REFERRING_ORG_CODE: 'RM1', DIAGNOSTIC_TEST_REQUEST_DATE: '2024-05-14',
    DIAG_TEST_REQUEST_REC_DATE: '2024-05-14', DIAGNOSTIC_TEST_DATE: '2024-05-14', SERVICE_REPORT_DATE: '2024-05-16',
    IMAGING_CODE_NICIP: imagingCodes.ct.nicip, IMAGING_CODE_SNOMED: imagingCodes.ct.snomed, SITE_CODE_IMAGING: 'RM101',
    RADIOLOGICAL_ACCESSION_NUM: 'ACC1', PROVIDER_CODE: 'RM1',
    ...overrides,
  };
}
