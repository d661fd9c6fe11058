import { bandForAge } from '../bandForAge';
import { batchesOf } from '../batchesOf';
import { ageInYears, isoDate } from '../calendarDays';
import { daysIntoWindow } from '../daysIntoWindow';
import { defectRates, drawDefect, noDefects } from '../defectDraws';
import { FlowGenerationContext, FlowGenerator } from '../flowGenerator';
import { impossibleDate } from '../impossibleDate';
import { invalidNhsNumber } from '../nhsNumbers';
import { Patient, PatientPool } from '../patientPool';
import { PoolActivity } from '../poolActivity';
import { createSeededRandom, deriveSeed, geometric, SeededRandom } from '../seededRandom';
import { walkPool } from '../walkPool';
import {
  communityProvider,
  maxDaysOnCaseload,
  meanDaysOnCaseload,
  priorities,
  prioritiesAfterAttendance,
  referralAfterAttendanceShareByAge,
  referralReasons,
  referralSources,
  referralSourcesAfterAttendance,
  referralWindowDays,
  referralWindowPlacements,
  secondCommunityReferralShare,
  yearlyCommunityReferralShareByAge,
} from './community360Codes';
import { ecdsFlow } from './ecdsGenerator';

export const csdsReferralsFlow = 'csds-referrals';

/** File order and header names of the DSCRO CSDS referrals extract (CYP101 with the NHS number from CYP001). */
export const csdsReferralsColumns = [
  'UniqueServiceRequestIdentifier',
  'ServiceRequestIdentifier',
  'NHSNumber',
  'PersonBirthDate',
  'Postcode',
  'OrganisationCodeProvider',
  'ReferralRequestReceivedDate',
  'SourceOfReferralForCommunity',
  'PrimaryReasonForReferralCommunityCare',
  'PriorityTypeCode',
  'ServiceDischargeDate',
] as const;

export type CsdsReferralsColumn = (typeof csdsReferralsColumns)[number];

/** Every class is planted per row, one at most per row, and trips one rule only: CSR-NHS-VALID, CSR-RECEIVED-LE-DISCH or the row schema. */
export const csdsReferralsDefectClasses = [
  'invalidNhsNumber',
  'missingNhsNumber',
  'dischargedBeforeReceived',
  'wrongColumnCount',
  'unparsableDate',
  'missingRequiredValue',
] as const;

export type CsdsReferralsDefect = (typeof csdsReferralsDefectClasses)[number];

export interface CsdsReferralsGeneratorOptions extends FlowGenerationContext {
  /** Per-class fractions of rows overriding `defectRate`. */
  defectRates?: Partial<Record<CsdsReferralsDefect, number>>;
}

const column = Object.fromEntries(csdsReferralsColumns.map((name, index) => [name, index])) as Record<CsdsReferralsColumn, number>;

interface ReferralPlan {
  receivedDay: number;
  afterAttendance: boolean;
}

export function createCsdsReferralsGenerator(pool: PatientPool, options: CsdsReferralsGeneratorOptions): FlowGenerator {
  return new CsdsReferralsGenerator(pool, options);
}

/**
 * Referrals to Norfolk Community Health and Care: some follow an A&E departure home (older patients far more
 * often) around the 30-day window, the rest come from GPs and others at any time. Each is on the caseload for
 * a few weeks or months, or still open at the end of the extract; death closes it.
 */
class CsdsReferralsGenerator implements FlowGenerator {
  readonly flow = csdsReferralsFlow;
  readonly columns: readonly string[] = csdsReferralsColumns;
  readonly fileName: string;

  private readonly random: SeededRandom;
  private readonly counts: Record<CsdsReferralsDefect, number>;
  private readonly rates: readonly number[];
  private readonly activity: PoolActivity | undefined;
  private nextRequestNumber: number;
  private started = false;

  constructor(
    private readonly pool: PatientPool,
    private readonly options: CsdsReferralsGeneratorOptions,
  ) {
    const { period } = options;
    this.fileName = `csds_referrals_${period.startMonth}_${period.endMonth}_${period.extractDate}.csv`;
    this.random = createSeededRandom(deriveSeed(options.seed, csdsReferralsFlow));
    this.counts = noDefects(csdsReferralsDefectClasses);
    this.rates = defectRates(csdsReferralsDefectClasses, options.defectRate, options.defectRates);
    this.activity = options.activity;
    this.activity?.requireRecorded(ecdsFlow, csdsReferralsFlow);
    this.nextRequestNumber = 700_000_000 + this.random.int(0, 9_999_999);
  }

