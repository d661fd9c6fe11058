import { PatientDayLedger } from './patientDayLedger';
import { ReferralLedger } from './referralLedger';

/**
 * What the flows generated earlier in a run did to each pooled patient, so later flows can follow it:
 * prescriptions after a discharge, a mental health referral within days of one, care clusters under a
 * referral that is in the referrals file; for Community 360, community referrals after an A&E departure
 * home, imaging after an attendance that ended in admission, care contacts under a referral in the
 * referrals file. Stored as columns of numbers (a few bytes per spell, attendance or referral), never as
 * rows, so memory stays small however large the extracts are.
 */
export class PoolActivity {
  /** Mental health referrals care clusters may attach to. */
  readonly referrals = new ReferralLedger();
  /** Community (CSDS) referrals care contacts may attach to. */
  readonly communityReferrals = new ReferralLedger();
  /** Departure days of A&E attendances that ended with the patient going home (or to a care home, or custody). */
  readonly emergencyDepartures: PatientDayLedger;
  /** Arrival days of A&E attendances that ended in admission, tagged with the index of the acute provider. */
  readonly emergencyAdmissions: PatientDayLedger;

  private readonly firstDischarge: Int32Array;
  private readonly nextDischarge: number[] = [];
  private readonly dischargeDays: number[] = [];
  private readonly deathDays: Float64Array;
  private readonly recordedFlows = new Set<string>();

  constructor(readonly poolSize: number) {
    this.emergencyDepartures = new PatientDayLedger(poolSize);
    this.emergencyAdmissions = new PatientDayLedger(poolSize);
    this.firstDischarge = new Int32Array(poolSize).fill(-1);
    this.deathDays = new Float64Array(poolSize).fill(Number.NaN);
  }

  /** A discharge alive from a spell whose last episode row is written intact. */
  recordDischarge(patientIndex: number, day: number): void {
    this.nextDischarge.push(this.firstDischarge[patientIndex]);
    this.dischargeDays.push(day);
    this.firstDischarge[patientIndex] = this.dischargeDays.length - 1;
  }

  /** Days of the patient's recorded discharges, earliest first. */
  dischargesOf(patientIndex: number): number[] {
    const days: number[] = [];
    for (let at = this.firstDischarge[patientIndex]; at >= 0; at = this.nextDischarge[at]) days.push(this.dischargeDays[at]);
    return days.sort((a, b) => a - b);
  }

  get dischargeCount(): number {
    return this.dischargeDays.length;
  }

  /** The earliest recorded death counts: nothing happens to a patient after it. */
  recordDeath(patientIndex: number, day: number): void {
    const known = this.deathDays[patientIndex];
    if (Number.isNaN(known) || day < known) this.deathDays[patientIndex] = day;
  }

  deathDayOf(patientIndex: number): number | undefined {
    const day = this.deathDays[patientIndex];
    return Number.isNaN(day) ? undefined : day;
  }

  markRecorded(flow: string): void {
    this.recordedFlows.add(flow);
  }

  /** Fails when a flow that follows another is generated before it, which would silently lose linkage. */
  requireRecorded(flow: string, neededBy: string): void {
    if (!this.recordedFlows.has(flow)) throw new Error(`${neededBy} follows ${flow}: generate ${flow} (or dry-run it) with the same activity first`);
  }
}
