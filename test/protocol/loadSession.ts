// A scripted editor that drives the built server (dist/server.js) over stdio under load: rapid
// incremental edits, documents opened and closed (saved and untitled), requests sent and
// cancelled. It records the latency of every request and the server's memory as the kernel sees
// it, and compares what the server published at the end with a fresh analysis of the final text.
// Used by the load test (test/protocol/load.test.ts) and the load benchmark (scripts/load.mjs).
import { readFileSync } from 'node:fs';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  ConfigurationRequest,
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  RegistrationRequest,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

import { type ServerProcess, startServerProcess, stopServerProcess } from './serverProcess';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { createPolicyLanguageService } from '../../server/src/service/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/service/settings';

const WORKSPACE = 'file:///projects/policies';
const SETTINGS = { ...DEFAULT_SETTINGS, resourceGroupScopedFiles: ['rg/**/*.json'] };

/** How hard the scripted editor works. */
export interface LoadPlan {
  /** Incremental edits, spread over the open documents. */
  readonly edits: number;
  /** Documents open at once; each is closed and replaced now and then. */
  readonly openDocuments: number;
  /** A request (completion, hover or code actions) after every this many edits. */
  readonly requestEvery: number;
  /** Every this many requests is cancelled as soon as it is sent. */
  readonly cancelEvery: number;
  /** A document is closed and another opened after every this many edits. */
  readonly churnEvery: number;
  /** Edits sent before the client yields to read what the server sent back. */
  readonly burst: number;
  /** Milliseconds the client waits after each burst: 0 floods the server, more is typing. */
  readonly pauseMs?: number;
  readonly seed: number;
}

export interface LoadReport {
  /** Milliseconds from sending to the answer, per method, for requests not cancelled. */
  readonly latencies: Map<string, number[]>;
  readonly cancelled: { readonly sent: number; readonly answeredCancelled: number };
  /** Resident set size of the server, in MiB, sampled as the load ran. */
  readonly rssMiB: number[];
  /** Documents whose last published diagnostics differ from a fresh analysis of their text. */
  readonly stale: string[];
  /** Closed documents whose last published diagnostics are not empty. */
  readonly leftOnClosed: string[];
  readonly opened: number;
  readonly closed: number;
  readonly durationMs: number;
}

const POLICY = `{
  "Version": "1",
  "Statement": [
    {
      "Sid": "Équipe 🙂",
      "Effect": "Allow",
      "Action": ["cams:QueryInstance", "cams:SendChatappMessage", "cams:Get*"],
      "Resource": "*"
    }
  ]
}
`;

const TYPED = ['"', 'cams:', 'Get', 'Flow', ',', ' ', '\n', '{', '}', '[', ']', '🙂', 'é', 'x'];