  batches(batchSize: number): Generator<string[][]> {
    if (this.started) throw new Error('a flow generator produces its rows once');
    this.started = true;
    return batchesOf(
      walkPool(this.pool, this.options.targetRows, (patient, patientIndex) => this.patientRows(patient, patientIndex)),
      batchSize,
    );
  }

  plantedDefects(): Record<string, number> {
    return { ...this.counts };
  }

  private *patientRows(patient: Patient, patientIndex: number): Generator<string[]> {
    const random = this.random;
    const { firstDay, lastDay, months } = this.options.period;
    const death = this.activity?.deathDayOf(patientIndex);
    const lastPossible = death === undefined ? lastDay : Math.min(lastDay, death);
    const plans: ReferralPlan[] = [];

    for (const { day: departure } of this.activity?.emergencyDepartures.of(patientIndex) ?? []) {
      if (!random.chance(bandForAge(referralAfterAttendanceShareByAge, ageInYears(patient.birthDay, departure)).share)) continue;
      const receivedDay = departure + daysIntoWindow(random, referralWindowPlacements, referralWindowDays);
      if (receivedDay <= lastPossible) plans.push({ receivedDay, afterAttendance: true });
    }
    if (random.chance((bandForAge(yearlyCommunityReferralShareByAge, ageInYears(patient.birthDay, firstDay)).share * months) / 12)) {
      const count = random.chance(secondCommunityReferralShare) ? 2 : 1;
      for (let i = 0; i < count; i++) {
        const receivedDay = random.int(firstDay, lastDay);
        if (receivedDay <= lastPossible) plans.push({ receivedDay, afterAttendance: false });
      }
    }
    plans.sort((a, b) => a.receivedDay - b.receivedDay);
    for (const plan of plans) yield this.referralRow(patient, patientIndex, plan, death);
  }

  private referralRow(patient: Patient, patientIndex: number, plan: ReferralPlan, death: number | undefined): string[] {
    const random = this.random;
    const { lastDay } = this.options.period;
    const { receivedDay, afterAttendance } = plan;
    const requestNumber = this.nextRequestNumber;
    this.nextRequestNumber += random.int(1, 4);

    const planned = receivedDay + geometric(random, meanDaysOnCaseload, maxDaysOnCaseload);
    let dischargeDay = planned <= lastDay ? planned : undefined;
    // Death closes the referral.
    if (death !== undefined && death <= lastDay && (dischargeDay === undefined || dischargeDay > death)) dischargeDay = death;

    const serviceRequestId = String(requestNumber);
    // In csdsReferralsColumns order.
    const row = [
      communityProvider + serviceRequestId,
      serviceRequestId,
      patient.nhsNumber,
      patient.birthDate,
      patient.postcode,
      communityProvider,
      isoDate(receivedDay),
      random.weighted(afterAttendance ? referralSourcesAfterAttendance : referralSources),
      random.weighted(referralReasons),
      random.weighted(afterAttendance ? prioritiesAfterAttendance : priorities),
      dischargeDay === undefined ? '' : isoDate(dischargeDay),
    ];

    const defect = drawDefect(random, csdsReferralsDefectClasses, this.rates);
    if (defect !== undefined) {
      this.plantDefect(row, defect, receivedDay);
      this.counts[defect]++;
    }
    // Recorded before the row is handed on: every referral a contact may name is in the file, intact.
    this.activity?.communityReferrals.noteRequestNumber(requestNumber);
    if (defect === undefined) this.activity?.communityReferrals.record({ requestNumber, patientIndex, receivedDay, dischargeDay });
    return row;
  }

  private plantDefect(row: string[], defect: CsdsReferralsDefect, receivedDay: number): void {
    const random = this.random;
    switch (defect) {
      case 'invalidNhsNumber':
        row[column.NHSNumber] = invalidNhsNumber(random);
        return;
      case 'missingNhsNumber':
        row[column.NHSNumber] = '';
        return;
      case 'dischargedBeforeReceived':
        row[column.ServiceDischargeDate] = isoDate(receivedDay - random.int(1, 30));
        return;
      case 'wrongColumnCount':
        if (random.chance(0.5)) row.splice(random.int(1, row.length - 1), 1);
        else row.push('');
        return;
      case 'unparsableDate':
        row[column.ReferralRequestReceivedDate] = impossibleDate(random, receivedDay);
        return;
      case 'missingRequiredValue':
        row[random.pick([column.UniqueServiceRequestIdentifier, column.OrganisationCodeProvider, column.ReferralRequestReceivedDate])] = '';
        return;
    }
  }
}
