// The built server (dist/server.js) as its own process, spoken to over stdio: how every protocol
// test starts and stops it.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  ExitNotification,
  type ProtocolConnection,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

/** The built server; LOAD_SERVER names another build, to measure before and after a change. */
export const SERVER =
  process.env['LOAD_SERVER'] ?? join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface ServerProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Not listening yet: register handlers, then call `listen()`. */
  readonly connection: ProtocolConnection;
}

export function startServerProcess(): ServerProcess {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  return { child, connection };
}

/** Shuts the server down as an editor would, then makes sure the process is gone. */
export async function stopServerProcess({ child, connection }: ServerProcess): Promise<void> {
  await connection.sendRequest(ShutdownRequest.type);
  await connection.sendNotification(ExitNotification.type);
  connection.dispose();
  child.kill();
}
