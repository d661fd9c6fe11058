import { WindowPlacement } from '../daysIntoWindow';
import { Weighted } from '../seededRandom';

/**
 * Organisations, code lists and shares for the synthetic Community 360 flows (ECDS, CSDS referrals and care
 * contacts, DIDS), shaped like Norfolk and Waveney. Code values follow the NHS Data Dictionary and the ECDS
 * SNOMED CT reference sets (reference/ecds/); the shares are synthetic, chosen to look like a real year.
 */

/** The three acute trusts with a type 1 emergency department, each with its main hospital site. */
export const acuteProviders = [
  { code: 'RM1', site: 'RM102' }, // Norfolk and Norwich University Hospitals
  { code: 'RGP', site: 'RGP75' }, // James Paget University Hospitals, Gorleston
  { code: 'RCX', site: 'RCX70' }, // The Queen Elizabeth Hospital King's Lynn
] as const;

export type AcuteProviderIndex = 0 | 1 | 2;

/** Norfolk Community Health and Care NHS Trust, the community services provider. */
export const communityProvider = 'RY3';

/**
 * The acute trust nearest a postcode district: James Paget for Great Yarmouth, Lowestoft, Beccles and Bungay,
 * the Queen Elizabeth for King's Lynn and West Norfolk, the Norfolk and Norwich for the rest.
 */
export function homeAcuteProvider(postcode: string): AcuteProviderIndex {
  const district = postcode.slice(0, postcode.indexOf(' '));
  if (district.startsWith('PE')) return 2;
  if (district.startsWith('NR')) {
    const number = Number(district.slice(2));
    if (number >= 29 && number <= 35) return 1;
  }
  return 0;
}

/** Patients usually attend, and are imaged at, their nearest trust. */
export const homeProviderShare = 0.9;

/**
 * GP practices by home trust: Norfolk practices have D82 codes, the Waveney practices in Suffolk D83. A
 * patient's practice is fixed (derived from the patient, not drawn per row), as registration is.
 */
export const practicesByHomeProvider: readonly (readonly string[])[] = [
  practiceCodes('D82', 1, 60),
  [...practiceCodes('D82', 61, 72), ...practiceCodes('D83', 1, 18)],
  practiceCodes('D82', 73, 95),
];

function practiceCodes(prefix: string, from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => `${prefix}${String(from + index).padStart(3, '0')}`);
}

// ECDS

/** Attendances of one pooled patient in the period; the pool includes people seen only in community services. */
export const attendancesPerPatient: readonly Weighted<number>[] = [
  { value: 0, weight: 15 },
  { value: 1, weight: 66 },
  { value: 2, weight: 19 },
  { value: 3, weight: 7 },
  { value: 4, weight: 3.5 },
  { value: 5, weight: 2 },
  { value: 7, weight: 1.3 },
  { value: 10, weight: 0.8 },
  { value: 20, weight: 0.4 },
];

/** Arrivals by hour of the day: quiet overnight, busiest from late morning to early evening. */
export const arrivalHours: readonly Weighted<number>[] = [
  1.6, 1.3, 1.1, 0.9, 0.8, 0.8, 1.0, 1.8, 3.3, 5.0, 6.0, 6.2, 6.0, 5.8, 5.7, 5.6, 5.6, 5.7, 5.6, 5.3, 4.8, 4.0, 3.2, 2.4,
].map((weight, hour) => ({ value: hour, weight }));

/** EC_Department_Type: mostly the type 1 departments, some urgent treatment centres and same day emergency care. */
export const departmentTypes: readonly Weighted<string>[] = [
  { value: '01', weight: 84 },
  { value: '02', weight: 2 },
  { value: '03', weight: 10 },
  { value: '04', weight: 1 },
  { value: '05', weight: 3 },
];
/** Urgent treatment centres and walk-in centres see minor illness and injury only. */
export const minorDepartmentTypes: ReadonlySet<string> = new Set(['03', '04']);
/** Some providers send the department type without its leading zero; the pipeline reads both. */
export const departmentTypeWithoutZeroShare = 0.02;