export async function runLoad(plan: LoadPlan): Promise<LoadReport> {
  const started = Date.now();
  const session = await LspSession.start();
  const random = mulberry32(plan.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const open = new Map<string, TextDocument>();
  const closed = new Set<string>();
  const requests: Promise<void>[] = [];
  const latencies = new Map<string, number[]>();
  const cancelled = { sent: 0, answeredCancelled: 0 };
  const rssMiB: number[] = [session.rssMiB()];
  let documentCount = 0;
  let requestCount = 0;

  const openOne = () => {
    const index = ++documentCount;
    const uri =
      index % 3 === 0
        ? `untitled:Untitled-${index}`
        : `${WORKSPACE}/${index % 2 ? 'rg/' : ''}p${index}.json`;
    const document = TextDocument.create(uri, 'json', 1, POLICY);
    open.set(uri, document);
    closed.delete(uri);
    session.open(document);
  };

  const closeOne = () => {
    const uri = pick([...open.keys()]);
    open.delete(uri);
    closed.add(uri);
    session.close(uri);
  };

  const editOne = () => {
    const document = pick([...open.values()]);
    const change = randomChange(document, random, pick);
    TextDocument.update(document, [change], document.version + 1);
    session.change(document, change);
  };

  const requestOne = () => {
    const document = pick([...open.values()]);
    const offset = Math.floor(random() * (document.getText().length + 1));
    const position = document.positionAt(offset);
    const method = pick(['completion', 'hover', 'codeAction'] as const);
    const cancel = ++requestCount % plan.cancelEvery === 0;
    requests.push(
      session.request(method, document.uri, position, cancel).then((outcome) => {
        if (cancel) {
          cancelled.sent++;
          if (outcome.cancelled) cancelled.answeredCancelled++;
          return;
        }
        const times = latencies.get(method) ?? [];
        times.push(outcome.ms);
        latencies.set(method, times);
      }),
    );
  };

  for (let i = 0; i < plan.openDocuments; i++) openOne();
  for (let edit = 1; edit <= plan.edits; edit++) {
    editOne();
    if (edit % plan.requestEvery === 0) requestOne();
    if (edit % plan.churnEvery === 0) {
      closeOne();
      openOne();
    }
    if (edit % plan.burst === 0) {
      await pause(plan.pauseMs ?? 0);
      if (edit % (plan.burst * 20) === 0) rssMiB.push(session.rssMiB());
    }
  }

  await Promise.all(requests);
  const stale = await session.staleDocuments([...open.values()]);
  const leftOnClosed = await session.nonEmptyAfterClose([...closed]);
  rssMiB.push(session.rssMiB());
  await session.stop();

  return {
    latencies,
    cancelled,
    rssMiB,
    stale,
    leftOnClosed,
    opened: documentCount,
    closed: closed.size,
    durationMs: Date.now() - started,
  };
}

/** A policy-shaped file of about `megabytes`, each statement naming a few cams actions. */
export function bigPolicy(megabytes: number): string {
  const statement = {
    Effect: 'Allow',
    Action: ['cams:GetFlow', 'cams:QueryInstance', 'cams:Get*', 'cams:SendChatapMessage'],
    Resource: '*',
  };
  const policy = (count: number) =>
    JSON.stringify({ Version: '1', Statement: Array(count).fill(statement) }, null, 2);
  const perStatement = policy(2).length - policy(1).length;
  return policy(Math.ceil((megabytes * 1024 * 1024) / perStatement));
}

/** What opening and typing in one large policy costs the server. */
export interface BigFileReport {
  readonly characters: number;
  /** From sending the document to the first diagnostics published for it. */
  readonly firstDiagnosticsMs: number;
  readonly diagnostics: readonly Diagnostic[];
  /** Per keystroke: from the edit to the diagnostics of its version. */
  readonly editToDiagnosticsMs: number[];
  /** Completion requested right after each keystroke. */
  readonly completionMs: number[];
  readonly logLines: readonly string[];
  readonly rssMiB: number;
}

/** Opens a policy-shaped document of `text` and types `keystrokes` characters at its end. */
export async function measureBigFile(text: string, keystrokes: number): Promise<BigFileReport> {
  const session = await LspSession.start();
  const document = TextDocument.create(`${WORKSPACE}/rg/big.json`, 'json', 1, text);
  let started = performance.now();
  session.open(document);
  const first = await session.diagnosticsOf(document);
  const firstDiagnosticsMs = performance.now() - started;

  const editToDiagnosticsMs: number[] = [];
  const completionMs: number[] = [];
  const at = document.positionAt(text.lastIndexOf('"cams:') + 1);
  for (let key = 0; key < keystrokes; key++) {
    const change = { range: { start: at, end: at }, text: 'x' };
    TextDocument.update(document, [change], document.version + 1);
    started = performance.now();
    session.change(document, change);
    const completion = session.request('completion', document.uri, at, false);
    await session.diagnosticsOf(document);
    editToDiagnosticsMs.push(performance.now() - started);
    completionMs.push((await completion).ms);
  }

  const rssMiB = session.rssMiB();
  const logLines = session.logLines;
  await session.stop();
  const diagnostics = first?.diagnostics ?? [];
  return {
    characters: text.length,
    firstDiagnosticsMs,
    diagnostics,
    editToDiagnosticsMs,
    completionMs,
    logLines,
    rssMiB,
  };
}

/** One keystroke or paste: an insertion, a deletion or a replacement at a random place. */
function randomChange(
  document: TextDocument,
  random: () => number,
  pick: <T>(items: readonly T[]) => T,
): TextDocumentContentChangeEvent {
  const text = document.getText();
  const start = Math.floor(random() * (text.length + 1));
  const kind = random();
  const length = kind < 0.5 ? 0 : Math.min(text.length - start, Math.floor(random() * 4));
  const inserted = kind < 0.8 ? pick(TYPED) : '';
  const range = { start: document.positionAt(start), end: document.positionAt(start + length) };
  return { range, text: inserted };
}

/** The server process and an LSP connection to it. */
export class LspSession {
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters = new Set<() => void>();
  /** What the server logged, in order. */
  readonly logLines: string[] = [];

  private readonly connection: ProtocolConnection;

  private constructor(private readonly server: ServerProcess) {
    const connection = (this.connection = server.connection);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
      this.waiters.forEach((wake) => wake());
    });
    connection.onNotification(LogMessageNotification.type, ({ message }) =>
      this.logLines.push(message),
    );
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => SETTINGS));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
  }

  static async start(): Promise<LspSession> {
    const session = new LspSession(startServerProcess());
    const { connection } = session;
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: WORKSPACE,
      workspaceFolders: [{ uri: WORKSPACE, name: 'policies' }],
      capabilities: { workspace: { configuration: true } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  open(document: TextDocument): void {
    const { uri, languageId, version } = document;
    const textDocument = { uri, languageId, version, text: document.getText() };
    void this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument });
  }

  change(document: TextDocument, change: TextDocumentContentChangeEvent): void {
    void this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: document.uri, version: document.version },
      contentChanges: [change],
    });
  }

  close(uri: string): void {
    void this.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri },
    });
  }

  /** Sends a request and times it; a cancelled one is cancelled right after it is sent. */
  async request(
    method: 'completion' | 'hover' | 'codeAction',
    uri: string,
    position: { line: number; character: number },
    cancel: boolean,
  ): Promise<{ ms: number; cancelled: boolean }> {
    const token = new CancellationTokenSource();
    const textDocument = { uri };
    const started = performance.now();
    const range = { start: position, end: position };
    const sent =
      method === 'completion'
        ? this.connection.sendRequest(
            CompletionRequest.type,
            { textDocument, position },
            token.token,
          )
        : method === 'hover'
          ? this.connection.sendRequest(HoverRequest.type, { textDocument, position }, token.token)
          : this.connection.sendRequest(
              CodeActionRequest.type,
              { textDocument, range, context: { diagnostics: [] } },
              token.token,
            );
    if (cancel) token.cancel();
    try {
      await sent;
      return { ms: performance.now() - started, cancelled: false };
    } catch (error) {
      // Only a cancellation may end a request in an error.
      if (cancel && (error as { code?: number }).code === REQUEST_CANCELLED) {
        return { ms: performance.now() - started, cancelled: true };
      }
      throw error;
    }
  }

  /** The open documents whose published diagnostics differ from a fresh analysis. */
  async staleDocuments(documents: readonly TextDocument[]): Promise<string[]> {
    const service = createPolicyLanguageService();
    const context = { workspaceFolders: [WORKSPACE], settings: SETTINGS };
    const stale: string[] = [];
    for (const document of documents) {
      const published = await this.settled(document.uri, (p) => p.version === document.version);
      const fresh = JSON.parse(JSON.stringify(service.validate(document, context))) as Diagnostic[];
      if (JSON.stringify(published?.diagnostics) !== JSON.stringify(fresh))
        stale.push(document.uri);
    }
    return stale;
  }

  /** The diagnostics published for the document's current version. */
  diagnosticsOf(document: TextDocument): Promise<PublishDiagnosticsParams | undefined> {
    return this.settled(document.uri, (p) => p.version === document.version);
  }

  /** The closed documents whose last published diagnostics are not empty. */
  async nonEmptyAfterClose(uris: readonly string[]): Promise<string[]> {
    const left: string[] = [];
    for (const uri of uris) {
      const published = await this.settled(uri, (p) => p.diagnostics.length === 0);
      if (!published || published.diagnostics.length > 0) left.push(uri);
    }
    return left;
  }

  /** The server's resident set size in MiB, read from /proc where there is one. */
  rssMiB(): number {
    try {
      const status = readFileSync(`/proc/${this.server.child.pid}/status`, 'utf8');
      return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) / 1024;
    } catch {
      return NaN;
    }
  }

  async stop(): Promise<void> {
    await stopServerProcess(this.server);
  }

  // Waits until the diagnostics of `uri` satisfy `ready`, or ten seconds have passed.
  private async settled(
    uri: string,
    ready: (params: PublishDiagnosticsParams) => boolean,
  ): Promise<PublishDiagnosticsParams | undefined> {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const current = this.published.get(uri);
      if (current && ready(current)) return current;
      await new Promise<void>((wake) => {
        const done = () => {
          this.waiters.delete(done);
          wake();
        };
        this.waiters.add(done);
        setTimeout(done, 100);
      });
    }
    return this.published.get(uri);
  }
}

const REQUEST_CANCELLED = -32800;

function pause(ms: number): Promise<void> {
  return new Promise((resume) => (ms > 0 ? setTimeout(resume, ms) : setImmediate(resume)));
}

/** Percentiles of a list of milliseconds, for the report. */
export function distribution(values: readonly number[]): Record<string, number> {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}

/** A small seeded random number generator, so that a run can be repeated. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
