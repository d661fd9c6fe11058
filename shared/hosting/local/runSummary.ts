import { DeadLetter } from '../../messaging/message-transport.port';
import { IngestOutcome } from '../../stages/ingest/ingestLandedBlob';
import { ExtractStatusView } from '../../status/extractStatus';
import { DqRunSummary } from '../../stages/dq/dqRunIndex';

export interface RunSummary {
  ingests: IngestOutcome[];
  extracts: ExtractStatusView[];
  dq: { product: string; latest?: DqRunSummary; runs: DqRunSummary[] }[];
  deadLetters: DeadLetter[];
  warehouseFile: string;
  reportsDir: string;
  seconds: number;
}

/** Non-zero when anything was dead-lettered or a DQ rule at fail severity failed in this run. */
export function exitCodeOf(summary: RunSummary): number {
  if (summary.deadLetters.length > 0) return 2;
  const failed = summary.dq.some((product) => product.runs.some((run) => run.status === 'fail'));
  return failed ? 3 : 0;
}

export function formatRunSummary(summary: RunSummary): string {
  const lines: string[] = ['', `Run summary (${summary.seconds.toFixed(1)} s)`, ''];
  for (const ingest of summary.ingests.filter((item) => item.status !== 'accepted')) {
    lines.push(`  ${ingest.status.toUpperCase()}  ${ingest.path}${ingest.reason ? `: ${ingest.reason}` : ''}${ingest.code ? ` (${ingest.code})` : ''}`);
  }
  for (const extract of summary.extracts) {
    lines.push(`  ${extract.flow}  ${extract.fileName}  extract ${extract.extractId}  ${extract.status}`);
    for (const product of extract.products) {
      const buckets = product.stages.filter((item) => item.stage.startsWith('link#'));
      for (const stage of product.stages) {
        if (stage.stage.startsWith('link#')) {
          if (stage !== buckets[0]) continue;
          const done = buckets.every((bucket) => bucket.status === 'succeeded');
          lines.push(`    ${product.product.padEnd(12)} ${'link'.padEnd(13)} ${(done ? 'succeeded' : 'incomplete').padEnd(13)} ${buckets.length} partitions, ${buckets.reduce((sum, bucket) => sum + bucket.rowsOut, 0)} linked rows`);
          continue;
        }
        lines.push(
          `    ${product.product.padEnd(12)} ${stage.stage.padEnd(13)} ${stage.status.padEnd(13)} in ${String(stage.rowsIn).padStart(9)}  out ${String(stage.rowsOut).padStart(9)}  quarantined ${String(stage.rowsQuarantined).padStart(7)}  ${stage.durationMs} ms${stage.dq ? `  DQ ${stage.dq.status.toUpperCase()} (${stage.dq.rulesFailed} failed, ${stage.dq.rulesWarned} warned)` : ''}${stage.error ? `  error: ${stage.error}` : ''}`,
        );
      }
    }
  }
  lines.push('', 'Data quality');
  for (const product of summary.dq) {
    const worst = product.runs.some((run) => run.status === 'fail') ? 'FAIL' : product.runs.some((run) => run.status === 'warn') ? 'WARN' : product.runs.length ? 'PASS' : 'no report';
    lines.push(`  ${product.product}: ${worst} over ${product.runs.length} run(s) this time${product.latest ? `; latest report ${product.latest.reportPath}` : ''}`);
  }
  lines.push('', `Dead letters: ${summary.deadLetters.length}`);
  for (const letter of summary.deadLetters) lines.push(`  ${letter.queue} ${letter.message.extractId} ${letter.deadLetterReason}: ${letter.deadLetterErrorDescription}`);
  lines.push('', `Warehouse: ${summary.warehouseFile}`, `DQ reports: ${summary.reportsDir}`, '');
  return lines.join('\n');
}