/** EC_AttendanceCategory: 1 unplanned first, 2 unplanned follow-up here, 3 unplanned follow-up elsewhere, 4 planned follow-up. */
export const attendanceCategories: readonly Weighted<string>[] = [
  { value: '1', weight: 92 },
  { value: '2', weight: 5 },
  { value: '3', weight: 2 },
  { value: '4', weight: 1 },
];

/** EC_Arrival_Mode_SNOMED_CT for those brought by ambulance. */
export const ambulanceArrivalModes: readonly Weighted<string>[] = [
  { value: '1048031000000100', weight: 80 }, // emergency road ambulance
  { value: '1048041000000109', weight: 8 }, // emergency road ambulance with medical escort
  { value: '1048021000000102', weight: 9 }, // non-emergency road ambulance
  { value: '1048051000000107', weight: 2.5 }, // helicopter air ambulance
  { value: '1048081000000101', weight: 0.5 }, // medical repatriation air ambulance
];
/** EC_Arrival_Mode_SNOMED_CT for everyone else. */
export const otherArrivalModes: readonly Weighted<string>[] = [
  { value: '1048071000000103', weight: 88 }, // own transport
  { value: '1048061000000105', weight: 9 }, // public transport
  { value: '1048001000000106', weight: 2.5 }, // police transport
  { value: '1047991000000102', weight: 0.5 }, // prison transport
];
/** Share arriving by ambulance at a type 1 department, by age (inclusive). */
export const ambulanceShareByAge: readonly { ages: readonly [number, number]; share: number }[] = [
  { ages: [0, 15], share: 0.1 },
  { ages: [16, 64], share: 0.25 },
  { ages: [65, 74], share: 0.4 },
  { ages: [75, 200], share: 0.55 },
];
export const ambulanceShareAtMinorDepartments = 0.03;

/** EC_Acuity_SNOMED_CT: immediate resuscitation, very urgent, urgent, standard, low acuity. */
export const acuities: readonly Weighted<string>[] = [
  { value: '1064891000000107', weight: 2 },
  { value: '1064911000000105', weight: 15 },
  { value: '1064901000000108', weight: 40 },
  { value: '1077241000000103', weight: 35 },
  { value: '1077251000000100', weight: 8 },
];
export const minorAcuities: readonly Weighted<string>[] = [
  { value: '1064901000000108', weight: 5 },
  { value: '1077241000000103', weight: 55 },
  { value: '1077251000000100', weight: 40 },
];
/** Immediate resuscitation and very urgent: the attendances that group to the high-cost HRGs. */
export const highAcuities: ReadonlySet<string> = new Set(['1064891000000107', '1064911000000105']);

/** EC_Chief_Complaint_SNOMED_CT: common presenting complaints. */
export const chiefComplaints: readonly Weighted<string>[] = [
  { value: '29857009', weight: 9 }, // chest pain
  { value: '21522001', weight: 9 }, // abdominal pain
  { value: '267036007', weight: 7 }, // breathlessness
  { value: '127279002', weight: 10 }, // injury of lower limb
  { value: '23406007', weight: 8 }, // injury of upper limb
  { value: '82271004', weight: 5 }, // head injury
  { value: '161891005', weight: 4 }, // back pain
  { value: '25064002', weight: 4 }, // headache
  { value: '386661006', weight: 5 }, // fever
  { value: '422400008', weight: 4 }, // vomiting
  { value: '271594007', weight: 3 }, // syncope
  { value: '404640003', weight: 3 }, // dizziness
  { value: '286933003', weight: 3 }, // confusion
  { value: '91175000', weight: 2 }, // seizure
  { value: '271807003', weight: 2 }, // rash
  { value: '49650001', weight: 2 }, // dysuria
  { value: '62315008', weight: 2 }, // diarrhoea
];

export type DestinationGroup = 'admitted' | 'discharged' | 'ambulatory' | 'transfer' | 'died';

