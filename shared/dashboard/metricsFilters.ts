/** What a reader may narrow a published table to; every value has passed `parseMetricsFilters`. */
export interface MetricsFilters {
  /** First month, YYYY-MM. */
  from?: string;
  /** Last month, YYYY-MM (inclusive). */
  to?: string;
  /** Provider ODS code. */
  provider?: string;
}
