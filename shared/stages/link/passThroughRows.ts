import { PassThroughOutput } from '../../definitions/definitionTypes';
import { LinkContext, LinkedRow } from './LinkContext';
import { streamFactSlice } from './factSource';
import { monthEnd, monthStart } from './periodMath';

/** Anchor rows of one bucket and month (by the flow's reporting month), as the output's columns. */
export async function passThroughRows(context: LinkContext, output: PassThroughOutput): Promise<LinkedRow[]> {
  const rows: LinkedRow[] = [];
  await streamFactSlice(
    context,
    { flow: output.anchorFlow, date: 'period_month', from: monthStart(context.period), to: monthEnd(context.period), where: output.anchorWhere, columns: [...new Set(output.columns.map((column) => column.from))], linkedOnly: false },
    (chunk) => {
      for (const source of chunk) {
        const row: LinkedRow = {};
        for (const column of output.columns) row[column.name] = text(source[column.from]);
        rows.push(row);
      }
    },
  );
  return rows;
}

export function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}
