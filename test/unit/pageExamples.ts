// The two example policies of the resource-group page, read from the saved copy of the page
// that the catalogue is generated from (scripts/catalogue/page.txt).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PAGE = join(__dirname, '..', '..', '..', 'scripts', 'catalogue', 'page.txt');

export interface ExamplePolicy {
  readonly text: string;
  readonly actions: string[];
}

/** The page's example policies, in the order the page gives them. */
export function pageExamplePolicies(): ExamplePolicy[] {
  const page = readFileSync(PAGE, 'utf8');
  const examples: ExamplePolicy[] = [];
  const start = /^\s*\{\s*$/gm;

  for (let match = start.exec(page); match; match = start.exec(page)) {
    const text = balancedObject(page, match.index + match[0].indexOf('{'));
    const policy = JSON.parse(text) as { Statement: { Action: string[] }[] };
    examples.push({ text, actions: policy.Statement[0]!.Action });
    start.lastIndex = match.index + text.length;
  }
  return examples;
}

function balancedObject(text: string, from: number): string {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(from, i + 1);
  }
  throw new Error('unbalanced example policy in the saved page');
}
