/**
 * A simulated team member for the team bench: speaks the replica–server protocol
 * (shared/domain/team-sync/protocol.ts) without a local SQLite file, so fifty of them fit on one
 * machine beside the server. It pushes coding inserts, listens to the project's event stream and
 * pulls after each event, noting when it first saw each op.
 */
import type { Change, Op, PullResponse, PushResponse } from '../shared/domain/team-sync/protocol.ts';

export type SimClientOptions = { server: string; token: string; project: string; name: string; tag: string };

type EventData = { seq: number; entries?: PullResponse['entries'] };
const parsed = new Map<string, EventData>();
function parsedEvent(data: string): EventData {
  // Keyed by the whole text (its op ids are random): a run's seq 5 is never another run's.
  let event = parsed.get(data);
  if (!event) {
    event = JSON.parse(data) as EventData;
    parsed.set(data, event);
    if (parsed.size > 256) parsed.delete(parsed.keys().next().value!);
  }
  return event;
}

export class SimClient {
  readonly seen = new Map<string, number>();
  cursor = 0;
  private counter = 0;
  private abort = new AbortController();
  private pulling: Promise<void> | null = null;
  private again = false;
  private ready: Promise<void> | null = null;

  constructor(readonly o: SimClientOptions) {}

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Authorization: `Bearer ${this.o.token}`, ...extra };
  }

  /** Opens the event stream; resolves once the server has answered it. */
  listen(): Promise<void> {
    this.ready ??= (async () => {
      const res = await fetch(`${this.o.server}api/projects/${this.o.project}/events`, { headers: this.headers(), signal: this.abort.signal });
      if (!res.ok || !res.body) throw new Error(`${this.o.name}: events answered ${res.status}`);
      const reader = res.body.getReader();
      void (async () => {
        const decoder = new TextDecoder();
        let buffer = '';
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            buffer += decoder.decode(value, { stream: true });
            let end: number;
            while ((end = buffer.indexOf('\n\n')) >= 0) {
              const event = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (/^event: seq$/m.test(event)) this.take(event.slice(event.indexOf('data: ') + 6));
            }
          }
        } catch {
          // closed by stop()
        }
      })();
    })();
    return this.ready;
  }

  /**
   * An event's entries, applied when they follow the cursor; otherwise (or none carried) a pull.
   * The server writes the same bytes to every listener for one append, so the members of this
   * process share one parse of each (keyed by the text itself): fifty parses of the same text
   * would measure this simulation, not the server (each member still receives and decodes its copy).
   */
  private take(data: string): void {
    const at = performance.now();
    const event = parsedEvent(data);
    if (event.seq <= this.cursor) return;
    if (!this.pulling && event.entries && event.entries[0]?.seq === this.cursor + 1) {
      for (const e of event.entries) if (!this.seen.has(e.opId)) this.seen.set(e.opId, at);
      this.cursor = event.seq;
      return;
    }
    void this.pull();
  }

  /** Pulls until caught up; a pull asked for while one runs is done right after it. */
  pull(): Promise<void> {
    if (this.pulling) {
      this.again = true;
      return this.pulling;
    }
    this.pulling = (async () => {
      do {
        this.again = false;
        for (;;) {
          const res = await fetch(`${this.o.server}api/projects/${this.o.project}/ops?after=${this.cursor}&limit=1000`, { headers: this.headers(), signal: this.abort.signal });
          if (!res.ok) throw new Error(`${this.o.name}: pull answered ${res.status} ${await res.text()}`);
          const body = (await res.json()) as PullResponse;
          const at = performance.now();
          for (const e of body.entries) if (!this.seen.has(e.opId)) this.seen.set(e.opId, at);
          if (body.entries.length === 0) break;
          this.cursor = body.entries[body.entries.length - 1]!.seq;
          if (this.cursor >= body.last) break;
        }
      } while (this.again);
    })().finally(() => (this.pulling = null));
    return this.pulling;
  }

  /** One coding insert by this member on a base source and code. */
  codingOp(sourceGid: string, codeGid: string, at: number): Op {
    const n = ++this.counter;
    const key = `${this.o.tag}.${n}`;
    const change: Change = {
      t: 'codings',
      k: 'insert',
      key,
      row: { id: key, source_id: sourceGid, code_id: codeGid, start: at, end: at + 40, coder_id: this.o.name, created_at: new Date().toISOString(), quote: 'bench passage' },
    };
    return { id: `${this.o.tag}-${n}-${Math.random().toString(36).slice(2, 10)}`, method: 'codings.apply', label: 'Apply code', at: new Date().toISOString(), changes: [change] };
  }

  /** Pushes ops; returns when the server answered, with the time each was sent. */
  async push(ops: Op[]): Promise<PushResponse> {
    const res = await fetch(`${this.o.server}api/projects/${this.o.project}/ops`, {
      method: 'POST',
      headers: this.headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ base: this.cursor, ops }),
      signal: this.abort.signal,
    });
    if (!res.ok) throw new Error(`${this.o.name}: push answered ${res.status} ${await res.text()}`);
    return (await res.json()) as PushResponse;
  }

  stop(): void {
    this.abort.abort();
  }
}
