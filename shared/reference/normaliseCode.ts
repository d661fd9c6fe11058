import { CodeNormalisation } from '../definitions/definitionTypes';

/** Trimmed code made comparable; a code of zeros only keeps one zero, so "00" stays a code. */
export function normaliseCode(value: string | undefined, normalisation?: CodeNormalisation): string {
  const code = (value ?? '').trim();
  switch (normalisation) {
    case 'stripLeadingZeros':
      return code.replace(/^0+(?=.)/, '');
    case 'upperCase':
      return code.toUpperCase();
    default:
      return code;
  }
}
