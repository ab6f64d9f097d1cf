/** The usage panel: `viewer { owner scopes usage }` of the signed-in token, fetched again (at most once a second) after anything that changes it. */
import { fill, h } from "./dom.js";
import { bytes, exact } from "./format.js";
import { request } from "./client.js";
import { DemoViewerDocument } from "./generated/operations.ts";

const SETTLE_MS = 1000;

function fact(label, value, key, exactValue) {
  return [h("dt", {}, label), h("dd", { "data-usage": key, title: exactValue ?? null }, value)];
}

export class UsagePanel {
  constructor(container) {
    this.container = container;
    this.timer = null;
  }

  /** Fetches the figures now. */
  async refresh() {
    clearTimeout(this.timer);
    this.timer = null;
    try {
      const { viewer } = await request(DemoViewerDocument);
      this.show(viewer);
    } catch (error) {
      fill(this.container, h("p", { class: "muted small" }, `Usage unavailable: ${error.message}`));
    }
  }

  /** Fetches them soon: many changes in a row cost one request. */
  soon() {
    if (this.timer === null) this.timer = setTimeout(() => this.refresh(), SETTLE_MS);
  }

  show({ owner, scopes, usage }) {
    const admin = scopes.includes("ADMIN");
    fill(this.container,
      h("dl", { class: "usage" },
        fact("Owner", owner, "owner"),
        fact(admin ? "Assets (all owners)" : "Assets", exact(usage.assets), "assets"),
        fact("Stored", bytes(usage.bytesStored), "bytesStored", `${exact(usage.bytesStored)} bytes`),
        fact("Jobs running", exact(usage.jobsRunning), "jobsRunning"),
        fact("Jobs queued", exact(usage.jobsQueued), "jobsQueued")),
      h("p", { class: "muted small usage-scopes" }, `Scopes: ${scopes.join(", ")}`));
  }
}
