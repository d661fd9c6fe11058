import { batchesOf } from '../batchesOf';
import { ageInYears, isoDate } from '../calendarDays';
import { defectRates, drawDefect, noDefects } from '../defectDraws';
import { FlowGenerationContext, FlowGenerator } from '../flowGenerator';
import { impossibleDate } from '../impossibleDate';
import { invalidNhsNumber } from '../nhsNumbers';
import { Patient, PatientPool } from '../patientPool';
import { PoolActivity } from '../poolActivity';
import { createSeededRandom, deriveSeed, geometric, SeededRandom } from '../seededRandom';
import { walkPool } from '../walkPool';
import {
  adultAge,
  adultMentalHealthProvider,
  childrenElsewhereShare,
  commissioner,
  daysFromDischargeToReferral,
  maxDaysInService,
  maxDaysToRejection,
  meanDaysInService,
  neighbouringProviders,
  neighbouringProviderShare,
  olderAdultAge,
  priorities,
  prioritiesAfterDischarge,
  referralAfterDischargeShare,
  referralReasonsForAdults,
  referralReasonsForChildren,
  referralReasonsForOlderAdults,
  referralSources,
  referralSourcesAfterDischarge,
  referralWindowDays,
  rejectedAlsoDischargedShare,
  rejectedShare,
  secondReferralShare,
  teamsForAdults,
  teamsForChildren,
  teamsForOlderAdults,
  yearlyReferralShareByAge,
  youngAdultsToYoungPeoplesProviderShare,
  youngPeoplesProvider,
} from './mhsdsCodes';
import { susApcFlow } from './susApcGenerator';
import { uniqMonthId } from './uniqMonthId';

export const mhsdsReferralsFlow = 'mhsds-referrals';

/** File order and header names of the DSCRO MHSDS referrals extract (MHS101 with the NHS number from MHS001). */
export const mhsdsReferralsColumns = [
  'UniqServReqID',
  'ServiceRequestId',
  'NHSNumber',
  'PersonBirthDate',
  'Postcode',
  'OrgIDProv',
  'OrgIDComm',
  'ReferralRequestReceivedDate',
  'SourceOfReferralMH',
  'PrimReasonReferralMH',
  'ClinRespPriorityType',
  'ServTeamTypeRefToMH',
  'ServDischDate',
  'ReferRejectionDate',
  'UniqMonthID',
] as const;

export type MhsdsReferralsColumn = (typeof mhsdsReferralsColumns)[number];

/** Every class is planted per row, one at most per row, and trips one rule only. */
export const mhsdsReferralsDefectClasses = [
  'invalidNhsNumber',
  'missingNhsNumber',
  'receivedAfterDischarge',
  'receivedAfterRejection',
  'wrongColumnCount',
  'unparsableDate',
  'missingRequiredValue',
] as const;

export type MhsdsReferralsDefect = (typeof mhsdsReferralsDefectClasses)[number];

export interface MhsdsReferralsGeneratorOptions extends FlowGenerationContext {
  /** Per-class fractions of rows overriding `defectRate`. */
  defectRates?: Partial<Record<MhsdsReferralsDefect, number>>;
}

const column = Object.fromEntries(mhsdsReferralsColumns.map((name, index) => [name, index])) as Record<MhsdsReferralsColumn, number>;

interface ReferralPlan {
  receivedDay: number;
  afterDischarge: boolean;
}

export function createMhsdsReferralsGenerator(pool: PatientPool, options: MhsdsReferralsGeneratorOptions): FlowGenerator {
  return new MhsdsReferralsGenerator(pool, options);
}

class MhsdsReferralsGenerator implements FlowGenerator {
  readonly flow = mhsdsReferralsFlow;
  readonly columns: readonly string[] = mhsdsReferralsColumns;
  readonly fileName: string;

  private readonly random: SeededRandom;
  private readonly counts: Record<MhsdsReferralsDefect, number>;
  private readonly rates: readonly number[];
  private readonly activity: PoolActivity | undefined;
  private nextRequestNumber: number;
  private started = false;

  constructor(
    private readonly pool: PatientPool,
    private readonly options: MhsdsReferralsGeneratorOptions,
  ) {
    const { period } = options;
    this.fileName = `mhsds_referrals_${period.startMonth}_${period.endMonth}_${period.extractDate}.csv`;
    this.random = createSeededRandom(deriveSeed(options.seed, mhsdsReferralsFlow));
    this.counts = noDefects(mhsdsReferralsDefectClasses);
    this.rates = defectRates(mhsdsReferralsDefectClasses, options.defectRate, options.defectRates);
    this.activity = options.activity;
    this.activity?.requireRecorded(susApcFlow, mhsdsReferralsFlow);
    this.nextRequestNumber = 600_000_000 + this.random.int(0, 9_999_999);
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
    const { firstDay, lastDay } = this.options.period;
    const death = this.activity?.deathDayOf(patientIndex);
    const lastPossible = death === undefined ? lastDay : Math.min(lastDay, death);
    const plans: ReferralPlan[] = [];

    for (const discharge of this.activity?.dischargesOf(patientIndex) ?? []) {
      if (!random.chance(referralAfterDischargeShare)) continue;
      const receivedDay = discharge + this.daysAfterDischarge();
      if (receivedDay <= lastPossible) plans.push({ receivedDay, afterDischarge: true });
    }
    const age = ageInYears(patient.birthDay, firstDay);
    const { share } = yearlyReferralShareByAge.find(({ ages }) => age >= ages[0] && age <= ages[1]) ?? yearlyReferralShareByAge[0];
    if (random.chance((share * this.options.period.months) / 12)) {
      const count = random.chance(secondReferralShare) ? 2 : 1;
      for (let i = 0; i < count; i++) {
        const receivedDay = random.int(firstDay, lastDay);
        if (receivedDay <= lastPossible) plans.push({ receivedDay, afterDischarge: false });
      }
    }
    plans.sort((a, b) => a.receivedDay - b.receivedDay);
    for (const plan of plans) yield this.referralRow(patient, patientIndex, plan, death);
  }

