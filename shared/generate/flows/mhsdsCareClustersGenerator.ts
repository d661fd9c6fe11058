import { batchesOf } from '../batchesOf';
import { ageInYears, isoDate } from '../calendarDays';
import { defectRates, drawDefect, noDefects } from '../defectDraws';
import { FlowGenerationContext, FlowGenerator } from '../flowGenerator';
import { impossibleDate } from '../impossibleDate';
import { invalidNhsNumber } from '../nhsNumbers';
import { PatientPool } from '../patientPool';
import { PoolActivity } from '../poolActivity';
import { ClusterableReferral } from '../referralLedger';
import { createSeededRandom, deriveSeed, SeededRandom } from '../seededRandom';
import {
  adultMentalHealthProvider,
  clusterCodes,
  clusterCodesForOlderAdults,
  clusteredReferralShare,
  clustersPerReferral,
  lastClusterOpenShare,
  maxClustersPerReferral,
  maxDaysToFirstCluster,
  minDaysPerCluster,
  olderAdultAge,
  zeroPaddedClusterCodeShare,
} from './mhsdsCodes';
import { mhsdsReferralsFlow } from './mhsdsReferralsGenerator';

export const mhsdsCareClustersFlow = 'mhsds-care-clusters';

/** File order and header names of the DSCRO MHSDS care cluster extract (MHS803 with the NHS number from MHS001). */
export const mhsdsCareClustersColumns = [
  'UniqClustID',
  'UniqServReqID',
  'NHSNumber',
  'OrgIDProv',
  'StartDateCareClust',
  'EndDateCareClust',
  'AMHCareClustCodeFin',
] as const;

export type MhsdsCareClustersColumn = (typeof mhsdsCareClustersColumns)[number];

/** Every class is planted per row, one at most per row, and trips one rule only. */
export const mhsdsCareClustersDefectClasses = [
  'invalidNhsNumber',
  'missingNhsNumber',
  'startAfterEnd',
  'orphanCluster',
  'wrongColumnCount',
  'unparsableDate',
  'missingRequiredValue',
] as const;

export type MhsdsCareClustersDefect = (typeof mhsdsCareClustersDefectClasses)[number];

export interface MhsdsCareClustersGeneratorOptions extends FlowGenerationContext {
  /** Per-class fractions of rows overriding `defectRate`. */
  defectRates?: Partial<Record<MhsdsCareClustersDefect, number>>;
}

const column = Object.fromEntries(mhsdsCareClustersColumns.map((name, index) => [name, index])) as Record<MhsdsCareClustersColumn, number>;

const meanClustersPerClusteredReferral =
  clustersPerReferral.reduce((sum, { value, weight }) => sum + value * weight, 0) / clustersPerReferral.reduce((sum, { weight }) => sum + weight, 0);

export function createMhsdsCareClustersGenerator(pool: PatientPool, options: MhsdsCareClustersGeneratorOptions): FlowGenerator {
  return new MhsdsCareClustersGenerator(pool, options);
}

/**
 * Care clusters follow the referrals file of the same run: they belong to referrals written intact to it
 * (accepted, to the adult provider, for adults), one after another from the referral date, the last one
 * possibly still current. Without that file there is nothing to cluster, so the activity is required.
 */
class MhsdsCareClustersGenerator implements FlowGenerator {
  readonly flow = mhsdsCareClustersFlow;
  readonly columns: readonly string[] = mhsdsCareClustersColumns;
  readonly fileName: string;

  private readonly random: SeededRandom;
  private readonly counts: Record<MhsdsCareClustersDefect, number>;
  private readonly rates: readonly number[];
  private readonly activity: PoolActivity;
  private nextClusterNumber: number;
  private started = false;

  constructor(
    private readonly pool: PatientPool,
    private readonly options: MhsdsCareClustersGeneratorOptions,
  ) {
    const { period } = options;
    this.fileName = `mhsds_care_clusters_${period.startMonth}_${period.endMonth}_${period.extractDate}.csv`;
    this.random = createSeededRandom(deriveSeed(options.seed, mhsdsCareClustersFlow));
    this.counts = noDefects(mhsdsCareClustersDefectClasses);
    this.rates = defectRates(mhsdsCareClustersDefectClasses, options.defectRate, options.defectRates);
    if (!options.activity) throw new Error(`${mhsdsCareClustersFlow} follows ${mhsdsReferralsFlow}: pass the activity the referrals were generated with`);
    this.activity = options.activity;
    this.activity.requireRecorded(mhsdsReferralsFlow, mhsdsCareClustersFlow);
    const referrals = this.activity.referrals.length;
    const target = options.targetRows;
    if (target !== undefined && target > referrals * maxClustersPerReferral) {
      throw new Error(
        `${mhsdsCareClustersFlow}: ${target} rows need more referrals than the ${referrals} clusterable ones ` +
          `(at most ${maxClustersPerReferral} clusters each); ask for more ${mhsdsReferralsFlow} rows`,
      );
    }
    this.nextClusterNumber = 800_000_000 + this.random.int(0, 9_999_999);
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
    const ledger = this.activity.referrals;
    const target = this.options.targetRows;
    let remaining = target;
    for (let index = 0; index < ledger.length; index++) {
      if (remaining === 0) return;
      const referral = ledger.at(index);
      const count = this.clusterCount(referral, remaining, ledger.length - index);
      if (remaining !== undefined) remaining -= count;
      yield* this.clusterRows(referral, count);
    }
  }

