/** Layout of a quarantined-rows file: where the row was, why it was set aside, and the record as received. */
export const quarantineColumns = ['source_line', 'reason_code', 'reason', 'record'] as const;
