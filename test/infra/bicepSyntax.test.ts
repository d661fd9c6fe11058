import { filesUnder, infraDir, parseAllBicep, syntaxProblems } from './bicepSource';

describe('Bicep templates parse', () => {
  it('finds the templates', () => {
    expect(filesUnder(infraDir, '.bicep').length).toBeGreaterThanOrEqual(10);
  });

  it('has no ERROR or MISSING node in any .bicep file under infra/', async () => {
    const problems = (await parseAllBicep()).flatMap(syntaxProblems);
    expect(problems).toEqual([]);
  });

  it('reports a broken template with file and line', async () => {
    const { bicepParser } = await import('./bicepSource');
    const parser = await bicepParser();
    const tree = parser.parse("param ok string\nresource r 'Microsoft.Web/sites@2024-04-01' = {\n  name: 'x'\n");
    const problems = syntaxProblems({ file: 'broken.bicep', source: '', root: tree!.rootNode });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^broken\.bicep:\d+:\d+ (ERROR|MISSING)/);
  });
});
