// The built server over stdio, for a client that pushes its settings instead of answering
// configuration requests: rule levels from the settings, and the outline of statements.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

import { type ServerProcess, startServerProcess, stopServerProcess } from './serverProcess';

const WORKSPACE = 'file:///projects/rules';

// An unknown action, and a statement without Resource.
const POLICY = `{
  "Version": "1",
  "Statement": [
    { "Effect": "Allow", "Action": ["cams:Nope", "cams:GetFlow"] },
    { "Effect": "Deny", "Action": "cams:DeleteFlow", "Resource": "*" }
  ]
}
`;

describe('a server whose client pushes camsPolicy.rules', () => {
  let server: ServerProcess;
  let connection: ProtocolConnection;
  const published: PublishDiagnosticsParams[] = [];

  const diagnosticsOf = async (uri: string, ready: (p: PublishDiagnosticsParams) => boolean) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = published.filter((p) => p.uri === uri).find(ready);
      if (found) return found.diagnostics;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}`);
      await new Promise((wake) => setTimeout(wake, 50));
    }
  };

  before(async () => {
    server = startServerProcess();
    connection = server.connection;
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => published.push(p));
    connection.listen();

    const settings = { rules: { 'unknown-action': 'error', 'missing-resource': 'off' } };
    const result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: WORKSPACE,
      workspaceFolders: [{ uri: WORKSPACE, name: 'rules' }],
      capabilities: {},
      initializationOptions: { settings },
    });
    assert.ok(result.capabilities.documentSymbolProvider);
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await stopServerProcess(server);
  });

  const open = (path: string): string => {
    const uri = `${WORKSPACE}/${path}`;
    void connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'json', version: 1, text: POLICY },
    });
    return uri;
  };

  it('raises a rule to error and silences one set to off', async () => {
    const uri = open('levels.json');
    const diagnostics = await diagnosticsOf(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['unknown-action', 1]],
    );
  });

  it('applies new levels when the settings change', async () => {
    const uri = open('changed.json');
    await diagnosticsOf(uri, (p) => p.diagnostics.length === 1);
    await connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { camsPolicy: { rules: { 'unknown-action': 'off' } } },
    });
    const diagnostics = await diagnosticsOf(uri, (p) =>
      p.diagnostics.some((d) => d.code === 'missing-resource'),
    );
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['missing-resource'],
    );
  });

  it('answers the outline with one symbol per statement', async () => {
    const uri = open('outline.json');
    const symbols = await connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    });
    assert.deepEqual(
      (symbols ?? []).map((symbol) => [symbol.name, 'range' in symbol && symbol.range.start.line]),
      [
        ['Allow · 2 actions', 3],
        ['Deny · 1 action', 4],
      ],
    );
  });
});
