import { extractPeriod } from '../../../shared/generate/extractPeriod';
import { createCsdsContactsGenerator, csdsContactsColumns } from '../../../shared/generate/flows/csdsContactsGenerator';
import { createPatientPool } from '../../../shared/generate/patientPool';
import { PoolActivity } from '../../../shared/generate/poolActivity';

const period = extractPeriod('2024-04', 12);
const pool = createPatientPool({ size: 10, seed: 23, referenceDay: period.firstDay });

describe('createCsdsContactsGenerator', () => {
  it('needs the referrals of the same run', () => {
    // Prepare
    const unrecorded = new PoolActivity(pool.patients.length);

    // Act
    const withoutActivity = () => createCsdsContactsGenerator(pool, { seed: 1, period, defectRate: 0 });
    const beforeReferrals = () => createCsdsContactsGenerator(pool, { seed: 1, period, defectRate: 0, activity: unrecorded });

    // Assess
    expect(withoutActivity).toThrow(/csds-contacts follows csds-referrals/);
    expect(beforeReferrals).toThrow(/csds-contacts follows csds-referrals/);
  });

  it('dates contacts within their referral and names an unused request number for an orphan', () => {
    // Prepare
    const activity = new PoolActivity(pool.patients.length);
    activity.communityReferrals.noteRequestNumber(700);
    activity.communityReferrals.record({ requestNumber: 700, patientIndex: 3, receivedDay: period.firstDay + 10, dischargeDay: period.firstDay + 40 });
    activity.communityReferrals.noteRequestNumber(705);
    activity.communityReferrals.record({ requestNumber: 705, patientIndex: 4, receivedDay: period.lastDay - 5, dischargeDay: undefined });
    activity.markRecorded('csds-referrals');

    // Act
    const rows = [...createCsdsContactsGenerator(pool, { seed: 1, period, defectRate: 0, activity, targetRows: 12 }).batches(5)].flat();
    const orphans = [...createCsdsContactsGenerator(pool, { seed: 1, period, defectRate: 0, activity, targetRows: 12, defectRates: { orphanContact: 1 } }).batches(5)].flat();
    const byReferral = (id: string) => rows.filter((cells) => cells[csdsContactsColumns.indexOf('UniqueServiceRequestIdentifier')] === id);

    // Assess
    expect(rows).toHaveLength(12);
    expect(byReferral('RY3700')).toHaveLength(6);
    expect(byReferral('RY3705')).toHaveLength(6);
    expect(byReferral('RY3705').every((cells) => cells[csdsContactsColumns.indexOf('NHSNumber')] === pool.patients[4].nhsNumber)).toBe(true);
    expect(orphans.every((cells) => Number(cells[1].slice(3)) >= 706)).toBe(true);
  });
});
