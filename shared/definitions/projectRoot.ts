import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** The folder holding package.json, whether running from TypeScript sources or from dist/. */
export function projectRoot(): string {
  if (cached) return cached;
  let folder = __dirname;
  while (!existsSync(join(folder, 'package.json')) || !existsSync(join(folder, 'definitions'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot find the dscro-flows project root (package.json beside definitions/)');
    folder = parent;
  }
  cached = folder;
  return folder;
}
