/**
 * The BNF code is positional (NHSBSA, BNF Code Information): each level is a prefix of the presentation code.
 * `codeColumn` and `nameColumn` are the level's headers in the BNF Code Information file.
 */
export const bnfLevels = [
  { level: 'chapter', length: 2, codeColumn: 'BNF Chapter Code', nameColumn: 'BNF Chapter' },
  { level: 'section', length: 4, codeColumn: 'BNF Section Code', nameColumn: 'BNF Section' },
  { level: 'paragraph', length: 6, codeColumn: 'BNF Paragraph Code', nameColumn: 'BNF Paragraph' },
  { level: 'sub_paragraph', length: 7, codeColumn: 'BNF Subparagraph Code', nameColumn: 'BNF Subparagraph' },
  { level: 'chemical', length: 9, codeColumn: 'BNF Chemical Substance Code', nameColumn: 'BNF Chemical Substance' },
  { level: 'product', length: 11, codeColumn: 'BNF Product Code', nameColumn: 'BNF Product' },
  { level: 'presentation', length: 15, codeColumn: 'BNF Presentation Code', nameColumn: 'BNF Presentation' },
] as const;

export type BnfLevel = (typeof bnfLevels)[number]['level'];

/** Drugs: 15 characters, the first 7 (chapter to sub-paragraph) numeric, the rest letters or digits. */
const drugCode = /^[0-9]{7}[0-9A-Z]{8}$/;
/** Dressings and appliances (chapters 20–23): 11 digits in NHSBSA data, the whole code being the presentation. */
const applianceCode = /^2[0-3][0-9]{9}$/;

export function isWellFormedBnfCode(code: string): boolean {
  return drugCode.test(code) || applianceCode.test(code);
}
