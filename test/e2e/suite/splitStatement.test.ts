// The quick fix for a scope warning splits a mixed statement: the actions with resource-group
// authorization stay, the others move to a statement of their own.
import assert from 'node:assert/strict';
import { type Node, parse, parseTree, type ParseError } from 'jsonc-parser';
import * as vscode from 'vscode';

import {
  codeOf,
  firstDiagnostics,
  fixture,
  open,
  policyDiagnostics,
  quickFixTitled,
  revertAndClose,
  SCOPE_WARNING,
  waitFor,
} from './support';

const ACTIONS = ['cams:CreateInstance', 'cams:QueryInstance', 'cams:SendChatappMessage'];

describe('splitting a mixed statement', () => {
  after(revertAndClose);

  it('leaves strict JSON whose first statement has no scope warning', async () => {
    const document = await open(fixture('mixed.json'));
    const before = await firstDiagnostics(document.uri);
    const warning = before.find((d) => codeOf(d) === SCOPE_WARNING);
    assert.ok(warning, 'the mixed statement has a scope warning');

    const fix = await quickFixTitled(document, warning, /split/i);
    assert.ok(fix.edit, `"${fix.title}" has an edit`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));

    const text = document.getText();
    const statements = strictParse(text).Statement;
    assert.ok(statements.length >= 2, `the statement was split:\n${text}`);
    assert.deepEqual(statements.flatMap(actionsOf).sort(), [...ACTIONS].sort());

    const after = await waitFor('diagnostics of the edited policy', () => {
      const current = policyDiagnostics(document.uri);
      return JSON.stringify(current) !== JSON.stringify(before) ? current : undefined;
    });
    const first = firstStatement(text);
    const inFirst = after.filter(
      (d) =>
        codeOf(d) === SCOPE_WARNING &&
        document.offsetAt(d.range.start) >= first.offset &&
        document.offsetAt(d.range.end) <= first.offset + first.length,
    );
    assert.deepEqual(
      inFirst.map((d) => d.message),
      [],
    );
  });
});

interface Statement {
  Action: string | string[];
}

function strictParse(text: string): { Statement: Statement[] } {
  const errors: ParseError[] = [];
  const policy = parse(text, errors, { disallowComments: true, allowTrailingComma: false });
  assert.deepEqual(errors, [], `strict JSON:\n${text}`);
  return policy as { Statement: Statement[] };
}

function actionsOf(statement: Statement): string[] {
  return typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
}

function firstStatement(text: string): Node {
  const root = parseTree(text);
  const statements = root?.children?.find((p) => p.children?.[0]?.value === 'Statement');
  const first = statements?.children?.[1]?.children?.[0];
  assert.ok(first, 'the policy has a first statement');
  return first;
}
