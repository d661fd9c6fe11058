import { Row } from '../../../../shared/flows/row';
import { RowMapper } from '../../../../shared/stages/map/mappers/RowMapper';
import { bnfHierarchyMapper } from '../../../../shared/stages/map/mappers/bnfHierarchyMapper';

/**
 * Expected values are read off the reference files by hand:
 *
 * bnf-codes-sample.csv (NHSBSA BNF Code Information layout):
 *   0101010C0AAAFAF  Gastro-Intestinal System (01) / Dyspep&Gastro-Oesophageal Reflux Disease (0101) /
 *                    Antacids and Simeticone (010101) / Antacids and Simeticone (0101010) / Aluminium Hydroxide
 *                    (0101010C0) / Alum Hydrox (0101010C0AA) / Alum Hydrox_Tab 250mg
 *   0101010A0AAAAAA  Alexitol Sod_Tab 360mg, and again on the last row as NEW PRODUCT NAME
 *   20031000015      Dressings (20) / Wound Management & other Dressings (2003) / DUMMY PARAGRAPH 200310 /
 *                    DUMMY SUB-PARAGRAPH 2003100 / DUMMY CHEMICAL SUBSTANCE 200310000 / DUMMY PRODUCT 20031000015 /
 *                    CarboFlex 10cm x 10cm S7660 Wound Dress
 * bnf-presentations.csv (EPD September 2017): 0106020M0AAACAC Senna_Tab 7.5mg; 21010230102 Volumatic
 * bnf-chapters.csv: 21 Appliances (appliance)
 */
function mapped(mapper: RowMapper, code: string): Row {
  const row: Row = { PaidBNFCode: code };
  mapper.map(row);
  return row;
}

const levelColumns = ['chapter', 'section', 'paragraph', 'sub_paragraph', 'chemical', 'product', 'presentation'].flatMap((level) => [`bnf_${level}_code`, `bnf_${level}_name`]);

