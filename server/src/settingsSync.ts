// Keeps the policy settings in step with the editor. They arrive first in initializationOptions;
// a client that supports workspace/configuration is then asked for them, at start and after each
// change, and a client that does not pushes them with each change notification.
import {
  type Connection,
  DidChangeConfigurationNotification,
  type DidChangeConfigurationParams,
  MessageType,
  type RemoteConsole,
  ShowMessageNotification,
} from 'vscode-languageserver/node';

import {
  DEFAULT_SETTINGS,
  type PolicySettings,
  readSettings,
  SETTINGS_SECTION,
} from './service/settings';

// A client that never answers a configuration request must not keep every document unchecked.
const SETTINGS_ANSWER_SECONDS = 5;

export class SettingsSync {
  private readonly log: RemoteConsole;
  private settings: PolicySettings = DEFAULT_SETTINGS;
  private pullsConfiguration = false;
  private initialSettings: unknown;

  // Documents opened before the first settings arrive are validated once they have, so that no
  // diagnostics computed with the defaults flash up first.
  private settingsLoaded: Promise<void> = Promise.resolve();
  private settingsArrived = (): void => undefined;

  // A broken setting is shown to the user once, not on every configuration change; the log
  // keeps each occurrence.
  private readonly shownProblems = new Set<string>();

  constructor(private readonly connection: Connection) {
    this.log = connection.console;
  }

  /** The settings in effect: the defaults until settings arrive, and in place of a broken one. */
  get current(): PolicySettings {
    return this.settings;
  }

  /** Settles once the first settings have arrived; at once for a client that cannot be asked. */
  get loaded(): Promise<void> {
    return this.settingsLoaded;
  }

  /** Notes whether the client can be asked, and applies the settings of initializationOptions. */
  initialize(pullsConfiguration: boolean, initializationOptions: unknown): void {
    this.pullsConfiguration = pullsConfiguration;
    if (pullsConfiguration) {
      this.settingsLoaded = new Promise((loaded) => (this.settingsArrived = loaded));
    }

    this.initialSettings = (initializationOptions as { settings?: unknown } | undefined)?.settings;
    this.apply(this.initialSettings);
  }

  /** Asks a client that supports it for the settings now, and to report each change. */
  startPulling(): void {
    if (!this.pullsConfiguration) return;

    void this.connection.client.register(DidChangeConfigurationNotification.type, {
      section: SETTINGS_SECTION,
    });
    this.refresh()
      .catch((error: unknown) => this.log.error(`could not read the settings: ${String(error)}`))
      .finally(() => this.settingsArrived());
  }

  /** Applies changed settings: asked for again, or taken from the notification. */
  async changed(change: DidChangeConfigurationParams): Promise<void> {
    if (this.pullsConfiguration) {
      await this.refresh().catch((error: unknown) => this.log.error(String(error)));
    } else {
      const raw = asRecord(change.settings)[SETTINGS_SECTION];
      this.apply({ ...asRecord(this.initialSettings), ...asRecord(raw) });
    }
  }

  private async refresh(): Promise<void> {
    if (!this.pullsConfiguration) return;

    const [raw] = await withinSeconds(
      SETTINGS_ANSWER_SECONDS,
      this.connection.workspace.getConfiguration([{ section: SETTINGS_SECTION }]),
    );
    // Editors answer null or {} for sections they do not know: what they leave out keeps the
    // value given in initializationOptions.
    this.apply({ ...asRecord(this.initialSettings), ...asRecord(raw) });
  }

  // The defaults apply in place of a broken setting.
  private apply(raw: unknown): void {
    const read = readSettings(raw);
    this.settings = read.settings;

    read.problems.forEach((problem) => this.log.warn(problem));
    read.problems
      .filter((problem) => !this.shownProblems.has(problem))
      .forEach((problem) => this.show(problem));

    this.log.info(`settings: ${JSON.stringify(this.settings)}`);
  }

  private show(problem: string): void {
    this.shownProblems.add(problem);
    // A notification, not window/showMessageRequest, which not every client answers.
    const message = `RAM Policy (cams): ${problem}`;
    void this.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message,
    });
  }
}

function withinSeconds<T>(seconds: number, promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer to the settings request within ${seconds} s`)),
      seconds * 1000,
    );
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
