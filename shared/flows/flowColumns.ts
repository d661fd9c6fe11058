import { FlowDefinition } from '../definitions/definitionTypes';
import { pseudonymisedStandardColumns } from './standardColumns';

/** Source columns that never leave the raw zone: NHS number, date of birth, dropped and local identifiers. */
export function identifierColumns(flow: FlowDefinition): Set<string> {
  const ids = flow.identifiers;
  return new Set([ids.nhsNumber, ids.birthDate, ...ids.drop, ...ids.localPatientIds].filter((c): c is string => Boolean(c)));
}

/** Column order of the pseudonymise stage's output. */
export function pseudonymisedColumns(flow: FlowDefinition): string[] {
  const identifiers = identifierColumns(flow);
  const kept = flow.columns.filter((column) => !identifiers.has(column));
  const localIds = flow.identifiers.localPatientIds.map((column) => `${column.toLowerCase()}_pseudonym`);
  return [...kept, ...localIds, ...pseudonymisedStandardColumns.map((column) => column.name)];
}
