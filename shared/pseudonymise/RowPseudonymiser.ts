import { FlowDefinition } from '../definitions/definitionTypes';
import { Row } from '../flows/row';
import { StandardColumns } from '../flows/standardColumns';
import { ageBandOf } from '../reference/ageBands';
import { ageAt } from './ageAt';
import { normaliseNhsNumber, nhsNumberStatus } from './nhsNumberStatus';
import { Pseudonymiser } from './Pseudonymiser';

/**
 * Applies a flow's identifier treatment to one validated row (DESIGN.md §4): NHS number → keyed pseudonym after
 * a Modulus 11 check (invalid or missing → no pseudonym, row kept); date of birth → age at the event and age
 * band; local identifiers → pseudonyms; postcode and other direct identifiers dropped. Adds the period month and
 * the pseudonym-hash bucket the link stage partitions on.
 */
export class RowPseudonymiser {
  private readonly localIdColumns: { source: string; target: string }[];

  public constructor(
    private readonly flow: FlowDefinition,
    private readonly pseudonymiser: Pseudonymiser,
    private readonly buckets: number,
  ) {
    this.localIdColumns = flow.identifiers.localPatientIds.map((source) => ({ source, target: `${source.toLowerCase()}_pseudonym` }));
  }

  /** Returns a new row without identifiers; the input row is left for the caller to discard. */
  public pseudonymise(row: Row, sourceLine: number): Row {
    const ids = this.flow.identifiers;
    const out: Row = {};
    for (const column of this.flow.columns) out[column] = row[column] ?? '';
    const normalised = ids.nhsNumber ? normaliseNhsNumber(row[ids.nhsNumber]) : '';
    const status = nhsNumberStatus(normalised);
    const pseudonym = status === 'valid' ? this.pseudonymiser.pseudonym(normalised) : '';
    const age = ids.birthDate && ids.ageAt ? ageAt(row[ids.birthDate], row[ids.ageAt]) : undefined;
    for (const column of [ids.nhsNumber, ids.birthDate, ...ids.drop]) if (column) delete out[column];
    for (const local of this.localIdColumns) {
      const value = (row[local.source] ?? '').trim();
      delete out[local.source];
      out[local.target] = value ? this.pseudonymiser.pseudonym(`local:${value}`) : '';
    }
    out[StandardColumns.sourceLine] = String(sourceLine);
    out[StandardColumns.pseudonym] = pseudonym;
    out[StandardColumns.nhsNumberStatus] = status;
    out[StandardColumns.ageAtEvent] = age === undefined ? '' : String(age);
    out[StandardColumns.ageBand] = ageBandOf(age);
    out[StandardColumns.ageStatus] = ids.birthDate && ids.ageAt ? ageStatus(row[ids.birthDate], row[ids.ageAt], age) : '';
    out[StandardColumns.bucket] = String(bucketOf(pseudonym, this.buckets));
    out[StandardColumns.periodMonth] = this.periodMonth(row);
    out[StandardColumns.keyVersion] = this.pseudonymiser.keyVersion;
    return out;
  }

  private periodMonth(row: Row): string {
    for (const column of this.flow.periodDate) {
      const value = row[column];
      if (value) return `${value.slice(0, 7)}-01`;
    }
    return '';
  }
}

/**
 * Why an age is or is not there, so DQ can report a birth date after the event without the birth date itself
 * ever leaving the raw zone.
 */
function ageStatus(birthDate: string | undefined, eventDate: string | undefined, age: number | undefined): string {
  if (!birthDate) return 'missing';
  if (!eventDate) return 'no_event_date';
  return age === undefined ? 'after_event' : 'valid';
}

/** Rows without a pseudonym never link; they sit in bucket 0 so patient-free measures still count them. */
export function bucketOf(pseudonym: string, buckets: number): number {
  if (!pseudonym) return 0;
  return parseInt(pseudonym.slice(0, 8), 16) % buckets;
}
