import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FlowDefinition } from '../../definitions/definitionTypes';
import { projectRoot } from '../../definitions/projectRoot';
import { ErrorCodes } from '../../errors/errorCodes';
import { ExtractScan } from './scanExtract';

export interface HeaderCheck {
  columns: string[];
  unknownColumns: string[];
  missingColumns: string[];
  rejection?: { code: string; reason: string };
}

const otherDelimiters = [';', '\t', '|'];
const requiredColumnsCache = new Map<string, string[]>();

/**
 * File-level checks before any row is read: readable text, a header, at least one row, the comma delimiter,
 * every required column present. Column order may vary; unknown columns are reported and ignored.
 */
export function checkHeader(scan: ExtractScan, flow: FlowDefinition): HeaderCheck {
  const reject = (code: string, reason: string, columns: string[] = [], missingColumns: string[] = []): HeaderCheck => ({ columns, unknownColumns: [], missingColumns, rejection: { code, reason } });
  if (scan.problem === 'not_gzip') return reject(ErrorCodes.unreadableFile, 'the file ends in .gz but is not gzip data');
  if (scan.problem === 'not_utf8') return reject(ErrorCodes.notUtf8, 'the file is not valid UTF-8 text (DSCRO extracts are UTF-8, with or without a byte order mark)');
  if (scan.problem === 'header_too_long') return reject(ErrorCodes.unreadableFile, 'no line break in the first 64 KiB: this is not a CSV extract');
  if (scan.bytes === 0 || scan.isBlank) return reject(ErrorCodes.emptyFile, 'the file is empty');
  const columns = (Papa.parse<string[]>(scan.headerLine, { delimiter: ',' }).data[0] ?? []).map((column) => column.trim());
  if (!scan.hasDataRows) return reject(ErrorCodes.headerOnly, 'the file has a header but no data rows', columns);
  if (columns.length === 1 && otherDelimiters.some((delimiter) => columns[0].includes(delimiter))) {
    return reject(ErrorCodes.wrongDelimiter, 'the header is not comma-separated (found ; tab or |); extracts must be RFC 4180 CSV', columns);
  }
  const known = new Set(flow.columns);
  const present = new Set(columns);
  const missingColumns = requiredColumns(flow).filter((column) => !present.has(column));
  const unknownColumns = columns.filter((column) => !known.has(column));
  if (missingColumns.length > 0) {
    return { columns, unknownColumns, missingColumns, rejection: { code: ErrorCodes.missingColumns, reason: `required columns missing from the header: ${missingColumns.join(', ')}` } };
  }
  return { columns, unknownColumns, missingColumns };
}

function requiredColumns(flow: FlowDefinition): string[] {
  let required = requiredColumnsCache.get(flow.schema);
  if (!required) {
    const schema = JSON.parse(readFileSync(join(projectRoot(), flow.schema), 'utf8')) as { required?: string[] };
    required = schema.required ?? [];
    requiredColumnsCache.set(flow.schema, required);
  }
  return required;
}
