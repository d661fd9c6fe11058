import { readReferenceCsv } from '../../shared/reference/readReferenceCsv';

/**
 * reference/dids/dids-nicip-modality.csv and dids-snomed-modality.csv are derived from the copied DIDS lookups by
 * scripts/build-dids-modality-lookups.js; these checks catch a source file replaced without rebuilding them.
 */
const intermediate = 'Modality (intermediate) (derived from NICIP/SNOMED)';

function groupsByModality(): Map<string, string> {
  return new Map(readReferenceCsv('reference/dids/dids-modality-groups.csv').map((row) => [row[intermediate].trim(), row.Modality.trim()]));
}

function derived(file: string, key: string): Map<string, string> {
  return new Map(readReferenceCsv(file).map((row) => [row[key], row.modality_group]));
}

describe('DIDS modality lookups (derived reference files)', () => {
  const pairs = readReferenceCsv('reference/dids/dids-nicip-snomed-modality.csv');
  const groups = groupsByModality();

  it('only uses the six reporting groups', () => {
    // Prepare
    const reporting = new Set(groups.values());

    // Act
    const used = new Set([...derived('reference/dids/dids-nicip-modality.csv', 'nicip_code').values(), ...derived('reference/dids/dids-snomed-modality.csv', 'snomed_code').values()]);

    // Assess
    expect([...reporting].sort()).toEqual(['CT', 'MRI', 'Nuclear medicine', 'Other', 'Plain film (x-ray)', 'Ultrasound (non-obstetrics)']);
    expect([...used].sort()).toEqual([...reporting].sort());
  });

  it('gives every active NICIP pairing the group of its modality', () => {
    // Prepare
    const nicip = derived('reference/dids/dids-nicip-modality.csv', 'nicip_code');
    const active = pairs.filter((row) => row['NICIP short code'].trim() && row['Active?'].trim() !== 'No');

    // Act
    const disagreeing = active
      .filter((row) => nicip.get(row['NICIP short code'].trim().toUpperCase()) !== groups.get(row.Modality.trim()))
      .map((row) => row['NICIP short code']);

    // Assess
    expect(active.length).toBeGreaterThan(5000);
    expect(disagreeing).toEqual([]);
  });

  it('lists every NICIP and SNOMED CT code of the source once', () => {
    // Prepare
    const nicipCodes = new Set(pairs.map((row) => row['NICIP short code'].trim().toUpperCase()).filter(Boolean));
    const snomedCodes = new Set(pairs.map((row) => row['SNOMED-CT code'].trim()).filter(Boolean));

    // Act
    const nicipRows = readReferenceCsv('reference/dids/dids-nicip-modality.csv').map((row) => row.nicip_code);
    const snomedRows = readReferenceCsv('reference/dids/dids-snomed-modality.csv').map((row) => row.snomed_code);

    // Assess
    expect([...nicipRows].sort()).toEqual([...nicipCodes].sort());
    expect([...snomedRows].sort()).toEqual([...snomedCodes].sort());
  });

  it('gives every SNOMED CT code the group of its modality', () => {
    // Prepare
    const snomed = derived('reference/dids/dids-snomed-modality.csv', 'snomed_code');

    // Act
    const disagreeing = pairs
      .filter((row) => row['SNOMED-CT code'].trim() && snomed.get(row['SNOMED-CT code'].trim()) !== groups.get(row.Modality.trim()))
      .map((row) => row['SNOMED-CT code']);

    // Assess
    expect(disagreeing).toEqual([]);
  });
});
