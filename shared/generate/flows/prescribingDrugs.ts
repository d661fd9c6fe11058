import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { projectRoot } from '../../definitions/projectRoot';
import { bnfCatalogue } from '../../reference/bnfCatalogue';
import { SeededRandom, Weighted, weightedSampler } from '../seededRandom';

/**
 * Typical pack and price per BNF presentation, derived from the English Prescribing Data sample for
 * September 2017 (NHSBSA, OGL v3; the same source as reference/bnf/bnf-presentations.csv): for each
 * BNF_CODE, `items` is the sum of ITEMS, and `quantity` and `nic_per_item` are QUANTITY and NIC / ITEMS of
 * the row dispensed most often. Kept beside the generator because only synthetic data uses it.
 */
export const packPricesPath = 'shared/generate/flows/prescribingPackPrices.csv';

export interface DispensablePresentation {
  /** BNF presentation code, as the BNF reference tables know it. */
  code: string;
  name: string;
  /** Quantity dispensed per item (tablets, millilitres, dressings…). */
  quantity: number;
  /** Net ingredient cost per item, £. */
  nicPerItem: number;
}

type Draw = (random: SeededRandom) => DispensablePresentation;

/** Draws are weighted by how often each presentation is dispensed in the source sample. */
export interface PrescribingDrugs {
  /** Repeat (long-term) medicines. */
  regular: Draw;
  /** Short courses and one-off items: antibiotics, analgesics, skin and ear/nose/throat preparations, vaccines, dressings. */
  acute: Draw;
  /** What children are commonly prescribed; adult-only chapters (cardiovascular, most endocrine) left out. */
  forChildren: Draw;
  /** Other presentations equivalent to a code (same chemical and generic strength), for a paid code that differs from the prescribed one. */
  equivalents: ReadonlyMap<string, readonly DispensablePresentation[]>;
  /** Whether the BNF reference tables know a presentation code (what rule RX-BNF-KNOWN checks). */
  isKnown(code: string): boolean;
}

/** BNF code prefixes (chapter, section or paragraph) of items usually prescribed as a short course. */
const acutePrefixes = ['05', '0407', '1001', '0309', '0304', '12', '13', '1404', '20'];
/** Chapters children are commonly prescribed from: gastro-intestinal, respiratory, infections, nutrition, ENT, skin, vaccines. */
const childrenPrefixes = ['01', '03', '05', '0407', '09', '12', '13', '1404'];

let loaded: PrescribingDrugs | undefined;

/**
 * Presentations the generator dispenses: those with a pack price that the BNF reference tables also name,
 * so every clean row's paid code is known to the map stage and its name is the reference name.
 */
export function prescribingDrugs(): PrescribingDrugs {
  if (loaded) return loaded;
  const names = bnfCatalogue().names.presentation;
  const text = readFileSync(join(projectRoot(), packPricesPath), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  if (parsed.errors.length > 0) throw new Error(`${packPricesPath} is malformed: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);

  const regular: Weighted<DispensablePresentation>[] = [];
  const acute: Weighted<DispensablePresentation>[] = [];
  const forChildren: Weighted<DispensablePresentation>[] = [];
  const byEquivalence = new Map<string, DispensablePresentation[]>();
  for (const row of parsed.data) {
    const name = names.get(row.bnf_code);
    if (name === undefined) continue;
    const presentation: DispensablePresentation = { code: row.bnf_code, name, quantity: Number(row.quantity), nicPerItem: Number(row.nic_per_item) };
    if (!(presentation.quantity > 0 && presentation.nicPerItem > 0)) throw new Error(`${packPricesPath}: ${row.bnf_code} has no positive quantity and price`);
    const weighted = { value: presentation, weight: Number(row.items) };
    (acutePrefixes.some((prefix) => row.bnf_code.startsWith(prefix)) ? acute : regular).push(weighted);
    if (childrenPrefixes.some((prefix) => row.bnf_code.startsWith(prefix))) forChildren.push(weighted);
    // Drug codes only: characters 14-15 give the generic equivalent's strength, so chemical + those two
    // characters group a generic with the brands dispensed against it.
    if (row.bnf_code.length === 15) {
      const key = row.bnf_code.slice(0, 9) + row.bnf_code.slice(13);
      const group = byEquivalence.get(key) ?? [];
      group.push(presentation);
      byEquivalence.set(key, group);
    }
  }
  if (regular.length === 0 || acute.length === 0 || forChildren.length === 0) {
    throw new Error(`no dispensable presentations: ${packPricesPath} and the BNF reference tables share too few codes`);
  }
  const equivalents = new Map<string, DispensablePresentation[]>();
  for (const group of byEquivalence.values()) {
    if (group.length < 2) continue;
    for (const presentation of group) equivalents.set(presentation.code, group.filter((other) => other !== presentation));
  }
  loaded = {
    regular: weightedSampler(regular),
    acute: weightedSampler(acute),
    forChildren: weightedSampler(forChildren),
    equivalents,
    isKnown: (code) => names.has(code),
  };
  return loaded;
}
