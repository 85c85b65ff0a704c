import type { TeamClient } from './client.ts';

/**
 * While a replica is open in the app: one SSE connection to the server (`event: seq`), a sync
 * on each event beyond the cursor, one ~300 ms after each local command (debounced), and on
 * every reconnect; reconnects with backoff (1 s doubling to 30 s).
 */
export type LiveOptions = {
  client: TeamClient;
  teamProject: string;
  /** The replica's cursor now. */
  cursor: () => number;
  /** Runs one sync (through the dispatcher, so it waits its turn). */
  sync: () => Promise<void>;
  debounceMs?: number;
};

export class TeamLive {
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  connected = false;

  constructor(private readonly o: LiveOptions) {
    void this.listen();
    this.kick(0);
  }

  /** A sync soon (after a local command: debounced). */
  kick(delay = this.o.debounceMs ?? 300): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delay);
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.o.sync();
        } catch {
          // kept in the status (lastError); the next event or command tries again
        }
      } while (this.again && !this.stopped);
    })();
    try {
      await this.running;
    } finally {
      this.running = null;
    }
  }

  private async listen(): Promise<void> {
    let wait = 1000;
    while (!this.stopped) {
      try {
        await this.o.client.events(
          this.o.teamProject,
          this.abort.signal,
          (seq) => {
            if (seq > this.o.cursor()) this.kick(0);
          },
          () => {
            this.connected = true;
            wait = 1000;
            this.kick(0);
          },
        );
      } catch {
        // refused or unreachable: try again after a while
      }
      this.connected = false;
      if (this.stopped) break;
      await new Promise((r) => setTimeout(r, wait).unref());
      wait = Math.min(wait * 2, 30_000);
    }
  }

  /** Closes the connection; waits for a sync under way. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.abort.abort();
    this.connected = false;
    await this.running;
  }
}
