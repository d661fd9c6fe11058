import { batchesOf } from '../batchesOf';
import { isoDate, twoDigits } from '../calendarDays';
import { defectRates, drawDefect, noDefects } from '../defectDraws';
import { FlowGenerationContext, FlowGenerator } from '../flowGenerator';
import { impossibleDate } from '../impossibleDate';
import { invalidNhsNumber } from '../nhsNumbers';
import { PatientPool } from '../patientPool';
import { PoolActivity } from '../poolActivity';
import { ClusterableReferral } from '../referralLedger';
import { createSeededRandom, deriveSeed, SeededRandom } from '../seededRandom';
import {
  attendanceOutcomes,
  communityProvider,
  consultationMedia,
  contactHours,
  contactLocations,
  contactMinutes,
  contactsPerReferral,
  maxContactsPerReferral,
  seenOutcomes,
} from './community360Codes';
import { csdsReferralsFlow } from './csdsReferralsGenerator';

export const csdsContactsFlow = 'csds-contacts';

/** File order and header names of the DSCRO CSDS care contacts extract (CYP201 with the NHS number from CYP001). */
export const csdsContactsColumns = [
  'UniqueCareContactIdentifier',
  'UniqueServiceRequestIdentifier',
  'NHSNumber',
  'OrganisationCodeProvider',
  'CareContactDate',
  'CareContactTime',
  'ActivityLocationTypeCode',
  'ConsultationMediumUsed',
  'AttendedOrDidNotAttendCode',
  'ClinicalContactDurationOfCareContact',
] as const;

export type CsdsContactsColumn = (typeof csdsContactsColumns)[number];

/**
 * Every class is planted per row, one at most per row, and trips one rule only: CSC-NHS-VALID, the product
 * rule C360-CONTACT-REFERRAL-EXISTS (orphanContact), or the row schema.
 */
export const csdsContactsDefectClasses = [
  'invalidNhsNumber',
  'missingNhsNumber',
  'orphanContact',
  'wrongColumnCount',
  'unparsableDate',
  'missingRequiredValue',
] as const;

export type CsdsContactsDefect = (typeof csdsContactsDefectClasses)[number];

export interface CsdsContactsGeneratorOptions extends FlowGenerationContext {
  /** Per-class fractions of rows overriding `defectRate`. */
  defectRates?: Partial<Record<CsdsContactsDefect, number>>;
}

const column = Object.fromEntries(csdsContactsColumns.map((name, index) => [name, index])) as Record<CsdsContactsColumn, number>;

const meanContactsPerReferral =
  contactsPerReferral.reduce((sum, { value, weight }) => sum + value * weight, 0) / contactsPerReferral.reduce((sum, { weight }) => sum + weight, 0);

export function createCsdsContactsGenerator(pool: PatientPool, options: CsdsContactsGeneratorOptions): FlowGenerator {
  return new CsdsContactsGenerator(pool, options);
}

/**
 * Care contacts follow the referrals file of the same run: up to six under each referral written intact to
 * it, on or after the day it was received and never after its discharge. Without that file there is nothing
 * to attach them to, so the activity is required.
 */
class CsdsContactsGenerator implements FlowGenerator {
  readonly flow = csdsContactsFlow;
  readonly columns: readonly string[] = csdsContactsColumns;
  readonly fileName: string;

  private readonly random: SeededRandom;
  private readonly counts: Record<CsdsContactsDefect, number>;
  private readonly rates: readonly number[];
  private readonly activity: PoolActivity;
  private nextContactNumber: number;
  private started = false;

  constructor(
    private readonly pool: PatientPool,
    private readonly options: CsdsContactsGeneratorOptions,
  ) {
    const { period } = options;
    this.fileName = `csds_contacts_${period.startMonth}_${period.endMonth}_${period.extractDate}.csv`;
    this.random = createSeededRandom(deriveSeed(options.seed, csdsContactsFlow));
    this.counts = noDefects(csdsContactsDefectClasses);
    this.rates = defectRates(csdsContactsDefectClasses, options.defectRate, options.defectRates);
    if (!options.activity) throw new Error(`${csdsContactsFlow} follows ${csdsReferralsFlow}: pass the activity the referrals were generated with`);
    this.activity = options.activity;
    this.activity.requireRecorded(csdsReferralsFlow, csdsContactsFlow);
    const referrals = this.activity.communityReferrals.length;
    const target = options.targetRows;
    if (target !== undefined && target > referrals * maxContactsPerReferral) {
      throw new Error(
        `${csdsContactsFlow}: ${target} rows need more referrals than the ${referrals} intact ones ` +
          `(at most ${maxContactsPerReferral} contacts each); ask for more ${csdsReferralsFlow} rows`,
      );
    }
    this.nextContactNumber = 900_000_000 + this.random.int(0, 9_999_999);
  }

