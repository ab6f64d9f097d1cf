/** An asset's mesh-quality report in the detail panel (`asset.quality`), fetched once per asset: only READY assets have one. */
import { fill, h } from "./dom.js";
import { exact } from "./format.js";
import { request } from "./client.js";
import { DemoAssetQualityDocument } from "./generated/operations.ts";

function verdict(label, good) {
  return h("span", { class: `pill ${good ? "pill-quiet" : "pill-warning"}`, "data-quality": label }, `${good ? "" : "not "}${label}`);
}

export class QualityReport {
  constructor(asset) {
    this.asset = asset;
    this.element = h("div", { class: "quality" }, h("p", { class: "muted small" }, "Loading…"));
    this.load();
  }

  async load() {
    try {
      const { asset } = await request(DemoAssetQualityDocument, { id: this.asset.id });
      this.draw(asset?.quality ?? null);
    } catch (error) {
      fill(this.element, h("p", { class: "muted small" }, `Could not load the quality report: ${error.message}`));
    }
  }

  draw(quality) {
    if (!quality) {
      fill(this.element, h("p", { class: "muted small" }, "No quality report for this asset."));
      return;
    }
    const pills = h("div", { class: "pills" },
      verdict("watertight", quality.watertight),
      verdict("manifold", quality.manifold),
      quality.uvOverlapRatio === null ? null : h("span", { class: "pill pill-quiet" }, `UV overlap ${(quality.uvOverlapRatio * 100).toFixed(1)}%`));
    const items = quality.items.length
      ? h("ul", { class: "issues", "aria-label": "Quality findings" }, quality.items.map((item) => h("li", { class: `issue issue-${item.severity.toLowerCase()}` },
        h("span", { class: "issue-severity" }, item.severity),
        h("div", { class: "issue-body" }, h("div", {}, h("code", {}, item.code), ` × ${exact(item.count)} `, item.message)))))
      : h("p", { class: "muted" }, "No problems found.");
    fill(this.element, pills, items);
  }
}
