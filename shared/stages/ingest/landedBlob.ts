import { ErrorCodes } from '../../errors/errorCodes';
import { PipelineError } from '../../errors/pipelineError';
import { landingPrefix } from '../../storage/paths';

export interface LandedBlob {
  /** Path inside the raw container, e.g. landing/sus-apc/sus_apc_202404_20240515.csv */
  path: string;
  flow: string;
  fileName: string;
  gzip: boolean;
}

const acceptedSuffixes = ['.csv', '.csv.gz'];

/**
 * Reads flow and file name from a landing path, refusing anything that could escape the landing folder or
 * is not a CSV: DSCRO drops are `landing/<flow>/<file>.csv[.gz]`, nothing deeper.
 */
export function parseLandedBlob(path: string): LandedBlob {
  const segments = path.split('/');
  const unsafe = path.includes('\\') || path.includes('\0') || segments.some((segment) => segment === '..' || segment === '.' || segment === '');
  if (unsafe || !path.startsWith(landingPrefix) || segments.length !== 3) {
    throw new PipelineError(ErrorCodes.unsafePath, 'blob path is not of the form landing/<flow>/<file>.csv[.gz]; it was left where it landed', { blobPath: safeForLog(path) });
  }
  const [, flow, fileName] = segments;
  const lower = fileName.toLowerCase();
  if (!acceptedSuffixes.some((suffix) => lower.endsWith(suffix))) {
    throw new PipelineError(ErrorCodes.unreadableFile, `only .csv and .csv.gz extracts are accepted, not '${fileName}'`, { flow, blobPath: safeForLog(path) });
  }
  return { path, flow, fileName, gzip: lower.endsWith('.gz') };
}

/** Event Grid BlobCreated subjects look like /blobServices/default/containers/raw/blobs/landing/<flow>/<file>. */
export function blobPathFromSubject(subject: string): { container: string; path: string } {
  const match = /^\/blobServices\/default\/containers\/([^/]+)\/blobs\/(.+)$/.exec(subject);
  if (!match) throw new PipelineError(ErrorCodes.unsafePath, 'event subject is not a blob subject', {});
  let path: string;
  try {
    path = decodeURIComponent(match[2]);
  } catch {
    // A malformed escape (a literal '%' in the name) is refused with the path code an operator searches for, not a bare URIError.
    throw new PipelineError(ErrorCodes.unsafePath, 'event subject has a malformed percent-encoded blob path', { blobPath: safeForLog(match[2]) });
  }
  return { container: match[1], path };
}

/** Paths come from outside; keep them short and printable in logs. */
function safeForLog(path: string): string {
  return path.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
}
