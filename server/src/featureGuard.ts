// One failing feature must not take the request, or the server, down with it: a feature that
// throws is logged with its stack and answered with the feature's empty result.
import type { RemoteConsole } from 'vscode-languageserver/node';

/** Runs a feature; when it throws, logs the failure and returns `fallback` instead. */
export type Guard = <T>(feature: string, fallback: T, run: () => T) => T;

export function featureGuard(log: RemoteConsole): Guard {
  return <T>(feature: string, fallback: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      log.error(
        `${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
      );
      return fallback;
    }
  };
}
