/**
 * A product's commissioner dashboard (definitions/dashboards/<product>.json): charts over the product's published
 * views, each paired with a table of the same figures. JSON Schema: schemas/definitions/dashboard-definition.schema.json.
 */
export interface DashboardDefinition {
  product: string;
  /** Opening paragraph: who the page is for and what it answers. */
  summary: string;
  charts: DashboardChart[];
}

export interface DashboardChart {
  /** Stable id: the chart's anchor, `data-testid="chart-<id>"` and its key in `window.dashboardCharts`. */
  id: string;
  title: string;
  description: string;
  view: string;
  type: 'bar' | 'line';
  stacked?: boolean;
  /** Published column along the x axis: the period or a breakdown. */
  x: string;
  /** Published column giving one line or bar series per value: the provider or a breakdown. */
  seriesBy?: string;
  /** Published counts, amounts or rates plotted, all in one format so they share the y axis. */
  values: string[];
  /** Further published columns shown in the table beside the plotted ones (a rate's counts, for example). */
  tableColumns?: string[];
}
