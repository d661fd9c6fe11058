import { extractPeriod } from '../../../shared/generate/extractPeriod';
import { createEcdsGenerator, ecdsColumns, EcdsGeneratorOptions } from '../../../shared/generate/flows/ecdsGenerator';
import { createPatientPool } from '../../../shared/generate/patientPool';
import { patientPopulations } from '../../../shared/generate/patientPopulations';
import { PoolActivity } from '../../../shared/generate/poolActivity';

const period = extractPeriod('2024-04', 12);
const pool = createPatientPool({ size: 2_000, seed: 21, referenceDay: period.firstDay, postcodeDistricts: patientPopulations['norfolk-waveney'].postcodeDistricts });

function rowsOf(options: Partial<EcdsGeneratorOptions>): Record<string, string>[] {
  const generator = createEcdsGenerator(pool, { seed: 4, period, defectRate: 0, ...options });
  return [...generator.batches(250)].flat().map((cells) => Object.fromEntries(ecdsColumns.map((name, index) => [name, cells[index]])));
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

describe('createEcdsGenerator', () => {
  it('names the file after the period and its snapshot date', () => {
    // Act
    const generator = createEcdsGenerator(pool, { seed: 4, period, defectRate: 0 });

    // Assess
    expect(generator.fileName).toBe('ecds_2024-04_2025-03_20250415.csv');
    expect(generator.columns).toEqual(ecdsColumns);
  });

  it('plants departure before arrival as a departure the day before, whatever the times', () => {
    // Act
    const rows = rowsOf({ defectRates: { departureBeforeArrival: 1 } });

    // Assess
    expect(rows.length).toBeGreaterThan(500);
    expect(rows.every((row) => row.EC_Departure_Date === dayBefore(row.Arrival_Date))).toBe(true);
  });

  it('plants a missing or unknown destination only on departed attendances', () => {
    // Act
    const missing = rowsOf({ defectRates: { missingDischargeDestination: 1 } });
    const unknown = rowsOf({ defectRates: { unknownDischargeDestination: 1 }, knownDestinations: new Set(['1066999000000103']) });

    // Assess
    expect(missing.every((row) => row.EC_Departure_Date !== '' && row.Discharge_Destination_SNOMED_CT === '')).toBe(true);
    expect(unknown.every((row) => row.EC_Departure_Date !== '' && /^[0-9]{6,18}$/.test(row.Discharge_Destination_SNOMED_CT))).toBe(true);
    expect(unknown.some((row) => row.Discharge_Destination_SNOMED_CT === '1066999000000103')).toBe(false);
  });

  it('records departures home, admissions by provider and deaths for the flows that follow, from intact rows only', () => {
    // Prepare
    const activity = new PoolActivity(pool.patients.length);
    const generator = createEcdsGenerator(pool, { seed: 4, period, defectRate: 0.01, activity });

    // Act
    const rows = [...generator.batches(250)].flat();
    const recordedPatients = pool.patients.map((_, index) => [...activity.emergencyDepartures.of(index), ...activity.emergencyAdmissions.of(index)].length);

    // Assess
    expect(activity.emergencyDepartures.size).toBeGreaterThan(0.45 * rows.length);
    expect(activity.emergencyAdmissions.size).toBeGreaterThan(0.15 * rows.length);
    expect(activity.emergencyDepartures.size + activity.emergencyAdmissions.size).toBeLessThan(rows.length);
    expect(new Set(pool.patients.map((_, index) => activity.emergencyAdmissions.of(index).map(({ tag }) => tag)).flat())).toEqual(new Set([0, 1, 2]));
    expect(recordedPatients.some((count) => count > 1)).toBe(true);
    expect(pool.patients.some((_, index) => activity.deathDayOf(index) !== undefined)).toBe(true);
  });

  it('writes exactly the target, walking the pool again when it runs out', () => {
    // Act
    const rows = rowsOf({ targetRows: 4_000 });

    // Assess
    expect(rows).toHaveLength(4_000);
  });
});
