import { Weighted } from '../seededRandom';

/**
 * Code lists and shares for synthetic MHSDS referrals and care clusters (MHSDS v5 technical output
 * specification and NHS Data Dictionary code sets), shaped like a Birmingham and Solihull caseload.
 */

/** Birmingham and Solihull Mental Health NHS FT: the adult and older adult provider. */
export const adultMentalHealthProvider = 'RXT';
/** Forward Thinking Birmingham (run by Birmingham Women's and Children's NHS FT) sees people aged 0 to 25. */
export const youngPeoplesProvider = 'RQ3';
/** A few adults are seen by neighbouring trusts: Black Country Healthcare and Midlands Partnership. */
export const neighbouringProviders: readonly Weighted<string>[] = [
  { value: 'TAJ', weight: 3 },
  { value: 'RRE', weight: 1 },
];
export const neighbouringProviderShare = 0.04;
/** Forward Thinking Birmingham's share of referrals of 18 to 25 year olds. */
export const youngAdultsToYoungPeoplesProviderShare = 0.3;
/** Under-18s referred elsewhere than Forward Thinking Birmingham (for example to a specialist service). */
export const childrenElsewhereShare = 0.1;
export const commissioner = '15E';

/**
 * Share of patients referred to mental health services during a year, for reasons unrelated to a hospital
 * stay, by age (inclusive).
 */
export const yearlyReferralShareByAge: readonly { ages: readonly [number, number]; share: number }[] = [
  { ages: [0, 15], share: 0.03 },
  { ages: [16, 25], share: 0.07 },
  { ages: [26, 64], share: 0.05 },
  { ages: [65, 200], share: 0.04 },
];
/** Of those, some are referred twice in the year (often to a second team). */
export const secondReferralShare = 0.15;

/** Share of discharges alive followed by a mental health referral around the 30-day window. */
export const referralAfterDischargeShare = 0.06;
/**
 * Days from discharge to the referral: the 30-day window CareFlow measures (0 to 30 inclusive), with its
 * edges well represented and day 31, just outside it, as common as day 30.
 */
export const daysFromDischargeToReferral: readonly Weighted<'sameDay' | 'within' | 'lastDay' | 'dayAfterWindow'>[] = [
  { value: 'sameDay', weight: 10 },
  { value: 'within', weight: 65 },
  { value: 'lastDay', weight: 12.5 },
  { value: 'dayAfterWindow', weight: 12.5 },
];
export const referralWindowDays = 30;

/** SourceOfReferralMH. */
export const referralSources: readonly Weighted<string>[] = [
  { value: 'A1', weight: 38 }, // GP
  { value: 'A3', weight: 3 }, // other primary health care
  { value: 'B1', weight: 9 }, // self
  { value: 'B2', weight: 3 }, // carer or relative
  { value: 'D1', weight: 2 }, // education service
  { value: 'E1', weight: 4 }, // justice system: police
  { value: 'E2', weight: 1 }, // justice system: courts
  { value: 'F1', weight: 2 }, // local authority social services
  { value: 'G1', weight: 2 }, // independent sector
  { value: 'H1', weight: 7 }, // acute secondary care: emergency care department
  { value: 'H2', weight: 8 }, // acute secondary care: other clinical specialty
  { value: 'I2', weight: 9 }, // internal referral from another mental health team
  { value: 'M3', weight: 3 }, // other: voluntary sector
  { value: 'N3', weight: 4 }, // improving access to psychological therapies service
  { value: 'P1', weight: 5 }, // internal: from the same care team
];
/** Referrals following a hospital stay come mostly from the ward, some from the GP afterwards. */
export const referralSourcesAfterDischarge: readonly Weighted<string>[] = [
  { value: 'H2', weight: 55 },
  { value: 'H1', weight: 15 },
  { value: 'A1', weight: 30 },
];

/** PrimReasonReferralMH by age group. */
export const referralReasonsForChildren: readonly Weighted<string>[] = [
  { value: '06', weight: 10 }, // self harm behaviours
  { value: '07', weight: 6 }, // conduct disorders
  { value: '10', weight: 6 }, // eating disorders
  { value: '11', weight: 8 }, // in crisis
  { value: '12', weight: 8 }, // neurodevelopmental conditions
  { value: '13', weight: 14 }, // suspected autism spectrum disorder
  { value: '14', weight: 12 }, // depression
  { value: '15', weight: 18 }, // anxiety
  { value: '18', weight: 4 }, // relationship difficulties
  { value: '20', weight: 4 }, // attachment difficulties
];
export const referralReasonsForAdults: readonly Weighted<string>[] = [
  { value: '02', weight: 6 }, // drug and alcohol difficulties
  { value: '04', weight: 3 }, // perinatal mental health issues
  { value: '05', weight: 5 }, // personality disorders
  { value: '06', weight: 6 }, // self harm behaviours
  { value: '08', weight: 4 }, // (suspected) first episode psychosis
  { value: '09', weight: 5 }, // ongoing or recurrent psychosis
  { value: '10', weight: 2 }, // eating disorders
  { value: '11', weight: 15 }, // in crisis
  { value: '13', weight: 3 }, // suspected autism spectrum disorder
  { value: '14', weight: 18 }, // depression
  { value: '15', weight: 16 }, // anxiety
  { value: '22', weight: 3 }, // adjustment to health issues
  { value: '24', weight: 4 }, // post-traumatic stress disorder
  { value: '25', weight: 4 }, // bipolar disorder
  { value: '26', weight: 1 }, // behaviours that challenge due to a learning disability
];
export const referralReasonsForOlderAdults: readonly Weighted<string>[] = [
  { value: '01', weight: 40 }, // organic brain disorder
  { value: '09', weight: 4 }, // ongoing or recurrent psychosis
  { value: '11', weight: 10 }, // in crisis
  { value: '14', weight: 22 }, // depression
  { value: '15', weight: 12 }, // anxiety
  { value: '22', weight: 8 }, // adjustment to health issues
];
export const olderAdultAge = 65;
export const adultAge = 18;

