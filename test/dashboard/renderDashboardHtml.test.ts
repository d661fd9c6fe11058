import { loadDashboardDefinition } from '../../shared/dashboard/loadDashboardDefinition';
import { renderDashboardHtml } from '../../shared/dashboard/renderDashboardHtml';
import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';

const registry = DefinitionRegistry.load();
const options = { providers: [{ code: 'RRK', name: 'University Hospitals Birmingham NHS Foundation Trust' }, { code: 'RLT', name: 'George Eliot Hospital NHS Trust' }], firstMonth: '2024-04', lastMonth: '2024-09' };

function page(productId: string, filters = {}) {
  const product = registry.product(productId);
  return renderDashboardHtml({ product, dashboard: loadDashboardDefinition(registry, productId)!, options, filters });
}

describe('renderDashboardHtml', () => {
  it.each(['careflow', 'community360'])('gives every %s chart a labelled canvas, a captioned table and an anchor', (productId) => {
    // Act
    const html = page(productId);

    // Assess
    for (const chart of loadDashboardDefinition(registry, productId)!.charts) {
      expect(html).toContain(`<section class="chart-card" id="chart-${chart.id}" aria-labelledby="chart-${chart.id}-title"`);
      expect(html).toMatch(new RegExp(`<canvas id="chart-${chart.id}-canvas" role="img" aria-label="Chart: [^"]+">`));
      expect(html).toContain(`<table data-testid="table-${chart.id}">`);
      expect(html).toContain(`<caption id="chart-${chart.id}-caption">`);
      expect(html).toContain(`<a href="#chart-${chart.id}">`);
    }
  });

  it('labels every filter control, links the latest DQ report and states the disclosure rule', () => {
    // Act
    const html = page('careflow');

    // Assess
    for (const id of ['filter-from', 'filter-to', 'filter-provider']) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('href="/reports/dq/careflow/latest"');
    expect(html).toMatch(/data-testid="disclosure-rule">NHS Digital disclosure control: 0 is shown as 0, 1 to 7 as \*/);
  });

  it('loads nothing from another host, so the page works offline', () => {
    const html = page('community360');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).toContain('<script src="/static/chart.umd.js" defer></script>');
  });

  it('opens with the month bounds of the data, or with the filters asked for', () => {
    expect(page('careflow')).toMatch(/id="filter-from" name="from" value="2024-04" min="2024-04" max="2024-09"/);
    const filtered = page('careflow', { from: '2024-06', provider: 'RLT' });
    expect(filtered).toContain('name="from" value="2024-06"');
    expect(filtered).toContain('<option value="RLT" selected>George Eliot Hospital NHS Trust (RLT)</option>');
  });

  it('escapes definition text and keeps the embedded configuration inside its script element', () => {
    // Prepare
    const product = { ...registry.product('careflow'), title: 'Care <b>&</b> "Flow"' };
    const dashboard = { ...loadDashboardDefinition(registry, 'careflow')!, summary: '</script><script>alert(1)</script>' };

    // Act
    const html = renderDashboardHtml({ product, dashboard, options, filters: {} });

    // Assess
    expect(html).toContain('Care &lt;b&gt;&amp;&lt;/b&gt; &quot;Flow&quot;');
    expect(html).not.toContain('<script>alert(1)');
    const config = /<script type="application\/json" id="dashboard-config">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(JSON.parse(config).product).toBe('careflow');
  });
});
