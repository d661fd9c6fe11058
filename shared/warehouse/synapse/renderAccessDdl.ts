import { WarehouseModel } from '../warehouseModel';
import { stagingSchema } from './renderSynapseDdl';
import { quoteName, quoteString } from './synapseTypes';

export const analystRole = 'dscro_analyst';
export const reportRole = 'dscro_report_reader';

/**
 * Read access, by role (members are added by infra/sql/access/members.sql): analysts read everything in the
 * warehouse schema; the report role, which Power BI semantic models connect as, reads only the views that are
 * not patient level and the dimensions reports slice by. Commissioners themselves get no database access: they see
 * reports, where the disclosure-control measures apply (docs/powerbi.md).
 */
export function renderAccessDdl(model: WarehouseModel): string[] {
  const schema = quoteName(model.schema);
  const role = (name: string) => `IF DATABASE_PRINCIPAL_ID(${quoteString(name)}) IS NULL CREATE ROLE ${quoteName(name)};`;
  const reportObjects = [...model.views.filter((view) => !view.patientLevel).map((view) => view.name), 'dim_date', 'dim_organisation', 'dim_hrg'];
  return [
    role(analystRole),
    `GRANT SELECT ON SCHEMA::${schema} TO ${quoteName(analystRole)};`,
    role(reportRole),
    ...reportObjects.map((object) => `GRANT SELECT ON ${schema}.${quoteName(object)} TO ${quoteName(reportRole)};`),
    `DENY SELECT ON SCHEMA::${quoteName(stagingSchema)} TO ${quoteName(analystRole)}, ${quoteName(reportRole)};`,
  ];
}
