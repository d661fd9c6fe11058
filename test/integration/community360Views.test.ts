import { csdsContactColumns, csdsContactRow, csdsReferralColumns, csdsReferralRow, destinations, didsColumns, didsRow, ecdsColumns, ecdsRow, imagingCodes } from '../factories/community360Rows';
import { nthTestNhsNumber, toCsv } from '../factories/careflowRows';
import { startTestHost, TestHost } from '../support/startTestHost';

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

const drops = {
  ecds: ['ecds', 'ecds_2024-05_2024-05_20240615.csv', toCsv(ecdsColumns, attendances)],
  referrals: ['csds-referrals', 'csds_referrals_2024-05_2024-06_20240715.csv', toCsv(csdsReferralColumns, referrals)],
  contacts: ['csds-contacts', 'csds_contacts_2024-05_2024-06_20240715.csv', toCsv(csdsContactColumns, contacts)],
  dids: ['dids', 'dids_2024-05_2024-05_20240615.csv', toCsv(didsColumns, tests)],
} as const;

async function runInOrder(order: (keyof typeof drops)[]): Promise<TestHost> {
  const t = await startTestHost({ fixedKey: 'community360-views' });
  for (const name of order) {
    const [flow, fileName, content] = drops[name];
    await t.host.dropContent(flow, fileName, content);
    await t.host.runUntilQuiet();
  }
  return t;
}

const views = ['vw_c360_ae_to_community', 'vw_c360_imaging_after_ae_admission', 'vw_c360_community_caseload', 'vw_c360_pathway_funnel'];

async function allViews(t: TestHost): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const view of views) out[view] = await t.host.dependencies.warehouse.query(`SELECT * FROM dw.${view} ORDER BY 1, 2`);
  return out;
}

describe('Community 360 views on a hand-checked fixture', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await runInOrder(['ecds', 'referrals', 'contacts', 'dids']);
  });
  afterAll(async () => t.stop());

  it('counts attendances referred into community within 30 days of departure, edges included', async () => {
    const rows = await t.host.dependencies.warehouse.query('SELECT * FROM dw.vw_c360_ae_to_community ORDER BY provider_code');
    expect(rows).toEqual([
      { arrival_month: '2024-05-01', provider_code: 'RGP', attendances: 1, attendances_referred_to_community: 1, referred_rate: 1 },
      { arrival_month: '2024-05-01', provider_code: 'RM1', attendances: 6, attendances_referred_to_community: 4, referred_rate: expect.closeTo(4 / 6, 4) },
    ]);
  });

  it('counts imaging within 7 days of arrival after admission, by modality', async () => {
    const rows = await t.host.dependencies.warehouse.query('SELECT * FROM dw.vw_c360_imaging_after_ae_admission ORDER BY modality');
    expect(rows).toEqual([
      { arrival_month: '2024-05-01', modality: 'CT', admitted_attendances: 3, imaging_tests: 1, patients_imaged: 1 },
      { arrival_month: '2024-05-01', modality: 'MRI', admitted_attendances: 3, imaging_tests: 0, patients_imaged: 0 },
      { arrival_month: '2024-05-01', modality: 'Nuclear medicine', admitted_attendances: 3, imaging_tests: 0, patients_imaged: 0 },
      { arrival_month: '2024-05-01', modality: 'Other', admitted_attendances: 3, imaging_tests: 0, patients_imaged: 0 },
      { arrival_month: '2024-05-01', modality: 'Plain film (x-ray)', admitted_attendances: 3, imaging_tests: 1, patients_imaged: 1 },
      { arrival_month: '2024-05-01', modality: 'Ultrasound (non-obstetrics)', admitted_attendances: 3, imaging_tests: 0, patients_imaged: 0 },
    ]);
  });

  it('computes the caseload: open at month end, new, discharged and attended contacts', async () => {
    // May: open at 31 May R1, R5 (R4 discharged that day); new R1, R4, R5; discharged R4; attended C1.
    // June: open at 30 June R2, R5 (R1 discharged 15th, R3 on the 30th); new R2, R3; discharged R1, R3; attended C3, C4.
    const rows = await t.host.dependencies.warehouse.query('SELECT * FROM dw.vw_c360_community_caseload ORDER BY month');
    expect(rows).toEqual([
      { month: '2024-05-01', provider_code: 'RY3', open_referrals_at_month_end: 2, new_referrals: 3, discharged_referrals: 1, attended_contacts: 1 },
      { month: '2024-06-01', provider_code: 'RY3', open_referrals_at_month_end: 2, new_referrals: 2, discharged_referrals: 2, attended_contacts: 2 },
    ]);
  });

  it('builds the A&E to imaging to community funnel', async () => {
    // Linked attendances A1-A6, A8; imaged A5, A8; referred A1, A2, A4, A5, A8; both A5, A8.
    const rows = await t.host.dependencies.warehouse.query('SELECT * FROM dw.vw_c360_pathway_funnel');
    expect(rows).toEqual([{ arrival_month: '2024-05-01', attendances: 7, with_imaging_7d: 2, with_community_referral_30d: 5, with_both: 2 }]);
  });

  it('reports the contact whose referral no extract holds', async () => {
    const [rule] = await t.host.dependencies.warehouse.query(
      'SELECT count(*) AS orphans FROM dw.fact_csds_contacts c WHERE NOT EXISTS (SELECT 1 FROM dw.fact_csds_referrals r WHERE r.unique_service_request_identifier = c.unique_service_request_identifier)',
    );
    expect(rule).toEqual({ orphans: 1 });
  });

  it('gives the same views when DIDS and CSDS land before ECDS', async () => {
    const reversed = await runInOrder(['dids', 'contacts', 'referrals', 'ecds']);
    try {
      expect(await allViews(reversed)).toEqual(await allViews(t));
    } finally {
      await reversed.stop();
    }
  });
});
