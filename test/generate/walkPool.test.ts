import { dayNumber } from '../../shared/generate/calendarDays';
import { createPatientPool, Patient } from '../../shared/generate/patientPool';
import { walkPool } from '../../shared/generate/walkPool';

describe('walkPool', () => {
  const pool = createPatientPool({ size: 5, seed: 1, referenceDay: dayNumber(2024, 4, 1) });
  /** Two rows for even-numbered patients, none for odd ones. */
  const rowsOf = (_patient: Patient, index: number) => (index % 2 === 0 ? [`${index}a`, `${index}b`] : []);

  it('visits every patient once without a target', () => {
    // Prepare
    const visited: number[] = [];

    // Act
    const rows = [...walkPool(pool, undefined, (patient, index) => (visited.push(index), rowsOf(patient, index)))];

    // Assess
    expect(visited).toEqual([0, 1, 2, 3, 4]);
    expect(rows).toEqual(['0a', '0b', '2a', '2b', '4a', '4b']);
  });

  it('walks the pool again until the target and stops on it, pulling no row it does not yield', () => {
    // Prepare
    let pulled = 0;
    const counting = function* (patient: Patient, index: number) {
      for (const row of rowsOf(patient, index)) {
        pulled++;
        yield row;
      }
    };

    // Act
    const rows = [...walkPool(pool, 9, counting)];

    // Assess
    expect(rows).toEqual(['0a', '0b', '2a', '2b', '4a', '4b', '0a', '0b', '2a']);
    expect(pulled).toBe(9);
  });

  it('gives up after a long run of passes that yield nothing rather than looping for ever', () => {
    // Prepare
    const nothing = () => [];

    // Act
    const walk = () => [...walkPool(pool, 3, nothing)];

    // Assess
    expect(walk).toThrow(/1000 passes over 5 patients produced no rows/);
  });
});
