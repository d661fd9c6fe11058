/**
 * Last line of defence, not the first: stage code never logs row values, but anything that reaches telemetry
 * passes through here so an NHS-number-shaped or postcode-shaped string cannot slip out by accident.
 */
const nhsNumberShape = /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g;
const postcodeShape = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/g;

export function scrubIdentifiers(text: string): string {
  return text.replace(nhsNumberShape, '[redacted-nhs-number]').replace(postcodeShape, '[redacted-postcode]');
}

/**
 * Scrubs one telemetry value: strings as text; an identifier-shaped number (a 10-digit byte count) becomes the
 * redaction text as a string, so a serialised line stays valid JSON.
 */
export function scrubTelemetryValue(value: unknown): unknown {
  if (typeof value === 'string') return scrubIdentifiers(value);
  if (typeof value === 'number') {
    const text = String(value);
    const scrubbed = scrubIdentifiers(text);
    return scrubbed === text ? value : scrubbed;
  }
  return value;
}
