/** The four storage containers of DESIGN.md §1; only `raw` and `quarantine` may hold identifiable data. */
export const Zones = {
  raw: 'raw',
  quarantine: 'quarantine',
  processed: 'processed',
  reports: 'reports',
} as const;

export type Zone = (typeof Zones)[keyof typeof Zones];

export const allZones: Zone[] = Object.values(Zones);
