/** What a well-formed request names; anything else is refused with 400 before a definition or the warehouse is read. */
export const metricsRequestPatterns = {
  product: /^[a-z][a-z0-9]{0,39}$/,
  view: /^vw_[a-z0-9_]{1,100}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  /** ODS organisation codes: trusts 3 characters, sites 5, sub-ICB locations like 15E. */
  provider: /^[A-Z0-9]{3,5}$/,
} as const;
