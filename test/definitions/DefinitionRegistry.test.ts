import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DefinitionRegistry } from '../../shared/definitions/DefinitionRegistry';
import { projectRoot } from '../../shared/definitions/projectRoot';
import { ErrorCodes } from '../../shared/errors/errorCodes';
import { PipelineError } from '../../shared/errors/pipelineError';

function failureOf(attempt: () => unknown): PipelineError {
  try {
    attempt();
  } catch (error) {
    if (error instanceof PipelineError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('DefinitionRegistry', () => {
  describe('with the real definitions', () => {
    let registry: DefinitionRegistry;

    beforeAll(() => {
      registry = DefinitionRegistry.load();
    });

    it('loads the sus-apc flow and the careflow product', () => {
      // Prepare: definitions/ of this project

      // Act
      const ids = { flows: registry.flows().map((flow) => flow.id), products: registry.products().map((product) => product.id) };

      // Assess
      expect(ids.flows).toContain('sus-apc');
      expect(ids.products).toContain('careflow');
      expect(registry.flow('sus-apc').fact.table).toBe('fact_activity');
      expect(registry.hasFlow('sus-apc')).toBe(true);
    });

    it('lists the products that use a flow', () => {
      // Prepare

      // Act
      const products = registry.productsOfFlow('sus-apc').map((product) => product.id);

      // Assess
      expect(products).toContain('careflow');
      expect(registry.productsOfFlow('nope')).toEqual([]);
    });

    it('refuses an unknown flow with DSCRO-INGEST-001', () => {
      // Prepare

      // Act
      const error = failureOf(() => registry.flow('nope'));

      // Assess
      expect(error.code).toBe(ErrorCodes.unknownFlow);
      expect(error.code).toBe('DSCRO-INGEST-001');
      expect(error.message).toContain("'nope'");
      expect(registry.hasFlow('nope')).toBe(false);
    });

    it('refuses an unknown product with DSCRO-DEF-001', () => {
      // Prepare

      // Act
      const error = failureOf(() => registry.product('nope'));

      // Assess
      expect(error.code).toBe(ErrorCodes.unknownProduct);
    });
  });

  describe('with a project folder of its own', () => {
    let root: string;

    beforeEach(async () => {
      root = await mkdtemp(path.join(tmpdir(), 'dscro-definitions-'));
      const real = projectRoot();
      await mkdir(path.join(root, 'definitions/flows'), { recursive: true });
      await mkdir(path.join(root, 'definitions/products'), { recursive: true });
      await cp(path.join(real, 'schemas'), path.join(root, 'schemas'), { recursive: true });
      await cp(path.join(real, 'definitions/flows'), path.join(root, 'definitions/flows'), { recursive: true });
      await cp(path.join(real, 'definitions/products/careflow.json'), path.join(root, 'definitions/products/careflow.json'));
      await cp(path.join(real, 'definitions/views'), path.join(root, 'definitions/views'), { recursive: true });
    });

    afterEach(async () => {
      await rm(root, { recursive: true, force: true });
    });

    async function editJson(relativePath: string, edit: (definition: Record<string, unknown>) => void): Promise<void> {
      const file = path.join(root, relativePath);
      const definition = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      edit(definition);
      await writeFile(file, JSON.stringify(definition, null, 2));
    }

    it('loads valid copies of the definitions', () => {
      // Prepare: the copies made in beforeEach

      // Act
      const registry = DefinitionRegistry.load(root);

      // Assess
      expect(registry.flows().map((flow) => flow.id)).toEqual(['csds-contacts', 'csds-referrals', 'dids', 'ecds', 'mhsds-care-clusters', 'mhsds-referrals', 'prescribing', 'sus-apc']);
      expect(registry.products().map((product) => product.id)).toEqual(['careflow']);
    });

    it('fails with DSCRO-DEF-002, naming the file, when a flow breaks its schema', async () => {
      // Prepare: a flow without its fact table
      await editJson('definitions/flows/sus-apc.json', (definition) => delete definition.fact);

      // Act
      const error = failureOf(() => DefinitionRegistry.load(root));

      // Assess
      expect(error.code).toBe(ErrorCodes.invalidDefinition);
      expect(error.code).toBe('DSCRO-DEF-002');
      expect(error.message).toContain('sus-apc.json');
      expect(error.message).toContain('schemas/definitions/flow-definition.schema.json');
    });

    it('fails with DSCRO-DEF-002, naming the file, when a new flow file is broken', async () => {
      // Prepare: a second flow whose columns are not a list
      const broken = { ...JSON.parse(await readFile(path.join(root, 'definitions/flows/sus-apc.json'), 'utf8')), id: 'ecds', columns: 'all of them' };
      await writeFile(path.join(root, 'definitions/flows/ecds.json'), JSON.stringify(broken));

      // Act
      const error = failureOf(() => DefinitionRegistry.load(root));

      // Assess
      expect(error.code).toBe(ErrorCodes.invalidDefinition);
      expect(error.message).toContain('ecds.json');
    });

    it('fails with DSCRO-DEF-002 when a file is not named after its id', async () => {
      // Prepare
      await editJson('definitions/products/careflow.json', (definition) => (definition.id = 'carefloe'));

      // Act
      const error = failureOf(() => DefinitionRegistry.load(root));

      // Assess
      expect(error.code).toBe(ErrorCodes.invalidDefinition);
      expect(error.message).toContain("careflow.json must be named after its id 'carefloe'");
    });

    it('fails with DSCRO-DEF-002 when a product names a flow that is not defined', async () => {
      // Prepare
      await editJson('definitions/products/careflow.json', (definition) => (definition.flows = ['sus-apc', 'mhsds']));

      // Act
      const error = failureOf(() => DefinitionRegistry.load(root));

      // Assess
      expect(error.code).toBe(ErrorCodes.invalidDefinition);
      expect(error.message).toContain("names flow 'mhsds'");
    });
  });
});
