import { ProductDefinition } from '../definitions/definitionTypes';
import { disclosureRule } from '../disclosure/disclosureRule';
import { escapeHtml } from '../dq/escapeHtml';
import { DashboardFilterOptions } from './dashboardFilterOptions';
import { dashboardPaths } from './dashboardPaths';
import { DashboardChart, DashboardDefinition } from './dashboardTypes';
import { MetricsFilters } from './metricsFilters';

export interface DashboardPage {
  product: ProductDefinition;
  dashboard: DashboardDefinition;
  options: DashboardFilterOptions;
  /** The filters the page opens with, already validated. */
  filters: MetricsFilters;
}

/**
 * The commissioner dashboard shell: filters, the disclosure note and one section per chart, each with a canvas and
 * a table. /static/dashboard.js fills both from the metrics API, so the chart and its table always show the same
 * disclosure-controlled figures and a filter change re-queries them together.
 */
export function renderDashboardHtml(page: DashboardPage): string {
  const { product, dashboard, options, filters } = page;
  const title = `${product.title}: commissioner dashboard`;
  const config = {
    product: product.id,
    metricsPath: dashboardPaths.metrics(product.id),
    providers: Object.fromEntries(options.providers.map((provider) => [provider.code, provider.name])),
    views: Object.fromEntries(product.views.filter((view) => view.metrics).map((view) => [view.name, { provider: Boolean(view.metrics!.provider), grain: view.metrics!.period.grain }])),
    charts: dashboard.charts,
  };
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${dashboardPaths.asset('dashboard.css')}">
<script src="${dashboardPaths.asset('chart.umd.js')}" defer></script>
<script src="${dashboardPaths.asset('dashboard.js')}" defer></script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="banner">
<div class="container">
<p class="banner-kicker">${escapeHtml(product.client)}</p>
<h1>${escapeHtml(product.title)}</h1>
<p class="banner-sub">Commissioner dashboard</p>
</div>
</header>
<main id="main" class="container" data-state="loading" data-product="${escapeHtml(product.id)}">
<p class="lede">${escapeHtml(dashboard.summary)}</p>
${renderFilters(product, options, filters)}
<div class="notice" role="note" aria-labelledby="disclosure-heading">
<h2 id="disclosure-heading">About these figures</h2>
<p data-testid="disclosure-rule">${escapeHtml(disclosureRule)} In the tables, a suppressed figure shows as <span class="suppressed-example">*</span>; charts leave it out.</p>
<p>Data quality: <a href="${dashboardPaths.dqReport(product.id)}" data-testid="dq-report-link">latest data quality report for ${escapeHtml(product.title)}</a>.</p>
</div>
<p id="dashboard-status" class="status" role="status" aria-live="polite">Loading figures…</p>
<noscript><p class="status status-error">The charts and tables need JavaScript. The same figures are available as JSON from ${escapeHtml(dashboardPaths.metrics(product.id))}&lt;view&gt;.</p></noscript>
<nav class="contents" aria-labelledby="contents-heading">
<h2 id="contents-heading">Charts on this page</h2>
<ol>${dashboard.charts.map((chart) => `<li><a href="#chart-${escapeHtml(chart.id)}">${escapeHtml(chart.title)}</a></li>`).join('')}</ol>
</nav>
${dashboard.charts.map((chart) => renderChartSection(product, chart)).join('\n')}
<script type="application/json" id="dashboard-config">${jsonForScript(config)}</script>
</main>
<footer class="footer">
<div class="container">
<p>${escapeHtml(product.title)} for ${escapeHtml(product.client)}. Figures come from the DSCRO extracts loaded so far, pseudonymised and linked at patient level; patient-level results are published only as the totals shown here.</p>
<p>${escapeHtml(disclosureRule)}</p>
</div>
</footer>
</body>
</html>
`;
}

function renderFilters(product: ProductDefinition, options: DashboardFilterOptions, filters: MetricsFilters): string {
  const from = filters.from ?? options.firstMonth ?? '';
  const to = filters.to ?? options.lastMonth ?? '';
  const bounds = `${options.firstMonth ? ` min="${escapeHtml(options.firstMonth)}"` : ''}${options.lastMonth ? ` max="${escapeHtml(options.lastMonth)}"` : ''}`;
  const providerOptions = options.providers
    .map((provider) => `<option value="${escapeHtml(provider.code)}"${provider.code === filters.provider ? ' selected' : ''}>${escapeHtml(`${provider.name} (${provider.code})`)}</option>`)
    .join('');
  return `<form id="dashboard-filters" class="filters" method="get" action="${dashboardPaths.page(product.id)}">
<fieldset>
<legend>Filter the dashboard</legend>
<div class="filter-fields">
<div class="field">
<label for="filter-from">From month</label>
<span class="hint" id="filter-from-hint">For example 2024-04</span>
<input type="month" id="filter-from" name="from" value="${escapeHtml(from)}"${bounds} pattern="[0-9]{4}-[0-9]{2}" aria-describedby="filter-from-hint" data-testid="filter-from">
</div>
<div class="field">
<label for="filter-to">To month</label>
<span class="hint" id="filter-to-hint">Includes the whole month</span>
<input type="month" id="filter-to" name="to" value="${escapeHtml(to)}"${bounds} pattern="[0-9]{4}-[0-9]{2}" aria-describedby="filter-to-hint" data-testid="filter-to">
</div>
<div class="field">
<label for="filter-provider">Provider</label>
<span class="hint" id="filter-provider-hint">Applies to charts broken down by provider</span>
<select id="filter-provider" name="provider" aria-describedby="filter-provider-hint" data-testid="filter-provider"><option value="">All providers</option>${providerOptions}</select>
</div>
</div>
<div class="filter-actions">
<button type="submit" class="button" data-testid="apply-filters">Apply filters</button>
<a class="button-secondary" href="${dashboardPaths.page(product.id)}">Reset</a>
</div>
</fieldset>
</form>`;
}

function renderChartSection(product: ProductDefinition, chart: DashboardChart): string {
  const metrics = product.views.find((view) => view.name === chart.view)!.metrics!;
  const id = escapeHtml(chart.id);
  const scope = [
    metrics.period.grain === 'financialYear' ? 'By financial year (April to March): the month filters select every financial year they fall in.' : '',
    metrics.provider ? '' : 'Covers all providers: this measure is not broken down by provider, so the provider filter does not change it.',
    metrics.aggregate ? 'Built from patient-level records, published only as these totals.' : '',
    chart.stacked ? 'Suppressed figures (*) are left out of the stacks, so a stack can be lower than the total it stands for.' : '',
  ].filter(Boolean);
  return `<section class="chart-card" id="chart-${id}" aria-labelledby="chart-${id}-title" data-chart-id="${id}">
<h2 id="chart-${id}-title">${escapeHtml(chart.title)}</h2>
<p class="chart-description">${escapeHtml(chart.description)}</p>
${scope.map((line) => `<p class="chart-scope">${escapeHtml(line)}</p>`).join('\n')}
<div class="chart-frame" data-testid="chart-${id}" data-view="${escapeHtml(chart.view)}">
<canvas id="chart-${id}-canvas" role="img" aria-label="${escapeHtml(`Chart: ${chart.title}. The table that follows gives the same figures.`)}"><p>${escapeHtml(chart.title)}: see the table that follows.</p></canvas>
</div>
<p class="chart-note" id="chart-${id}-note" data-testid="chart-note-${id}" hidden></p>
<div class="table-wrap" role="region" aria-labelledby="chart-${id}-caption" tabindex="0">
<table data-testid="table-${id}">
<caption id="chart-${id}-caption">${escapeHtml(`${chart.title}: figures under disclosure control`)}</caption>
<thead></thead>
<tbody><tr><td>Loading…</td></tr></tbody>
</table>
</div>
</section>`;
}

/** JSON inside a script element: `<` escaped so no value can close the element. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