  batches(batchSize: number): Generator<string[][]> {
    if (this.started) throw new Error('a flow generator produces its rows once');
    this.started = true;
    return batchesOf(this.rows(), batchSize);
  }

  plantedDefects(): Record<string, number> {
    return { ...this.counts };
  }

  private *rows(): Generator<string[]> {
    const ledger = this.activity.communityReferrals;
    let remaining = this.options.targetRows;
    for (let index = 0; index < ledger.length; index++) {
      if (remaining === 0) return;
      const referral = ledger.at(index);
      const count = this.contactCount(remaining, ledger.length - index);
      if (remaining !== undefined) remaining -= count;
      yield* this.contactRows(referral, count);
    }
  }

  /**
   * Without a target, each referral draws its count. With one, the chance of any contacts follows what is left
   * to write, and the count is kept where the remaining referrals can still meet the target exactly.
   */
  private contactCount(remaining: number | undefined, referralsLeft: number): number {
    const random = this.random;
    if (remaining === undefined) return random.weighted(contactsPerReferral);
    const atLeast = Math.max(0, remaining - maxContactsPerReferral * (referralsLeft - 1));
    const atMost = Math.min(maxContactsPerReferral, remaining);
    const share = Math.min(1, remaining / (referralsLeft * meanContactsPerReferral));
    if (atLeast === 0 && !random.chance(share)) return 0;
    return Math.min(atMost, Math.max(atLeast, 1, random.weighted(contactsPerReferral)));
  }

  private *contactRows(referral: ClusterableReferral, count: number): Generator<string[]> {
    if (count === 0) return;
    const random = this.random;
    const patient = this.pool.patients[referral.patientIndex];
    const lastDay = referral.dischargeDay ?? this.options.period.lastDay;
    const days: number[] = [];
    for (let i = 0; i < count; i++) days.push(random.int(referral.receivedDay, lastDay));
    days.sort((a, b) => a - b);

    for (const day of days) {
      const outcome = random.weighted(attendanceOutcomes);
      // In csdsContactsColumns order.
      const row = [
        communityProvider + String(this.nextContactNumber),
        communityProvider + String(referral.requestNumber),
        patient.nhsNumber,
        communityProvider,
        isoDate(day),
        `${twoDigits(random.int(...contactHours))}:${twoDigits(random.int(0, 11) * 5)}`,
        random.weighted(contactLocations),
        random.weighted(consultationMedia),
        outcome,
        // Only a contact that took place has a duration.
        seenOutcomes.has(outcome) ? String(random.int(...contactMinutes)) : '',
      ];
      this.nextContactNumber += random.int(1, 3);

      const defect = drawDefect(random, csdsContactsDefectClasses, this.rates);
      if (defect !== undefined) {
        this.plantDefect(row, defect, day);
        this.counts[defect]++;
      }
      yield row;
    }
  }

  private plantDefect(row: string[], defect: CsdsContactsDefect, day: number): void {
    const random = this.random;
    switch (defect) {
      case 'invalidNhsNumber':
        row[column.NHSNumber] = invalidNhsNumber(random);
        return;
      case 'missingNhsNumber':
        row[column.NHSNumber] = '';
        return;
      case 'orphanContact':
        // Request numbers at or above the first unused one name no referral in the referrals file.
        row[column.UniqueServiceRequestIdentifier] = communityProvider + String(this.activity.communityReferrals.firstUnusedRequestNumber + random.int(0, 999_999));
        return;
      case 'wrongColumnCount':
        if (random.chance(0.5)) row.splice(random.int(1, row.length - 1), 1);
        else row.push('');
        return;
      case 'unparsableDate':
        row[column.CareContactDate] = impossibleDate(random, day);
        return;
      case 'missingRequiredValue':
        row[random.pick([column.UniqueCareContactIdentifier, column.UniqueServiceRequestIdentifier, column.CareContactDate])] = '';
        return;
    }
  }
}
