import { DefinitionRegistry } from '../../../shared/definitions/DefinitionRegistry';
import { servedUrlLines } from '../../../shared/hosting/local/servedUrlLines';

describe('servedUrlLines', () => {
  it("lists each product's dashboard, metrics API and DQ report under the server's address", () => {
    // Act
    const lines = servedUrlLines('http://127.0.0.1:7071', DefinitionRegistry.load().products());

    // Assess
    const urls = lines.map((line) => line.trim().split(/\s+/)[0]);
    expect(urls).toEqual(
      expect.arrayContaining([
        'http://127.0.0.1:7071/api/status',
        'http://127.0.0.1:7071/dashboard/careflow',
        'http://127.0.0.1:7071/api/products/careflow/metrics/{view}',
        'http://127.0.0.1:7071/reports/dq/careflow/latest',
        'http://127.0.0.1:7071/dashboard/community360',
        'http://127.0.0.1:7071/api/products/community360/metrics/{view}',
        'http://127.0.0.1:7071/reports/dq/community360/latest',
      ]),
    );
    expect(lines.find((line) => line.includes('/metrics/{view}') && line.includes('careflow'))).toContain('vw_careflow_trust_activity');
  });
});
