import { StageDependencies } from '../../stages/StageDependencies';
import { createAzureDependencies } from './createAzureDependencies';

let shared: Promise<StageDependencies> | undefined;

/** One set of clients per worker process, created on first use and reused by every invocation. */
export function azureDependencies(): Promise<StageDependencies> {
  shared ??= createAzureDependencies().catch((error) => {
    shared = undefined;
    throw error;
  });
  return shared;
}
