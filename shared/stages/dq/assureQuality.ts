import { DqReport, RuleResult, RuleStatus } from '../../dq/dqReport';
import { renderDqReportHtml } from '../../dq/renderDqReportHtml';
import { validateDqReport } from '../../dq/validateDqReport';
import { StageMessage } from '../../messaging/stageMessage';
import { BlobPaths } from '../../storage/paths';
import { updateJsonBlob } from '../../storage/updateJsonBlob';
import { Zones } from '../../storage/zones';
import { factTable } from '../../warehouse/buildWarehouseModel';
import { tableOf } from '../../warehouse/warehouseModel';
import { StageDependencies } from '../StageDependencies';
import { StageOutcome } from '../StageOutcome';
import { DqRunIndex, dqIndexPath, indexedRuns, trendRuns } from './dqRunIndex';
import { evaluateRule } from './evaluateRule';
import { reconcileExtracts } from './reconcileExtracts';

/**
 * Runs the arriving flow's rules on the extract's loaded rows and the product's cross-flow rules, reconciles
 * every extract's row accounting, and publishes the assurance report (JSON + HTML) and an Event Grid event.
 * The run id derives from the extract, so re-running DQ for an extract overwrites its own report.
 */
export async function assureQuality(message: StageMessage, dependencies: StageDependencies): Promise<StageOutcome> {
  const { registry, warehouse, model, blobs } = dependencies;
  const product = registry.product(message.product);
  const flow = registry.flow(message.flow);
  const results: RuleResult[] = [];
  const manifest = await dependencies.manifests.read(flow.id, message.extractId);
  const parameters = { ...coverageParameters(manifest?.coverage), snapshot_date: snapshotDate(manifest?.precedence, manifest?.receivedAt) };
  for (const rule of flow.dqRules) {
    results.push(await evaluateRule(warehouse, rule, { schema: model.schema, table: factTable(flow), flow: flow.id, extractId: message.extractId, parameters }));
  }
  for (const rule of product.dqRules) {
    results.push(await evaluateRule(warehouse, rule, { schema: model.schema, table: tableOf(model, rule.table), flow: product.id }));
  }
  const reconciliation = await reconcileExtracts(dependencies.manifests, product.id, product.flows);
  const runId = `${message.extractId.slice(0, 16)}`;
  const generatedAt = dependencies.clock().toISOString();
  const status = worstStatus(results.map((result) => result.status), reconciliation.every((row) => row.balanced));
  const reportPath = BlobPaths.dqReportJson(product.id, runId);
  const summary = {
    runId,
    generatedAt,
    status,
    rulesFailed: results.filter((result) => result.status === 'fail').length,
    rulesWarned: results.filter((result) => result.status === 'warn').length,
    extractId: message.extractId,
    flow: flow.id,
    reportPath,
  };
  const index = await updateJsonBlob<DqRunIndex>(
    blobs,
    Zones.reports,
    dqIndexPath(product.id),
    (value) => {
      value.runs = [summary, ...value.runs.filter((run) => run.runId !== runId)].slice(0, indexedRuns);
    },
    () => ({ product: product.id, runs: [] }),
  );
  const report: DqReport = {
    schemaVersion: 1,
    runId,
    product: product.id,
    productTitle: product.title,
    generatedAt,
    correlationId: message.correlationId,
    trigger: { extractId: message.extractId, flow: flow.id, fileName: message.fileName },
    status,
    rules: results,
    reconciliation,
    trend: index.runs
      .filter((run) => run.runId !== runId)
      .slice(0, trendRuns)
      .map(({ runId: id, generatedAt: at, status: runStatus, rulesFailed, rulesWarned }) => ({ runId: id, generatedAt: at, status: runStatus, rulesFailed, rulesWarned })),
  };
  const validation = validateDqReport(report);
  if (!validation.valid) throw new Error(`DQ report for ${product.id} does not match its schema: ${validation.errors.join('; ')}`);
  // The reports zone is the analysts' zone: the stored HTML shows real counts; commissioner pages apply disclosure control.
  await blobs.write(Zones.reports, reportPath, JSON.stringify(report, null, 2), { contentType: 'application/json' });
  await blobs.write(Zones.reports, BlobPaths.dqReportHtml(product.id, runId), renderDqReportHtml(report, { audience: 'operations' }), { contentType: 'text/html; charset=utf-8' });
  await dependencies.events.publish([
    {
      eventType: 'DscroFlows.DataQuality.ReportPublished',
      subject: `/products/${product.id}/dq/${runId}`,
      dataVersion: '1.0',
      data: { product: product.id, runId, status, rulesFailed: summary.rulesFailed, rulesWarned: summary.rulesWarned, extractId: message.extractId, flow: flow.id, reportPath: `${Zones.reports}/${reportPath}`, correlationId: message.correlationId },
    },
  ]);
  // Every rule reports both counters (0 or 1) on every run, so a chart of a rule's failures has no gaps to misread.
  const dimensions = { correlationId: message.correlationId, product: product.id, flow: flow.id, stage: 'dq', extractId: message.extractId };
  for (const result of results) {
    dependencies.telemetry.metric('dq.rule_fail', result.status === 'fail' ? 1 : 0, dimensions, { rule: result.ruleId });
    dependencies.telemetry.metric('dq.rule_warn', result.status === 'warn' ? 1 : 0, dimensions, { rule: result.ruleId });
  }
  return {
    rowsIn: results.reduce((sum, result) => Math.max(sum, result.rowsChecked), 0),
    rowsOut: 0,
    rowsQuarantined: 0,
    quarantineReasons: {},
    outputs: [`${Zones.reports}/${reportPath}`, `${Zones.reports}/${BlobPaths.dqReportHtml(product.id, runId)}`],
    details: { runId, status, rulesFailed: summary.rulesFailed, rulesWarned: summary.rulesWarned },
    next: [],
  };
}

/** First days of the first and last covered month; an extract that names no months covers all of them. */
function coverageParameters(coverage: { from: string; to: string } | undefined): { coverage_from: string; coverage_to: string } {
  return { coverage_from: `${coverage?.from ?? '0001-01'}-01`, coverage_to: `${coverage?.to ?? '9999-12'}-01` };
}

/** The extract's snapshot date (from its file name, as in its precedence), else the day it was received: "today" for rules such as "not in the future". */
function snapshotDate(precedence: string | undefined, receivedAt: string | undefined): string {
  const digits = precedence?.slice(0, 8) ?? '';
  if (/^20\d{6}$/.test(digits)) return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return (receivedAt ?? new Date().toISOString()).slice(0, 10);
}

function worstStatus(statuses: RuleStatus[], balanced: boolean): RuleStatus {
  if (!balanced || statuses.includes('fail')) return 'fail';
  return statuses.includes('warn') ? 'warn' : 'pass';
}
