export type NhsNumberStatus = 'valid' | 'invalid' | 'missing';

/** Weights of the NHS number Modulus 11 check (NHS Data Dictionary, "NHS Number"). */
const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2];

/** Digits only: extracts carry NHS numbers as "943 476 5919", "9434765919" or "943-476-5919". */
export function normaliseNhsNumber(raw: string | undefined): string {
  if (!raw) return '';
  let digits = '';
  for (let index = 0; index < raw.length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code >= 48 && code <= 57) digits += raw[index];
  }
  return digits;
}

/** Modulus 11 check: check digit 11 becomes 0, 10 means the number can never be valid. */
export function nhsNumberStatus(normalised: string): NhsNumberStatus {
  if (normalised.length === 0) return 'missing';
  if (normalised.length !== 10) return 'invalid';
  let sum = 0;
  for (let index = 0; index < 9; index += 1) sum += (normalised.charCodeAt(index) - 48) * weights[index];
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return 'invalid';
  return check === normalised.charCodeAt(9) - 48 ? 'valid' : 'invalid';
}
