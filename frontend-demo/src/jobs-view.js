/**
 * The jobs view: every job of the signed-in owner from `jobs(first, after, filter)`, paged by
 * infinite scroll, each row live through LiveJobs (stage, progress, duration, error code),
 * with cancel for unfinished jobs, retry (as a new job, shown live) for failed and cancelled
 * ones, and the outputs of renders and conversions opened inline.
 */
import { describeErrors, fill, h, toast } from "./dom.js";
import { bytes, duration, percent } from "./format.js";
import { request } from "./client.js";
import { DemoJobCancelDocument, DemoJobRetryDocument, DemoJobsDocument } from "./generated/operations.ts";
import { InfiniteList } from "./infinite.js";
import { TERMINAL } from "./live-jobs.js";
import { renderGallery } from "./media.js";

const PAGE_SIZE = 15;
const TICK_MS = 1000;
const WITH_OUTPUTS = new Set(["RENDER", "CONVERT"]);
const RETRYABLE = new Set(["FAILED", "CANCELLED"]);

export function jobName(job) {
  return job.asset?.name ?? job.scene?.name ?? job.kind.toLowerCase();
}

/** How long the job ran (or has been running), or how long it has waited. */
export function jobDuration(job, now = Date.now()) {
  if (!job.startedAt) return job.status === "QUEUED" ? `waiting ${duration(now - Date.parse(job.createdAt))}` : "";
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return duration(end - Date.parse(job.startedAt));
}

function outputsOf(job) {
  const renders = job.outputs.filter((file) => file.role === "RENDER");
  const others = job.outputs.filter((file) => file.role !== "RENDER");
  return h("div", { class: "job-outputs" },
    renderGallery(renders),
    others.length ? h("ul", { class: "files" }, others.map((file) => h("li", { class: "file" },
      h("span", { class: "file-role" }, file.role),
      h("span", { class: "file-name", title: file.filename }, `${file.filename} · ${bytes(file.sizeBytes)}`),
      h("a", { class: "link-button", href: file.url, download: file.filename }, "Download")))) : null,
    job.outputs.length ? null : h("p", { class: "muted small" }, "No output yet."),
    job.message ? h("p", { class: "muted small job-message" }, job.message) : null);
}

/** One job's row: its parts are kept and updated in place, so a live event never replaces a button being used. */
class JobRow {
  constructor(id, { onCancel, onRetry, onToggle }) {
    this.job = null;
    this.outputsId = `job-outputs-${id}`;
    this.kind = h("span", { class: "job-kind" });
    this.title = h("span", { class: "job-title" });
    this.status = h("span", { class: "badge badge-job" });
    this.fill = h("div", { class: "bar-fill" });
    this.bar = h("div", { class: "bar", role: "progressbar", "aria-valuemin": "0", "aria-valuemax": "100" }, this.fill);
    this.stage = h("span", { class: "job-stage" });
    this.error = h("code", { class: "job-error" });
    this.percent = h("span", { class: "job-percent" });
    this.duration = h("span", { class: "job-duration" });
    this.attempts = h("span", { class: "muted" });
    this.cancelButton = h("button", { class: "button button-ghost job-cancel", type: "button", onClick: (event) => onCancel(event.currentTarget) });
    this.retryButton = h("button", { class: "button button-ghost job-retry", type: "button", onClick: (event) => onRetry(event.currentTarget) }, "Retry");
    this.openButton = h("button", { class: "button button-ghost job-open", type: "button", "aria-controls": this.outputsId, onClick: onToggle });
    this.outputs = h("div", { id: this.outputsId });
    this.element = h("li", { class: "job-row", "data-job-id": id },
      h("div", { class: "job-head" }, this.kind, this.title, this.status),
      this.bar,
      h("div", { class: "job-foot" }, this.stage, this.error, this.percent, this.duration, this.attempts,
        h("span", { class: "job-actions" }, this.cancelButton, this.retryButton, this.openButton)),
      this.outputs);
  }

  update(job, open) {
    if (this.job === job && this.open === open) return;
    const outputsChanged = this.job?.outputs !== job.outputs || this.open !== open;
    this.job = job;
    this.open = open;
    const name = jobName(job);
    const kind = job.kind.toLowerCase();
    const status = job.status.toLowerCase();
    const label = job.error ? job.error.message : job.stage || (job.status === "QUEUED" ? "waiting for a worker" : status);
    const fraction = job.status === "SUCCEEDED" ? 1 : job.progress;
    this.element.className = `job-row job-${status}`;
    this.kind.textContent = job.kind;
    this.title.textContent = name;
    this.title.title = name;
    this.status.className = `badge badge-job badge-${status}`;
    this.status.textContent = status;
    this.fill.style.width = percent(fraction);
    this.bar.setAttribute("aria-label", `Progress of ${name}`);
    this.bar.setAttribute("aria-valuenow", String(Math.round(fraction * 100)));
    this.stage.textContent = label;
    this.stage.title = label;
    this.error.hidden = !job.error;
    this.error.textContent = job.error?.code ?? "";
    this.percent.textContent = percent(fraction);
    this.duration.textContent = jobDuration(job);
    this.attempts.hidden = job.attempts <= 1;
    this.attempts.textContent = `${job.attempts} attempts`;
    this.cancelButton.hidden = TERMINAL.has(job.status);
    this.cancelButton.disabled = job.cancelRequested;
    this.cancelButton.textContent = job.cancelRequested ? "Cancelling…" : "Cancel";
    this.cancelButton.setAttribute("aria-label", `Cancel ${kind} job of ${name}`);
    this.retryButton.hidden = !RETRYABLE.has(job.status);
    this.retryButton.setAttribute("aria-label", `Retry ${kind} job of ${name}`);
    this.openButton.hidden = !WITH_OUTPUTS.has(job.kind);
    this.openButton.setAttribute("aria-expanded", String(open));
    this.openButton.setAttribute("aria-label", `${open ? "Hide" : "Show"} output of ${kind} job of ${name}`);
    this.openButton.textContent = open ? "Hide output" : "Output";
    this.outputs.hidden = !open;
    if (outputsChanged) fill(this.outputs, open ? outputsOf(job) : null);
  }
}

