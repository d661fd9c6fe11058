import { buildCodeLookupTable } from '../../shared/reference/buildCodeLookupTable';
import { LookupCatalogueEntry } from '../../shared/reference/lookupCatalogue';

/** Rows in the layout of the DIDS lookups (shared reference dids-*.csv), whose headers are not column names. */
function sourceSettingEntry(overrides: Partial<LookupCatalogueEntry> = {}): LookupCatalogueEntry {
  return {
    id: 'patient-source-setting',
    file: 'reference/dids/patient-source-setting.csv',
    key: 'Code',
    values: [{ column: 'Patient Source Setting', as: 'name' }],
    source: 'test',
    ...overrides,
  };
}

describe('buildCodeLookupTable', () => {
  it('returns the renamed value columns by normalised code', () => {
    // Prepare
    const rows = [
      { Code: '1', 'Patient Source Setting': 'Admitted Patient Care - Inpatient (this Health Care Provider)' },
      { Code: '04', 'Patient Source Setting': 'GP Direct Access' },
    ];

    // Act
    const table = buildCodeLookupTable(sourceSettingEntry(), rows, 'stripLeadingZeros');

    // Assess
    expect(table.valueNames).toEqual(['name']);
    expect(table.find('4')).toEqual({ name: 'GP Direct Access' });
    expect(table.find('1')).toEqual({ name: 'Admitted Patient Care - Inpatient (this Health Care Provider)' });
    expect(table.find('2')).toBeUndefined();
  });

  it('accepts a code listed twice with the same values', () => {
    // Prepare
    const rows = [
      { Code: '4', 'Patient Source Setting': 'GP Direct Access' },
      { Code: '04', 'Patient Source Setting': 'GP Direct Access' },
    ];

    // Act
    const table = buildCodeLookupTable(sourceSettingEntry(), rows, 'stripLeadingZeros');

    // Assess
    expect(table.find('4')).toEqual({ name: 'GP Direct Access' });
  });

  it('refuses two codes that normalise alike with different values, naming the file and code', () => {
    // Prepare
    const rows = [
      { Code: '4', 'Patient Source Setting': 'GP Direct Access' },
      { Code: '04', 'Patient Source Setting': 'Other' },
    ];

    // Act
    const build = () => buildCodeLookupTable(sourceSettingEntry(), rows, 'stripLeadingZeros');

    // Assess
    expect(build).toThrow(/DSCRO-REF-001.*patient-source-setting\.csv.*'4' two different rows/);
  });

  it('refuses a catalogue entry naming a column the file does not have', () => {
    // Prepare
    const rows = [{ Code: '7', Setting: 'Other' }];

    // Act
    const build = () => buildCodeLookupTable(sourceSettingEntry(), rows);

    // Assess
    expect(build).toThrow(/has no column 'Patient Source Setting'/);
  });

  it('upper-cases codes on both sides when asked', () => {
    // Prepare
    const entry = sourceSettingEntry({ key: 'NICIP short code', values: [{ column: 'Modality', as: 'modality' }] });
    const rows = [{ 'NICIP short code': 'caaag', Modality: 'Computerized axial tomography (procedure)' }];

    // Act
    const table = buildCodeLookupTable(entry, rows, 'upperCase');

    // Assess
    expect(table.find('CAAAG')).toEqual({ modality: 'Computerized axial tomography (procedure)' });
  });
});