/** How attendances end, by age (inclusive), at type 1, mono-specialty and same day emergency care departments. */
export const destinationGroupsByAge: readonly { ages: readonly [number, number]; groups: readonly Weighted<DestinationGroup>[] }[] = [
  { ages: [0, 15], groups: groupWeights(12, 78, 6, 3.95, 0.05) },
  { ages: [16, 64], groups: groupWeights(20, 66, 9, 4.8, 0.2) },
  { ages: [65, 200], groups: groupWeights(40, 45, 9, 5.5, 0.5) },
];
/** Urgent treatment centres send home, or on to an emergency department. */
export const minorDepartmentDestinationGroups: readonly Weighted<DestinationGroup>[] = groupWeights(0, 92, 0, 8, 0);

function groupWeights(admitted: number, discharged: number, ambulatory: number, transfer: number, died: number): Weighted<DestinationGroup>[] {
  return [
    { value: 'admitted', weight: admitted },
    { value: 'discharged', weight: discharged },
    { value: 'ambulatory', weight: ambulatory },
    { value: 'transfer', weight: transfer },
    { value: 'died', weight: died },
  ];
}

/** Discharge_Destination_SNOMED_CT by group (the groups of reference/ecds/discharge-destinations.csv). */
export const admittedDestinations: readonly Weighted<string>[] = [
  { value: '306706006', weight: 70 }, // ward
  { value: '1874161000000104', weight: 15 },
  { value: '1066361000000104', weight: 4 }, // high dependency unit
  { value: '1066371000000106', weight: 4 }, // coronary care unit
  { value: '1066391000000105', weight: 3 }, // intensive care unit
];
/** Babies under one may also go to the special baby care unit or neonatal intensive care. */
export const neonatalDestinations: readonly Weighted<string>[] = [
  { value: '1066381000000108', weight: 10 }, // special baby care unit
  { value: '1066401000000108', weight: 4 }, // neonatal intensive care unit
];
export const dischargedDestinations: readonly Weighted<string>[] = [
  { value: '306689006', weight: 84 }, // home
  { value: '306691003', weight: 3 }, // residential home
  { value: '306694006', weight: 3 }, // nursing home
  { value: '306705005', weight: 1 }, // police custody
  { value: '50861005', weight: 0.5 }, // legal custody
  { value: '989501000000106', weight: 8.5 }, // home, with advice for follow-up by the GP
];
export const ambulatoryDestinations: readonly Weighted<string>[] = [
  { value: '1066331000000109', weight: 45 }, // emergency department short stay ward
  { value: '1066341000000100', weight: 45 }, // ambulatory emergency care
  { value: '1066351000000102', weight: 10 }, // hospital at home
];
export const transferDestinations: readonly Weighted<string>[] = [
  { value: '19712007', weight: 94 }, // another health care facility
  { value: '183919006', weight: 6 }, // hospice
];
export const diedDestination = '305398007';

/**
 * Made-up concept ids in the shape of UK extension SNOMED CT ids, in no ECDS discharge destination reference
 * set; a generator drops any that the reference list turns out to hold.
 */
export const unknownDestinationCandidates = ['1066999000000103', '1099991000000108', '989599000000104', '1874999000000105'];

/** EC_Discharge_Status_SNOMED_CT for those sent home: most complete treatment, a few leave early. */
export const dischargedStatuses: readonly Weighted<string>[] = [
  { value: '182992009', weight: 75 }, // treatment completed
  { value: '1077021000000100', weight: 15 }, // discharged, follow-up by the GP
  { value: '1066301000000103', weight: 3 }, // left before initial assessment
  { value: '1066311000000101', weight: 3 }, // left after initial assessment
  { value: '1066321000000107', weight: 4 }, // left before treatment completed
];
export const treatmentCompletedStatus = '182992009';
/** Died in the emergency department. */
export const diedStatus = '75004002';

