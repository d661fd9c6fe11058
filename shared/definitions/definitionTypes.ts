import { RuleSeverity, RuleThreshold } from '../dq/dqReport';
import { ViewMetricsDefinition } from './viewMetricsTypes';

/**
 * A flow is one DSCRO dataset, described by definition (DESIGN.md §3): its schema, identifiers, mappings,
 * fact table and DQ rules. Stage code is generic over these; a new flow adds a definition, not code.
 * JSON Schema of this file format: schemas/definitions/flow-definition.schema.json.
 */
export interface FlowDefinition {
  id: string;
  title: string;
  source: string;
  /** Path from the project root to the row JSON Schema. */
  schema: string;
  /** Columns in file order as published; used by the generator and the documentation. */
  columns: string[];
  businessKey: string[];
  identifiers: IdentifierTreatment;
  /** Date columns tried in order; the first present gives the row's reporting month. */
  periodDate: string[];
  mappings: MappingDefinition[];
  fact: FactDefinition;
  dqRules: DqRuleDefinition[];
}

export interface IdentifierTreatment {
  /** Replaced by the keyed pseudonym after a Modulus 11 check. */
  nhsNumber?: string;
  /** Replaced by age at `ageAt` and an age band. */
  birthDate?: string;
  ageAt?: string;
  /** Local patient identifiers: pseudonymised with the same key, in their own column. */
  localPatientIds: string[];
  /** Dropped outright: postcodes, names, addresses. */
  drop: string[];
}

export type MappingDefinition =
  | { kind: 'hrgLookup'; from: string; as: string }
  | { kind: 'spellPrice'; as: string; fields: SpellPriceFields }
  | { kind: 'bnfHierarchy'; from: string; as: string }
  | { kind: 'codeLookup'; reference: string; from: string; as: string; normalise?: CodeNormalisation }
  | { kind: 'firstPresent'; from: string[]; as: string };

/**
 * How a code is made comparable before a lookup, applied to the row's value and the reference keys alike:
 * `stripLeadingZeros` lets "04" (an2 in MHSDS) match "4"; `upperCase` suits case-insensitive code sets.
 */
export type CodeNormalisation = 'stripLeadingZeros' | 'upperCase';

export interface SpellPriceFields {
  hrg: string;
  admissionDate: string;
  dischargeDate: string;
  admissionMethod: string;
  patientClassification: string;
  provider: string;
  lastEpisodeFlag: string;
  lastEpisodeValue: string;
}

export type ColumnType = 'string' | 'date' | 'integer' | 'decimal' | 'boolean';

export interface ColumnDefinition {
  name: string;
  /** Column of the mapped row it comes from. */
  from: string;
  type: ColumnType;
  /** Friendly name for the semantic layer (Power BI). */
  label?: string;
  /** Max length for string columns in the T-SQL warehouse. */
  length?: number;
  /** Conformed dimension the column keys into; the loader adds unseen members. */
  dimension?: 'organisation' | 'date' | 'hrg';
}

export interface FactDefinition {
  table: string;
  description: string;
  columns: ColumnDefinition[];
}

export interface DqRuleDefinition {
  id: string;
  description: string;
  severity: RuleSeverity;
  threshold: RuleThreshold;
  /** Portable SQL predicate over the fact row; a row fails when it is not true (NULL fails). */
  passes: string;
  /** Optional SQL predicate selecting the rows the rule applies to. */
  appliesTo?: string;
  /** Where the rule comes from (a national rule, a contract clause). */
  source?: string;
}

/** A product serves one client with linked flows (DESIGN.md §3). */
export interface ProductDefinition {
  id: string;
  title: string;
  client: string;
  /** Key Vault secret holding the product's pseudonymisation key (per data-sharing agreement). */
  keySecretName: string;
  flows: string[];
  /** Named values the views use as {{name}} (thresholds, shares), with their source in the description. */
  parameters: Record<string, number | string>;
  link: LinkDefinition;
  views: ViewDefinition[];
  dqRules: ProductDqRuleDefinition[];
}

export interface LinkDefinition {
  /** Pseudonym-hash partitions; each runs as its own message and function instance. */
  buckets: number;
  outputs: LinkOutputDefinition[];
}

export type LinkOutputDefinition = PassThroughOutput | WindowMatchOutput | PatientPeriodSummaryOutput;

interface LinkOutputBase {
  /** Output name; its warehouse table is `link_<product>_<name>`. */
  name: string;
  description: string;
  /** Key of the output row, unique within the output. */
  key: string[];
}

/** Anchor rows of one flow, passed through as they are (null pseudonyms included). */
export interface PassThroughOutput extends LinkOutputBase {
  kind: 'passThrough';
  anchorFlow: string;
  /** SQL predicate selecting anchor rows (for example, the last episode of each spell). */
  anchorWhere?: string;
  columns: ColumnDefinition[];
}

/**
 * Each anchor row (one flow) with measures over the same patient's rows of other flows whose date falls in a
 * window after the anchor's date. Rows without a pseudonym never link and are not anchors.
 */
export interface WindowMatchOutput extends LinkOutputBase {
  kind: 'windowMatch';
  anchor: { flow: string; date: string; where?: string; columns: ColumnDefinition[] };
  targets: WindowTarget[];
}

export interface WindowTarget {
  flow: string;
  /** Fact column holding the target's date. */
  date: string;
  where?: string;
  /** Inclusive window relative to the anchor date: days, or calendar months (month of anchor + from .. + to). */
  window: { unit: 'day' | 'month'; from: number; to: number };
  /**
   * Anchor column the window is measured from, when not the anchor's own `date` (which partitions the anchors
   * into months), with the most days the two can lie apart, so recomputation still reaches every affected month.
   */
  anchorDate?: { column: string; maxDaysFromAnchorDate: number };
  measures: MeasureDefinition[];
}

/** Per patient and financial year, measures over several flows' rows dated in that year. */
export interface PatientPeriodSummaryOutput extends LinkOutputBase {
  kind: 'patientPeriodSummary';
  grain: 'financialYear';
  sources: { flow: string; date: string; where?: string; measures: MeasureDefinition[] }[];
}

export interface MeasureDefinition {
  name: string;
  /** exists: any row matched; count: rows; countNonNull: rows with a value in `column`; sum: total of `column`. */
  fn: 'exists' | 'count' | 'countNonNull' | 'sum';
  column?: string;
  /** Counts only rows whose `column` holds one of `in` (for example one imaging modality). */
  filter?: { column: string; in: string[] };
  label?: string;
}

/** A SQL view in the portable subset of DuckDB and Synapse T-SQL; {{schema}} and {{parameter}} are filled in. */
export interface ViewDefinition {
  name: string;
  description: string;
  /** Path from the project root to the SQL file. */
  file: string;
  /** Patient-level views are never returned row by row to commissioners, only aggregated. */
  patientLevel?: boolean;
  /** What commissioners may see of the view, under disclosure control (shared/definitions/viewMetricsTypes.ts). */
  metrics?: ViewMetricsDefinition;
}

export interface ProductDqRuleDefinition extends DqRuleDefinition {
  table: string;
}
