import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Language, Node, Parser } from 'web-tree-sitter';

export const repoRoot = join(__dirname, '..', '..');
export const infraDir = join(repoRoot, 'infra');

export interface ParsedBicep {
  file: string;
  source: string;
  root: Node;
}

let parserPromise: Promise<Parser> | undefined;

/** One parser per test file: loading the grammar's wasm is the slow part. */
export function bicepParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    // Bytes, not a path: given a path the loader does a dynamic import that jest's CommonJS runtime refuses.
    const language = await Language.load(readFileSync(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm')));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

export function filesUnder(directory: string, extension: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return filesUnder(path, extension);
    return entry.name.endsWith(extension) ? [path] : [];
  });
}

export async function parseAllBicep(): Promise<ParsedBicep[]> {
  const parser = await bicepParser();
  return filesUnder(infraDir, '.bicep')
    .sort()
    .map((path) => {
      const source = readFileSync(path, 'utf8');
      const tree = parser.parse(source);
      if (!tree) throw new Error(`tree-sitter returned no tree for ${path}`);
      return { file: relative(repoRoot, path), source, root: tree.rootNode };
    });
}

export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  for (const child of node.children) if (child) walk(child, visit);
}

/** Every ERROR or MISSING node, as `file:line:column what`. */
export function syntaxProblems(parsed: ParsedBicep): string[] {
  const problems: string[] = [];
  walk(parsed.root, (node) => {
    if (node.isError || node.type === 'ERROR') {
      problems.push(`${parsed.file}:${node.startPosition.row + 1}:${node.startPosition.column + 1} ERROR near '${node.text.slice(0, 40)}'`);
    } else if (node.isMissing) {
      problems.push(`${parsed.file}:${node.startPosition.row + 1}:${node.startPosition.column + 1} MISSING ${node.type}`);
    }
  });
  return problems;
}

/** The content of every string literal (quotes removed, interpolations kept as written). */
export function stringLiterals(parsed: ParsedBicep): string[] {
  const strings: string[] = [];
  walk(parsed.root, (node) => {
    if (node.type === 'string') strings.push(node.text.replace(/^'(?:'')?|(?:'')?'$/g, ''));
  });
  return strings;
}

/** Keys of the object assigned to property `name` anywhere in the file (identifier or quoted keys). */
export function objectKeysOf(parsed: ParsedBicep, name: string): string[] {
  const keys: string[] = [];
  walk(parsed.root, (node) => {
    if (node.type !== 'object_property') return;
    const [key, ...rest] = node.namedChildren.filter((child): child is Node => child !== null);
    const value = rest[rest.length - 1];
    if (!key || keyText(key) !== name || value?.type !== 'object') return;
    for (const property of value.namedChildren) {
      if (property?.type === 'object_property' && property.namedChildren[0]) keys.push(keyText(property.namedChildren[0]));
    }
  });
  return keys;
}

/** `var name = <value>`: the value's source text. */
export function variableValue(parsed: ParsedBicep, name: string): string | undefined {
  let found: string | undefined;
  walk(parsed.root, (node) => {
    if (node.type !== 'variable_declaration') return;
    const children = node.namedChildren.filter((child): child is Node => child !== null);
    if (children[0]?.type === 'identifier' && children[0].text === name) found = children[children.length - 1]?.text;
  });
  return found;
}

function keyText(node: Node): string {
  return node.type === 'string' ? node.text.replace(/^'|'$/g, '') : node.text;
}
