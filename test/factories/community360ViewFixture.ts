import { csdsContactColumns, csdsContactRow, csdsReferralColumns, csdsReferralRow, destinations, didsColumns, didsRow, ecdsColumns, ecdsRow, imagingCodes } from './community360Rows';
import { nthTestNhsNumber, toCsv } from './careflowRows';

/** Community 360 on a small fixture; every expected figure is counted by hand in the comments. */
const n = (patient: number) => nthTestNhsNumber(200 + patient);

const attendances = [
  // A1: departs 10 May; referral 10 May (day 0) -> referred
  ecdsRow({ EC_Ident: 'A1', NHS_Number: n(1), Arrival_Date: '2024-05-10', EC_Departure_Date: '2024-05-10' }),
  // A2: departs 12 May; referral 11 June (day 30) -> referred
  ecdsRow({ EC_Ident: 'A2', NHS_Number: n(2), Arrival_Date: '2024-05-11', Arrival_Time: '23:00', EC_Departure_Date: '2024-05-12', EC_Departure_Time: '03:00' }),
  // A3: departs 12 May; referral 12 June (day 31) -> not referred
  ecdsRow({ EC_Ident: 'A3', NHS_Number: n(3), Arrival_Date: '2024-05-12', EC_Departure_Date: '2024-05-12' }),
  // A4: no departure, so the window runs from arrival (13 May); referral 20 May (day 7) -> referred; admitted, no imaging
  ecdsRow({ EC_Ident: 'A4', NHS_Number: n(4), Arrival_Date: '2024-05-13', EC_Departure_Date: '', EC_Departure_Time: '', Discharge_Destination_SNOMED_CT: destinations.admitted }),
  // A5: admitted 14 May; CT 14 May (day 0), plain film 21 May (day 7), MRI 22 May (day 8, outside); referral 20 May -> both
  ecdsRow({ EC_Ident: 'A5', NHS_Number: n(5), Arrival_Date: '2024-05-14', EC_Departure_Date: '2024-05-14', Discharge_Destination_SNOMED_CT: destinations.admitted }),
  // A6: admitted 15 May; its only test (ultrasound) was the day before arrival -> no imaging; no referral
  ecdsRow({ EC_Ident: 'A6', NHS_Number: n(6), Arrival_Date: '2024-05-15', EC_Departure_Date: '2024-05-15', Discharge_Destination_SNOMED_CT: destinations.admitted }),
  // A7: invalid NHS number: kept, never linked
  ecdsRow({ EC_Ident: 'A7', NHS_Number: '9990000019', Arrival_Date: '2024-05-16', EC_Departure_Date: '2024-05-16', Discharge_Destination_SNOMED_CT: destinations.admitted }),
  // A8: patient 5 again at RGP, discharged 20 May: plain film 21 May (day 1) and MRI 22 May (day 2); referral 20 May (day 0)
  ecdsRow({ EC_Ident: 'A8', NHS_Number: n(5), Der_Provider_Code: 'RGP', Arrival_Date: '2024-05-20', EC_Departure_Date: '2024-05-20' }),
];

const referrals = [
  csdsReferralRow({ UniqueServiceRequestIdentifier: 'R1', NHSNumber: n(1), ReferralRequestReceivedDate: '2024-05-10', ServiceDischargeDate: '2024-06-15' }),
  csdsReferralRow({ UniqueServiceRequestIdentifier: 'R2', NHSNumber: n(2), ReferralRequestReceivedDate: '2024-06-11' }),
  csdsReferralRow({ UniqueServiceRequestIdentifier: 'R3', NHSNumber: n(3), ReferralRequestReceivedDate: '2024-06-12', ServiceDischargeDate: '2024-06-30' }),
  csdsReferralRow({ UniqueServiceRequestIdentifier: 'R4', NHSNumber: n(4), ReferralRequestReceivedDate: '2024-05-20', ServiceDischargeDate: '2024-05-31' }),
  csdsReferralRow({ UniqueServiceRequestIdentifier: 'R5', NHSNumber: n(5), ReferralRequestReceivedDate: '2024-05-20' }),
];

