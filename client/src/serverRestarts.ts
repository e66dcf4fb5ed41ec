// When the running language server stops unexpectedly, it is restarted and the user is told once;
// when it keeps stopping, it is left stopped and the user is told that too. Kept apart from the
// vscode API so that the decisions can be tested on their own.

/** What to do after the running server stopped: restart it or not, and what to tell the user. */
export interface RestartDecision {
  readonly restart: boolean;
  /** One message for the user, or undefined when they have been told already. */
  readonly message: string | undefined;
}

/** Restarts within this window count towards giving up. */
const WINDOW_MS = 3 * 60 * 1000;
/** The server is restarted this many times within the window, and then left stopped. */
const MAX_RESTARTS = 4;

export class ServerRestarts {
  private stops: number[] = [];
  private toldOfRestart = false;

  constructor(
    private readonly name: string,
    private readonly now: () => number = Date.now,
  ) {}

  afterUnexpectedStop(): RestartDecision {
    const now = this.now();
    this.stops = [...this.stops.filter((stop) => now - stop < WINDOW_MS), now];

    if (this.stops.length > MAX_RESTARTS) {
      const message =
        `The ${this.name} language server stopped ${this.stops.length} times in 3 minutes, so it ` +
        'is not restarted and policies are not checked. See its output, then reload the window.';
      return { restart: false, message };
    }

    const message = this.toldOfRestart
      ? undefined
      : `The ${this.name} language server stopped unexpectedly and was restarted. ` +
        'See its output for details.';
    this.toldOfRestart = true;
    return { restart: true, message };
  }
}
