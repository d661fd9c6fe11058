/**
 * Clinical profiles for synthetic SUS+ APC spells: which specialties, diagnoses (ICD-10) and HRGs belong
 * together, and who they happen to, so a spell reads as one coherent admission rather than random codes.
 */
export type ProfileKind = 'emergency' | 'elective' | 'regularAttender' | 'antepartum' | 'postpartum';

export interface ClinicalProfile {
  name: string;
  kind: ProfileKind;
  /** Relative frequency among profiles of the same kind. */
  weight: number;
  /** Age at admission in whole years, inclusive. */
  ages: readonly [number, number];
  sex?: '1' | '2';
  /** Commonly done as a day case. */
  dayCase?: boolean;
  treatmentFunctions: readonly string[];
  diagnoses: readonly string[];
  /** HRG roots (first four characters); the codes come from the HRG reference list. */
  hrgRoots: readonly string[];
}

const adults = [16, 120] as const;

export const susApcProfiles: readonly ClinicalProfile[] = [
  // Non-elective
  { name: 'myocardial infarction', kind: 'emergency', weight: 5, ages: [35, 120], treatmentFunctions: ['320', '300'], diagnoses: ['I21.4', 'I21.9', 'I21.0'], hrgRoots: ['EB10'] },
  { name: 'chest pain', kind: 'emergency', weight: 8, ages: adults, treatmentFunctions: ['300', '320'], diagnoses: ['R07.4', 'R07.3'], hrgRoots: ['EB12'] },
  { name: 'heart failure', kind: 'emergency', weight: 5, ages: [50, 120], treatmentFunctions: ['320', '300', '430'], diagnoses: ['I50.0', 'I50.9'], hrgRoots: ['EB03'] },
  { name: 'arrhythmia', kind: 'emergency', weight: 4, ages: [40, 120], treatmentFunctions: ['320', '300'], diagnoses: ['I48.9', 'I48.0'], hrgRoots: ['EB07'] },
  { name: 'pneumonia', kind: 'emergency', weight: 9, ages: adults, treatmentFunctions: ['340', '300', '430'], diagnoses: ['J18.9', 'J18.1'], hrgRoots: ['DZ11'] },
  { name: 'COPD exacerbation', kind: 'emergency', weight: 6, ages: [45, 120], treatmentFunctions: ['340', '300'], diagnoses: ['J44.1', 'J44.0'], hrgRoots: ['DZ65'] },
  { name: 'pulmonary embolism', kind: 'emergency', weight: 2, ages: [25, 120], treatmentFunctions: ['300', '340'], diagnoses: ['I26.9'], hrgRoots: ['DZ09'] },
  { name: 'urinary tract infection', kind: 'emergency', weight: 6, ages: adults, treatmentFunctions: ['300', '430', '101'], diagnoses: ['N39.0', 'N10.X'], hrgRoots: ['LA04'] },
  { name: 'sepsis', kind: 'emergency', weight: 4, ages: adults, treatmentFunctions: ['300', '430'], diagnoses: ['A41.9', 'A41.5'], hrgRoots: ['WJ06'] },
  { name: 'hip fracture', kind: 'emergency', weight: 4, ages: [60, 120], treatmentFunctions: ['110'], diagnoses: ['S72.0', 'S72.1'], hrgRoots: ['HE11', 'HT12'] },
  { name: 'stroke', kind: 'emergency', weight: 4, ages: [45, 120], treatmentFunctions: ['300', '400', '430'], diagnoses: ['I63.9', 'I61.9'], hrgRoots: ['AA35', 'AA22'] },
  { name: 'transient ischaemic attack', kind: 'emergency', weight: 2, ages: [45, 120], treatmentFunctions: ['300', '400'], diagnoses: ['G45.9'], hrgRoots: ['AA29'] },
  { name: 'seizure', kind: 'emergency', weight: 2, ages: adults, treatmentFunctions: ['400', '300'], diagnoses: ['G40.9', 'R56.8'], hrgRoots: ['AA26'] },
  { name: 'appendicitis', kind: 'emergency', weight: 3, ages: [5, 70], treatmentFunctions: ['100'], diagnoses: ['K35.8', 'K35.3'], hrgRoots: ['FF37'] },
  { name: 'abdominal pain', kind: 'emergency', weight: 6, ages: adults, treatmentFunctions: ['100', '301'], diagnoses: ['R10.4', 'R10.3'], hrgRoots: ['FD05'] },
  { name: 'gastrointestinal bleed', kind: 'emergency', weight: 2, ages: [30, 120], treatmentFunctions: ['301', '300'], diagnoses: ['K92.2', 'K92.1'], hrgRoots: ['FD03'] },
  { name: 'syncope or collapse', kind: 'emergency', weight: 4, ages: adults, treatmentFunctions: ['300', '430'], diagnoses: ['R55.X'], hrgRoots: ['EB08'] },
  { name: 'falls and frailty', kind: 'emergency', weight: 4, ages: [75, 120], treatmentFunctions: ['430'], diagnoses: ['R29.6', 'R26.8'], hrgRoots: ['WH09'] },
  { name: 'diabetes', kind: 'emergency', weight: 2, ages: adults, treatmentFunctions: ['300'], diagnoses: ['E11.9', 'E10.1', 'E11.6'], hrgRoots: ['KB02'] },
  { name: 'bronchiolitis', kind: 'emergency', weight: 4, ages: [0, 1], treatmentFunctions: ['420'], diagnoses: ['J21.9'], hrgRoots: ['PD15'] },
  { name: 'childhood asthma or wheeze', kind: 'emergency', weight: 3, ages: [2, 15], treatmentFunctions: ['420'], diagnoses: ['J45.9'], hrgRoots: ['PD12'] },
  { name: 'childhood lower respiratory infection', kind: 'emergency', weight: 2, ages: [0, 15], treatmentFunctions: ['420'], diagnoses: ['J22.X'], hrgRoots: ['PD14'] },

  // Elective
  { name: 'cataract', kind: 'elective', weight: 8, ages: [50, 120], dayCase: true, treatmentFunctions: ['130'], diagnoses: ['H25.9', 'H26.9'], hrgRoots: ['BZ34', 'BZ30', 'BZ31'] },
  { name: 'colonoscopy', kind: 'elective', weight: 6, ages: [40, 90], dayCase: true, treatmentFunctions: ['301', '100'], diagnoses: ['K57.3', 'K63.5', 'D12.6'], hrgRoots: ['FE30', 'FE31', 'FE32'] },
  { name: 'upper GI endoscopy', kind: 'elective', weight: 4, ages: [30, 90], dayCase: true, treatmentFunctions: ['301'], diagnoses: ['K21.9', 'K29.7'], hrgRoots: ['FE20', 'FE21', 'FE22'] },
  { name: 'hernia repair', kind: 'elective', weight: 5, ages: [20, 85], dayCase: true, treatmentFunctions: ['100'], diagnoses: ['K40.9'], hrgRoots: ['FF62'] },
  { name: 'cholecystectomy', kind: 'elective', weight: 4, ages: [20, 85], dayCase: true, treatmentFunctions: ['100'], diagnoses: ['K80.2'], hrgRoots: ['GA10'] },
  { name: 'hip replacement', kind: 'elective', weight: 4, ages: [50, 90], treatmentFunctions: ['110'], diagnoses: ['M16.9', 'M16.1'], hrgRoots: ['HN12', 'HN13'] },
  { name: 'knee replacement', kind: 'elective', weight: 4, ages: [50, 90], treatmentFunctions: ['110'], diagnoses: ['M17.9', 'M17.1'], hrgRoots: ['HN22', 'HN23'] },
  { name: 'breast cancer surgery', kind: 'elective', weight: 3, ages: [30, 90], sex: '2', treatmentFunctions: ['100'], diagnoses: ['C50.9', 'C50.4'], hrgRoots: ['JA07', 'JA09', 'JA12'] },
  { name: 'tonsillectomy', kind: 'elective', weight: 2, ages: [3, 30], treatmentFunctions: ['120'], diagnoses: ['J35.0', 'J35.3'], hrgRoots: ['CZ05'] },
  { name: 'kidney stones', kind: 'elective', weight: 2, ages: [20, 85], treatmentFunctions: ['101'], diagnoses: ['N20.0', 'N20.1'], hrgRoots: ['LB65'] },
  { name: 'cystoscopy', kind: 'elective', weight: 3, ages: [40, 90], dayCase: true, treatmentFunctions: ['101'], diagnoses: ['R31.X', 'C67.9'], hrgRoots: ['LB13', 'LB14'] },
  { name: 'gynaecological laparoscopy', kind: 'elective', weight: 3, ages: [20, 60], sex: '2', dayCase: true, treatmentFunctions: ['502'], diagnoses: ['N92.0', 'D25.9', 'N80.1'], hrgRoots: ['MA08', 'MA09', 'MA10'] },
  { name: 'angina', kind: 'elective', weight: 3, ages: [40, 90], treatmentFunctions: ['320'], diagnoses: ['I20.9', 'I25.1'], hrgRoots: ['EB13'] },

  // Regular day and night attenders
  { name: 'chemotherapy', kind: 'regularAttender', weight: 6, ages: [20, 90], treatmentFunctions: ['300'], diagnoses: ['C50.9', 'C18.9', 'C34.9', 'C61.X'], hrgRoots: ['SB97', 'SB12', 'SB13', 'SB14', 'SB15'] },
  { name: 'iron infusion', kind: 'regularAttender', weight: 2, ages: adults, treatmentFunctions: ['300'], diagnoses: ['D50.9', 'D50.0'], hrgRoots: ['SA04'] },

  // Maternity
  { name: 'delivery', kind: 'antepartum', weight: 8, ages: [16, 45], sex: '2', treatmentFunctions: ['501'], diagnoses: ['O80.0', 'O80.9', 'O70.1', 'O82.0'], hrgRoots: ['NZ30', 'NZ31', 'NZ40', 'NZ50', 'NZ51'] },
  { name: 'antenatal admission', kind: 'antepartum', weight: 3, ages: [16, 45], sex: '2', treatmentFunctions: ['501', '500'], diagnoses: ['O47.9', 'O21.0', 'O26.8'], hrgRoots: ['NZ20', 'NZ25'] },
  { name: 'postnatal admission', kind: 'postpartum', weight: 1, ages: [16, 45], sex: '2', treatmentFunctions: ['501', '500'], diagnoses: ['O86.0', 'O90.8'], hrgRoots: ['NZ26'] },
];