  /**
   * Without a target, a share of referrals gets one to three clusters, as many as their span allows. With
   * one, the share follows what is left to write, and the count is kept where the remaining referrals can
   * still meet the target exactly.
   */
  private clusterCount(referral: ClusterableReferral, remaining: number | undefined, referralsLeft: number): number {
    const random = this.random;
    if (remaining === undefined) {
      if (!random.chance(clusteredReferralShare)) return 0;
      const span = (referral.dischargeDay ?? this.options.period.lastDay) - referral.receivedDay;
      return Math.min(random.weighted(clustersPerReferral), 1 + Math.floor(span / minDaysPerCluster));
    }
    const atLeast = Math.max(0, remaining - maxClustersPerReferral * (referralsLeft - 1));
    const atMost = Math.min(maxClustersPerReferral, remaining);
    const share = Math.min(1, remaining / (referralsLeft * meanClustersPerClusteredReferral));
    if (atLeast === 0 && !random.chance(share)) return 0;
    return Math.min(atMost, Math.max(atLeast, 1, random.weighted(clustersPerReferral)));
  }

  /** Clusters one after another: each ends the day the next starts; the last ends on discharge, or may still be current. */
  private *clusterRows(referral: ClusterableReferral, count: number): Generator<string[]> {
    if (count === 0) return;
    const random = this.random;
    const { lastDay } = this.options.period;
    const patient = this.pool.patients[referral.patientIndex];
    const limit = referral.dischargeDay ?? lastDay;
    const firstStart = referral.receivedDay + random.int(0, Math.min(maxDaysToFirstCluster, limit - referral.receivedDay));
    const starts = [firstStart];
    for (let i = 1; i < count; i++) starts.push(random.int(firstStart, limit));
    starts.sort((a, b) => a - b);
    const codes = ageInYears(patient.birthDay, firstStart) >= olderAdultAge ? clusterCodesForOlderAdults : clusterCodes;

    for (let i = 0; i < count; i++) {
      let endDay: number | undefined;
      if (i < count - 1) endDay = starts[i + 1];
      else if (referral.dischargeDay !== undefined) endDay = referral.dischargeDay;
      else endDay = random.chance(lastClusterOpenShare) ? undefined : random.int(starts[i], lastDay);

      // In mhsdsCareClustersColumns order.
      const row = [
        adultMentalHealthProvider + String(this.nextClusterNumber),
        adultMentalHealthProvider + String(referral.requestNumber),
        patient.nhsNumber,
        adultMentalHealthProvider,
        isoDate(starts[i]),
        endDay === undefined ? '' : isoDate(endDay),
        clusterCode(random, random.weighted(codes)),
      ];
      this.nextClusterNumber += random.int(1, 3);

      const defect = drawDefect(random, mhsdsCareClustersDefectClasses, this.rates);
      if (defect !== undefined) {
        this.plantDefect(row, defect, starts[i]);
        this.counts[defect]++;
      }
      yield row;
    }
  }

  private plantDefect(row: string[], defect: MhsdsCareClustersDefect, startDay: number): void {
    const random = this.random;
    switch (defect) {
      case 'invalidNhsNumber':
        row[column.NHSNumber] = invalidNhsNumber(random);
        return;
      case 'missingNhsNumber':
        row[column.NHSNumber] = '';
        return;
      case 'startAfterEnd':
        row[column.EndDateCareClust] = isoDate(startDay - random.int(1, 30));
        return;
      case 'orphanCluster':
        // Request numbers at or above the first unused one name no referral in the referrals file.
        row[column.UniqServReqID] = adultMentalHealthProvider + String(this.activity.referrals.firstUnusedRequestNumber + random.int(0, 999_999));
        return;
      case 'wrongColumnCount':
        if (random.chance(0.5)) row.splice(random.int(1, row.length - 1), 1);
        else row.push('');
        return;
      case 'unparsableDate':
        row[column.StartDateCareClust] = impossibleDate(random, startDay);
        return;
      case 'missingRequiredValue':
        row[random.pick([column.UniqClustID, column.UniqServReqID, column.StartDateCareClust])] = '';
        return;
    }
  }
}

/** Now and then with a leading zero ("04"), as some providers send it. */
function clusterCode(random: SeededRandom, code: number): string {
  return code < 10 && random.chance(zeroPaddedClusterCodeShare) ? `0${code}` : String(code);
}
