import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { projectRoot } from '../definitions/projectRoot';
import { HttpAnswer, textAnswer } from '../http/httpAnswer';

interface StaticAsset {
  file: () => string;
  contentType: string;
}

/**
 * The only files served under /static/: Chart.js from the installed package (no CDN, so the dashboards work
 * offline and send nothing to a third party) and the dashboard's own script and styles. A fixed list, so no
 * request path ever reaches the file system.
 */
const assets: Record<string, StaticAsset> = {
  // The package's exports map hides dist/ files, so the UMD build is found beside the CommonJS entry it resolves to.
  'chart.umd.js': { file: () => join(dirname(require.resolve('chart.js')), 'chart.umd.js'), contentType: 'text/javascript; charset=utf-8' },
  'dashboard.js': { file: () => join(projectRoot(), 'shared', 'dashboard', 'assets', 'dashboard.js'), contentType: 'text/javascript; charset=utf-8' },
  'dashboard.css': { file: () => join(projectRoot(), 'shared', 'dashboard', 'assets', 'dashboard.css'), contentType: 'text/css; charset=utf-8' },
};

const contents = new Map<string, string>();

/** GET /static/{asset}: each asset is read once per process. */
export function answerStaticAssetRequest(name: string | undefined): HttpAnswer {
  const asset = name && Object.prototype.hasOwnProperty.call(assets, name) ? assets[name] : undefined;
  if (!name || !asset) return textAnswer(404, 'no such asset');
  let body = contents.get(name);
  if (body === undefined) {
    body = readFileSync(asset.file(), 'utf8');
    contents.set(name, body);
  }
  return { status: 200, headers: { 'content-type': asset.contentType, 'cache-control': 'public, max-age=300', 'x-content-type-options': 'nosniff' }, body };
}
