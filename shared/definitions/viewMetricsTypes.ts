/**
 * How a view reaches commissioners (DESIGN.md §7): which of its columns are counts, money totals and rates, which
 * column is the period and which the provider, and, for a patient-level view, the aggregation that is published
 * instead of its rows. The metrics API and the dashboards read nothing else from a view.
 * JSON Schema: `metrics` in schemas/definitions/product-definition.schema.json.
 */
export interface ViewMetricsDefinition {
  period: PeriodMetric;
  /** The provider's ODS code, when the rows are broken down by provider. */
  provider?: MetricColumn;
  /** Other columns the rows are broken down by (modality, high-cost flag), published as they are. */
  dimensions?: DimensionMetric[];
  /** Counts of people or events: the NHS Digital rule applies. */
  counts: CountMetric[];
  /** Totals that are not counts (money): whole units, suppressed with the count they describe. */
  amounts?: AmountMetric[];
  /** Recomputed from the disclosed numerator and denominator; any rate column the view has is not read. */
  rates?: RateMetric[];
  /** Required for patient-level views: the only form in which their rows are published. */
  aggregate?: ViewAggregation;
}

export interface MetricColumn {
  /** The column's name in the view (or in the aggregation's output). */
  name: string;
  /** How a reader sees it: table headings, chart legends. */
  label: string;
}

export interface PeriodMetric extends MetricColumn {
  /** `month`: a month-start date; `financialYear`: "2024/25". Month filters select the financial years they overlap. */
  grain: 'month' | 'financialYear';
}

export interface DimensionMetric extends MetricColumn {
  /** Reader-facing names of coded values, in the order they are shown. */
  values?: { value: string; label: string }[];
  /** Shown where the value is missing. */
  nullLabel?: string;
}

export interface CountMetric extends MetricColumn {
  /**
   * The count of the group this count describes (spells of a group of patients): suppressed when that count is
   * suppressed, so a small group's figures never show. Must name a count without a basis of its own.
   */
  basis?: string;
}

export interface AmountMetric extends MetricColumn {
  unit: 'GBP';
  /** The count of the people or events the amount adds up; the amount is suppressed with it. */
  basis: string;
}

export interface RateMetric extends MetricColumn {
  numerator: string;
  denominator: string;
  /** `percent`: a share of the denominator; `average`: an amount per unit of the denominator. */
  format: 'percent' | 'average';
  unit?: 'GBP';
}

/**
 * A patient-level view, grouped as portable SQL (DuckDB and Synapse T-SQL alike) before anything leaves the
 * warehouse. The period and provider are group columns, so a filter selects whole groups and never changes what
 * a published group adds up (no differencing between two filtered answers).
 */
export interface ViewAggregation {
  /** The period is the month of this date column of the view (through dim_date), published as `period.name`. */
  periodMonthOf?: string;
  /** View columns grouped by: the period (unless `periodMonthOf`), the provider and the dimensions. */
  groupBy: string[];
  measures: AggregateMeasure[];
}

export interface AggregateMeasure {
  name: string;
  /** count: rows; countDistinct / countNonNull: distinct / non-null values of `column`; sum: total of `column`. */
  fn: 'count' | 'countDistinct' | 'countNonNull' | 'sum';
  column?: string;
}
