import { scrubIdentifiers } from '../../shared/telemetry/scrubIdentifiers';

describe('scrubIdentifiers', () => {
  it.each([
    ['spaced', 'row 12 has 943 476 5919 twice'],
    ['dashed', 'row 12 has 943-476-5919 twice'],
    ['plain', 'row 12 has 9434765919 twice'],
  ])('redacts an NHS-number-shaped string (%s)', (_case, text) => {
    // Prepare: text as a careless log line would carry it

    // Act
    const scrubbed = scrubIdentifiers(text);

    // Assess
    expect(scrubbed).toBe('row 12 has [redacted-nhs-number] twice');
  });

  it.each([
    ['B15 2TH'],
    ['B152TH'],
    ['SW1A 1AA'],
    ['M1 1AE'],
    ['CR2 6XH'],
    ['DN55 1PT'],
  ])('redacts a postcode-shaped string (%s)', (postcode) => {
    // Prepare
    const text = `lives at ${postcode}.`;

    // Act
    const scrubbed = scrubIdentifiers(text);

    // Assess
    expect(scrubbed).toBe('lives at [redacted-postcode].');
  });

  it('redacts every identifier in a line', () => {
    // Prepare
    const text = '9434765919 / B15 2TH / 9990000018 / WV1 1LY';

    // Act
    const scrubbed = scrubIdentifiers(text);

    // Assess
    expect(scrubbed).toBe('[redacted-nhs-number] / [redacted-postcode] / [redacted-nhs-number] / [redacted-postcode]');
  });

  it.each([
    ['a 32-hex extract id', 'extract 0123456789abcdef0123456789abcdef accepted'],
    ['an all-digit 32-character extract id', 'extract 01234567890123456789012345678901 accepted'],
    ['an ISO date', 'discharged 2024-05-15'],
    ['an ISO timestamp', '"time":"2024-05-15T09:30:00.123Z"'],
    ['a precedence key', '20240515093000-0123456789abcdef0123456789abcdef'],
    ['HRG and ICD-10 codes', 'EB10A AA22C I21.4 UZ01Z'],
    ['error codes', 'DSCRO-INGEST-001 DSCRO-WH-001'],
    ['nine digits', 'count 123456789'],
    ['eleven digits', 'count 12345678901'],
  ])('leaves %s untouched', (_case, text) => {
    // Prepare: text carries nothing identifiable

    // Act
    const scrubbed = scrubIdentifiers(text);

    // Assess
    expect(scrubbed).toBe(text);
  });
});
