import { kTopics } from '../../wire/index.js';
import type { Subscribe, Topic } from '../../wire/index.js';
import type { Subscription } from '../subscription.js';

interface TopicFilter {
  runId: string;
  component: string;
}

/*
 * What a remote bus asks the hub for. The hub keeps one filter per topic per
 * connection, so the client asks for the narrowest filter that covers every
 * local subscriber of the topic, and its local bus applies each subscriber's
 * own filter: no message arrives twice.
 */
export class RemoteFilters {
  readonly #subs: Subscription[] = [];
  // The filter per topic last sent on this connection.
  readonly #sent = new Map<Topic, TopicFilter>();

  add(sub: Subscription): void {
    this.#subs.push(sub);
  }

  /** True while a local subscriber is open. */
  get live(): boolean {
    return this.#subs.some((s) => !s.closed);
  }

  /** A new connection: the hub knows none of our filters yet. */
  reset(): void {
    this.#sent.clear();
  }

  /**
   * Subscribe messages for the topics whose filter changed since last sent
   * (now counted as sent); topics that share a filter go in one message.
   */
  changes(): Subscribe[] {
    const want = this.#wanted();
    const groups = new Map<string, Subscribe & TopicFilter & { topics: Topic[] }>();
    for (const t of kTopics) {
      const f = want.get(t);
      if (f === undefined) continue;
      const sent = this.#sent.get(t);
      if (sent !== undefined && sent.runId === f.runId && sent.component === f.component) continue;
      const key = `${f.runId}\u0000${f.component}`;
      const g = groups.get(key);
      if (g === undefined) groups.set(key, { topics: [t], runId: f.runId, component: f.component });
      else g.topics.push(t);
      this.#sent.set(t, f);
    }
    return [...groups.values()];
  }

  #wanted(): Map<Topic, TopicFilter> {
    const want = new Map<Topic, TopicFilter>();
    for (let i = this.#subs.length - 1; i >= 0; --i) {
      if (this.#subs[i]!.closed) this.#subs.splice(i, 1);
    }
    for (const sub of this.#subs) {
      for (const t of sub.topics) {
        const f = { runId: sub.runId ?? '', component: sub.component ?? '' };
        const had = want.get(t);
        if (had === undefined) want.set(t, f);
        else {
          if (had.runId !== f.runId) had.runId = '';
          if (had.component !== f.component) had.component = '';
        }
      }
    }
    return want;
  }
}
