import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { didsImagingCodeFiles, loadDidsImagingCodes } from '../../shared/generate/didsImagingCodes';

const projectRoot = join(__dirname, '..', '..');

describe('loadDidsImagingCodes', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'dids-codes-'));
  });

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('prefers the project copy under reference/dids/', () => {
    // Act
    const files = didsImagingCodeFiles(projectRoot);

    // Assess
    expect(files.pairs).toBe(join(projectRoot, 'reference', 'dids', 'dids-nicip-snomed-modality.csv'));
    expect(files.modalityGroups).toBe(join(projectRoot, 'reference', 'dids', 'dids-modality-groups.csv'));
  });

  it('falls back to the shared reference folder beside the project, and says where it looked when neither is there', () => {
    // Prepare
    const project = join(folder, 'project');
    const shared = join(folder, 'shared', 'reference');
    mkdirSync(project, { recursive: true });
    mkdirSync(shared, { recursive: true });

    // Act
    let missing: Error | undefined;
    try {
      didsImagingCodeFiles(project);
    } catch (error) {
      missing = error as Error;
    }
    writeFileSync(join(shared, 'dids-nicip-snomed-modality.csv'), '');
    writeFileSync(join(shared, 'dids-modality-groups.csv'), '');
    const found = didsImagingCodeFiles(project);

    // Assess
    expect(missing?.message).toMatch(/under reference\/dids\/ or \.\.\/shared\/reference\//);
    expect(found).toEqual({ pairs: join(shared, 'dids-nicip-snomed-modality.csv'), modalityGroups: join(shared, 'dids-modality-groups.csv') });
  });

  it('reads active pairs with both codes, knows every code the table names, and can be pointed at other files', () => {
    // Prepare
    const pairs = join(folder, 'pairs.csv');
    const modalityGroups = join(folder, 'groups.csv');
    writeFileSync(
      pairs,
      '\uFEFFNICIP short code,NICIP preferred name,SNOMED-CT code,SNOMED-CT description,modality_id,Modality,Early_diagnosis_of_cancer,Sub_early_diagnosis_of_cancer,Interventional,Active?\n' +
        'xches,XR Chest,399208008,,,Plain radiography (procedure),,,No,\n' +
        'CABDOB,CT Guided biopsy abdomen,419940006,,,Computerized axial tomography (procedure),,,Yes,\n' +
        'MADRB,MRI adrenals,1234567,,,Magnetic resonance imaging (procedure),,,No,No\n' +
        'BMV,Breast Magnification Views,,,,Magnetic resonance imaging (procedure),,,,\n',
    );
    writeFileSync(modalityGroups, 'Modality (intermediate) (derived from NICIP/SNOMED),Modality\nPlain radiography (procedure),Plain film (x-ray)\nComputerized axial tomography (procedure),CT\nMagnetic resonance imaging (procedure),MRI\n');

    // Act
    const codes = loadDidsImagingCodes({ pairs, modalityGroups });

    // Assess
    expect(codes.examinations).toEqual([
      { nicip: 'XCHES', snomed: '399208008', modalityGroup: 'Plain film (x-ray)', interventional: false },
      { nicip: 'CABDOB', snomed: '419940006', modalityGroup: 'CT', interventional: true },
    ]);
    expect(codes.knownNicip).toEqual(new Set(['XCHES', 'CABDOB', 'MADRB', 'BMV']));
    expect(codes.knownSnomed).toEqual(new Set(['399208008', '419940006', '1234567']));
  });

  it('reads the project table: thousands of pairs, each with a reporting modality group', () => {
    // Act
    const codes = loadDidsImagingCodes();

    // Assess
    expect(codes.examinations.length).toBeGreaterThan(4_000);
    expect(new Set(codes.examinations.map((examination) => examination.modalityGroup))).toEqual(
      new Set(['CT', 'MRI', 'Nuclear medicine', 'Plain film (x-ray)', 'Ultrasound (non-obstetrics)', 'Other']),
    );
  });
});
