import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { DefinitionRegistry } from '../../../shared/definitions/DefinitionRegistry';
import { FlowDefinition } from '../../../shared/definitions/definitionTypes';
import { ErrorCodes } from '../../../shared/errors/errorCodes';
import { checkHeader } from '../../../shared/stages/ingest/checkHeader';
import { ExtractScan, scanExtract } from '../../../shared/stages/ingest/scanExtract';

function scanOf(headerLine: string, overrides: Partial<ExtractScan> = {}): ExtractScan {
  return { sha256: 'a'.repeat(64), bytes: headerLine.length + 20, headerLine, hasDataRows: true, isBlank: false, ...overrides };
}

describe('checkHeader (sus-apc)', () => {
  let flow: FlowDefinition;

  beforeAll(() => {
    flow = DefinitionRegistry.load().flow('sus-apc');
  });

  it('accepts the published columns in any order', () => {
    // Prepare
    const reversed = [...flow.columns].reverse();

    // Act
    const check = checkHeader(scanOf(reversed.join(',')), flow);

    // Assess
    expect(check).toEqual({ columns: reversed, unknownColumns: [], missingColumns: [] });
  });

  it('reports unknown columns and still accepts the file', () => {
    // Prepare
    const header = [...flow.columns.slice(0, 5), 'Local_Note', ...flow.columns.slice(5), 'Ward'].join(',');

    // Act
    const check = checkHeader(scanOf(header), flow);

    // Assess
    expect(check.unknownColumns).toEqual(['Local_Note', 'Ward']);
    expect(check.rejection).toBeUndefined();
  });

  it('trims spaces around column names and reads quoted names', () => {
    // Prepare
    const header = flow.columns.map((column, index) => (index % 2 === 0 ? ` ${column} ` : `"${column}"`)).join(',');

    // Act
    const check = checkHeader(scanOf(header), flow);

    // Assess
    expect(check).toEqual({ columns: flow.columns, unknownColumns: [], missingColumns: [] });
  });

  it('rejects a header without a required column, naming it', () => {
    // Prepare: Admission_Method is required by schemas/flows/sus-apc.schema.json
    const header = flow.columns.filter((column) => column !== 'Admission_Method').join(',');

    // Act
    const check = checkHeader(scanOf(header), flow);

    // Assess
    expect(check.missingColumns).toEqual(['Admission_Method']);
    expect(check.rejection?.code).toBe(ErrorCodes.missingColumns);
    expect(check.rejection?.reason).toBe('required columns missing from the header: Admission_Method');
  });

  it('names every missing required column', () => {
    // Prepare
    const header = flow.columns.filter((column) => column !== 'APCE_Ident' && column !== 'Last_Episode_In_Spell_Indicator').join(',');

    // Act
    const check = checkHeader(scanOf(header), flow);

    // Assess
    expect(check.rejection?.reason).toContain('APCE_Ident');
    expect(check.rejection?.reason).toContain('Last_Episode_In_Spell_Indicator');
  });

  it('accepts a header without an optional column (Discharge_Date)', () => {
    // Prepare
    const header = flow.columns.filter((column) => column !== 'Discharge_Date').join(',');

    // Act
    const check = checkHeader(scanOf(header), flow);

    // Assess
    expect(check.rejection).toBeUndefined();
    expect(check.missingColumns).toEqual([]);
  });

  it.each([
    ['semicolons', ';'],
    ['tabs', '\t'],
    ['pipes', '|'],
  ])('rejects a header separated by %s as the wrong delimiter', (_case, delimiter) => {
    // Prepare
    const header = flow.columns.join(delimiter);

    // Act
    const check = checkHeader(scanOf(header), flow);

    // Assess
    expect(check.rejection?.code).toBe(ErrorCodes.wrongDelimiter);
  });

  it.each([
    ['not gzip', { problem: 'not_gzip' as const }, ErrorCodes.unreadableFile],
    ['not UTF-8', { problem: 'not_utf8' as const }, ErrorCodes.notUtf8],
    ['without a line break', { problem: 'header_too_long' as const }, ErrorCodes.unreadableFile],
    ['empty', { bytes: 0, isBlank: true, hasDataRows: false }, ErrorCodes.emptyFile],
    ['blank', { isBlank: true, hasDataRows: false }, ErrorCodes.emptyFile],
    ['header only', { hasDataRows: false }, ErrorCodes.headerOnly],
  ])('rejects a file that is %s', (_case, scanProblem, code) => {
    // Prepare
    const scan = scanOf(flow.columns.join(','), scanProblem);

    // Act
    const check = checkHeader(scan, flow);

    // Assess
    expect(check.rejection?.code).toBe(code);
  });

  it('accepts a scanned gzip extract with a byte order mark, CRLF and shuffled columns', async () => {
    // Prepare
    const columns = [...flow.columns.slice(10), ...flow.columns.slice(0, 10)];
    const text = `\uFEFF${columns.join(',')}\r\n${columns.map(() => 'x').join(',')}\r\n`;
    const scan = await scanExtract(Readable.from([gzipSync(Buffer.from(text, 'utf8'))]), true);

    // Act
    const check = checkHeader(scan, flow);

    // Assess
    expect(check).toEqual({ columns, unknownColumns: [], missingColumns: [] });
  });
});
