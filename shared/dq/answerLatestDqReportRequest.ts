import { HttpAnswer, noStoreHeaders, textAnswer } from '../http/httpAnswer';
import { StageDependencies } from '../stages/StageDependencies';
import { latestDqReport } from './latestDqReport';
import { renderDqReportHtml } from './renderDqReportHtml';

/** The page's own inline styles and SVG only: it is also stored and opened offline from the reports zone. */
const dqReportContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

/** GET /reports/dq/{product}/latest: the newest assurance report as HTML, in the commissioner (disclosure-controlled) view. */
export async function answerLatestDqReportRequest(dependencies: StageDependencies, product: string | undefined): Promise<HttpAnswer> {
  if (!product || !/^[a-z][a-z0-9]{0,39}$/.test(product)) return textAnswer(400, 'product must be lowercase letters and digits, for example careflow');
  if (!dependencies.registry.products().some((candidate) => candidate.id === product)) return textAnswer(404, `no product ${product}`);
  const report = await latestDqReport(dependencies, product);
  if (!report) return textAnswer(404, `no DQ report yet for product ${product}`);
  return {
    status: 200,
    headers: { ...noStoreHeaders, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': dqReportContentSecurityPolicy },
    body: renderDqReportHtml(report, { audience: 'commissioner' }),
  };
}
