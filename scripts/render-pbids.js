#!/usr/bin/env node
/*
 * Fills the Power BI data source templates (infra/powerbi/*.pbids) with the Synapse endpoint from the same settings
 * the Function App uses, and writes them where an analyst can double-click them:
 *
 *   SYNAPSE_SERVER=<workspace>.sql.azuresynapse.net SYNAPSE_DATABASE=<pool> node scripts/render-pbids.js [--out DIR]
 *
 * DIR defaults to .local/powerbi (git-ignored). The templates are committed with placeholders only: an endpoint is
 * environment configuration, not source. A .pbids file holds no credential; Power BI asks the user to sign in
 * (Microsoft account / Entra ID) when it opens.
 */
const { mkdirSync, readFileSync, readdirSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = join(__dirname, '..');
const templates = join(root, 'infra', 'powerbi');
const placeholders = { '<SYNAPSE_SERVER>': 'SYNAPSE_SERVER', '<SYNAPSE_DATABASE>': 'SYNAPSE_DATABASE' };

function fail(message) {
  console.error(message);
  process.exit(1);
}

function outputFolder(argv) {
  const index = argv.indexOf('--out');
  if (index === -1) return join(root, '.local', 'powerbi');
  if (!argv[index + 1]) fail('--out needs a folder');
  return resolve(argv[index + 1]);
}

function settings(env) {
  const values = {};
  for (const [placeholder, name] of Object.entries(placeholders)) {
    const value = (env[name] ?? '').trim();
    if (!value) fail(`${name} is not set: export it (the Function App's app setting of the same name) and run again`);
    values[placeholder] = value;
  }
  // A TDS server address: host name, optionally ",port". Anything else is a typo that Power BI reports badly.
  if (!/^[A-Za-z0-9.-]+(,\d+)?$/.test(values['<SYNAPSE_SERVER>'])) fail(`SYNAPSE_SERVER must be a host name such as <workspace>.sql.azuresynapse.net`);
  return values;
}

function fill(value, values) {
  if (typeof value === 'string') return values[value] ?? value;
  if (Array.isArray(value)) return value.map((item) => fill(item, values));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values)]));
  return value;
}

const values = settings(process.env);
const out = outputFolder(process.argv.slice(2));
mkdirSync(out, { recursive: true });
for (const name of readdirSync(templates).filter((file) => file.endsWith('.pbids'))) {
  const rendered = JSON.stringify(fill(JSON.parse(readFileSync(join(templates, name), 'utf8')), values), null, 2);
  if (/<[A-Z_]+>/.test(rendered)) fail(`${name} still has a placeholder after filling: add it to scripts/render-pbids.js`);
  writeFileSync(join(out, name), `${rendered}\n`);
  console.log(`wrote ${join(out, name)}`);
}
