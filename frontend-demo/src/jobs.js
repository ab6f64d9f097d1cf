/** The session's job cards: one per upload or job started here, its progress fed live by LiveJobs. */
import { describeErrors, fill, h, toast } from "./dom.js";
import { percent } from "./format.js";
import { request } from "./client.js";
import { DemoJobCancelDocument } from "./generated/operations.ts";
import { TERMINAL } from "./live-jobs.js";
import { isVideo } from "./media.js";
const SUCCEEDED_CARD_MS = 6000;
const STAGE_LABELS = { QUEUED: "Waiting for a worker", SUCCEEDED: "Done", CANCELLED: "Cancelled" };

/** The title of a job found running: its asset's name (the card's badge says the kind). */
export function jobTitle(job) {
  return job.asset?.name ?? job.kind.toLowerCase();
}

class JobCard {
  /** `named`: the title is final; otherwise (an upload's file name) the asset's name replaces it. */
  constructor(board, title, named) {
    this.board = board;
    this.named = named;
    this.title = h("div", { class: "job-title", title }, title);
    this.kind = h("span", { class: "job-kind" }, "UPLOAD");
    this.stage = h("div", { class: "job-stage" }, "Uploading…");
    this.value = h("span", { class: "job-percent" }, "0%");
    this.bar = h("div", { class: "bar-fill" });
    this.actions = h("div", { class: "job-actions" });
    this.element = h(
      "article", { class: "job-card job-uploading" },
      h("div", { class: "job-head" }, this.kind, this.title, this.actions),
      h("div", { class: "bar" }, this.bar),
      h("div", { class: "job-foot" }, this.stage, this.value),
    );
    board.list.prepend(this.element);
    board.changed();
  }

  setProgress(fraction) {
    this.bar.style.width = percent(fraction);
    this.value.textContent = percent(fraction);
  }

  /** The upload (or anything before a job exists) failed. */
  fail(message) {
    this.element.className = "job-card job-failed";
    this.stage.textContent = message;
    this.value.textContent = "";
    this.dismissible();
  }

  /** Follows `job` live until it ends. */
  follow(job) {
    const { live } = this.board;
    this.jobId = job.id;
    this.board.following.add(job.id);
    this.kind.textContent = job.kind;
    live.track(job);
    this.update(live.get(job.id));
    if (TERMINAL.has(live.get(job.id).status)) return;
    const stopJobs = live.onJob((changed) => changed.id === job.id && this.update(changed));
    const stopFailures = live.onFailure(job.id, (message) => this.fail(message));
    this.stop = () => {
      stopJobs();
      stopFailures();
    };
  }

  update(job) {
    const status = job.status;
    this.element.className = `job-card job-${status.toLowerCase()}`;
    if (!this.named && job.asset?.name) this.title.textContent = job.asset.name;
    const label = job.error ? `${job.error.message} (${job.error.code})` : job.stage || STAGE_LABELS[status] || status;
    this.stage.textContent = label;
    this.stage.title = label;
    this.setProgress(status === "SUCCEEDED" ? 1 : job.progress);
    if (status === "FAILED" || status === "CANCELLED") this.value.textContent = status.toLowerCase();
    if (!TERMINAL.has(status)) {
      fill(this.actions, h("button", { class: "icon-button", title: "Cancel this job", onClick: () => this.cancel() }, "✕"));
      return;
    }
    this.stop?.();
    this.board.finished(job);
    const image = job.kind === "RENDER" && job.outputs.at(-1);
    // A render's image or video stays one click away; other finished jobs show in their asset.
    if (status === "SUCCEEDED" && !image) setTimeout(() => this.remove(), SUCCEEDED_CARD_MS);
    else this.dismissible(image);
  }

  dismissible(image) {
    if (image) fill(this.value, h("a", { class: "link-button job-link", href: image.url, target: "_blank", rel: "noopener" }, isVideo(image) ? "Open video" : "Open image"));
    fill(this.actions, h("button", { class: "icon-button", title: "Dismiss", onClick: () => this.remove() }, "✕"));
  }

  async cancel() {
    try {
      const { jobCancel } = await request(DemoJobCancelDocument, { id: this.jobId });
      if (jobCancel.errors.length) toast(describeErrors(jobCancel.errors), "error");
    } catch (error) {
      toast(error.message, "error");
    }
  }

  remove() {
    this.stop?.();
    this.board.following.delete(this.jobId);
    this.element.remove();
    this.board.changed();
  }
}

export class JobBoard {
  /** `live` (LiveJobs) follows the jobs; `onFinished(job)` hears every job that ends, so the page can refresh what it produced. */
  constructor(panel, list, live, onFinished = () => {}) {
    this.panel = panel;
    this.list = list;
    this.live = live;
    this.onFinished = onFinished;
    this.following = new Set();
    this.changed();
  }

  /** A card for a file being uploaded; call `.follow(job)` once the server made its job. */
  upload(fileName) {
    return new JobCard(this, fileName, false);
  }

  /** A card for a job that already exists (started elsewhere, or before this page loaded). */
  follow(job, title) {
    if (this.following.has(job.id)) return;
    new JobCard(this, title, true).follow(job);
  }

  finished(job) {
    this.onFinished(job);
  }

  changed() {
    this.panel.hidden = this.list.childElementCount === 0;
  }
}
