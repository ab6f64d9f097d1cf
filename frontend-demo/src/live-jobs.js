/**
 * Every job the page knows, kept current: one `jobProgress` subscription per unfinished job,
 * however many panels show it (the session's job cards, the jobs view). State lives in a store:
 * `{ jobs: { [id]: job }, failures: { [id]: message } }`.
 */
import { subscribe } from "./client.js";
import { DemoJobProgressDocument } from "./generated/operations.ts";
import { createStore } from "./store.js";

export const TERMINAL = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

/** The later of two states of one job (by `sequence`): a live event may overtake a query's answer. */
export function laterJob(known, incoming) {
  if (!known) return incoming;
  return incoming.sequence >= known.sequence ? incoming : known;
}

export class LiveJobs {
  constructor() {
    this.store = createStore({ jobs: {}, failures: {} });
    this.streams = new Map();
  }

  get(id) {
    return this.store.get().jobs[id];
  }

  /** Records `job` (if newer than what is known) without following it. */
  put(job) {
    const known = this.get(job.id);
    const kept = laterJob(known, job);
    if (kept === known) return;
    this.store.set((state) => ({ jobs: { ...state.jobs, [job.id]: kept } }));
  }

  /** Records `job` and, while it is unfinished, follows it live until it ends. */
  track(job) {
    this.put(job);
    if (TERMINAL.has(this.get(job.id).status) || this.streams.has(job.id)) return;
    let sequence = null;
    const stop = subscribe(DemoJobProgressDocument, () => ({ jobId: job.id, afterSequence: null }), {
      next: ({ jobProgress }) => {
        // A reconnect starts the stream again from where it began: skip what was already seen.
        if (sequence !== null && jobProgress.sequence <= sequence) return;
        sequence = jobProgress.sequence;
        this.put(jobProgress.job);
      },
      error: (errors) => {
        this.streams.delete(job.id);
        const message = errors.map((error) => error.message).join("; ");
        this.store.set((state) => ({ failures: { ...state.failures, [job.id]: message } }));
      },
      complete: () => this.streams.delete(job.id),
    });
    this.streams.set(job.id, stop);
  }

  /** `listener(job)` hears every new state of any job; returns the function that stops it. */
  onJob(listener) {
    let seen = this.store.get().jobs;
    return this.store.subscribe((state) => {
      if (state.jobs === seen) return;
      const before = seen;
      seen = state.jobs;
      for (const [id, job] of Object.entries(state.jobs)) if (before[id] !== job) listener(job);
    });
  }

  /** `listener(message)` hears a failure of the stream of job `id`. */
  onFailure(id, listener) {
    const stop = this.store.subscribe((state) => {
      if (!state.failures[id]) return;
      stop();
      listener(state.failures[id]);
    });
    return stop;
  }
}