/** ClinRespPriorityType: 1 emergency, 2 urgent or serious, 3 routine, 4 very urgent. */
export const priorities: readonly Weighted<string>[] = [
  { value: '3', weight: 60 },
  { value: '2', weight: 25 },
  { value: '1', weight: 10 },
  { value: '4', weight: 5 },
];
export const prioritiesAfterDischarge: readonly Weighted<string>[] = [
  { value: '2', weight: 45 },
  { value: '3', weight: 35 },
  { value: '4', weight: 12 },
  { value: '1', weight: 8 },
];

/** ServTeamTypeRefToMH by age group. */
export const teamsForChildren: readonly Weighted<string>[] = [
  { value: 'C04', weight: 14 }, // neurodevelopment team
  { value: 'C10', weight: 5 }, // community eating disorder service
  { value: 'F01', weight: 10 }, // mental health in education
  { value: 'F03', weight: 8 }, // mental health support team
  { value: 'A18', weight: 25 }, // single point of access
  { value: 'A02', weight: 8 }, // crisis resolution / home treatment
  { value: 'A06', weight: 20 }, // community mental health team: functional
  { value: 'C05', weight: 5 }, // paediatric liaison
  { value: 'C06', weight: 5 }, // looked after children
];
export const teamsForAdults: readonly Weighted<string>[] = [
  { value: 'A18', weight: 26 }, // single point of access
  { value: 'A06', weight: 22 }, // community mental health team: functional
  { value: 'A02', weight: 12 }, // crisis resolution / home treatment
  { value: 'A11', weight: 8 }, // psychiatric liaison
  { value: 'A05', weight: 8 }, // primary care mental health
  { value: 'A14', weight: 5 }, // early intervention in psychosis
  { value: 'A16', weight: 3 }, // personality disorder
  { value: 'C02', weight: 3 }, // specialist perinatal
  { value: 'D01', weight: 6 }, // substance misuse
  { value: 'E01', weight: 2 }, // community team for learning disabilities
  { value: 'A08', weight: 5 }, // assertive outreach
];
export const teamsForOlderAdults: readonly Weighted<string>[] = [
  { value: 'A17', weight: 35 }, // memory services / clinic
  { value: 'A07', weight: 25 }, // community mental health team: organic
  { value: 'A11', weight: 15 }, // psychiatric liaison
  { value: 'A18', weight: 15 }, // single point of access
  { value: 'A02', weight: 10 }, // crisis resolution / home treatment
];

/** Referrals turned down at triage, usually within a few weeks. */
export const rejectedShare = 0.05;
export const maxDaysToRejection = 21;
/** Providers close about half of rejected referrals with a discharge on the same day. */
export const rejectedAlsoDischargedShare = 0.5;
/** Mean days from referral to discharge from the service, and the longest drawn. */
export const meanDaysInService = 150;
export const maxDaysInService = 730;

/** Share of clusterable referrals (adult provider, adults, accepted) given care clusters. */
export const clusteredReferralShare = 0.45;
export const clustersPerReferral: readonly Weighted<number>[] = [
  { value: 1, weight: 50 },
  { value: 2, weight: 32 },
  { value: 3, weight: 18 },
];
export const maxClustersPerReferral = 3;
/** A further cluster is only assigned after a review, at the earliest about four weeks on. */
export const minDaysPerCluster = 28;
/** Days from referral to the first clustering assessment, at most. */
export const maxDaysToFirstCluster = 42;
/** Of clusters current at the end of an open referral, the share still open (no end date). */
export const lastClusterOpenShare = 0.85;
/** Cluster codes below 10 arrive both as "4" and as "04"; both are valid (the lookup strips leading zeros). */
export const zeroPaddedClusterCodeShare = 0.15;

/** AMHCareClustCodeFin (0 variance, 1-8 non-psychotic, 10-17 psychosis, 18-21 organic; 9 is not used). */
export const clusterCodes: readonly Weighted<number>[] = [
  { value: 0, weight: 1 },
  { value: 1, weight: 4 },
  { value: 2, weight: 4 },
  { value: 3, weight: 10 },
  { value: 4, weight: 9 },
  { value: 5, weight: 4 },
  { value: 6, weight: 1 },
  { value: 7, weight: 7 },
  { value: 8, weight: 5 },
  { value: 10, weight: 4 },
  { value: 11, weight: 14 },
  { value: 12, weight: 9 },
  { value: 13, weight: 6 },
  { value: 14, weight: 2 },
  { value: 15, weight: 1 },
  { value: 16, weight: 3 },
  { value: 17, weight: 3 },
  { value: 18, weight: 3 },
  { value: 19, weight: 3 },
  { value: 20, weight: 1 },
  { value: 21, weight: 1 },
];
/** Older adults are mostly clustered in the organic super class (18-21). */
export const clusterCodesForOlderAdults: readonly Weighted<number>[] = [
  { value: 3, weight: 6 },
  { value: 4, weight: 6 },
  { value: 11, weight: 4 },
  { value: 12, weight: 3 },
  { value: 18, weight: 25 },
  { value: 19, weight: 25 },
  { value: 20, weight: 12 },
  { value: 21, weight: 10 },
];
