/**
 * The usage panel: `viewer { owner scopes usage }` of the signed-in token, each figure beside its limit (a meter where
 * one is set, "no limit" where the quota is unset), fetched again (at most once a second) after anything that changes it.
 */
import { fill, h } from "./dom.js";
import { bytes, duration, exact } from "./format.js";
import { request } from "./client.js";
import { DemoViewerDocument } from "./generated/operations.ts";

const SETTLE_MS = 1000;

/** One figure: `show` formats it and its limit; `limit` undefined means no limit applies (an admin's totals). */
function fact(label, key, value, { show = exact, limit, exactValue } = {}) {
  const limited = limit !== undefined && limit !== null;
  return [
    h("dt", {}, label),
    h("dd", {},
      h("span", { "data-usage": key, title: exactValue ?? null }, show(value)),
      limit === undefined ? null : h("span", { class: "usage-limit", "data-limit": key }, limited ? ` of ${show(limit)}` : " · no limit"),
      limited ? h("meter", { class: "usage-meter", min: 0, max: Math.max(limit, 1), value: Math.min(value, limit), high: limit * 0.8, optimum: 0, "aria-label": `${label}: ${show(value)} of ${show(limit)}` }) : null),
  ];
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
    // An admin's figures are every owner's together: limits apply per owner, so none is shown.
    const limits = usage.limits ?? {};
    fill(this.container,
      h("dl", { class: "usage" },
        fact("Owner", "owner", owner, { show: String }),
        fact(admin ? "Assets (all owners)" : "Assets", "assets", usage.assets, { limit: limits.assets }),
        fact("Stored", "bytesStored", usage.bytesStored, { show: bytes, limit: limits.bytesStored, exactValue: `${exact(usage.bytesStored)} bytes` }),
        fact("Jobs running", "jobsRunning", usage.jobsRunning, { limit: limits.jobsRunning }),
        fact("Jobs queued", "jobsQueued", usage.jobsQueued),
        fact("Queued and running", "jobsQueuedOrRunning", usage.jobsQueued + usage.jobsRunning, { limit: limits.jobsQueuedOrRunning }),
        fact("Jobs this month", "jobsThisMonth", usage.jobsThisMonth),
        fact("Rendering this month", "renderSeconds", usage.renderSeconds, { show: (seconds) => duration(seconds * 1000), exactValue: `${usage.renderSeconds.toFixed(3)} s` })),
      h("p", { class: "muted small usage-scopes" }, `Scopes: ${scopes.join(", ")}`));
  }
}
