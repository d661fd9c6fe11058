import type { RuleStatus } from '../../shared/dq/dqReport';
import { escapeHtml } from '../../shared/dq/escapeHtml';
import { renderDqReportHtml } from '../../shared/dq/renderDqReportHtml';
import { dqReportFactory, reconciliationRowFactory, ruleResultFactory } from '../factories/dqReportFactory';

const SUPPRESSED = '<span class="suppressed" title="Suppressed (disclosure control)">*<span class="visually-hidden"> (suppressed)</span></span>';

/** The <tr> carrying `attribute="value"`, so assertions are about one row rather than the whole page. */
function rowWith(html: string, attribute: string, value: string): string {
  const pattern = new RegExp(`<tr ${attribute}="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>[\\s\\S]*?</tr>`);
  const match = html.match(pattern);
  if (!match) throw new Error(`no row with ${attribute}="${value}"`);
  return match[0];
}

function cells(row: string): string[] {
  return [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((match) => match[1]);
}

describe('renderDqReportHtml', () => {
  describe('operations view', () => {
    it('shows each rule id with its unrounded counts and rate in that rule’s row', () => {
      // Prepare
      const report = dqReportFactory({
        rules: [
          ruleResultFactory({ ruleId: 'APC-001', rowsChecked: 12481, rowsFailing: 0, failRate: 0, status: 'pass' }),
          ruleResultFactory({ ruleId: 'APC-007', rowsChecked: 903, rowsFailing: 3, failRate: 3 / 903, status: 'warn', severity: 'warn' }),
        ],
      });

      // Act
      const html = renderDqReportHtml(report, { audience: 'operations' });

      // Assess
      expect(cells(rowWith(html, 'data-rule-id', 'APC-001')).slice(5, 8)).toEqual(['12,481', '0', '0%']);
      expect(cells(rowWith(html, 'data-rule-id', 'APC-007')).slice(5, 8)).toEqual(['903', '3', '0.33%']);
      expect(rowWith(html, 'data-rule-id', 'APC-007')).toContain('<code>APC-007</code>');
    });

    it('lists sample rows as "key @ line N"', () => {
      // Prepare
      const report = dqReportFactory({
        rules: [ruleResultFactory({ ruleId: 'APC-014', rowsFailing: 10, samples: [{ businessKey: 'APCE-000123', sourceLine: 1207 }] })],
      });

      // Act
      const html = renderDqReportHtml(report, { audience: 'operations' });

      // Assess
      expect(rowWith(html, 'data-rule-id', 'APC-014')).toContain('<li><code>APCE-000123</code> @ line 1,207</li>');
    });

    it('shows the rate and count thresholds a rule is held to', () => {
      // Prepare
      const report = dqReportFactory({ rules: [ruleResultFactory({ ruleId: 'R', threshold: { maxFailRate: 0.005, maxFailCount: 1500 } })] });

      // Act
      const html = renderDqReportHtml(report, { audience: 'operations' });

      // Assess
      expect(cells(rowWith(html, 'data-rule-id', 'R'))[4]).toBe('max 0.5% and max 1,500 rows');
    });

    it('says how far an unbalanced extract is out', () => {
      // Prepare
      const extractId = 'deadbeef'.repeat(8);
      const report = dqReportFactory({
        reconciliation: [reconciliationRowFactory({ extractId, rowsIn: 100, rowsLoaded: 90, rowsQuarantined: 7, balanced: false })],
      });

      // Act
      const html = renderDqReportHtml(report, { audience: 'operations' });

      // Assess
      expect(rowWith(html, 'data-extract-id', extractId)).toContain('(3 rows unaccounted for)');
    });
  });

  describe('commissioner view (the default)', () => {
    it('suppresses counts of 1 to 7, rounds the rest to the nearest 5 and suppresses rates built on suppressed counts', () => {
      // Prepare
      const report = dqReportFactory({
        rules: [
          ruleResultFactory({ ruleId: 'SMALL', rowsChecked: 903, rowsFailing: 3, failRate: 3 / 903, status: 'warn' }),
          ruleResultFactory({ ruleId: 'ROUNDED', rowsChecked: 1003, rowsFailing: 12, failRate: 12 / 1003, status: 'fail' }),
        ],
      });

      // Act
      const html = renderDqReportHtml(report);

      // Assess
      expect(cells(rowWith(html, 'data-rule-id', 'SMALL')).slice(5, 8)).toEqual(['905', SUPPRESSED, SUPPRESSED]);
      // 10 / 1,005 rather than the unrounded 12 / 1,003, which would give the exact count back.
      expect(cells(rowWith(html, 'data-rule-id', 'ROUNDED')).slice(5, 8)).toEqual(['1,005', '10', '1%']);
    });

    it('withholds sample row references', () => {
      // Prepare
      const report = dqReportFactory({
        rules: [ruleResultFactory({ ruleId: 'R', rowsFailing: 2, samples: [{ businessKey: 'APCE-000123', sourceLine: 42 }] })],
      });

      // Act
      const html = renderDqReportHtml(report);

      // Assess
      expect(html).not.toContain('APCE-000123');
      expect(html).not.toContain('Sample rows</th>');
    });

    it('applies disclosure control to reconciliation and quarantine reason counts', () => {
      // Prepare
      const extractId = 'abc123'.repeat(10);
      const report = dqReportFactory({
        reconciliation: [
          reconciliationRowFactory({ extractId, rowsIn: 1002, rowsLoaded: 998, rowsQuarantined: 4, quarantineReasons: { 'invalid date': 4 } }),
        ],
      });

      // Act
      const row = rowWith(renderDqReportHtml(report), 'data-extract-id', extractId);

      // Assess
      expect(cells(row).slice(3, 6)).toEqual(['1,000', '1,000', SUPPRESSED]);
      expect(row).toContain(`<li>invalid date: ${SUPPRESSED}</li>`);
    });
  });

  it.each([
    ['operations', { audience: 'operations' as const }],
    ['commissioner', {}],
  ])('escapes a rule description containing <script> (%s view)', (_view, options) => {
    // Prepare
    const report = dqReportFactory({
      rules: [ruleResultFactory({ ruleId: 'X-1', description: '<script>alert("pwned")</script> & more' })],
    });

    // Act
    const html = renderDqReportHtml(report, options);

    // Assess
    expect(html).not.toMatch(/<script/i);
    expect(rowWith(html, 'data-rule-id', 'X-1')).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; more');
  });

  it('escapes values used inside attributes', () => {
    // Prepare
    const report = dqReportFactory({ rules: [ruleResultFactory({ ruleId: 'R"><img src=x onerror=alert(1)>' })] });

    // Act
    const html = renderDqReportHtml(report);

    // Assess
    expect(html).not.toContain('<img');
    expect(html).toContain('data-rule-id="R&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('marks an unbalanced reconciliation row and leaves balanced rows unmarked', () => {
    // Prepare
    const balancedId = 'a'.repeat(64);
    const unbalancedId = 'b'.repeat(64);
    const report = dqReportFactory({
      reconciliation: [
        reconciliationRowFactory({ extractId: balancedId }),
        reconciliationRowFactory({ extractId: unbalancedId, rowsIn: 100, rowsLoaded: 90, rowsQuarantined: 5, balanced: false }),
      ],
    });

    // Act
    const html = renderDqReportHtml(report);

    // Assess
    const unbalanced = rowWith(html, 'data-extract-id', unbalancedId);
    expect(unbalanced).toMatch(/^<tr [^>]*data-balanced="false" class="unbalanced">/);
    expect(unbalanced).toContain('✗</span> Not balanced');
    const balanced = rowWith(html, 'data-extract-id', balancedId);
    expect(balanced).toMatch(/^<tr [^>]*data-balanced="true">/);
    expect(balanced).toContain('✓</span> Balanced');
    expect(html).toContain('<span class="summary-count" data-testid="dq-summary-balanced">1 of 2</span>');
  });

  it('marks a row unbalanced when its counts do not add up, whatever its flag says', () => {
    // Prepare
    const extractId = 'c'.repeat(64);
    const report = dqReportFactory({
      reconciliation: [reconciliationRowFactory({ extractId, rowsIn: 100, rowsLoaded: 100, rowsQuarantined: 5, balanced: true })],
    });

    // Act
    const html = renderDqReportHtml(report, { audience: 'operations' });

    // Assess
    const row = rowWith(html, 'data-extract-id', extractId);
    expect(row).toContain('data-balanced="false"');
    expect(row).toContain('(5 more rows out than in)');
  });

  it('shows a shortened extract id with the full id kept in its title', () => {
    // Prepare
    const extractId = '0123456789abcdef'.repeat(4);
    const report = dqReportFactory({ reconciliation: [reconciliationRowFactory({ extractId })] });

    // Act
    const html = renderDqReportHtml(report);

    // Assess
    expect(cells(rowWith(html, 'data-extract-id', extractId))[0]).toBe(`<code title="${extractId}">0123456789ab…</code>`);
  });

  it.each<[RuleStatus, string]>([
    ['pass', 'Pass'],
    ['warn', 'Warn'],
    ['fail', 'Fail'],
  ])('shows a %s status badge for the overall status', (status, label) => {
    // Prepare
    const report = dqReportFactory({ status });

    // Act
    const html = renderDqReportHtml(report);

    // Assess
    const badges = html.match(/<strong [^>]*data-testid="dq-status-badge"[^>]*>[^<]*<\/strong>/g);
    expect(badges).toEqual([`<strong class="badge badge-${status}" data-testid="dq-status-badge" data-status="${status}">${label}</strong>`]);
  });

  it('shows the header details of the run and its trigger', () => {
    // Prepare
    const report = dqReportFactory({
      productTitle: 'Community <360>',
      runId: 'run-42',
      generatedAt: '2025-07-01T08:05:00Z',
      trigger: { extractId: 'e'.repeat(64), flow: 'csds', fileName: 'CSDS_RXX_202506.csv' },
    });

    // Act
    const html = renderDqReportHtml(report);

    // Assess
    expect(html).toContain('<h1>Community &lt;360&gt;</h1>');
    expect(html).toContain('<code>run-42</code>');
    expect(html).toContain('<time datetime="2025-07-01T08:05:00Z">1 Jul 2025, 09:05 BST</time>');
    expect(html).toContain(`<code class="wrap">${'e'.repeat(64)}</code>`);
    expect(html).toContain('<code>csds</code>');
    expect(html).toContain('CSDS_RXX_202506.csv');
  });

  it('counts rules passed, warned and failed', () => {
    // Prepare
    const report = dqReportFactory({
      rules: [
        ruleResultFactory({ ruleId: 'A', status: 'pass' }),
        ruleResultFactory({ ruleId: 'B', status: 'fail' }),
        ruleResultFactory({ ruleId: 'C', status: 'fail' }),
        ruleResultFactory({ ruleId: 'D', status: 'warn' }),
      ],
    });

    // Act
    const html = renderDqReportHtml(report);

    // Assess
    expect(html).toContain('data-testid="dq-summary-passed">1<');
    expect(html).toContain('data-testid="dq-summary-warned">1<');
    expect(html).toContain('data-testid="dq-summary-failed">2<');
  });

  it('draws one bar pair per run, oldest first, and tabulates the runs newest first', () => {
    // Prepare
    const report = dqReportFactory({
      runId: 'run-3',
      rules: [ruleResultFactory({ status: 'fail' })],
      trend: [
        { runId: 'run-2', generatedAt: '2025-02-25T09:15:00Z', status: 'warn', rulesFailed: 0, rulesWarned: 4 },
        { runId: 'run-1', generatedAt: '2025-02-18T09:15:00Z', status: 'fail', rulesFailed: 2, rulesWarned: 1 },
      ],
    });

    // Act
    const html = renderDqReportHtml(report);

    // Assess
    const chart = html.match(/<svg[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect([...chart.matchAll(/<g data-run-id="([^"]+)"/g)].map((match) => match[1])).toEqual(['run-1', 'run-2', 'run-3']);
    expect(chart).toContain('<title>run-2: 4 rules warned</title>');
    expect(chart).toContain('<title>run-3 (this run): 1 rule failed</title>');
    const trendTable = html.match(/<table data-testid="dq-trend-table">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect([...trendTable.matchAll(/<tr data-run-id="([^"]+)"/g)].map((match) => match[1])).toEqual(['run-3', 'run-2', 'run-1']);
    expect(cells(rowWith(html, 'data-run-id', 'run-1')).slice(3)).toEqual(['2', '1']);
  });

  it('says so when there are no earlier runs', () => {
    // Prepare
    const report = dqReportFactory({ trend: [] });

    // Act
    const html = renderDqReportHtml(report);

    // Assess
    expect(html).toContain('No earlier runs of this product yet.');
    expect(html).toContain('data-testid="dq-trend-chart"');
  });

  it('is a self-contained page with test hooks on its main tables', () => {
    // Prepare
    const report = dqReportFactory();

    // Act
    const html = renderDqReportHtml(report, { audience: 'operations' });

    // Assess
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en-GB">/);
    expect(html).not.toMatch(/<script|<link|\ssrc=|url\(|@import|https?:\/\//i);
    for (const testId of ['dq-status-badge', 'dq-summary', 'dq-rules-table', 'dq-reconciliation-table', 'dq-trend-table', 'dq-trend-chart']) {
      expect(html).toContain(`data-testid="${testId}"`);
    }
    expect(html).toContain('never patient identifiers');
  });

  it('renders empty rule and reconciliation lists without tables', () => {
    // Prepare
    const report = dqReportFactory({ rules: [], reconciliation: [] });

    // Act
    const html = renderDqReportHtml(report);

    // Assess
    expect(html).toContain('No rules ran in this run.');
    expect(html).toContain('No extracts to reconcile in this run.');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    // Prepare
    const text = `<a href="x" title='y'>&</a>`;

    // Act
    const escaped = escapeHtml(text);

    // Assess
    expect(escaped).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