/** Discharge_Follow_Up_SNOMED_CT for those sent home or to ambulatory care: none planned, or by the GP. */
export const followUps: readonly Weighted<string>[] = [
  { value: '3780001', weight: 65 }, // routine disposition, no follow-up planned
  { value: '989501000000106', weight: 35 }, // follow-up treatment by the GP
];

/** Minutes in the department, at least an hour and at most twelve. */
export const minStayMinutes = 60;
export const maxStayMinutes = 720;
/** Mean minutes beyond the first hour: admissions wait longer for a bed. */
export const meanExtraStayMinutes: Readonly<Record<DestinationGroup, number>> = {
  admitted: 240,
  discharged: 150,
  ambulatory: 200,
  transfer: 180,
  died: 120,
};
/** Earliest re-attendance after an admission, in days: the inpatient stay comes in between. */
export const daysAdmittedBeforeReattending: readonly [number, number] = [2, 14];

/**
 * Share of records sent before the departure was recorded: the patient was still in the department when the
 * provider submitted. Attendances whose departure falls after the period's last minute are in the same state.
 */
export const stillInDepartmentShare = 0.003;

/** ECDS HRGs (chapter V, subchapter B), used when the HRG reference list is missing them. */
export const emergencyMedicineHrgs = ['VB01Z', 'VB02Z', 'VB03Z', 'VB04Z', 'VB05Z', 'VB06Z', 'VB07Z', 'VB08Z', 'VB09Z', 'VB10Z', 'VB11Z'];
/** Category 3 investigations or category 4-5 treatment: admissions, deaths and the sickest. */
export const highCostHrgs: readonly Weighted<string>[] = [
  { value: 'VB01Z', weight: 10 },
  { value: 'VB02Z', weight: 20 },
  { value: 'VB03Z', weight: 35 },
  { value: 'VB04Z', weight: 15 },
  { value: 'VB05Z', weight: 20 },
];
export const lowerCostHrgs: readonly Weighted<string>[] = [
  { value: 'VB06Z', weight: 12 },
  { value: 'VB07Z', weight: 25 },
  { value: 'VB08Z', weight: 25 },
  { value: 'VB09Z', weight: 20 },
  { value: 'VB10Z', weight: 1 },
  { value: 'VB11Z', weight: 17 },
];

// CSDS referrals

/** Share of A&E departures home followed by a community referral around the 30-day window, by age (inclusive). */
export const referralAfterAttendanceShareByAge: readonly { ages: readonly [number, number]; share: number }[] = [
  { ages: [0, 15], share: 0.02 },
  { ages: [16, 64], share: 0.04 },
  { ages: [65, 79], share: 0.15 },
  { ages: [80, 200], share: 0.3 },
];
/** The 30-day window Community 360 measures (day 0 to 30 inclusive), with its edges and day 31 well represented. */
export const referralWindowDays = 30;
export const referralWindowPlacements: readonly Weighted<WindowPlacement>[] = [
  { value: 'firstDay', weight: 12 },
  { value: 'within', weight: 64 },
  { value: 'lastDay', weight: 12 },
  { value: 'dayAfter', weight: 12 },
];

/** Share of patients referred to community services in a year for reasons unrelated to an A&E attendance. */
export const yearlyCommunityReferralShareByAge: readonly { ages: readonly [number, number]; share: number }[] = [
  { ages: [0, 15], share: 0.04 },
  { ages: [16, 64], share: 0.04 },
  { ages: [65, 79], share: 0.12 },
  { ages: [80, 200], share: 0.25 },
];
export const secondCommunityReferralShare = 0.15;

