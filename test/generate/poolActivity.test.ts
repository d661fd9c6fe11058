import { PoolActivity } from '../../shared/generate/poolActivity';

function thrownBy(action: () => void): Error | undefined {
  try {
    action();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

describe('PoolActivity', () => {
  it('returns each patient their own discharges, earliest first, and the earliest death', () => {
    // Prepare
    const activity = new PoolActivity(3);

    // Act
    activity.recordDischarge(1, 200);
    activity.recordDischarge(2, 150);
    activity.recordDischarge(1, 100);
    activity.recordDeath(2, 300);
    activity.recordDeath(2, 250);

    // Assess
    expect(activity.dischargesOf(0)).toEqual([]);
    expect(activity.dischargesOf(1)).toEqual([100, 200]);
    expect(activity.dischargesOf(2)).toEqual([150]);
    expect(activity.dischargeCount).toBe(3);
    expect(activity.deathDayOf(1)).toBeUndefined();
    expect(activity.deathDayOf(2)).toBe(250);
  });

  it('fails when a flow is generated before the flow it follows', () => {
    // Prepare
    const activity = new PoolActivity(1);

    // Act
    const before = thrownBy(() => activity.requireRecorded('sus-apc', 'prescribing'));
    activity.markRecorded('sus-apc');
    const after = thrownBy(() => activity.requireRecorded('sus-apc', 'prescribing'));

    // Assess
    expect(before?.message).toMatch(/prescribing follows sus-apc/);
    expect(after).toBeUndefined();
  });

  it('keeps clusterable referrals and the first request number no referral uses', () => {
    // Prepare
    const { referrals } = new PoolActivity(2);

    // Act
    referrals.noteRequestNumber(600);
    referrals.record({ requestNumber: 600, patientIndex: 1, receivedDay: 19_900, dischargeDay: undefined });
    referrals.noteRequestNumber(603);
    referrals.record({ requestNumber: 603, patientIndex: 0, receivedDay: 19_950, dischargeDay: 20_000 });
    referrals.noteRequestNumber(607);

    // Assess
    expect(referrals.length).toBe(2);
    expect(referrals.at(0)).toEqual({ requestNumber: 600, patientIndex: 1, receivedDay: 19_900, dischargeDay: undefined });
    expect(referrals.at(1)).toEqual({ requestNumber: 603, patientIndex: 0, receivedDay: 19_950, dischargeDay: 20_000 });
    expect(referrals.firstUnusedRequestNumber).toBe(608);
  });

  it('keeps A&E departures, admissions and community referrals apart from the CareFlow ledgers', () => {
    // Prepare
    const activity = new PoolActivity(3);

    // Act
    activity.emergencyDepartures.record(0, 19_900);
    activity.emergencyAdmissions.record(0, 19_950, 2);
    activity.communityReferrals.noteRequestNumber(700);
    activity.communityReferrals.record({ requestNumber: 700, patientIndex: 0, receivedDay: 19_905, dischargeDay: undefined });

    // Assess
    expect(activity.emergencyDepartures.of(0)).toEqual([{ day: 19_900, tag: 0 }]);
    expect(activity.emergencyAdmissions.of(0)).toEqual([{ day: 19_950, tag: 2 }]);
    expect(activity.communityReferrals.length).toBe(1);
    expect(activity.referrals.length).toBe(0);
    expect(activity.dischargesOf(0)).toEqual([]);
  });
});
