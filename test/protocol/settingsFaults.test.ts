// A broken setting: the user is told once, through one message, and the defaults apply.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  ShowMessageNotification,
  type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';

import { startServerProcess, stopServerProcess } from './serverProcess';

const WORKSPACE = 'file:///projects/policies';
/** A glob where a list of globs belongs. */
const BROKEN = { resourceGroupScopedFiles: 'rg/**/*.json' };
const POLICY =
  '{"Version": "1", "Statement": [{"Effect": "Allow", "Action": ["cams:GetFlow", "cams:Nope"], "Resource": "*"}]}';

describe('a setting of the wrong type', () => {
  const server = startServerProcess();
  server.child.stderr.on('data', (d) => process.stderr.write(d));
  const messages: ShowMessageParams[] = [];
  const published = new Map<string, PublishDiagnosticsParams>();
  const connection: ProtocolConnection = server.connection;

  before(async () => {
    connection.onNotification(ShowMessageNotification.type, (params) => messages.push(params));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) =>
      published.set(params.uri, params),
    );
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => BROKEN));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: WORKSPACE,
      workspaceFolders: [{ uri: WORKSPACE, name: 'policies' }],
      capabilities: { workspace: { configuration: true } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await stopServerProcess(server);
  });

  it('is reported in one warning message that names it, however often settings change', async () => {
    await until(() => messages.length > 0);
    for (let change = 0; change < 3; change++) {
      await connection.sendNotification(DidChangeConfigurationNotification.type, {
        settings: null,
      });
    }
    const uri = `${WORKSPACE}/rg/after-changes.json`;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'json', version: 1, text: POLICY },
    });
    await until(() => published.has(uri));

    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.type, 2 /* Warning */);
    assert.match(messages[0]!.message, /camsPolicy\.resourceGroupScopedFiles must be a list/);
  });

  it('leaves the defaults in force: no file is taken for resource-group scoped', async () => {
    const uri = `${WORKSPACE}/rg/defaults.json`;
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'json', version: 1, text: POLICY },
    });
    await until(() => published.has(uri));
    assert.deepEqual(
      published.get(uri)!.diagnostics.map((d) => d.code),
      ['unknown-action'],
    );
  });
});

async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the server');
    await new Promise((resume) => setTimeout(resume, 20));
  }
}
