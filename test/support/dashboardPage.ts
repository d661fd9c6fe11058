import { Page } from 'playwright-core';
import { DashboardChart } from '../../shared/dashboard/dashboardTypes';

/** A chart's plotted figures as the page exposes them (data-values on its frame, window.dashboardCharts). */
export interface ChartModel {
  view: string;
  x: string;
  seriesBy: string | null;
  labels: (string | null)[];
  displayLabels: string[];
  datasets: { label: string; column: string; series: string | null; values: unknown[] }[];
}

export interface PublishedAnswer {
  columns: { name: string; label: string; role: string; format?: string; unit?: string }[];
  rows: Record<string, unknown>[];
  disclosure: { rule: string; suppressed: number };
}

export interface DashboardConfig {
  product: string;
  views: Record<string, { provider: boolean; grain: string }>;
  charts: DashboardChart[];
}

export interface TableCell {
  column: string | null;
  value: string | null;
  text: string;
  mark: string | null;
  spoken: string | null;
}

export interface Filters {
  from?: string;
  to?: string;
  provider?: string;
}

/** What the page's script sets on window; the test code has no DOM typings, so the shape is stated here. */
interface DashboardWindow {
  dashboardReady: boolean;
  dashboardCharts: Record<string, ChartModel>;
  Chart: { getChart(canvas: unknown): { data: { labels: unknown[]; datasets: { data: unknown[] }[] } } | undefined };
  document: { getElementById(id: string): { textContent: string; width: number; height: number } | null };
}

/** The little of the DOM the table reader uses. */
interface DomElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export async function waitUntilReady(page: Page): Promise<void> {
  await page.waitForFunction(() => (globalThis as unknown as DashboardWindow).dashboardReady === true, undefined, { timeout: 30_000 });
}

export async function dashboardConfig(page: Page): Promise<DashboardConfig> {
  return page.evaluate(() => JSON.parse((globalThis as unknown as DashboardWindow).document.getElementById('dashboard-config')!.textContent) as DashboardConfig);
}

export async function chartModel(page: Page, chartId: string): Promise<{ attribute: ChartModel; global: ChartModel }> {
  const attribute = JSON.parse((await page.getAttribute(`[data-testid="chart-${chartId}"]`, 'data-values')) ?? 'null') as ChartModel;
  const global = await page.evaluate((id) => (globalThis as unknown as DashboardWindow).dashboardCharts[id], chartId);
  return { attribute, global };
}

/** What Chart.js holds for the chart's canvas: the labels and the data it draws, and the canvas size. */
export async function drawnChart(page: Page, chartId: string): Promise<{ labels: unknown[]; data: unknown[][]; width: number; height: number } | null> {
  return page.evaluate((id) => {
    const w = globalThis as unknown as DashboardWindow;
    const canvas = w.document.getElementById(`chart-${id}-canvas`);
    const chart = w.Chart.getChart(canvas);
    if (!canvas || !chart) return null;
    return { labels: chart.data.labels, data: chart.data.datasets.map((dataset) => dataset.data), width: canvas.width, height: canvas.height };
  }, chartId);
}

/** Every body cell of a chart's table: its column, the published value it carries, and what a reader sees and hears. */
export async function tableCells(page: Page, chartId: string): Promise<TableCell[][]> {
  return page.$$eval(`[data-testid="table-${chartId}"] tbody tr`, (rows) =>
    (rows as unknown as DomElement[]).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => ({
        column: cell.getAttribute('data-column'),
        value: cell.getAttribute('data-value'),
        text: (cell.textContent ?? '').trim(),
        mark: cell.querySelector('.suppressed-mark')?.textContent ?? null,
        spoken: cell.querySelector('.visually-hidden')?.textContent ?? null,
      })),
    ),
  );
}

/** The metrics API's answer for a chart's view, with the filters the page sends for it. */
export async function publishedAnswer(baseUrl: string, config: DashboardConfig, view: string, filters: Filters): Promise<PublishedAnswer> {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.provider && config.views[view].provider) params.set('provider', filters.provider);
  const response = await fetch(`${baseUrl}/api/products/${config.product}/metrics/${view}?${params.toString()}`);
  if (response.status !== 200) throw new Error(`metrics API answered ${response.status} for ${view}`);
  return (await response.json()) as PublishedAnswer;
}

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How a published figure should read in a table cell, stated independently of the page's script. */
export function expectedFigureText(column: PublishedAnswer['columns'][number], value: unknown): string {
  if (value === null) return '–';
  if (value === '*') return '*suppressed';
  const number = value as number;
  if (column.role === 'count') return integer.format(number);
  if (column.role === 'amount') return pounds.format(number);
  if (column.format === 'percent') return percent.format(number);
  return column.unit === 'GBP' ? poundsAndPence.format(number) : decimal.format(number);
}
