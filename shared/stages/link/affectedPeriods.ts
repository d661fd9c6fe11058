import { ProductDefinition } from '../../definitions/definitionTypes';

/**
 * The reporting months an arriving extract can change: its own months, plus every month whose link windows
 * reach them. A row of flow F dated d affects anchor rows dated in [d - toDays, d - fromDays].
 */
export function affectedPeriods(product: ProductDefinition, flow: string, extractPeriods: string[]): string[] {
  const months = new Set(extractPeriods);
  for (const output of product.link.outputs) {
    const reach = output.reach?.[flow];
    if (!reach) continue;
    for (const period of extractPeriods) {
      const monthStart = new Date(`${period}-01T00:00:00Z`);
      const monthEnd = new Date(Date.UTC(monthStart.getUTCFullYear(), monthStart.getUTCMonth() + 1, 0));
      const earliest = addDays(monthStart, -reach.toDays);
      const latest = addDays(monthEnd, -reach.fromDays);
      for (const month of monthsBetween(earliest, latest)) months.add(month);
    }
  }
  return [...months].sort();
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function monthsBetween(from: Date, to: Date): string[] {
  const months: string[] = [];
  const [start, end] = from <= to ? [from, to] : [to, from];
  for (let cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)); cursor <= end; cursor.setUTCMonth(cursor.getUTCMonth() + 1)) {
    months.push(cursor.toISOString().slice(0, 7));
  }
  return months;
}
