import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../definitions/projectRoot';

export interface HrgEntry {
  code: string;
  name: string;
  chapter: string;
  chapterName: string;
  subchapter: string;
  subchapterName: string;
}

type HrgTree = Record<string, { description: string; subchapters: Record<string, { description: string; hrgs: Record<string, string> }> }>;

let catalogue: Map<string, HrgEntry> | undefined;

/** The national HRG4+ code list (reference/hrg/hrg-codes.json, NHS England via The Strategy Unit, MIT). */
export function hrgCatalogue(): Map<string, HrgEntry> {
  if (catalogue) return catalogue;
  const tree = JSON.parse(readFileSync(join(projectRoot(), 'reference/hrg/hrg-codes.json'), 'utf8')) as HrgTree;
  catalogue = new Map();
  for (const [chapter, chapterNode] of Object.entries(tree)) {
    for (const [sub, subNode] of Object.entries(chapterNode.subchapters)) {
      for (const [code, name] of Object.entries(subNode.hrgs)) {
        catalogue.set(code, {
          code,
          name,
          chapter,
          chapterName: chapterNode.description,
          subchapter: `${chapter}${sub}`,
          subchapterName: subNode.description,
        });
      }
    }
  }
  return catalogue;
}

/** HRG chapter U ("Undefined Groups", e.g. UZ01Z) marks activity the grouper could not classify. */
export function isUngroupableHrg(code: string): boolean {
  return code.startsWith('UZ');
}
