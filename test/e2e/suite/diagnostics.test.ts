// The page's two example policies, attached at resource-group scope by the fixture's settings:
// each of their actions lacks resource-group authorization, so each gets one scope warning.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

import { codeOf, firstDiagnostics, fixture, open, SCOPE_WARNING } from './support';

const EXAMPLES = [
  { file: 'unsupported-read-only.json', actions: 127 },
  { file: 'unsupported-all.json', actions: 280 },
];

describe('scope warnings in the example policies', () => {
  for (const example of EXAMPLES) {
    it(`warns once about each of the ${example.actions} actions of ${example.file}`, async () => {
      const document = await open(fixture(example.file));
      const actions = actionsOf(document);
      assert.equal(actions.length, example.actions);

      const warnings = (await firstDiagnostics(document.uri)).filter(
        (d) => codeOf(d) === SCOPE_WARNING,
      );
      assert.ok(warnings.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));

      const warned = warnings.map((d) => unquote(document.getText(d.range))).sort();
      assert.deepEqual(warned, [...actions].sort());
    });
  }
});

function actionsOf(document: vscode.TextDocument): string[] {
  const policy = JSON.parse(document.getText()) as { Statement: { Action: string[] }[] };
  return policy.Statement.flatMap((statement) => statement.Action);
}

// A warning may cover the action's text or the whole string literal.
function unquote(text: string): string {
  return text.replace(/^"(.*)"$/, '$1');
}
