// Hovering an action shows what it grants, from the action catalogue.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

import { EXTENSION_ID, firstDiagnostics, fixture, insideString, open } from './support';

const ACTION = 'cams:GetChatappTemplateDetail';

describe('hover', () => {
  it(`describes ${ACTION}`, async () => {
    const document = await open(fixture('unsupported-read-only.json'));
    await firstDiagnostics(document.uri);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      insideString(document, ACTION),
    );
    const text = hovers.flatMap((hover) => hover.contents.map(contentText)).join('\n');
    assert.ok(text.includes(descriptionOf(ACTION)), `hover text was: ${text || '(none)'}`);
  });
});

function contentText(content: vscode.MarkdownString | vscode.MarkedString): string {
  return typeof content === 'string' ? content : content.value;
}

function descriptionOf(name: string): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  const file = path.join(extension.extensionPath, 'server', 'data', 'cams-actions.json');
  const catalogue = JSON.parse(readFileSync(file, 'utf8')) as {
    actions: { name: string; description: string }[];
  };
  const action = catalogue.actions.find((candidate) => candidate.name === name);
  assert.ok(action, `${name} is in the catalogue`);
  return action.description;
}
