import { DqRunIndex, dqIndexPath } from '../stages/dq/dqRunIndex';
import { StageDependencies } from '../stages/StageDependencies';
import { Zones } from '../storage/zones';
import { DqReport } from './dqReport';

/** The newest DQ report of a product, from its run index in the reports zone; undefined before the first run. */
export async function latestDqReport(dependencies: StageDependencies, product: string): Promise<DqReport | undefined> {
  const index = await dependencies.blobs.readText(Zones.reports, dqIndexPath(product));
  if (!index) return undefined;
  const latest = (JSON.parse(index.text) as DqRunIndex).runs[0];
  if (!latest) return undefined;
  const report = await dependencies.blobs.readText(Zones.reports, latest.reportPath);
  return report ? (JSON.parse(report.text) as DqReport) : undefined;
}
