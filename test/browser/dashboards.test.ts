import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { projectRoot } from '../../shared/definitions/projectRoot';
import { generateExtracts, generatorFlows } from '../../shared/generate/generateExtracts';
import { startLocalHttpServer } from '../../shared/hosting/local/localHttpServer';
import { runExtracts } from '../../shared/hosting/local/runExtracts';
import { careflowViewDrops } from '../factories/careflowViewFixture';
import { community360ViewDrops } from '../factories/community360ViewFixture';
import { describeWithChromium, launchChromium, RunningChromium } from '../support/chromium';
import {
  chartModel,
  ChartModel,
  dashboardConfig,
  drawnChart,
  expectedFigureText,
  Filters,
  publishedAnswer,
  tableCells,
  waitUntilReady,
} from '../support/dashboardPage';
import { dropFixture } from '../support/dropFixture';
import { startTestHost, TestHost } from '../support/startTestHost';

const screenshots = join(projectRoot(), 'test-output', 'screenshots');
const docsScreenshots = join(projectRoot(), 'docs', 'screenshots');
/** The README's screenshots are refreshed on request (UPDATE_DOC_SCREENSHOTS=1), so a test run leaves the tree clean. */
const refreshDocScreenshots = process.env.UPDATE_DOC_SCREENSHOTS === '1';
const products = ['careflow', 'community360'] as const;

interface Served {
  host: TestHost;
  server: Server;
  baseUrl: string;
}

async function serve(host: TestHost): Promise<Served> {
  const { server, url } = await startLocalHttpServer(host.host.dependencies, 0);
  return { host, server, baseUrl: url };
}

async function stopServing(served: Served | undefined): Promise<void> {
  if (!served) return;
  await new Promise((resolve) => served.server.close(resolve));
  await served.host.stop();
}

/** Opens a page that records every request, console error and page error, so a test can prove there were none. */
async function openPage(browser: RunningChromium) {
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, requests, errors };
}

async function openDashboard(page: Page, baseUrl: string, product: string, query = ''): Promise<void> {
  await page.goto(`${baseUrl}/dashboard/${product}${query}`);
  await waitUntilReady(page);
}

async function applyFilters(page: Page, filters: Filters): Promise<void> {
  if (filters.from !== undefined) await page.fill('#filter-from', filters.from);
  if (filters.to !== undefined) await page.fill('#filter-to', filters.to);
  if (filters.provider !== undefined) await page.selectOption('#filter-provider', filters.provider);
  await page.click('[data-testid="apply-filters"]');
  await waitUntilReady(page);
}

/**
 * Every chart on the page plots exactly what the metrics API publishes for its view under the same filters, Chart.js
 * draws those figures (suppressed ones left out), and the chart's table shows the same figures, `*` where suppressed.
 * Returns the chart models so a caller can compare pages.
 */
