import { Weighted } from '../seededRandom';

/**
 * Who prescribes what to whom in the synthetic prescribing extract. Shapes follow NHSBSA English
 * Prescribing Data: about 18 items per person a year nationally, most of them repeats of long-term
 * medicines, concentrated in older people.
 */

/**
 * GP practice ODS codes shaped like Birmingham and Solihull practices (M85xxx) and Sandwell and West
 * Birmingham ones (M88xxx): the letter-and-five-digits form ODS gives English practices.
 */
export const gpPractices = [
  'M85001', 'M85002', 'M85005', 'M85007', 'M85009', 'M85011', 'M85014', 'M85016', 'M85018', 'M85019',
  'M85020', 'M85023', 'M85024', 'M85025', 'M85026', 'M85028', 'M85030', 'M85031', 'M85034', 'M85036',
  'M85037', 'M85041', 'M85043', 'M85046', 'M85047', 'M85051', 'M85053', 'M85058', 'M85061', 'M85063',
  'M85069', 'M85070', 'M85076', 'M85078', 'M85083', 'M85097', 'M85105', 'M85113', 'M85128', 'M85149',
  'M85164', 'M85171', 'M85634', 'M85686', 'M85701', 'M85713', 'M85766', 'M85801',
  'M88004', 'M88006', 'M88008', 'M88010', 'M88015', 'M88020', 'M88021', 'M88026', 'M88031', 'M88035',
] as const;

/** How many community pharmacies the patients use; ODS gives pharmacies five-character codes starting F. */
export const pharmacyCount = 90;

/** Most items are collected from the patient's usual pharmacy. */
export const usualPharmacyShare = 0.88;

/** Long-term medicines a patient is on, by age; older people take many more. Ages inclusive. */
export const regularMedicinesByAge: readonly { ages: readonly [number, number]; counts: readonly Weighted<number>[] }[] = [
  { ages: [0, 15], counts: [{ value: 0, weight: 85 }, { value: 1, weight: 12 }, { value: 2, weight: 3 }] },
  { ages: [16, 44], counts: [{ value: 0, weight: 62 }, { value: 1, weight: 22 }, { value: 2, weight: 10 }, { value: 3, weight: 6 }] },
  {
    ages: [45, 64],
    counts: [{ value: 0, weight: 38 }, { value: 1, weight: 22 }, { value: 2, weight: 17 }, { value: 3, weight: 12 }, { value: 4, weight: 7 }, { value: 5, weight: 4 }],
  },
  {
    ages: [65, 79],
    counts: [
      { value: 0, weight: 14 }, { value: 1, weight: 14 }, { value: 2, weight: 18 }, { value: 3, weight: 18 },
      { value: 4, weight: 14 }, { value: 5, weight: 10 }, { value: 6, weight: 7 }, { value: 8, weight: 5 },
    ],
  },
  {
    ages: [80, 200],
    counts: [
      { value: 0, weight: 7 }, { value: 1, weight: 8 }, { value: 2, weight: 12 }, { value: 3, weight: 16 }, { value: 4, weight: 16 },
      { value: 5, weight: 14 }, { value: 6, weight: 12 }, { value: 8, weight: 10 }, { value: 10, weight: 5 },
    ],
  },
];

/** Repeats are mostly issued for 28 days; some for two months. */
export const twoMonthlyRepeatShare = 0.25;
/** Chance a due repeat is not collected that month. */
export const missedRepeatShare = 0.08;
/** Some repeats start or stop during the year rather than running through it. */
export const startedDuringYearShare = 0.15;
export const stoppedDuringYearShare = 0.1;

/** Acute items a year (courses of antibiotics, painkillers, creams…). */
export const acuteItemsPerYear: readonly Weighted<number>[] = [
  { value: 0, weight: 30 },
  { value: 1, weight: 24 },
  { value: 2, weight: 18 },
  { value: 3, weight: 12 },
  { value: 4, weight: 8 },
  { value: 6, weight: 5 },
  { value: 9, weight: 3 },
];

/**
 * After a discharge most patients are started on new medicines, dispensed in the discharge month and the
 * two after it: the "prescribing burden" CareFlow links to spells.
 */
export const newMedicinesAfterDischargeShare = 0.65;
export const newMedicinesAfterDischarge: readonly Weighted<number>[] = [
  { value: 1, weight: 50 },
  { value: 2, weight: 35 },
  { value: 3, weight: 15 },
];
/** Months a post-discharge medicine is dispensed in, counting the discharge month as 0. */
export const monthsAfterDischarge = 3;
/** Chance one of those monthly issues is collected. */
export const postDischargeIssueShare = 0.9;

/** Items per prescription line: almost always one. */
export const itemCounts: readonly Weighted<number>[] = [
  { value: 1, weight: 92 },
  { value: 2, weight: 6 },
  { value: 3, weight: 2 },
];

export const regularPrescribers: readonly Weighted<string>[] = [
  { value: 'GP', weight: 88 },
  { value: 'Nurse', weight: 7 },
  { value: 'Pharmacist', weight: 5 },
];
export const acutePrescribers: readonly Weighted<string>[] = [
  { value: 'GP', weight: 74 },
  { value: 'Nurse', weight: 16 },
  { value: 'Pharmacist', weight: 10 },
];

/** Paid as an equivalent presentation (a brand dispensed against a generic, or the reverse). */
export const paidAsEquivalentShare = 0.03;

/** Actual cost is the NIC less the pharmacy discount, plus fees: a little below NIC. */
export const actualCostFactor = { min: 0.9, max: 0.99 } as const;
