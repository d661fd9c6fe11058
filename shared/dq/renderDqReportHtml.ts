import type { DqReport, ReconciliationRow, RuleResult, RuleSample, RuleStatus, RuleThreshold } from './dqReport';
import { disclosedRate } from '../disclosure/disclosedRate';
import { DisclosedCount, disclosureControlledCount, SUPPRESSED } from '../disclosure/disclosureControlledCount';
import { escapeHtml } from './escapeHtml';

/**
 * Who the page is for. Commissioners see counts under disclosure control (DESIGN.md §7); operations staff,
 * who can already reach the raw zone, see unrounded counts and sample row references to act on.
 */
export type DqReportAudience = 'commissioner' | 'operations';

export interface RenderDqReportOptions {
  /** Defaults to 'commissioner' so a caller that forgets to choose never publishes unrounded counts. */
  audience?: DqReportAudience;
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 2 });
const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

const statusLabel: Record<RuleStatus, string> = { pass: 'Pass', warn: 'Warn', fail: 'Fail' };
const SUPPRESSED_HTML = '<span class="suppressed" title="Suppressed (disclosure control)">*<span class="visually-hidden"> (suppressed)</span></span>';
const NOT_APPLICABLE_HTML = '<span class="muted">n/a</span>';

/** Renders one DQ report as a self-contained HTML page: inline CSS and SVG only, so it opens offline from the reports zone. */
export function renderDqReportHtml(report: DqReport, options: RenderDqReportOptions = {}): string {
  const audience: DqReportAudience = options.audience ?? 'commissioner';
  const counts = audience === 'operations' ? operationsCounts : commissionerCounts;
  const title = `${report.productTitle}: data quality report ${report.runId}`;

  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${styles}</style>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="banner">
<div class="container">
<p class="banner-kicker">DSCRO data quality assurance</p>
<h1>${escapeHtml(report.productTitle)}</h1>
</div>
</header>
<main id="main" class="container">
${renderOverview(report, audience)}
${renderSummary(report)}
${renderRules(report.rules, counts, audience)}
${renderReconciliation(report.reconciliation, counts, audience)}
${renderTrend(report)}
</main>
${renderFooter(audience)}
</body>
</html>
`;
}

interface CountPresenter {
  count(value: number): string;
  rate(failing: number, checked: number, reportedRate: number): string;
}

const operationsCounts: CountPresenter = {
  count: (value) => escapeHtml(integer.format(value)),
  rate: (_failing, checked, reportedRate) => (checked === 0 ? NOT_APPLICABLE_HTML : escapeHtml(formatRate(reportedRate))),
};

const commissionerCounts: CountPresenter = {
  count: (value) => disclosedHtml(disclosureControlledCount(value)),
  // Computed from the rounded counts: the unrounded rate beside a rounded denominator would give the exact numerator back.
  rate: (failing, checked) => {
    const rate = disclosedRate(disclosureControlledCount(failing), disclosureControlledCount(checked));
    if (rate === SUPPRESSED) return SUPPRESSED_HTML;
    if (rate === null) return NOT_APPLICABLE_HTML;
    return escapeHtml(formatRate(rate));
  },
};

function disclosedHtml(value: DisclosedCount): string {
  return value === SUPPRESSED ? SUPPRESSED_HTML : escapeHtml(integer.format(value));
}

function renderOverview(report: DqReport, audience: DqReportAudience): string {
  const view =
    audience === 'operations'
      ? 'Operations: unrounded counts and sample row references, for staff with access to the pipeline zones'
      : 'Commissioner: counts under NHS Digital disclosure control';
  return `<section aria-labelledby="overview-heading">
<h2 id="overview-heading">Run overview</h2>
<p class="overall">Overall status: ${statusBadge(report.status, 'dq-status-badge')}</p>
<dl class="details">
<div><dt>Run id</dt><dd><code>${escapeHtml(report.runId)}</code></dd></div>
<div><dt>Generated</dt><dd>${dateTime(report.generatedAt)}</dd></div>
<div><dt>Product</dt><dd><code>${escapeHtml(report.product)}</code></dd></div>
<div><dt>Triggered by extract</dt><dd><code class="wrap">${escapeHtml(report.trigger.extractId)}</code></dd></div>
<div><dt>Flow</dt><dd><code>${escapeHtml(report.trigger.flow)}</code></dd></div>
<div><dt>File</dt><dd>${escapeHtml(report.trigger.fileName)}</dd></div>
<div><dt>Correlation id</dt><dd><code class="wrap">${escapeHtml(report.correlationId)}</code></dd></div>
<div><dt>View</dt><dd>${escapeHtml(view)}</dd></div>
</dl>
</section>`;
}

function renderSummary(report: DqReport): string {
  const tally = tallyRules(report.rules);
  const balanced = report.reconciliation.filter(isBalanced).length;
  // These count rules and extracts, not patients or records, so disclosure control does not apply.
  return `<section aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<ul class="summary" data-testid="dq-summary">
<li class="summary-item summary-pass"><span class="summary-count" data-testid="dq-summary-passed">${tally.pass}</span> ${ruleNoun(tally.pass)} passed</li>
<li class="summary-item summary-warn"><span class="summary-count" data-testid="dq-summary-warned">${tally.warn}</span> ${ruleNoun(tally.warn)} warned</li>
<li class="summary-item summary-fail"><span class="summary-count" data-testid="dq-summary-failed">${tally.fail}</span> ${ruleNoun(tally.fail)} failed</li>
<li class="summary-item"><span class="summary-count" data-testid="dq-summary-balanced">${balanced} of ${report.reconciliation.length}</span> extracts balanced</li>
</ul>
</section>`;
}

function renderRules(rules: RuleResult[], counts: CountPresenter, audience: DqReportAudience): string {
  const withSamples = audience === 'operations';
  if (rules.length === 0) return section('rules', 'Rules', '<p class="muted">No rules ran in this run.</p>');
  const rows = rules
    .map(
      (rule) => `<tr data-rule-id="${escapeHtml(rule.ruleId)}" data-status="${escapeHtml(rule.status)}">
<th scope="row"><code>${escapeHtml(rule.ruleId)}</code></th>
<td>${escapeHtml(rule.description)}</td>
<td><code>${escapeHtml(rule.flow)}</code></td>
<td>${escapeHtml(statusLabel[rule.severity])}</td>
<td>${escapeHtml(formatThreshold(rule.threshold))}</td>
<td class="num">${counts.count(rule.rowsChecked)}</td>
<td class="num">${counts.count(rule.rowsFailing)}</td>
<td class="num">${counts.rate(rule.rowsFailing, rule.rowsChecked, rule.failRate)}</td>
<td>${statusBadge(rule.status, 'dq-rule-status')}</td>${withSamples ? `\n<td>${renderSamples(rule.samples)}</td>` : ''}
</tr>`,
    )
    .join('\n');
  return section(
    'rules',
    'Rules',
    table(
      'dq-rules-table',
      'rules-caption',
      'Data quality rules: rows checked, rows failing, fail rate and status of each rule',
      ['Rule', 'Description', 'Flow', 'Severity', 'Threshold', 'Rows checked', 'Rows failing', 'Fail rate', 'Status', ...(withSamples ? ['Sample rows'] : [])],
      rows,
      [5, 6, 7],
    ),
  );
}

function renderSamples(samples: RuleSample[]): string {
  if (samples.length === 0) return '<span class="muted">none</span>';
  const items = samples
    .map((sample) => `<li><code>${escapeHtml(sample.businessKey)}</code> @ line ${escapeHtml(integer.format(sample.sourceLine))}</li>`)
    .join('');
  return `<ul class="plain">${items}</ul>`;
}

function renderReconciliation(rows: ReconciliationRow[], counts: CountPresenter, audience: DqReportAudience): string {
  if (rows.length === 0) return section('reconciliation', 'Reconciliation', '<p class="muted">No extracts to reconcile in this run.</p>');
  const body = rows
    .map((row) => {
      const balanced = isBalanced(row);
      return `<tr data-extract-id="${escapeHtml(row.extractId)}" data-balanced="${balanced}"${balanced ? '' : ' class="unbalanced"'}>
<th scope="row"><code title="${escapeHtml(row.extractId)}">${escapeHtml(shortId(row.extractId))}</code></th>
<td><code>${escapeHtml(row.flow)}</code></td>
<td class="wrap">${escapeHtml(row.fileName)}</td>
<td class="num">${counts.count(row.rowsIn)}</td>
<td class="num">${counts.count(row.rowsLoaded)}</td>
<td class="num">${counts.count(row.rowsQuarantined)}</td>
<td>${renderReasons(row.quarantineReasons, counts)}</td>
<td>${renderBalance(row, balanced, audience)}</td>
</tr>`;
    })
    .join('\n');
  return section(
    'reconciliation',
    'Reconciliation',
    `<p>For every extract, rows in must equal rows loaded plus rows quarantined.</p>
${table(
  'dq-reconciliation-table',
  'reconciliation-caption',
  'Row accounting per extract',
  ['Extract', 'Flow', 'File', 'Rows in', 'Loaded', 'Quarantined', 'Quarantine reasons', 'Balanced'],
  body,
  [3, 4, 5],
)}`,
  );
}

/** A row whose own numbers do not add up is shown as unbalanced even if the flag says otherwise. */
function isBalanced(row: ReconciliationRow): boolean {
  return row.balanced && row.rowsIn === row.rowsLoaded + row.rowsQuarantined;
}

function renderReasons(reasons: Record<string, number>, counts: CountPresenter): string {
  const entries = Object.entries(reasons).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (entries.length === 0) return '<span class="muted">none</span>';
  return `<ul class="plain">${entries.map(([reason, count]) => `<li>${escapeHtml(reason)}: ${counts.count(count)}</li>`).join('')}</ul>`;
}

function renderBalance(row: ReconciliationRow, balanced: boolean, audience: DqReportAudience): string {
  if (balanced) return '<span class="balance-ok"><span aria-hidden="true">✓</span> Balanced</span>';
  // The exact gap is a raw count, so only the operations view, which exists to chase it, shows it.
  const gap = row.rowsIn - row.rowsLoaded - row.rowsQuarantined;
  const detail =
    audience === 'operations' && gap !== 0
      ? ` <span class="gap">(${escapeHtml(integer.format(Math.abs(gap)))} ${gap > 0 ? 'rows unaccounted for' : 'more rows out than in'})</span>`
      : '';
  return `<span class="balance-bad"><span aria-hidden="true">✗</span> Not balanced</span>${detail}`;
}

interface TrendRun {
  runId: string;
  generatedAt: string;
  status: RuleStatus;
  rulesFailed: number;
  rulesWarned: number;
  current: boolean;
}

function renderTrend(report: DqReport): string {
  const tally = tallyRules(report.rules);
  // Newest first, as the report stores trend; this run leads so it can be compared with the ones before it.
  const runs: TrendRun[] = [
    { runId: report.runId, generatedAt: report.generatedAt, status: report.status, rulesFailed: tally.fail, rulesWarned: tally.warn, current: true },
    ...report.trend.filter((run) => run.runId !== report.runId).map((run) => ({ ...run, current: false })),
  ];
  const rows = runs
    .map(
      (run) => `<tr data-run-id="${escapeHtml(run.runId)}"${run.current ? ' class="current-run"' : ''}>
<th scope="row"><code>${escapeHtml(run.runId)}</code>${run.current ? ' (this run)' : ''}</th>
<td>${dateTime(run.generatedAt)}</td>
<td>${statusBadge(run.status)}</td>
<td class="num">${run.rulesFailed}</td>
<td class="num">${run.rulesWarned}</td>
</tr>`,
    )
    .join('\n');
  const earlier = runs.length === 1 ? '\n<p class="muted">No earlier runs of this product yet.</p>' : '';
  return section(
    'trend',
    'Trend',
    `${renderTrendChart([...runs].reverse())}
<p class="legend" aria-hidden="true"><span class="swatch swatch-fail"></span>Rules failed <span class="swatch swatch-warn"></span>Rules warned</p>${earlier}
${table('dq-trend-table', 'trend-caption', 'Rules failed and warned per run, newest first', ['Run', 'Generated', 'Status', 'Rules failed', 'Rules warned'], rows, [3, 4])}`,
  );
}

const chart = { barWidth: 10, barGap: 2, groupGap: 10, plotHeight: 60, top: 6, bottom: 6 };

/** Oldest run on the left so the bars read as a timeline; the table carries the same figures for screen readers. */
function renderTrendChart(runsOldestFirst: TrendRun[]): string {
  const groupWidth = chart.barWidth * 2 + chart.barGap + chart.groupGap;
  const width = Math.max(120, runsOldestFirst.length * groupWidth + chart.groupGap);
  const height = chart.top + chart.plotHeight + chart.bottom;
  const baseline = chart.top + chart.plotHeight;
  const max = Math.max(1, ...runsOldestFirst.map((run) => Math.max(run.rulesFailed, run.rulesWarned)));
  const barHeight = (value: number) => Math.round((value / max) * chart.plotHeight);

  const groups = runsOldestFirst
    .map((run, index) => {
      const x = chart.groupGap + index * groupWidth;
      const failed = barHeight(run.rulesFailed);
      const warned = barHeight(run.rulesWarned);
      const label = `${run.runId}${run.current ? ' (this run)' : ''}`;
      const highlight = run.current
        ? `<rect class="current-run-band" x="${x - chart.groupGap / 2}" y="0" width="${groupWidth}" height="${height}"></rect>`
        : '';
      return `<g data-run-id="${escapeHtml(run.runId)}">${highlight}<rect class="bar-fail" x="${x}" y="${baseline - failed}" width="${chart.barWidth}" height="${failed}"><title>${escapeHtml(`${label}: ${run.rulesFailed} ${ruleNoun(run.rulesFailed)} failed`)}</title></rect><rect class="bar-warn" x="${x + chart.barWidth + chart.barGap}" y="${baseline - warned}" width="${chart.barWidth}" height="${warned}"><title>${escapeHtml(`${label}: ${run.rulesWarned} ${ruleNoun(run.rulesWarned)} warned`)}</title></rect></g>`;
    })
    .join('');

  return `<svg class="trend-chart" data-testid="dq-trend-chart" role="img" aria-labelledby="trend-chart-title trend-chart-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<title id="trend-chart-title">Rules failed and warned per run</title>
<desc id="trend-chart-desc">${runsOldestFirst.length} runs, oldest on the left and this run on the right. Red bars are rules failed, yellow bars rules warned. The table below lists the same figures.</desc>
<line class="baseline" x1="0" y1="${baseline}" x2="${width}" y2="${baseline}"></line>
${groups}
</svg>`;
}

function renderFooter(audience: DqReportAudience): string {
  const counts =
    audience === 'operations'
      ? '<p>Operations view: counts are unrounded. Share only with staff who may see the pipeline zones; commissioners get the disclosure-controlled view.</p>'
      : '<p>Counts follow NHS Digital disclosure control: 0 is shown as 0, 1 to 7 as *, and other counts are rounded to the nearest 5, so figures may not add up. Rates are calculated from the rounded counts and suppressed where either count is suppressed. Statuses and balance checks use the unrounded counts.</p>';
  const samples =
    audience === 'operations'
      ? '<p>Sample rows are row references only (business key and source line), never patient identifiers.</p>'
      : '<p>Sample rows are row references only (business key and source line), never patient identifiers; they are listed in the operations view.</p>';
  return `<footer class="footer">
<div class="container">
${samples}
${counts}
</div>
</footer>`;
}

function section(id: string, heading: string, content: string): string {
  return `<section aria-labelledby="${id}-heading">
<h2 id="${id}-heading">${escapeHtml(heading)}</h2>
${content}
</section>`;
}

function table(testId: string, captionId: string, caption: string, headings: string[], rows: string, numericColumns: number[]): string {
  const head = headings
    .map((heading, index) => `<th scope="col"${numericColumns.includes(index) ? ' class="num"' : ''}>${escapeHtml(heading)}</th>`)
    .join('');
  // Focusable, labelled scroll region so keyboard users can scroll wide tables on narrow screens.
  return `<div class="table-wrap" role="region" aria-labelledby="${captionId}" tabindex="0">
<table data-testid="${testId}">
<caption id="${captionId}">${escapeHtml(caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</div>`;
}

function statusBadge(status: RuleStatus, testId?: string): string {
  const testIdAttribute = testId ? ` data-testid="${testId}"` : '';
  return `<strong class="badge badge-${escapeHtml(status)}"${testIdAttribute} data-status="${escapeHtml(status)}">${escapeHtml(statusLabel[status] ?? status)}</strong>`;
}

function tallyRules(rules: RuleResult[]): Record<RuleStatus, number> {
  const tally: Record<RuleStatus, number> = { pass: 0, warn: 0, fail: 0 };
  for (const rule of rules) tally[rule.status] += 1;
  return tally;
}

function ruleNoun(count: number): string {
  return count === 1 ? 'rule' : 'rules';
}

function formatThreshold(threshold: RuleThreshold): string {
  const parts: string[] = [];
  if (threshold.maxFailRate !== undefined) parts.push(`max ${formatRate(threshold.maxFailRate)}`);
  if (threshold.maxFailCount !== undefined) parts.push(`max ${integer.format(threshold.maxFailCount)} rows`);
  return parts.length ? parts.join(' and ') : 'none';
}

/** Never shows a non-zero rate as 0% or a partial one as 100%: both would misstate the rule's outcome. */
function formatRate(rate: number): string {
  if (rate > 0 && rate < 0.0001) return '<0.01%';
  if (rate < 1 && rate > 0.9999) return '>99.99%';
  return percent.format(rate);
}

function dateTime(iso: string): string {
  const parsed = new Date(iso);
  const shown = Number.isNaN(parsed.getTime()) ? iso : londonTime.format(parsed);
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(shown)}</time>`;
}

function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 12)}…` : id;
}

// NHS palette: blue #005EB8, dark blue #003087, text #212B32, secondary #4C6272, green #007F3B, red #D5281B, warm yellow #FFB81C.
const styles = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:Arial,"Helvetica Neue",Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#212B32;background:#F0F4F5}
.container{max-width:1200px;margin:0 auto;padding:0 16px}
.skip-link{position:absolute;left:-9999px;top:0;background:#FFEB3B;color:#212B32;padding:8px 12px}
.skip-link:focus{left:8px;top:8px;z-index:1}
:focus-visible{outline:3px solid #FFEB3B;outline-offset:0;box-shadow:0 0 0 6px #212B32}
.banner{background:#005EB8;color:#FFFFFF;padding:16px 0}
.banner h1{margin:0;font-size:1.75rem;line-height:1.25}
.banner-kicker{margin:0 0 4px;font-weight:bold}
main{padding-top:8px;padding-bottom:24px}
section{background:#FFFFFF;border:1px solid #D8DDE0;padding:16px 20px;margin:16px 0}
h2{margin:0 0 12px;font-size:1.375rem;color:#003087}
code{font-family:Consolas,"Courier New",monospace;font-size:0.9em}
.wrap{word-break:break-all}
.muted{color:#4C6272}
.overall{font-size:1.125rem;margin:0 0 12px}
.details{display:grid;grid-template-columns:repeat(auto-fit,minmax(260px,1fr));gap:8px 24px;margin:0}
.details div{min-width:0}
.details dt{font-weight:bold;color:#4C6272;font-size:0.875rem}
.details dd{margin:0}
.badge{display:inline-block;padding:2px 10px;border-radius:2px;font-weight:bold;font-size:0.875rem;letter-spacing:0.02em;text-transform:uppercase;border:2px solid transparent}
.badge-pass{background:#007F3B;color:#FFFFFF}
.badge-warn{background:#FFB81C;color:#212B32;border-color:#212B32}
.badge-fail{background:#D5281B;color:#FFFFFF}
.summary{display:flex;flex-wrap:wrap;gap:12px;list-style:none;margin:0;padding:0}
.summary-item{flex:1 1 180px;border:1px solid #D8DDE0;border-left:6px solid #4C6272;padding:8px 12px}
.summary-pass{border-left-color:#007F3B}
.summary-warn{border-left-color:#FFB81C}
.summary-fail{border-left-color:#D5281B}
.summary-count{display:block;font-size:1.75rem;font-weight:bold}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:0.9375rem}
caption{text-align:left;font-weight:bold;padding:0 0 8px}
th,td{border-bottom:1px solid #D8DDE0;padding:8px 10px;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #212B32;white-space:nowrap}
tbody th{font-weight:normal}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.plain{list-style:none;margin:0;padding:0}
tr.unbalanced{background:#FBE9E7}
tr.unbalanced th{box-shadow:inset 6px 0 0 #D5281B}
.balance-ok{color:#007F3B;font-weight:bold;white-space:nowrap}
.balance-bad{color:#D5281B;font-weight:bold;white-space:nowrap}
.gap{display:block;color:#212B32;font-size:0.875rem}
tr.current-run{background:#E8EDEE}
.suppressed{font-weight:bold}
.trend-chart{display:block;max-width:100%;height:auto;margin:0 0 8px}
.trend-chart .baseline{stroke:#212B32;stroke-width:1}
.trend-chart .bar-fail{fill:#D5281B;stroke:#212B32;stroke-width:1}
.trend-chart .bar-warn{fill:#FFB81C;stroke:#212B32;stroke-width:1}
.trend-chart .current-run-band{fill:#E8EDEE}
.legend{margin:0 0 12px;font-size:0.875rem}
.swatch{display:inline-block;width:12px;height:12px;margin:0 6px 0 0;vertical-align:-1px;border:1px solid #212B32}
.legend .swatch-warn{margin-left:12px}
.swatch-fail{background:#D5281B}
.swatch-warn{background:#FFB81C}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0;white-space:nowrap}
.footer{border-top:4px solid #005EB8;background:#FFFFFF;padding:12px 0;font-size:0.875rem;color:#4C6272}
.footer p{margin:4px 0}
@media print{body{background:#FFFFFF}.skip-link{display:none}section{border:0;padding:0}.table-wrap{overflow:visible}}
`;