/** SourceOfReferralForCommunity after an A&E attendance: the department itself, or the GP it wrote to. */
export const referralSourcesAfterAttendance: readonly Weighted<string>[] = [
  { value: 'H1', weight: 60 }, // acute secondary care: emergency care department
  { value: 'A1', weight: 30 }, // general medical practitioner practice
  { value: 'H2', weight: 10 }, // acute secondary care: other clinical specialty
];
export const referralSources: readonly Weighted<string>[] = [
  { value: 'A1', weight: 55 }, // general medical practitioner practice
  { value: 'A2', weight: 3 }, // health visitor
  { value: 'A3', weight: 8 }, // other primary health care
  { value: 'B1', weight: 6 }, // self
  { value: 'B2', weight: 6 }, // carer or relative
  { value: 'F1', weight: 5 }, // local authority social services
  { value: 'H2', weight: 12 }, // acute secondary care: other clinical specialty
  { value: 'P1', weight: 5 }, // internal, from the same provider
];

/** PrimaryReasonForReferralCommunityCare: two-digit national codes, weighted towards the commonest. */
export const referralReasons: readonly Weighted<string>[] = [
  { value: '01', weight: 18 },
  { value: '02', weight: 12 },
  { value: '03', weight: 10 },
  { value: '04', weight: 9 },
  { value: '05', weight: 8 },
  { value: '06', weight: 8 },
  { value: '07', weight: 7 },
  { value: '08', weight: 6 },
  { value: '09', weight: 6 },
  { value: '10', weight: 5 },
  { value: '11', weight: 4 },
  { value: '12', weight: 4 },
  { value: '13', weight: 3 },
];

/** PriorityTypeCode: 1 routine, 2 urgent, 3 two week wait. */
export const prioritiesAfterAttendance: readonly Weighted<string>[] = [
  { value: '2', weight: 60 },
  { value: '1', weight: 40 },
];
export const priorities: readonly Weighted<string>[] = [
  { value: '1', weight: 75 },
  { value: '2', weight: 24.5 },
  { value: '3', weight: 0.5 },
];

/** Days on the caseload: a few weeks for most, months for some. */
export const meanDaysOnCaseload = 45;
export const maxDaysOnCaseload = 365;

// CSDS care contacts

export const contactsPerReferral: readonly Weighted<number>[] = [
  { value: 0, weight: 15 },
  { value: 1, weight: 15 },
  { value: 2, weight: 18 },
  { value: 3, weight: 18 },
  { value: 4, weight: 14 },
  { value: 5, weight: 10 },
  { value: 6, weight: 10 },
];
export const maxContactsPerReferral = 6;

/** ActivityLocationTypeCode: home visits mostly, then health centres, clinics, care homes and others. */
export const contactLocations: readonly Weighted<string>[] = [
  { value: 'A01', weight: 65 },
  { value: 'B01', weight: 14 },
  { value: 'E01', weight: 9 },
  { value: 'G01', weight: 7 },
  { value: 'L01', weight: 5 },
];
/** ConsultationMediumUsed: 01 face to face, 02 telephone, 11 video. */
export const consultationMedia: readonly Weighted<string>[] = [
  { value: '01', weight: 80 },
  { value: '02', weight: 15 },
  { value: '11', weight: 5 },
];
/** AttendedOrDidNotAttendCode: 5 and 6 seen; 2, 3, 4 and 7 not. */
export const attendanceOutcomes: readonly Weighted<string>[] = [
  { value: '5', weight: 86 },
  { value: '6', weight: 3 },
  { value: '2', weight: 4 },
  { value: '3', weight: 4 },
  { value: '4', weight: 2 },
  { value: '7', weight: 1 },
];
export const seenOutcomes: ReadonlySet<string> = new Set(['5', '6']);
/** ClinicalContactDurationOfCareContact, minutes, for contacts where the patient was seen. */
export const contactMinutes: readonly [number, number] = [10, 90];
/** Community teams visit in the working day, 08:00 to 18:55. */
export const contactHours: readonly [number, number] = [8, 18];

// DIDS

/** Share of A&E attendances ending in admission followed by imaging around the 7-day window. */
export const imagingAfterAdmissionShare = 0.65;
export const imagingWindowDays = 7;
/** Most admitted patients are imaged on the day they arrive; the window's last day and the day after are planted. */
export const imagingWindowPlacements: readonly Weighted<WindowPlacement>[] = [
  { value: 'firstDay', weight: 50 },
  { value: 'within', weight: 34 },
  { value: 'lastDay', weight: 8 },
  { value: 'dayAfter', weight: 8 },
];
export const secondTestAfterAdmissionShare = 0.3;

