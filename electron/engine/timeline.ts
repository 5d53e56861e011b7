import { performance } from 'node:perf_hooks';
import type { TimelineEvent } from '../../shared/model';

type Event = TimelineEvent;

/** Collects events (t = ms since the send began) and forwards them live. */
export class Timeline {
  readonly events: Event[] = [];
  constructor(readonly t0: number, private readonly onEvent?: (e: Event) => void) {}

  now(): number {
    return performance.now() - this.t0;
  }

  push(e: Event): void {
    this.events.push(e);
    if (this.onEvent) this.onEvent(e);
  }
}