async function expectDashboardMatchesApi(page: Page, baseUrl: string, filters: Filters): Promise<Record<string, ChartModel>> {
  const config = await dashboardConfig(page);
  const models: Record<string, ChartModel> = {};
  for (const chart of config.charts) {
    // Prepare
    const answer = await publishedAnswer(baseUrl, config, chart.view, filters);
    const columns = new Map(answer.columns.map((column) => [column.name, column]));
    const { attribute: model, global } = await chartModel(page, chart.id);
    models[chart.id] = model;

    // Assess: the exposed model is the API's rows, pivoted
    expect(global).toEqual(model);
    expect(model.view).toBe(chart.view);
    expect(new Set(model.labels)).toEqual(new Set(answer.rows.map((row) => row[chart.x])));
    const seriesSeen = new Set(model.datasets.map((dataset) => dataset.series));
    expect(seriesSeen).toEqual(chart.seriesBy ? new Set(answer.rows.map((row) => row[chart.seriesBy!])) : new Set([null]));
    expect(model.datasets).toHaveLength(seriesSeen.size * chart.values.length);
    for (const dataset of model.datasets) {
      expect(chart.values).toContain(dataset.column);
      model.labels.forEach((label, index) => {
        const matching = answer.rows.filter((candidate) => candidate[chart.x] === label && (!chart.seriesBy || candidate[chart.seriesBy] === dataset.series));
        // One published row per point: the chart never stands for figures it would have to add up.
        expect(matching.length).toBeLessThanOrEqual(1);
        const row = matching[0];
        expect({ chart: chart.id, label, series: dataset.series, value: dataset.values[index] }).toEqual({ chart: chart.id, label, series: dataset.series, value: row ? row[dataset.column] : null });
      });
    }

    // Assess: Chart.js draws those figures, a suppressed one as a gap
    const drawn = await drawnChart(page, chart.id);
    expect(drawn).not.toBeNull();
    expect(drawn!.width).toBeGreaterThan(0);
    expect(drawn!.data).toEqual(model.datasets.map((dataset) => dataset.values.map((value) => (value === '*' ? null : value))));
    expect(drawn!.labels).toEqual(model.displayLabels);

    // Assess: the table carries every published row, with the same figures
    const table = await tableCells(page, chart.id);
    if (answer.rows.length === 0) {
      expect(table).toEqual([[expect.objectContaining({ text: 'No figures for these filters.' })]]);
      continue;
    }
    expect(table).toHaveLength(answer.rows.length);
    table.forEach((cells, index) => {
      const row = answer.rows[index];
      for (const cell of cells) {
        expect(cell.column).not.toBeNull();
        const value = row[cell.column!];
        expect({ chart: chart.id, column: cell.column, value: JSON.parse(cell.value!) }).toEqual({ chart: chart.id, column: cell.column, value });
        const column = columns.get(cell.column!)!;
        if (['count', 'amount', 'rate'].includes(column.role)) {
          expect({ chart: chart.id, column: cell.column, text: cell.text }).toEqual({ chart: chart.id, column: cell.column, text: expectedFigureText(column, value) });
        }
        if (value === '*') expect({ mark: cell.mark, spoken: cell.spoken }).toEqual({ mark: '*', spoken: 'suppressed' });
      }
    });
  }
  return models;
}

