import { MappingDefinition } from '../../../definitions/definitionTypes';
import { bnfHierarchyMapper } from './bnfHierarchyMapper';
import { codeLookupMapper } from './codeLookupMapper';
import { firstPresentMapper } from './firstPresentMapper';
import { hrgLookupMapper } from './hrgLookupMapper';
import { RowMapper } from './RowMapper';
import { spellPriceMapper } from './spellPriceMapper';

/** The mapping kinds a flow definition can use; a new kind is added here once and reused by every flow. */
export function createRowMapper(definition: MappingDefinition): RowMapper {
  switch (definition.kind) {
    case 'hrgLookup':
      return hrgLookupMapper(definition.from, definition.as);
    case 'spellPrice':
      return spellPriceMapper(definition.fields, definition.as);
    case 'bnfHierarchy':
      return bnfHierarchyMapper(definition.from, definition.as);
    case 'codeLookup':
      return codeLookupMapper(definition.reference, definition.from, definition.as, definition.normalise);
    case 'firstPresent':
      return firstPresentMapper(definition.from, definition.as);
  }
}
