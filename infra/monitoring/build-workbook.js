#!/usr/bin/env node
// Writes workbook.json from the .kql files beside it, so the workbook and the queries operators run by hand never
// drift apart (test/infra checks they match). Run after editing a query: node infra/monitoring/build-workbook.js
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const panels = [
  { file: 'pipeline-runs-by-status.kql', title: 'Pipeline runs by status (7 days)', visualization: 'barchart' },
  { file: 'slowest-stages.kql', title: 'Slowest stages: duration p50 / p95 / max in seconds (7 days)', visualization: 'table' },
  { file: 'quarantine-rate-by-flow-and-provider.kql', title: 'Quarantine rate by flow and provider (30 days)', visualization: 'table' },
  { file: 'dead-letters.kql', title: 'Dead letters per queue (7 days)', visualization: 'timechart' },
  { file: 'dq-failures-over-time.kql', title: 'DQ rule failures and warnings per day (90 days)', visualization: 'timechart' },
];

function buildWorkbook(directory = __dirname) {
  const items = [
    {
      type: 1,
      name: 'intro',
      content: {
        json: '## dscro-flows\nEach extract from landing to its DQ report. What each alert means and what to do: docs/runbook.md.',
      },
    },
    ...panels.map((panel) => ({
      type: 3,
      name: panel.file.replace(/\.kql$/, ''),
      content: {
        version: 'KqlItem/1.0',
        query: readFileSync(join(directory, panel.file), 'utf8'),
        size: 0,
        title: panel.title,
        queryType: 0,
        resourceType: 'microsoft.insights/components',
        visualization: panel.visualization,
      },
    })),
  ];
  return {
    version: 'Notebook/1.0',
    items,
    fallbackResourceIds: [],
    $schema: 'https://github.com/Microsoft/Application-Insights-Workbooks/blob/master/schema/workbook.json',
  };
}

if (require.main === module) {
  writeFileSync(join(__dirname, 'workbook.json'), `${JSON.stringify(buildWorkbook(), null, 2)}\n`);
}

module.exports = { buildWorkbook, panels };
