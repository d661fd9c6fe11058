import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ExtractFile {
  flow: string;
  file: string;
  fileName: string;
}

/** Every CSV under DIR/<flow>/, as a DSCRO drop folder holds them; the folder name is the flow. */
export function listExtractFiles(inputDir: string): ExtractFile[] {
  const files: ExtractFile[] = [];
  for (const flow of readdirSync(inputDir).sort()) {
    const folder = join(inputDir, flow);
    if (!statSync(folder).isDirectory()) continue;
    for (const fileName of readdirSync(folder).sort()) {
      if (/\.csv(\.gz)?$/i.test(fileName)) files.push({ flow, file: join(folder, fileName), fileName });
    }
  }
  return files;
}
