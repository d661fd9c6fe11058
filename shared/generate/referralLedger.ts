/**
 * Referrals a later flow may attach rows to: written intact to the referrals file and, for care clusters,
 * accepted by a provider that clusters adults; for care contacts, any intact community referral. Service
 * request numbers only grow, so any number at or above `firstUnusedRequestNumber` names no referral in the file.
 */
export class ReferralLedger {
  private readonly requestNumbers: number[] = [];
  private readonly patientIndexes: number[] = [];
  private readonly receivedDays: number[] = [];
  /** -1 for a referral still open at the end of the extract. */
  private readonly dischargeDays: number[] = [];
  private unused = 0;

  record(referral: ClusterableReferral): void {
    this.requestNumbers.push(referral.requestNumber);
    this.patientIndexes.push(referral.patientIndex);
    this.receivedDays.push(referral.receivedDay);
    this.dischargeDays.push(referral.dischargeDay ?? -1);
  }

  /** Called for every referral written, clusterable or not. */
  noteRequestNumber(requestNumber: number): void {
    if (requestNumber >= this.unused) this.unused = requestNumber + 1;
  }

  get firstUnusedRequestNumber(): number {
    return this.unused;
  }

  get length(): number {
    return this.requestNumbers.length;
  }

  at(index: number): ClusterableReferral {
    const discharge = this.dischargeDays[index];
    return {
      requestNumber: this.requestNumbers[index],
      patientIndex: this.patientIndexes[index],
      receivedDay: this.receivedDays[index],
      dischargeDay: discharge < 0 ? undefined : discharge,
    };
  }
}

export interface ClusterableReferral {
  /** ServiceRequestId as a number; UniqServReqID is the provider code followed by it. */
  requestNumber: number;
  patientIndex: number;
  receivedDay: number;
  /** Undefined while the referral is open. */
  dischargeDay: number | undefined;
}
