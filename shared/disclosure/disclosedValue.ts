import { DisclosedCount } from './disclosureControlledCount';

/** A figure as published: a disclosed count or amount, a rate, `'*'` where suppressed, or null where there is none. */
export type DisclosedValue = DisclosedCount | null;
