/**
 * Every blob path the pipeline writes, as a deterministic function of (flow or product, period, extract id, stage),
 * so that re-running a stage overwrites its own output and never adds a second copy (DESIGN.md §1).
 */
export const landingPrefix = 'landing/';

export const BlobPaths = {
  landing: (flow: string, fileName: string) => `landing/${flow}/${fileName}`,
  acceptedExtract: (flow: string, extractId: string, extension: string) => `accepted/${flow}/${extractId}${extension}`,
  rejectedFile: (flow: string, fileKey: string, fileName: string) => `files/${flow}/${fileKey}/${fileName}`,
  rejectedFileReason: (flow: string, fileKey: string) => `files/${flow}/${fileKey}/reason.json`,
  quarantinedRows: (product: string, flow: string, extractId: string, stage: string) =>
    `rows/${product}/${flow}/${extractId}/${stage}.csv.gz`,
  stageOutput: (product: string, flow: string, stage: string, extractId: string) =>
    `${product}/${flow}/${stage}/${extractId}.csv.gz`,
  mappedPartition: (product: string, flow: string, period: string, bucket: number, extractId: string) =>
    `${product}/${flow}/mapped/period=${period}/bucket=${pad(bucket)}/${extractId}.csv.gz`,
  mappedPeriodBucketPrefix: (product: string, flow: string, period: string, bucket: number) =>
    `${product}/${flow}/mapped/period=${period}/bucket=${pad(bucket)}/`,
  linkedOutput: (product: string, output: string, period: string, bucket: number) =>
    `${product}/linked/${output}/period=${period}/bucket=${pad(bucket)}.csv.gz`,
  linkRunMarker: (product: string, runId: string, bucket: number) => `${product}/linked/_runs/${runId}/bucket=${pad(bucket)}.json`,
  linkRunMarkerPrefix: (product: string, runId: string) => `${product}/linked/_runs/${runId}/`,
  extractManifest: (flow: string, extractId: string) => `manifests/${flow}/${extractId}.json`,
  extractManifestPrefix: (flow: string) => `manifests/${flow}/`,
  dqReportJson: (product: string, runId: string) => `dq/${product}/${runId}/report.json`,
  dqReportHtml: (product: string, runId: string) => `dq/${product}/${runId}/report.html`,
  dqReportPrefix: (product: string) => `dq/${product}/`,
};

function pad(bucket: number): string {
  return String(bucket).padStart(3, '0');
}