export class JobsView {
  /** `elements`: the list, its total, the sentinel and the status and kind filters; `live` is the page's LiveJobs. */
  constructor({ list, total, sentinel, status, kind }, live) {
    this.elements = { list, total, status, kind };
    this.live = live;
    this.order = [];
    this.rows = new Map();
    this.open = new Set();
    this.totalCount = 0;
    this.pages = new InfiniteList(sentinel, {
      loadPage: (after) => this.fetchPage(after),
      onPage: (page, first) => this.absorb(page, first),
      onError: (error) => toast(`Could not list jobs: ${error.message}`, "error"),
    });
    status.addEventListener("change", () => this.reload());
    kind.addEventListener("change", () => this.reload());
    live.onJob((job) => this.changed(job));
    setInterval(() => this.tick(), TICK_MS);
  }

  filter() {
    const { status, kind } = this.elements;
    return { status: status.value ? [status.value] : null, kind: kind.value ? [kind.value] : null };
  }

  matches(job) {
    const { status, kind } = this.filter();
    return (!status || status.includes(job.status)) && (!kind || kind.includes(job.kind));
  }

  async fetchPage(after) {
    const { jobs } = await request(DemoJobsDocument, { first: PAGE_SIZE, after, filter: this.filter() });
    return jobs;
  }

  reload() {
    return this.pages.restart();
  }

  absorb(page, first) {
    if (first) {
      this.order = [];
      this.rows.clear();
    }
    this.totalCount = page.totalCount;
    for (const { node } of page.edges) {
      if (!this.order.includes(node.id)) this.order.push(node.id);
      this.live.track(node);
    }
    this.render();
  }

  /** A new state of a job: its row is drawn again, or a job new to the page comes first. */
  changed(job) {
    if (!this.order.includes(job.id)) {
      if (!this.matches(job)) return;
      this.order.unshift(job.id);
      this.totalCount += 1;
    }
    this.render();
  }

  /** Running jobs' durations move on. */
  tick() {
    for (const [id, row] of this.rows) {
      const job = this.live.get(id);
      if (job && !TERMINAL.has(job.status)) row.duration.textContent = jobDuration(job);
    }
  }

  /** The row of `job`, made once and brought up to date in place (buttons stay put while in use). */
  row(job) {
    let row = this.rows.get(job.id);
    if (!row) {
      row = new JobRow(job.id, {
        onCancel: (button) => this.cancel(this.live.get(job.id), button),
        onRetry: (button) => this.retry(this.live.get(job.id), button),
        onToggle: () => this.toggle(job.id),
      });
      this.rows.set(job.id, row);
    }
    row.update(job, this.open.has(job.id));
    return row.element;
  }

  toggle(id) {
    if (this.open.has(id)) this.open.delete(id);
    else this.open.add(id);
    this.render();
  }

  async cancel(job, button) {
    button.disabled = true;
    try {
      const { jobCancel } = await request(DemoJobCancelDocument, { id: job.id });
      if (jobCancel.errors.length) {
        toast(describeErrors(jobCancel.errors), "error");
        button.disabled = false;
        return;
      }
      if (jobCancel.job) this.live.put(jobCancel.job);
    } catch (error) {
      toast(error.message, "error");
      button.disabled = false;
    }
  }

  /** A new job doing what `job` did, followed live (first in the list when the filter shows it); the old row stays as it ended. */
  async retry(job, button) {
    button.disabled = true;
    try {
      const { jobRetry } = await request(DemoJobRetryDocument, { id: job.id });
      if (jobRetry.errors.length) toast(describeErrors(jobRetry.errors), "error");
      else {
        this.live.track(jobRetry.job);
        toast(`Retrying as a new ${jobRetry.job.kind.toLowerCase()} job`, "ok");
      }
    } catch (error) {
      toast(error.message, "error");
    } finally {
      button.disabled = false;
    }
  }

  render() {
    const { list, total } = this.elements;
    total.textContent = String(this.totalCount);
    if (!this.order.length) {
      fill(list, h("li", { class: "empty" }, h("strong", {}, "No jobs"), h("span", {}, "Uploads, conversions and renders show here as they run.")));
      return;
    }
    const rows = this.order.map((id) => this.live.get(id)).filter(Boolean).map((job) => this.row(job));
    // Rows already in place stay (and keep focus); only a changed order moves them.
    if (rows.length !== list.children.length || rows.some((row, index) => list.children[index] !== row)) fill(list, rows);
  }
}