const contacts = [
  csdsContactRow({ UniqueCareContactIdentifier: 'C1', UniqueServiceRequestIdentifier: 'R1', NHSNumber: n(1), CareContactDate: '2024-05-15', AttendedOrDidNotAttendCode: '5' }),
  csdsContactRow({ UniqueCareContactIdentifier: 'C2', UniqueServiceRequestIdentifier: 'R1', NHSNumber: n(1), CareContactDate: '2024-05-22', AttendedOrDidNotAttendCode: '3' }),
  csdsContactRow({ UniqueCareContactIdentifier: 'C3', UniqueServiceRequestIdentifier: 'R5', NHSNumber: n(5), CareContactDate: '2024-06-03', AttendedOrDidNotAttendCode: '6' }),
  // C4 names a referral no extract holds: counted as a contact, reported as an orphan by DQ
  csdsContactRow({ UniqueCareContactIdentifier: 'C4', UniqueServiceRequestIdentifier: 'R9', NHSNumber: n(9), CareContactDate: '2024-06-05', AttendedOrDidNotAttendCode: '5' }),
];

const tests = [
  didsRow({ NHS_NUMBER: n(5), RADIOLOGICAL_ACCESSION_NUM: 'T1', DIAGNOSTIC_TEST_REQUEST_DATE: '2024-05-14', DIAG_TEST_REQUEST_REC_DATE: '2024-05-14', DIAGNOSTIC_TEST_DATE: '2024-05-14', SERVICE_REPORT_DATE: '2024-05-15', IMAGING_CODE_NICIP: imagingCodes.ct.nicip, IMAGING_CODE_SNOMED: imagingCodes.ct.snomed }),
  didsRow({ NHS_NUMBER: n(5), RADIOLOGICAL_ACCESSION_NUM: 'T2', DIAGNOSTIC_TEST_REQUEST_DATE: '2024-05-20', DIAG_TEST_REQUEST_REC_DATE: '2024-05-20', DIAGNOSTIC_TEST_DATE: '2024-05-21', SERVICE_REPORT_DATE: '2024-05-22', IMAGING_CODE_NICIP: imagingCodes.plainFilm.nicip, IMAGING_CODE_SNOMED: imagingCodes.plainFilm.snomed }),
  didsRow({ NHS_NUMBER: n(5), RADIOLOGICAL_ACCESSION_NUM: 'T3', DIAGNOSTIC_TEST_REQUEST_DATE: '2024-05-20', DIAG_TEST_REQUEST_REC_DATE: '2024-05-21', DIAGNOSTIC_TEST_DATE: '2024-05-22', SERVICE_REPORT_DATE: '2024-05-23', IMAGING_CODE_NICIP: imagingCodes.mri.nicip, IMAGING_CODE_SNOMED: imagingCodes.mri.snomed }),
  didsRow({ NHS_NUMBER: n(6), RADIOLOGICAL_ACCESSION_NUM: 'T4', DIAGNOSTIC_TEST_REQUEST_DATE: '2024-05-14', DIAG_TEST_REQUEST_REC_DATE: '2024-05-14', DIAGNOSTIC_TEST_DATE: '2024-05-14', SERVICE_REPORT_DATE: '2024-05-14', IMAGING_CODE_NICIP: imagingCodes.ultrasound.nicip, IMAGING_CODE_SNOMED: imagingCodes.ultrasound.snomed, PATIENT_SOURCE_SETTING: '04' }),
];

/** The fixture as the four DSCRO drops, by name: [flow, file name, CSV]. */
export const community360ViewDrops = {
  ecds: ['ecds', 'ecds_2024-05_2024-05_20240615.csv', toCsv(ecdsColumns, attendances)],
  referrals: ['csds-referrals', 'csds_referrals_2024-05_2024-06_20240715.csv', toCsv(csdsReferralColumns, referrals)],
  contacts: ['csds-contacts', 'csds_contacts_2024-05_2024-06_20240715.csv', toCsv(csdsContactColumns, contacts)],
  dids: ['dids', 'dids_2024-05_2024-05_20240615.csv', toCsv(didsColumns, tests)],
} as const;