  private daysAfterDischarge(): number {
    switch (this.random.weighted(daysFromDischargeToReferral)) {
      case 'sameDay':
        return 0;
      case 'within':
        return this.random.int(1, referralWindowDays - 1);
      case 'lastDay':
        return referralWindowDays;
      case 'dayAfterWindow':
        return referralWindowDays + 1;
    }
  }

  private referralRow(patient: Patient, patientIndex: number, plan: ReferralPlan, death: number | undefined): string[] {
    const random = this.random;
    const { lastDay } = this.options.period;
    const { receivedDay, afterDischarge } = plan;
    const age = ageInYears(patient.birthDay, receivedDay);
    const provider = this.provider(age);
    const requestNumber = this.nextRequestNumber;
    this.nextRequestNumber += random.int(1, 4);

    let rejectionDay: number | undefined = random.chance(rejectedShare) ? receivedDay + random.int(0, maxDaysToRejection) : undefined;
    // A referral still in triage at the end of the extract has no decision yet.
    if (rejectionDay !== undefined && rejectionDay > lastDay) rejectionDay = undefined;
    let dischargeDay: number | undefined;
    if (rejectionDay !== undefined) {
      dischargeDay = random.chance(rejectedAlsoDischargedShare) ? rejectionDay : undefined;
    } else {
      const planned = receivedDay + geometric(random, meanDaysInService, maxDaysInService);
      dischargeDay = planned <= lastDay ? planned : undefined;
      // Death closes the referral.
      if (death !== undefined && death <= lastDay && (dischargeDay === undefined || dischargeDay > death)) dischargeDay = death;
    }
    const closedDay = rejectionDay ?? dischargeDay ?? lastDay;

    const serviceRequestId = String(requestNumber);
    const [reasons, teams] =
      age < adultAge
        ? [referralReasonsForChildren, teamsForChildren]
        : age >= olderAdultAge
          ? [referralReasonsForOlderAdults, teamsForOlderAdults]
          : [referralReasonsForAdults, teamsForAdults];
    // In mhsdsReferralsColumns order.
    const row = [
      provider + serviceRequestId,
      serviceRequestId,
      patient.nhsNumber,
      patient.birthDate,
      patient.postcode,
      provider,
      commissioner,
      isoDate(receivedDay),
      random.weighted(afterDischarge ? referralSourcesAfterDischarge : referralSources),
      random.weighted(reasons),
      random.weighted(afterDischarge ? prioritiesAfterDischarge : priorities),
      random.weighted(teams),
      dischargeDay === undefined ? '' : isoDate(dischargeDay),
      rejectionDay === undefined ? '' : isoDate(rejectionDay),
      // The latest monthly submission holding the referral: the month it closed, or the extract's last.
      String(uniqMonthId(closedDay)),
    ];

    const defect = drawDefect(random, mhsdsReferralsDefectClasses, this.rates);
    if (defect !== undefined) {
      this.plantDefect(row, defect, receivedDay);
      this.counts[defect]++;
    }
    // Recorded before the row is handed on: every referral recorded is in the file.
    this.activity?.referrals.noteRequestNumber(requestNumber);
    if (defect === undefined && provider === adultMentalHealthProvider && age >= adultAge && rejectionDay === undefined) {
      this.activity?.referrals.record({ requestNumber, patientIndex, receivedDay, dischargeDay });
    }
    return row;
  }

  /** Forward Thinking Birmingham for most children and some young adults; the adult trust, or rarely a neighbour, for the rest. */
  private provider(age: number): string {
    const random = this.random;
    if (age < adultAge) return random.chance(childrenElsewhereShare) ? adultMentalHealthProvider : youngPeoplesProvider;
    if (age <= 25 && random.chance(youngAdultsToYoungPeoplesProviderShare)) return youngPeoplesProvider;
    return random.chance(neighbouringProviderShare) ? random.weighted(neighbouringProviders) : adultMentalHealthProvider;
  }

  private plantDefect(row: string[], defect: MhsdsReferralsDefect, receivedDay: number): void {
    const random = this.random;
    switch (defect) {
      case 'invalidNhsNumber':
        row[column.NHSNumber] = invalidNhsNumber(random);
        return;
      case 'missingNhsNumber':
        row[column.NHSNumber] = '';
        return;
      case 'receivedAfterDischarge':
        // No rejection date, so the rejection rule has nothing to check.
        row[column.ServDischDate] = isoDate(receivedDay - random.int(1, 30));
        row[column.ReferRejectionDate] = '';
        return;
      case 'receivedAfterRejection':
        row[column.ReferRejectionDate] = isoDate(receivedDay - random.int(1, 30));
        row[column.ServDischDate] = '';
        return;
      case 'wrongColumnCount':
        if (random.chance(0.5)) row.splice(random.int(1, row.length - 1), 1);
        else row.push('');
        return;
      case 'unparsableDate':
        row[column.ReferralRequestReceivedDate] = impossibleDate(random, receivedDay);
        return;
      case 'missingRequiredValue':
        row[random.pick([column.UniqServReqID, column.ReferralRequestReceivedDate, column.OrgIDProv])] = '';
        return;
    }
  }
}
