import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCodes } from '../errors/errorCodes';
import { PipelineError } from '../errors/pipelineError';
import { checkViewMetrics } from './checkViewMetrics';
import { FlowDefinition, ProductDefinition } from './definitionTypes';
import { describeSchemaErrors, schemaValidator } from './jsonSchemas';
import { projectRoot } from './projectRoot';
import { linkOutputFlows } from '../stages/link/linkOutputFlows';

/**
 * Every flow and product definition in definitions/, validated against their JSON Schemas at start-up,
 * so a broken definition stops the host before it touches data.
 */
export class DefinitionRegistry {
  private constructor(
    private readonly flowsById: Map<string, FlowDefinition>,
    private readonly productsById: Map<string, ProductDefinition>,
    private readonly root: string,
  ) {}

  public static load(root: string = projectRoot()): DefinitionRegistry {
    const flows = readDefinitions<FlowDefinition>(join(root, 'definitions/flows'), 'schemas/definitions/flow-definition.schema.json');
    const products = readDefinitions<ProductDefinition>(join(root, 'definitions/products'), 'schemas/definitions/product-definition.schema.json');
    const registry = new DefinitionRegistry(new Map(flows.map((f) => [f.id, f])), new Map(products.map((p) => [p.id, p])), root);
    registry.checkReferences();
    return registry;
  }

  public flows(): FlowDefinition[] {
    return [...this.flowsById.values()];
  }

  public products(): ProductDefinition[] {
    return [...this.productsById.values()];
  }

  public hasFlow(id: string): boolean {
    return this.flowsById.has(id);
  }

  public flow(id: string): FlowDefinition {
    const flow = this.flowsById.get(id);
    if (!flow) throw new PipelineError(ErrorCodes.unknownFlow, `no flow is defined with id '${id}'`, { flow: id });
    return flow;
  }

  public product(id: string): ProductDefinition {
    const product = this.productsById.get(id);
    if (!product) throw new PipelineError(ErrorCodes.unknownProduct, `no product is defined with id '${id}'`, { product: id });
    return product;
  }

  /** A flow may serve several products; each gets its own pseudonyms (its own key). */
  public productsOfFlow(flowId: string): ProductDefinition[] {
    return this.products().filter((product) => product.flows.includes(flowId));
  }

  private checkReferences(): void {
    for (const product of this.products()) {
      for (const flowId of product.flows) {
        if (!this.flowsById.has(flowId)) {
          throw new PipelineError(ErrorCodes.invalidDefinition, `product '${product.id}' names flow '${flowId}', which is not defined`, { product: product.id });
        }
      }
      for (const output of product.link.outputs) {
        for (const flowId of linkOutputFlows(output)) {
          if (!product.flows.includes(flowId)) {
            throw new PipelineError(ErrorCodes.invalidDefinition, `link output '${output.name}' reads flow '${flowId}', which the product does not include`, { product: product.id });
          }
        }
      }
      for (const view of product.views) {
        if (!existsSync(join(this.root, view.file))) {
          throw new PipelineError(ErrorCodes.invalidDefinition, `view '${view.name}' names ${view.file}, which does not exist`, { product: product.id });
        }
        checkViewMetrics(product, view);
      }
    }
  }
}

function readDefinitions<T extends { id: string }>(folder: string, schemaPath: string): T[] {
  const validate = schemaValidator(schemaPath);
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const definition = JSON.parse(readFileSync(join(folder, name), 'utf8')) as T;
      if (!validate(definition)) {
        throw new PipelineError(ErrorCodes.invalidDefinition, `${name} does not match ${schemaPath}: ${describeSchemaErrors(validate.errors)}`);
      }
      if (`${definition.id}.json` !== name) {
        throw new PipelineError(ErrorCodes.invalidDefinition, `${name} must be named after its id '${definition.id}'`);
      }
      return definition;
    });
}
