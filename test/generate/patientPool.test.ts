import { dayNumber } from '../../shared/generate/calendarDays';
import { isValidNhsNumber } from '../../shared/generate/nhsNumbers';
import { createPatientPool } from '../../shared/generate/patientPool';

const birminghamAndSolihull = /^B([1-9]|1[0-9]|2[0-9]|3[0-8]|40|4[2-5]|47|7[2-6]|9[0-4]) [1-9][ABDEFGHJLNPQRSTUWXYZ]{2}$/;

describe('createPatientPool', () => {
  const referenceDay = dayNumber(2024, 4, 1);

  it('gives each patient a unique valid 999 NHS number, a past birth date, a local postcode and sex 1 or 2', () => {
    // Prepare
    const options = { size: 5_000, seed: 3, referenceDay };

    // Act
    const { patients } = createPatientPool(options);

    // Assess
    expect(patients).toHaveLength(5_000);
    expect(new Set(patients.map((patient) => patient.nhsNumber)).size).toBe(5_000);
    for (const patient of patients) {
      expect(patient.nhsNumber.startsWith('999')).toBe(true);
      expect(isValidNhsNumber(patient.nhsNumber)).toBe(true);
      expect(patient.birthDay).toBeLessThan(referenceDay);
      expect(patient.birthDate < '2024-04-01').toBe(true);
      expect(patient.postcode).toMatch(birminghamAndSolihull);
      expect(['1', '2']).toContain(patient.sex);
    }
  });

  it('is the same pool for the same seed', () => {
    // Prepare
    const options = { size: 200, seed: 4, referenceDay };

    // Act
    const first = createPatientPool(options);
    const second = createPatientPool(options);

    // Assess
    expect(second).toEqual(first);
  });
});
