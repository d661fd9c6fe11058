import { Patient, PatientPool } from './patientPool';

/**
 * Every patient's rows in pool order. With a target the pool is walked again from the start when it runs
 * out, and the walk stops on the target row, so the count is exact. A row is only pulled from `rowsOf`
 * when it will be written, so whatever a flow records while making a row is in the file.
 */
export function* walkPool<T>(
  pool: PatientPool,
  targetRows: number | undefined,
  rowsOf: (patient: Patient, patientIndex: number) => Iterable<T>,
): Generator<T> {
  const { patients } = pool;
  if (targetRows === undefined) {
    for (let index = 0; index < patients.length; index++) yield* rowsOf(patients[index], index);
    return;
  }
  if (targetRows <= 0) return;
  let emitted = 0;
  let emptyPasses = 0;
  let emittedBeforePass = 0;
  for (let index = 0; ; index++) {
    const patientIndex = index % patients.length;
    if (patientIndex === 0 && index > 0) {
      // A small pool can have an empty pass by chance (few patients are referred in a year); only a
      // long run of them means the target is out of reach.
      emptyPasses = emitted === emittedBeforePass ? emptyPasses + 1 : 0;
      if (emptyPasses >= maxEmptyPasses) {
        throw new Error(`${maxEmptyPasses} passes over ${patients.length} patients produced no rows; the target of ${targetRows} cannot be reached`);
      }
      emittedBeforePass = emitted;
    }
    for (const row of rowsOf(patients[patientIndex], patientIndex)) {
      yield row;
      emitted++;
      if (emitted >= targetRows) return;
    }
  }
}

const maxEmptyPasses = 1_000;