describe('bnfHierarchyMapper (real BNF reference files)', () => {
  let mapper: RowMapper;

  beforeAll(() => {
    mapper = bnfHierarchyMapper('PaidBNFCode', 'bnf');
  });

  it('names its output columns after the mapping', () => {
    // Prepare: the mapper built in beforeAll uses as = 'bnf'

    // Act
    const columns = [...mapper.outputColumns];

    // Assess
    expect(columns).toEqual([...levelColumns, 'bnf_well_formed', 'bnf_known', 'bnf_is_appliance']);
  });

  it('cuts every level from a drug code and names each from the code information file', () => {
    // Prepare
    const code = '0101010C0AAAFAF';

    // Act
    const row = mapped(mapper, code);

    // Assess
    expect(row).toEqual({
      PaidBNFCode: code,
      bnf_chapter_code: '01',
      bnf_chapter_name: 'Gastro-Intestinal System',
      bnf_section_code: '0101',
      bnf_section_name: 'Dyspep&Gastro-Oesophageal Reflux Disease',
      bnf_paragraph_code: '010101',
      bnf_paragraph_name: 'Antacids and Simeticone',
      bnf_sub_paragraph_code: '0101010',
      bnf_sub_paragraph_name: 'Antacids and Simeticone',
      bnf_chemical_code: '0101010C0',
      bnf_chemical_name: 'Aluminium Hydroxide',
      bnf_product_code: '0101010C0AA',
      bnf_product_name: 'Alum Hydrox',
      bnf_presentation_code: '0101010C0AAAFAF',
      bnf_presentation_name: 'Alum Hydrox_Tab 250mg',
      bnf_well_formed: 'true',
      bnf_known: 'true',
      bnf_is_appliance: 'false',
    });
  });

  it('keeps the first name of a code the code information file lists twice', () => {
    // Prepare: the sample's last row renames 0101010A0AAAAAA to NEW PRODUCT NAME

    // Act
    const row = mapped(mapper, '0101010A0AAAAAA');

    // Assess
    expect(row.bnf_presentation_name).toBe('Alexitol Sod_Tab 360mg');
    expect(row.bnf_chemical_name).toBe('Alexitol Sodium');
  });

  it('knows a presentation of the prescribing data sample, with the levels the code information file does not name left blank', () => {
    // Prepare: Senna 7.5mg tablets, section 0106 (laxatives) is not in the code information sample

    // Act
    const row = mapped(mapper, '0106020M0AAACAC');

    // Assess
    expect(row.bnf_chapter_name).toBe('Gastro-Intestinal System');
    expect(row.bnf_section_code).toBe('0106');
    expect(row.bnf_section_name).toBe('');
    expect(row.bnf_chemical_code).toBe('0106020M0');
    expect(row.bnf_product_code).toBe('0106020M0AA');
    expect(row.bnf_presentation_name).toBe('Senna_Tab 7.5mg');
    expect(row.bnf_known).toBe('true');
  });

  it('keeps the derived levels of a well-formed code nobody knows and flags it unknown', () => {
    // Prepare: presentation AZAZ of aluminium hydroxide does not exist in either file
    const code = '0101010C0AAAZAZ';

    // Act
    const row = mapped(mapper, code);

    // Assess
    expect(row.bnf_well_formed).toBe('true');
    expect(row.bnf_known).toBe('false');
    expect(row.bnf_chemical_name).toBe('Aluminium Hydroxide');
    expect(row.bnf_product_name).toBe('Alum Hydrox');
    expect(row.bnf_presentation_code).toBe(code);
    expect(row.bnf_presentation_name).toBe('');
    expect(row.PaidBNFCode).toBe(code);
  });

  it.each([
    ['14 characters', '0101010C0AAAFA'],
    ['a letter in the first 7 characters', '01010A0C0AAAFAF'],
    ['lower case', '0101010c0aaafaf'],
    ['free text', 'Paracetamol'],
    ['empty', ''],
  ])('flags a malformed code (%s), keeps the row and derives no level', (_case, code) => {
    // Prepare: the code from the table

    // Act
    const row = mapped(mapper, code);

    // Assess
    expect(row.PaidBNFCode).toBe(code);
    expect(row.bnf_well_formed).toBe('false');
    expect(row.bnf_known).toBe('false');
    expect(row.bnf_is_appliance).toBe('false');
    expect(levelColumns.map((column) => row[column])).toEqual(levelColumns.map(() => ''));
  });

  it('reads an 11-digit dressing code as its own product and presentation, without the placeholder level names', () => {
    // Prepare
    const code = '20031000015';

    // Act
    const row = mapped(mapper, code);

    // Assess
    expect(row).toMatchObject({
      bnf_chapter_code: '20',
      bnf_chapter_name: 'Dressings',
      bnf_section_code: '2003',
      bnf_section_name: 'Wound Management & other Dressings',
      bnf_paragraph_code: '200310',
      bnf_paragraph_name: '',
      bnf_sub_paragraph_code: '2003100',
      bnf_sub_paragraph_name: '',
      bnf_chemical_code: '200310000',
      bnf_chemical_name: '',
      bnf_product_code: code,
      bnf_product_name: '',
      bnf_presentation_code: code,
      bnf_presentation_name: 'CarboFlex 10cm x 10cm S7660 Wound Dress',
      bnf_well_formed: 'true',
      bnf_known: 'true',
      bnf_is_appliance: 'true',
    });
  });

  it('flags an appliance of the prescribing data sample (chapter 21)', () => {
    // Prepare: Volumatic spacer

    // Act
    const row = mapped(mapper, '21010230102');

    // Assess
    expect(row.bnf_chapter_name).toBe('Appliances');
    expect(row.bnf_presentation_name).toBe('Volumatic');
    expect(row.bnf_is_appliance).toBe('true');
    expect(row.bnf_known).toBe('true');
  });

  it('does not read an 11-digit code outside chapters 20-23 as well formed', () => {
    // Prepare: drug codes are always 15 characters

    // Act
    const row = mapped(mapper, '01010100001');

    // Assess
    expect(row.bnf_well_formed).toBe('false');
  });
});
