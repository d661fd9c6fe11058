import { WindowMatchOutput, WindowTarget } from '../../definitions/definitionTypes';
import { daysBetween } from '../../flows/daysBetween';
import { StandardColumns } from '../../flows/standardColumns';
import { streamFactSlice } from './factSource';
import { LinkContext, LinkedRow } from './LinkContext';
import { MeasureAccumulator, measureColumns } from './MeasureAccumulator';
import { addDays, addMonths, monthEnd, monthStart } from './periodMath';
import { text } from './passThroughRows';

interface Anchor {
  row: LinkedRow;
  /** The date each target's window is measured from (the anchor date unless the target names another column). */
  windowStarts: string[];
  accumulators: MeasureAccumulator[];
}

/**
 * A streaming hash join on the pseudonym, one bucket and one anchor month at a time: the anchors (the smaller
 * side: one month of one partition) are the build side, held by pseudonym; each target's rows in the window's
 * reach are streamed past them and counted into every anchor whose window they fall in.
 */
export async function windowMatchRows(context: LinkContext, output: WindowMatchOutput): Promise<LinkedRow[]> {
  const anchorsByPatient = new Map<string, Anchor[]>();
  const anchors: Anchor[] = [];
  const { period } = context;
  await streamFactSlice(
    context,
    { flow: output.anchor.flow, date: output.anchor.date, from: monthStart(period), to: monthEnd(period), where: output.anchor.where, columns: anchorColumns(output), linkedOnly: true },
    (chunk) => {
      for (const source of chunk) {
        const row: LinkedRow = {};
        for (const column of output.anchor.columns) row[column.name] = text(source[column.from]);
        row[StandardColumns.pseudonym] = String(source.__pseudonym);
        const windowStarts = output.targets.map((target) => (target.anchorDate ? text(source[target.anchorDate.column]) || String(source.__date) : String(source.__date)));
        const anchor: Anchor = { row, windowStarts, accumulators: output.targets.map((target) => new MeasureAccumulator(target.measures)) };
        anchors.push(anchor);
        const patientAnchors = anchorsByPatient.get(row[StandardColumns.pseudonym]);
        if (patientAnchors) patientAnchors.push(anchor);
        else anchorsByPatient.set(row[StandardColumns.pseudonym], [anchor]);
      }
    },
  );
  if (anchors.length === 0) return [];
  for (const [targetIndex, target] of output.targets.entries()) {
    const reach = targetReach(target, period);
    await streamFactSlice(context, { flow: target.flow, date: target.date, from: reach.from, to: reach.to, where: target.where, columns: measureColumns(target.measures), linkedOnly: true }, (chunk) => {
      for (const targetRow of chunk) {
        const patientAnchors = anchorsByPatient.get(String(targetRow.__pseudonym));
        if (!patientAnchors) continue;
        for (const anchor of patientAnchors) {
          if (inWindow(target, anchor.windowStarts[targetIndex], String(targetRow.__date))) anchor.accumulators[targetIndex].add(targetRow);
        }
      }
    });
  }
  return anchors.map((anchor) => {
    anchor.accumulators.forEach((accumulator) => accumulator.write(anchor.row));
    return anchor.row;
  });
}

/** The date range of target rows that can fall in the window of any anchor dated in the month. */
function targetReach(target: WindowTarget, period: string): { from: string; to: string } {
  const { unit, from, to } = target.window;
  const slack = target.anchorDate?.maxDaysFromAnchorDate ?? 0;
  if (unit === 'day') return { from: addDays(monthStart(period), from - slack), to: addDays(monthEnd(period), to + slack) };
  return { from: monthStart(addMonths(period, from)), to: monthEnd(addMonths(period, to)) };
}

function anchorColumns(output: WindowMatchOutput): string[] {
  const windowColumns = output.targets.map((target) => target.anchorDate?.column).filter((column): column is string => Boolean(column));
  return [...new Set([...output.anchor.columns.map((column) => column.from), ...windowColumns])];
}

function inWindow(target: WindowTarget, anchorDate: string, targetDate: string): boolean {
  const { unit, from, to } = target.window;
  if (unit === 'day') {
    const days = daysBetween(anchorDate, targetDate);
    return days !== undefined && days >= from && days <= to;
  }
  const months = monthIndex(targetDate) - monthIndex(anchorDate);
  return months >= from && months <= to;
}

function monthIndex(isoDate: string): number {
  return Number(isoDate.slice(0, 4)) * 12 + Number(isoDate.slice(5, 7)) - 1;
}
