/** The query a dashboard page was opened with, unvalidated: the same filters its form submits. */
export interface DashboardQuery {
  from?: string | null;
  to?: string | null;
  provider?: string | null;
}
