// Starts the built server (dist/server.js) as its own process and speaks LSP to it over stdio,
// as an editor other than VS Code would.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeParams,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
} from 'vscode-languageserver-protocol/node';

import { SERVER, type ServerProcess, startServerProcess, stopServerProcess } from './serverProcess';

const WORKSPACE = 'file:///projects/policies';
const SETTINGS = { resourceGroupScopedFiles: ['rg/**/*.json'] };

const POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["cams:QueryInstance", "cams:SendChatappMessage", "cams:"],
      "Resource": "*"
    }
  ]
}
`;

class ServerUnderTest {
  readonly server: ServerProcess = startServerProcess();
  readonly connection: ProtocolConnection = this.server.connection;
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: (() => void)[] = [];

  constructor(configuration: unknown = SETTINGS) {
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map(() => configuration),
    );
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  /** Waits until diagnostics for `uri` satisfy `ready`, for at most ten seconds. */
  async diagnostics(uri: string, ready: (p: PublishDiagnosticsParams) => boolean) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const current = this.published.get(uri);
      if (current && ready(current)) return current;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}`);
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  }

  /** Ends the process without the shutdown handshake, for tests that may have failed midway. */
  kill(): void {
    this.connection.dispose();
    this.server.child.kill();
  }

  open(path: string, text: string): string {
    const uri = `${WORKSPACE}/${path}`;
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'json', version: 1, text },
    });
    return uri;
  }
}

describe('the language server over stdio', () => {
  let server: ServerUnderTest;

  before(async () => {
    server = new ServerUnderTest();
    const result = await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: WORKSPACE,
      workspaceFolders: [{ uri: WORKSPACE, name: 'policies' }],
      capabilities: { workspace: { configuration: true } },
    });
    assert.equal(result.serverInfo?.name, 'cams-policy-language-server');
    await server.connection.sendNotification(InitializedNotification.type, {});
  });

  after(async () => {
    await stopServerProcess(server.server);
  });

  it('publishes a scope warning per account-only action in a resource-group scoped file', async () => {
    const uri = server.open('rg/messaging.json', POLICY);
    const { diagnostics } = await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [
        ['resource-group-unsupported', 5],
        ['unknown-action', 5],
      ],
    );
  });

  it('publishes no scope warning for a file outside the scoped globs', async () => {
    const uri = server.open('account/messaging.json', POLICY);
    const { diagnostics } = await server.diagnostics(uri, () => true);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['unknown-action'],
    );
  });

  it('completes cams actions inside a partly typed string', async () => {
    const uri = server.open('rg/complete.json', POLICY);
    const character = POLICY.split('\n')[5]!.indexOf('"cams:"') + 6;
    const list = await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 5, character },
    });
    const items = Array.isArray(list) ? list : (list?.items ?? []);
    assert.ok(items.some((item) => item.label === 'cams:GetFlow'));
  });

  it('answers hover on an action with its description', async () => {
    const uri = server.open('rg/hover.json', POLICY);
    const character = POLICY.split('\n')[5]!.indexOf('SendChatapp');
    const hover = await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 5, character },
    });
    assert.match(JSON.stringify(hover?.contents), /cams:SendChatappMessage/);
  });

  it('offers the split quick fix for a scope warning', async () => {
    const uri = server.open('rg/split.json', POLICY);
    const { diagnostics } = await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
    const warning = diagnostics.find((d) => d.code === 'resource-group-unsupported')!;
    const actions = await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: warning.range,
      context: { diagnostics: [warning] },
    });
    const split = actions?.find((a) => 'title' in a && a.title.startsWith('Split statement'));
    assert.ok(split && 'edit' in split && split.edit?.changes?.[uri]?.length === 2);
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = server.open('rg/closing.json', POLICY);
    await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
    await server.diagnostics(uri, (p) => p.diagnostics.length === 0);
  });
});

describe('settings from initializationOptions', () => {
  it('apply when the editor answers configuration requests with null', async () => {
    const server = new ServerUnderTest(null);
    await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: WORKSPACE,
      workspaceFolders: [{ uri: WORKSPACE, name: 'policies' }],
      capabilities: { workspace: { configuration: true } },
      initializationOptions: { settings: SETTINGS },
    });
    await server.connection.sendNotification(InitializedNotification.type, {});

    try {
      const uri = server.open('rg/from-init.json', POLICY);
      const { diagnostics } = await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.ok(diagnostics.some((d) => d.code === 'resource-group-unsupported'));
    } finally {
      server.kill();
    }
  });
});

describe('clients that send little', () => {
  it('are served when they send empty capabilities and a null workspace folder', async () => {
    const server = new ServerUnderTest();
    try {
      const result = await server.connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: WORKSPACE,
        workspaceFolders: [null, { uri: WORKSPACE, name: 'policies' }],
        capabilities: {},
      } as unknown as InitializeParams);
      assert.equal(result.serverInfo?.name, 'cams-policy-language-server');
      await server.connection.sendNotification(InitializedNotification.type, {});

      const uri = server.open('account/any.json', POLICY);
      const { diagnostics } = await server.diagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(
        diagnostics.map((d) => d.code),
        ['unknown-action'],
      );
    } finally {
      server.kill();
    }
  });
});

describe('the server started without a transport', () => {
  it('prints its usage and exits with an error', async () => {
    const child = spawn(process.execPath, [SERVER], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((done) => child.on('exit', done));
    assert.equal(code, 2);
    assert.match(stderr, /Usage: cams-policy-language-server --stdio/);
  });
});
