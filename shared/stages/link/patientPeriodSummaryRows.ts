import { PatientPeriodSummaryOutput } from '../../definitions/definitionTypes';
import { StandardColumns } from '../../flows/standardColumns';
import { financialYearOf } from '../../tariff/financialYearOf';
import { streamFactSlice } from './factSource';
import { LinkContext, LinkedRow } from './LinkContext';
import { MeasureAccumulator, measureColumns } from './MeasureAccumulator';
import { addMonths, monthEnd, monthStart } from './periodMath';

/** Per patient of one bucket, the financial year's measures over every source flow (April to March). */
export async function patientPeriodSummaryRows(context: LinkContext, output: PatientPeriodSummaryOutput): Promise<LinkedRow[]> {
  const yearStart = monthStart(context.period);
  const yearEnd = monthEnd(addMonths(context.period, 11));
  const patients = new Map<string, MeasureAccumulator[]>();
  for (const [sourceIndex, source] of output.sources.entries()) {
    await streamFactSlice(context, { flow: source.flow, date: source.date, from: yearStart, to: yearEnd, where: source.where, columns: measureColumns(source.measures), linkedOnly: true }, (chunk) => {
      for (const row of chunk) {
        const pseudonym = String(row.__pseudonym);
        let accumulators = patients.get(pseudonym);
        if (!accumulators) {
          accumulators = output.sources.map((candidate) => new MeasureAccumulator(candidate.measures));
          patients.set(pseudonym, accumulators);
        }
        accumulators[sourceIndex].add(row);
      }
    });
  }
  const financialYear = financialYearOf(yearStart);
  return [...patients.entries()].map(([pseudonym, accumulators]) => {
    const row: LinkedRow = { financial_year: financialYear, [StandardColumns.pseudonym]: pseudonym };
    accumulators.forEach((accumulator) => accumulator.write(row));
    return row;
  });
}
