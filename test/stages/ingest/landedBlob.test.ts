import { ErrorCodes } from '../../../shared/errors/errorCodes';
import { PipelineError } from '../../../shared/errors/pipelineError';
import { blobPathFromSubject, parseLandedBlob } from '../../../shared/stages/ingest/landedBlob';

function failureOf(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('parseLandedBlob', () => {
  it('reads flow and file name from landing/<flow>/<file>.csv', () => {
    // Prepare
    const path = 'landing/sus-apc/sus_apc_202404_20240515.csv';

    // Act
    const landed = parseLandedBlob(path);

    // Assess
    expect(landed).toEqual({ path, flow: 'sus-apc', fileName: 'sus_apc_202404_20240515.csv', gzip: false });
  });

  it.each(['landing/sus-apc/x.csv.gz', 'landing/sus-apc/X.CSV.GZ'])('accepts a gzip extract (%s)', (path) => {
    // Prepare: path as it landed

    // Act
    const landed = parseLandedBlob(path);

    // Assess
    expect(landed).toMatchObject({ flow: 'sus-apc', gzip: true });
  });

  it.each([
    ['a parent folder', 'landing/../x.csv'],
    ['a parent folder as the file', 'landing/sus-apc/..'],
    ['a parent folder deeper down', 'landing/sus-apc/../../x.csv'],
    ['a current folder', 'landing/./x.csv'],
    ['a backslash', 'landing/sus-apc\\x.csv'],
    ['a backslash escaping the flow', 'landing/sus-apc/..\\..\\x.csv'],
    ['a deeper path', 'landing/sus-apc/2024/x.csv'],
    ['an empty flow', 'landing//x.csv'],
    ['no file name', 'landing/sus-apc/'],
    ['the wrong prefix', 'incoming/sus-apc/x.csv'],
    ['a leading slash', '/landing/sus-apc/x.csv'],
    ['a NUL byte', 'landing/sus-apc/x\0.csv'],
  ])('refuses %s as an unsafe path', (_case, path) => {
    // Prepare: path comes from outside the pipeline

    // Act
    const error = failureOf(() => parseLandedBlob(path));

    // Assess
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe(ErrorCodes.unsafePath);
  });

  it.each(['landing/sus-apc/x.txt', 'landing/sus-apc/x.csv.zip', 'landing/sus-apc/x.gz'])('refuses a file that is not .csv or .csv.gz (%s)', (path) => {
    // Prepare: path is otherwise well formed

    // Act
    const error = failureOf(() => parseLandedBlob(path));

    // Assess
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe(ErrorCodes.unreadableFile);
    expect((error as PipelineError).context).toMatchObject({ flow: 'sus-apc' });
  });

  it('keeps unprintable characters of a refused path out of the error', () => {
    // Prepare
    const path = 'landing/sus-apc/sub/\u0007bell\u00e9.csv';

    // Act
    const error = failureOf(() => parseLandedBlob(path)) as PipelineError;

    // Assess
    expect(error.context.blobPath).toBe('landing/sus-apc/sub/?bell?.csv');
  });
});

describe('blobPathFromSubject', () => {
  it('reads the container and the decoded blob path of a BlobCreated subject', () => {
    // Prepare
    const subject = '/blobServices/default/containers/raw/blobs/landing/sus-apc/sus%20apc%202024.csv';

    // Act
    const found = blobPathFromSubject(subject);

    // Assess
    expect(found).toEqual({ container: 'raw', path: 'landing/sus-apc/sus apc 2024.csv' });
  });

  it('decodes an encoded traversal, which parseLandedBlob then refuses', () => {
    // Prepare
    const subject = '/blobServices/default/containers/raw/blobs/landing/sus-apc/..%2F..%2Fx.csv';

    // Act
    const { path } = blobPathFromSubject(subject);
    const error = failureOf(() => parseLandedBlob(path));

    // Assess
    expect(path).toBe('landing/sus-apc/../../x.csv');
    expect((error as PipelineError).code).toBe(ErrorCodes.unsafePath);
  });

  it.each([
    ['a queue subject', '/queueServices/default/queues/ingest/messages/1'],
    ['no blob path', '/blobServices/default/containers/raw/blobs/'],
    ['malformed percent-encoding', '/blobServices/default/containers/raw/blobs/landing/sus-apc/100%.csv'],
  ])('refuses %s as an unsafe path', (_case, subject) => {
    // Prepare: subject comes from the event

    // Act
    const error = failureOf(() => blobPathFromSubject(subject));

    // Assess
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).code).toBe(ErrorCodes.unsafePath);
  });
});
