const millisecondsPerDay = 86_400_000;

/** Whole days from one ISO date to another (negative when reversed); undefined when either is missing. */
export function daysBetween(fromIsoDate: string | undefined, toIsoDate: string | undefined): number | undefined {
  if (!fromIsoDate || !toIsoDate) return undefined;
  const from = Date.parse(`${fromIsoDate}T00:00:00Z`);
  const to = Date.parse(`${toIsoDate}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) return undefined;
  return Math.round((to - from) / millisecondsPerDay);
}
