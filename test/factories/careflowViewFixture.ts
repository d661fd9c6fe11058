import { careClusterColumns, careClusterRow, mhsdsReferralColumns, mhsdsReferralRow, nthTestNhsNumber, prescribingColumns, prescribingRow, toCsv } from './careflowRows';
import { susApcCsv, susApcRow } from './susApcRows';

/**
 * CareFlow Insights on a small fixture whose every expected figure is worked out by hand from the illustrative
 * 2024/25 prices: FZ91M non-elective 3330 (trim 32), elective 2914, day case 2359; MFF RRK 1.0312, RLT none (1.0).
 */

// High-cost set at RLT: non-elective FZ91M, LoS 3 -> 3330 per spell. P1 5 spells, P2 4, P3 and P4 3 each (a tie),
// P5..P41 1 each. With the six linkable RRK patients below, 47 patients have a priced spell: ceil(0.05 x 47) = 3,
// the threshold is the 3rd total, 9990, so P1-P4 are high cost. P42's only spell has an unknown HRG: an inpatient
// with no priced spell, never high cost, not in N.
const spellsPerPatient = [5, 4, 3, 3, ...Array.from({ length: 37 }, () => 1)];
let nextEpisode = 10_000;

function rltSpell(patient: number, spellIndex: number, hrg = 'FZ91M') {
  nextEpisode += 1;
  const day = 1 + spellIndex * 4;
  const admitted = `2024-05-${String(day).padStart(2, '0')}`;
  const discharged = `2024-05-${String(day + 3).padStart(2, '0')}`;
  return susApcRow({
    APCE_Ident: String(nextEpisode), APCS_Ident: `S${nextEpisode}`, NHS_Number: nthTestNhsNumber(patient), Der_Provider_Code: 'RLT',
    Admission_Date: admitted, Discharge_Date: discharged, Episode_Start_Date: admitted, Episode_End_Date: discharged, Episode_HRG: hrg, Spell_Core_HRG: hrg,
  });
}

// MH follow-up set at RRK, all discharged 10 May 2024 after 3 days: Q1 referred on day 0, Q2 on day 30, Q3 on
// day 31, Q4 the day before discharge; Q5 elective, Q6 day case; Q7 has an invalid NHS number (never links).
function rrkSpell(patient: number, overrides: Record<string, string> = {}) {
  nextEpisode += 1;
  return susApcRow({
    APCE_Ident: String(nextEpisode), APCS_Ident: `S${nextEpisode}`, NHS_Number: nthTestNhsNumber(patient), Der_Provider_Code: 'RRK', Admission_Date: '2024-05-07',
    Discharge_Date: '2024-05-10', Episode_Start_Date: '2024-05-07', Episode_End_Date: '2024-05-10', Episode_HRG: 'FZ91M', Spell_Core_HRG: 'FZ91M', ...overrides,
  });
}

const sus = [
  ...spellsPerPatient.flatMap((spells, index) => Array.from({ length: spells }, (_, spell) => rltSpell(index + 1, spell))),
  rltSpell(42, 0, 'ZZ99Z'),
  rrkSpell(101),
  rrkSpell(102),
  rrkSpell(103),
  rrkSpell(104),
  rrkSpell(105, { Admission_Method: '11' }),
  rrkSpell(106, { Admission_Method: '11', Patient_Classification: '2', Admission_Date: '2024-05-10', Episode_Start_Date: '2024-05-10' }),
  rrkSpell(107, { NHS_Number: '9990000019' }),
];

// P1's prescribing: May (2 items), June (1) and August (1) in FY 2024/25; April 2025 (5) belongs to 2025/26.
// Per spell (discharge month May + 2 months): May and June only -> 3 items, NIC 15.00, actual 14.25.
const rx = [
  prescribingRow({ PrescriptionItemID: 'RX1', NHSNumber: nthTestNhsNumber(1), ProcessingPeriodDate: '2024-05-01', ItemCount: '2', ItemNIC: '10.00', ItemActualCost: '9.50' }),
  prescribingRow({ PrescriptionItemID: 'RX2', NHSNumber: nthTestNhsNumber(1), ProcessingPeriodDate: '2024-06-01', ItemCount: '1', ItemNIC: '5.00', ItemActualCost: '4.75' }),
  prescribingRow({ PrescriptionItemID: 'RX3', NHSNumber: nthTestNhsNumber(1), ProcessingPeriodDate: '2024-08-01', ItemCount: '1', ItemNIC: '7.00', ItemActualCost: '6.65' }),
  prescribingRow({ PrescriptionItemID: 'RX4', NHSNumber: nthTestNhsNumber(1), ProcessingPeriodDate: '2025-04-01', ItemCount: '5', ItemNIC: '50.00', ItemActualCost: '47.50' }),
];

const referrals = [
  mhsdsReferralRow({ UniqServReqID: 'RXT1', NHSNumber: nthTestNhsNumber(101), ReferralRequestReceivedDate: '2024-05-10' }),
  mhsdsReferralRow({ UniqServReqID: 'RXT2', NHSNumber: nthTestNhsNumber(102), ReferralRequestReceivedDate: '2024-06-09' }),
  mhsdsReferralRow({ UniqServReqID: 'RXT3', NHSNumber: nthTestNhsNumber(103), ReferralRequestReceivedDate: '2024-06-10' }),
  mhsdsReferralRow({ UniqServReqID: 'RXT4', NHSNumber: nthTestNhsNumber(104), ReferralRequestReceivedDate: '2024-05-09' }),
];

// RXT1's clusters: 4 from 12 May, then 11 from 1 June (current). RXT9 has no referral: an orphan.
const clusters = [
  careClusterRow({ UniqClustID: 'CL1', UniqServReqID: 'RXT1', NHSNumber: nthTestNhsNumber(101), StartDateCareClust: '2024-05-12', EndDateCareClust: '2024-05-31', AMHCareClustCodeFin: '04' }),
  careClusterRow({ UniqClustID: 'CL2', UniqServReqID: 'RXT1', NHSNumber: nthTestNhsNumber(101), StartDateCareClust: '2024-06-01', AMHCareClustCodeFin: '11' }),
  careClusterRow({ UniqClustID: 'CL3', UniqServReqID: 'RXT9', NHSNumber: nthTestNhsNumber(108), StartDateCareClust: '2024-06-01', AMHCareClustCodeFin: '3' }),
];

/** The fixture as the four DSCRO drops, by name: [flow, file name, CSV]. */
export const careflowViewDrops = {
  sus: ['sus-apc', 'sus_apc_2024-05_2024-05_20240615.csv', susApcCsv(sus)],
  rx: ['prescribing', 'prescribing_2024-05_2025-04_20250515.csv', toCsv(prescribingColumns, rx)],
  referrals: ['mhsds-referrals', 'mhsds_referrals_2024-05_2024-06_20240715.csv', toCsv(mhsdsReferralColumns, referrals)],
  clusters: ['mhsds-care-clusters', 'mhsds_care_clusters_2024-05_2024-06_20240715.csv', toCsv(careClusterColumns, clusters)],
} as const;
