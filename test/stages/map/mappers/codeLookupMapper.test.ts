import { Row } from '../../../../shared/flows/row';
import { RowMapper } from '../../../../shared/stages/map/mappers/RowMapper';
import { codeLookupMapper } from '../../../../shared/stages/map/mappers/codeLookupMapper';

/**
 * Expected values come from reference/mental-health/care-clusters.csv (catalogued as 'care-clusters'):
 *   0 Variance (unable to assign a care cluster), Non-psychotic
 *   4 Non-Psychotic (Severe), Non-psychotic
 *   9 Cluster under review (not to be used), no super class
 *   14 Psychotic Crisis, Psychosis
 *   21 Cognitive Impairment or Dementia (High Physical or Engagement), Organic
 */
function mapped(mapper: RowMapper, code: string): Row {
  const row: Row = { AMHCareClustCodeFin: code };
  mapper.map(row);
  return row;
}

describe('codeLookupMapper (care clusters)', () => {
  describe('with stripLeadingZeros', () => {
    let mapper: RowMapper;

    beforeAll(() => {
      mapper = codeLookupMapper('care-clusters', 'AMHCareClustCodeFin', 'care_cluster', 'stripLeadingZeros');
    });

    it('adds the code, one column per catalogued value and the known flag', () => {
      // Prepare: the catalogue entry returns name and super_class

      // Act
      const columns = [...mapper.outputColumns];

      // Assess
      expect(columns).toEqual(['care_cluster_code', 'care_cluster_name', 'care_cluster_super_class', 'care_cluster_known']);
    });

    it.each([
      ['04', '4', 'Non-Psychotic (Severe)', 'Non-psychotic'],
      ['4', '4', 'Non-Psychotic (Severe)', 'Non-psychotic'],
      ['14', '14', 'Psychotic Crisis', 'Psychosis'],
      ['21', '21', 'Cognitive Impairment or Dementia (High Physical or Engagement)', 'Organic'],
      ['00', '0', 'Variance (unable to assign a care cluster)', 'Non-psychotic'],
      [' 04 ', '4', 'Non-Psychotic (Severe)', 'Non-psychotic'],
    ])('maps %p to cluster %s', (source, code, name, superClass) => {
      // Prepare: the code as the extract sends it

      // Act
      const row = mapped(mapper, source);

      // Assess
      expect(row).toEqual({
        AMHCareClustCodeFin: source,
        care_cluster_code: code,
        care_cluster_name: name,
        care_cluster_super_class: superClass,
        care_cluster_known: 'true',
      });
    });

    it('knows cluster 9, which has no super class', () => {
      // Prepare

      // Act
      const row = mapped(mapper, '09');

      // Assess
      expect(row.care_cluster_known).toBe('true');
      expect(row.care_cluster_name).toBe('Cluster under review (not to be used)');
      expect(row.care_cluster_super_class).toBe('');
    });

    it.each([
      ['a code outside 00-21', '99', '99'],
      ['an empty code', '', ''],
    ])('keeps %s with empty values and flags it unknown', (_case, source, code) => {
      // Prepare

      // Act
      const row = mapped(mapper, source);

      // Assess
      expect(row).toEqual({
        AMHCareClustCodeFin: source,
        care_cluster_code: code,
        care_cluster_name: '',
        care_cluster_super_class: '',
        care_cluster_known: 'false',
      });
    });
  });

  it('without normalisation, matches codes exactly', () => {
    // Prepare
    const mapper = codeLookupMapper('care-clusters', 'AMHCareClustCodeFin', 'cluster');

    // Act
    const padded = mapped(mapper, '04');
    const plain = mapped(mapper, '4');

    // Assess
    expect(padded.cluster_known).toBe('false');
    expect(padded.cluster_code).toBe('04');
    expect(plain.cluster_known).toBe('true');
    expect(plain.cluster_name).toBe('Non-Psychotic (Severe)');
  });

  it('refuses a reference the catalogue does not hold, naming it', () => {
    // Prepare

    // Act
    const build = () => codeLookupMapper('snomed-groups', 'Code', 'group');

    // Assess
    expect(build).toThrow(/DSCRO-REF-001.*'snomed-groups'.*reference\/lookups\.json/);
  });
});
