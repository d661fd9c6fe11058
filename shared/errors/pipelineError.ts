/**
 * An error an operator can act on: a stable code to search for, and the extract, stage and rule it concerns.
 * Messages never carry patient data; callers pass identifiers of files and rules only.
 */
export interface PipelineErrorContext {
  extractId?: string;
  flow?: string;
  product?: string;
  stage?: string;
  rule?: string;
  blobPath?: string;
}

export class PipelineError extends Error {
  public readonly code: string;
  public readonly context: PipelineErrorContext;
  /** True when retrying cannot help (bad input, missing configuration): the file is set aside instead. */
  public readonly permanent: boolean;

  public constructor(code: string, message: string, context: PipelineErrorContext = {}, permanent = true) {
    super(`${code}: ${message}${describeContext(context)}`);
    this.name = 'PipelineError';
    this.code = code;
    this.context = context;
    this.permanent = permanent;
  }
}

function describeContext(context: PipelineErrorContext): string {
  const parts = Object.entries(context)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${value}`);
  return parts.length ? ` [${parts.join(' ')}]` : '';
}
