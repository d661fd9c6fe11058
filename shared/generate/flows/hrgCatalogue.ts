import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../definitions/projectRoot';

/** reference/hrg/hrg-codes.json: chapter → subchapter → HRG code → name. */
type HrgReference = Record<string, { description: string; subchapters: Record<string, { description: string; hrgs: Record<string, string> }> }>;

export function defaultHrgCodesPath(): string {
  return join(projectRoot(), 'reference', 'hrg', 'hrg-codes.json');
}

/**
 * Every HRG code in the reference list with its name, so generated rows only use codes the pipeline can
 * look up, and can respect the age splits the names spell out.
 */
export function loadHrgCatalogue(path: string = defaultHrgCodesPath()): Map<string, string> {
  const reference = JSON.parse(readFileSync(path, 'utf8')) as HrgReference;
  const names = new Map<string, string>();
  for (const chapter of Object.values(reference)) {
    for (const subchapter of Object.values(chapter.subchapters)) {
      for (const [code, name] of Object.entries(subchapter.hrgs)) names.set(code, name);
    }
  }
  return names;
}
