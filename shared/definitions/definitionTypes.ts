import { RuleSeverity, RuleThreshold } from '../dq/dqReport';

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
  | { kind: 'spellPrice'; as: string; fields: SpellPriceFields };

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
  link: LinkDefinition;
  dqRules: ProductDqRuleDefinition[];
}

export interface LinkDefinition {
  /** Pseudonym-hash partitions; each runs as its own message and function instance. */
  buckets: number;
  outputs: LinkOutputDefinition[];
}

export interface LinkOutputDefinition {
  /** Output name; its warehouse table is `link_<product>_<name>`. */
  name: string;
  description: string;
  kind: 'passThrough';
  /** Flow whose fact rows the output is built from. */
  anchorFlow: string;
  /** SQL predicate selecting anchor rows (for example, the last episode of each spell). */
  anchorWhere?: string;
  /** Key of the output row, unique within the output. */
  key: string[];
  columns: ColumnDefinition[];
  /** How far (days) rows of each other flow reach into the anchor's periods: [from, to] relative to the anchor date. */
  reach?: Record<string, { fromDays: number; toDays: number }>;
}

export interface ProductDqRuleDefinition extends DqRuleDefinition {
  table: string;
}