/** Share of patients imaged in a year outside an A&E admission (GP direct access or outpatients), by age (inclusive). */
export const yearlyImagingShareByAge: readonly { ages: readonly [number, number]; share: number }[] = [
  { ages: [0, 15], share: 0.12 },
  { ages: [16, 64], share: 0.3 },
  { ages: [65, 200], share: 0.45 },
];
export const testsPerImagedPatient: readonly Weighted<number>[] = [
  { value: 1, weight: 65 },
  { value: 2, weight: 25 },
  { value: 3, weight: 10 },
];
/** Of those, requested by the GP (setting 4) rather than from an outpatient clinic (setting 3). */
export const gpDirectAccessShare = 0.55;
/** Two examinations on one request (say both knees), one accession number. */
export const secondExaminationShare = 0.06;

/** PATIENT_SOURCE_SETTING: 1 inpatient, 3 outpatient, 4 GP direct access, 5 A&E. */
export const sourceSettings = { inpatient: '1', outpatient: '3', gpDirectAccess: '4', emergency: '5' } as const;
/** Some providers send the setting zero-padded (05); the pipeline reads both. */
export const zeroPaddedSettingShare = 0.1;

export type ModalityMix = readonly Weighted<string>[];
/** Modality groups (reference/dids/dids-modality-groups.csv) by who asked for the test. */
export const modalitiesForEmergencies: ModalityMix = modalityMix(45, 30, 12, 6, 2, 5);
export const modalitiesForGpDirectAccess: ModalityMix = modalityMix(45, 5, 35, 10, 1, 4);
export const modalitiesForOutpatients: ModalityMix = modalityMix(30, 25, 18, 20, 4, 3);

function modalityMix(plainFilm: number, ct: number, ultrasound: number, mri: number, nuclear: number, other: number): ModalityMix {
  return [
    { value: 'Plain film (x-ray)', weight: plainFilm },
    { value: 'CT', weight: ct },
    { value: 'Ultrasound (non-obstetrics)', weight: ultrasound },
    { value: 'MRI', weight: mri },
    { value: 'Nuclear medicine', weight: nuclear },
    { value: 'Other', weight: other },
  ];
}

/**
 * The examinations done far more often than the rest of their modality (weights relative to 1 for any other
 * examination); codes missing from the reference table are ignored.
 */
export const commonExaminations: Readonly<Record<string, number>> = {
  XCHES: 300, // chest
  XKNEL: 20, XKNER: 20, XHIPL: 15, XHIPR: 15, XPELV: 15, XWRIL: 15, XWRIR: 15, XANKL: 15, XANKR: 15, XABDO: 10,
  CCHES: 25, CCHESC: 25, CABPEC: 40, CCHAPC: 30, // thorax, abdomen and pelvis
  UABDO: 40, UABPE: 30, UPELV: 20, UKIDB: 15, ULIVE: 10,
  MKNEL: 15, MKNER: 15,
};
/** Interventional examinations (guided biopsies, drains) relative to a plain diagnostic one. */
export const interventionalWeight = 0.2;

/** Days from request to test outside A&E, and from test to report (0 to 10). */
export const meanDaysRequestToTest = 14;
export const maxDaysRequestToTest = 90;
export const meanDaysTestToReport = 1.5;
export const maxDaysTestToReport = 10;

/**
 * NICIP and SNOMED CT codes shaped like real ones but in neither column of the NICIP to SNOMED CT table; a
 * generator drops any the table turns out to hold.
 */
export const unknownNicipCandidates = ['XZZQ9', 'CZZQ9', 'UZZQ9', 'MZZQ9'];
export const unknownSnomedCandidates = ['1999991000000107', '1999992000000101', '999999006'];
