/**
 * Last line of defence, not the first: stage code never logs row values, but anything that reaches telemetry
 * passes through here so an NHS-number-shaped or postcode-shaped string cannot slip out by accident.
 */
const nhsNumberShape = /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g;
const postcodeShape = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;

export function scrubIdentifiers(text: string): string {
  return text.replace(nhsNumberShape, '[redacted-nhs-number]').replace(postcodeShape, '[redacted-postcode]');
}