describeWithChromium('commissioner dashboards in Chromium', () => {
  let browser: RunningChromium;
  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    if (refreshDocScreenshots) mkdirSync(docsScreenshots, { recursive: true });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => browser?.close());

  describe('on the hand-checked view fixtures', () => {
    let served: Served;
    beforeAll(async () => {
      const host = await startTestHost();
      await dropFixture(host.host, careflowViewDrops);
      await dropFixture(host.host, community360ViewDrops);
      served = await serve(host);
    }, 300_000);
    afterAll(async () => stopServing(served));

    it.each(products)('%s: every chart and table shows exactly the published figures, and nothing loads from elsewhere', async (product) => {
      // Prepare
      const { page, requests, errors } = await openPage(browser);

      // Act
      await openDashboard(page, served.baseUrl, product);

      // Assess
      await expectDashboardMatchesApi(page, served.baseUrl, {});
      expect(requests.filter((url) => !url.startsWith(served.baseUrl))).toEqual([]);
      expect(requests).toContain(`${served.baseUrl}/static/chart.umd.js`);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(screenshots, `${product}-fixture.png`), fullPage: true });
      await page.close();
    });

    it('shows the hand-checked CareFlow figures: RLT rounded, RRK suppressed, in the table and the chart', async () => {
      // Prepare
      const { page } = await openPage(browser);

      // Act
      await openDashboard(page, served.baseUrl, 'careflow');

      // Assess: RLT 53 spells -> 55; RRK 7 spells -> *, a gap in the chart
      const { attribute: activity } = await chartModel(page, 'trust-activity');
      expect(activity.labels).toEqual(['2024-05']);
      expect(activity.datasets.map((dataset) => [dataset.series, dataset.values])).toEqual([['RLT', [55]], ['RRK', ['*']]]);
      expect((await drawnChart(page, 'trust-activity'))!.data).toEqual([[55], [null]]);
      expect(await page.isHidden('[data-testid="chart-note-trust-activity"]')).toBe(true);
      const rows = await tableCells(page, 'trust-activity');
      expect(rows.map((cells) => cells.find((cell) => cell.column === 'spells')?.text)).toEqual(['55', '*suppressed']);
      const rrkSpells = rows[1].find((cell) => cell.column === 'spells')!;
      expect(rrkSpells.mark).toBe('*');
      const { attribute: highCost } = await chartModel(page, 'high-cost-hospital-use');
      expect(highCost.datasets.map((dataset) => [dataset.label, dataset.values])).toEqual([
        ['High-cost inpatients', ['*']],
        ['Other inpatients', [142383 / 45]],
      ]);
      expect(await page.textContent('#dashboard-status')).toMatch(/^Showing May 2024 to June 2024, all providers\. \d+ figures are suppressed \(\*\)\.$/);
      await page.close();
    });

    it('re-queries every chart when the provider filter changes', async () => {
      // Prepare
      const { page, errors } = await openPage(browser);
      await openDashboard(page, served.baseUrl, 'careflow');
      const before = await expectDashboardMatchesApi(page, served.baseUrl, { from: '2024-05', to: '2024-06' });

      // Act
      await applyFilters(page, { provider: 'RRK' });

      // Assess
      expect(new URL(page.url()).searchParams.get('provider')).toBe('RRK');
      const after = await expectDashboardMatchesApi(page, served.baseUrl, { from: '2024-05', to: '2024-06', provider: 'RRK' });
      expect(before['trust-activity'].datasets.map((dataset) => dataset.series)).toEqual(['RLT', 'RRK']);
      expect(after['trust-activity'].datasets.map((dataset) => [dataset.series, dataset.values])).toEqual([['RRK', ['*']]]);
      expect(after['mh-referrals-after-discharge'].datasets.map((dataset) => dataset.series)).toEqual(['RRK']);
      // Not broken down by provider: unchanged
      expect(after['high-cost-hospital-use']).toEqual(before['high-cost-hospital-use']);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(screenshots, 'careflow-fixture-rrk.png'), fullPage: true });
      await page.close();
    });

    it('re-queries every chart when the period changes, and opens with the filters in its address', async () => {
      // Prepare
      const { page } = await openPage(browser);
      await openDashboard(page, served.baseUrl, 'community360');
      const before = await expectDashboardMatchesApi(page, served.baseUrl, { from: '2024-05', to: '2024-06' });
      // May's seven attendances: every funnel figure suppressed, so the chart says why it is empty
      expect(await page.textContent('[data-testid="chart-note-pathway-funnel"]')).toBe('Nothing can be drawn: every figure here is suppressed (*). The table shows what is published.');

      // Act
      await applyFilters(page, { from: '2024-06' });

      // Assess: only June's caseload remains; A&E arrivals were all in May
      const after = await expectDashboardMatchesApi(page, served.baseUrl, { from: '2024-06', to: '2024-06' });
      expect(before['community-caseload'].labels).toEqual(['2024-05', '2024-06']);
      expect(after['community-caseload'].labels).toEqual(['2024-06']);
      expect(after['pathway-funnel'].labels).toEqual([]);
      expect(await tableCells(page, 'pathway-funnel')).toEqual([[expect.objectContaining({ text: 'No figures for these filters.' })]]);
      expect(await page.textContent('[data-testid="chart-note-pathway-funnel"]')).toBe('There are no figures for these filters.');

      // Act: the address keeps the filters
      await page.reload();
      await waitUntilReady(page);

      // Assess
      expect(await page.inputValue('#filter-from')).toBe('2024-06');
      expect((await chartModel(page, 'community-caseload')).attribute.labels).toEqual(['2024-06']);
      await page.close();
    });

    it('says what is wrong with a period that ends before it starts, without querying', async () => {
      // Prepare
      const { page, requests } = await openPage(browser);
      await openDashboard(page, served.baseUrl, 'community360');
      const asked = requests.length;

      // Act
      await page.fill('#filter-from', '2024-06');
      await page.fill('#filter-to', '2024-05');
      await page.click('[data-testid="apply-filters"]');

      // Assess
      expect(await page.textContent('#dashboard-status')).toBe('The first month must not be after the last month.');
      expect(await page.getAttribute('#dashboard-status', 'role')).toBe('alert');
      expect(requests.length).toBe(asked);
      await page.close();
    });

    it('can be used from the keyboard: skip link first, then every filter, the button and each table', async () => {
      // Prepare
      const { page } = await openPage(browser);
      await openDashboard(page, served.baseUrl, 'careflow');

      // Act
      const focused: string[] = [];
      for (let step = 0; step < 40; step += 1) {
        await page.keyboard.press('Tab');
        focused.push(await page.evaluate(() => {
          const active = (globalThis as unknown as { document: { activeElement: { id: string; className: string; getAttribute(name: string): string | null } | null } }).document.activeElement;
          return active ? active.id || active.getAttribute('data-testid') || active.getAttribute('aria-labelledby') || active.className : '';
        }));
      }

      // Assess
      expect(focused[0]).toBe('skip-link');
      const order = ['filter-from', 'filter-to', 'filter-provider', 'apply-filters', 'chart-high-cost-prescribing-items-caption'].map((id) => focused.indexOf(id));
      expect(order.every((index) => index > 0)).toBe(true);
      expect([...order].sort((a, b) => a - b)).toEqual(order);

      // Act: choose a provider and apply with the keyboard alone
      await page.focus('#filter-provider');
      await page.selectOption('#filter-provider', 'RLT');
      await page.focus('[data-testid="apply-filters"]');
      await page.keyboard.press('Enter');
      await waitUntilReady(page);

      // Assess
      expect((await chartModel(page, 'trust-activity')).attribute.datasets.map((dataset) => dataset.series)).toEqual(['RLT']);
      await page.close();
    });
  });

  describe('on a synthetic half-year of extracts for both products', () => {
    let served: Served;
    const inputDir = mkdtempSync(join(tmpdir(), 'dscro-dashboard-input-'));
    beforeAll(async () => {
      const host = await startTestHost();
      await generateExtracts({ outDir: inputDir, seed: 11, patients: 1500, months: 6, flows: generatorFlows });
      await runExtracts(host.host, { inputDir, reportsDir: join(inputDir, 'reports'), warehouseFile: ':memory:' });
      served = await serve(host);
    }, 600_000);
    afterAll(async () => {
      await stopServing(served);
      rmSync(inputDir, { recursive: true, force: true });
    });

    it.each(products)('%s: charts match the API before and after filtering, and the filters change the figures', async (product) => {
      // Prepare
      const { page, errors, requests } = await openPage(browser);
      await openDashboard(page, served.baseUrl, product);
      const config = await dashboardConfig(page);
      const firstMonth = await page.inputValue('#filter-from');
      const lastMonth = await page.inputValue('#filter-to');

      // Act
      const all = await expectDashboardMatchesApi(page, served.baseUrl, { from: firstMonth, to: lastMonth });
      await page.screenshot({ path: join(screenshots, `${product}-dashboard.png`), fullPage: true });
      if (refreshDocScreenshots) await page.screenshot({ path: join(docsScreenshots, `${product}-dashboard.png`), fullPage: true });

      // Assess: real-sized data still has suppressed cells (small Trusts, rare modalities)
      const suppressedCells = (await Promise.all(config.charts.map((chart) => tableCells(page, chart.id)))).flat(2).filter((cell) => cell.value === '"*"');
      expect(suppressedCells.length).toBeGreaterThan(0);
      expect(suppressedCells.every((cell) => cell.mark === '*')).toBe(true);

      // Act: the busiest provider, and the last three months
      const provider = await page.$eval('#filter-provider option:nth-child(2)', (option) => (option as unknown as { value: string }).value);
      const from = `${lastMonth.slice(0, 5)}${String(Number(lastMonth.slice(5)) - 2).padStart(2, '0')}`;
      await applyFilters(page, { provider, from });
      const filtered = await expectDashboardMatchesApi(page, served.baseUrl, { provider, from, to: lastMonth });
      await page.screenshot({ path: join(screenshots, `${product}-dashboard-filtered.png`), fullPage: true });

      // Assess: a provider-level chart lost its other providers, and a monthly chart its earlier months
      const byProvider = config.charts.find((chart) => config.views[chart.view].provider && chart.seriesBy && config.views[chart.view].grain === 'month')!;
      expect(all[byProvider.id].datasets.length).toBeGreaterThan(filtered[byProvider.id].datasets.length);
      expect(filtered[byProvider.id].datasets.every((dataset) => dataset.series === provider)).toBe(true);
      const monthly = config.charts.find((chart) => config.views[chart.view].grain === 'month')!;
      expect(filtered[monthly.id].labels.every((month) => String(month) >= from)).toBe(true);
      expect(all[monthly.id].labels.length).toBeGreaterThan(filtered[monthly.id].labels.length);
      expect(requests.filter((url) => !url.startsWith(served.baseUrl))).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
});
