/**
 * An asset's versions in the detail panel: newest first with their status and triangles, the current one marked;
 * upload a file as the next version (its ingest is followed on the job board) or restore an older READY one.
 */
import { describeErrors, fill, h, toast } from "./dom.js";
import { ago, exact } from "./format.js";
import { request, upload } from "./client.js";
import { DemoAssetVersionRestoreDocument, DemoAssetVersionUploadDocument, DemoAssetVersionsDocument } from "./generated/operations.ts";

export class VersionsPanel {
  /** `board` (JobBoard) follows a new version's ingest; `onSaved(asset)` hears the asset a restore made current. */
  constructor(asset, { board, onSaved }) {
    this.asset = asset;
    this.board = board;
    this.onSaved = onSaved;
    this.list = h("ol", { class: "versions", "aria-label": "Versions, newest first" });
    this.picker = h("input", { type: "file", hidden: true, "aria-label": "File for the new version", onChange: (event) => this.uploadFile(event.target.files[0]) });
    this.element = h("div", { class: "versions-panel" },
      this.list,
      h("div", { class: "actions" },
        this.picker,
        h("button", { class: "button", onClick: () => this.picker.click() }, "Upload new version")));
    this.reload();
  }

  async reload() {
    try {
      const { asset } = await request(DemoAssetVersionsDocument, { id: this.asset.id });
      if (asset) this.draw(asset);
    } catch (error) {
      fill(this.list, h("li", { class: "muted small" }, `Could not load the versions: ${error.message}`));
    }
  }

  draw(asset) {
    const current = asset.currentVersion.number;
    fill(this.list, asset.versions.edges.map(({ node }) => h("li", { class: "version", "data-version": node.number },
      h("span", { class: "version-number" }, `v${node.number}`),
      node.number === current ? h("span", { class: "pill pill-quiet" }, "current") : h("span", { class: `pill ${node.status === "FAILED" ? "pill-warning" : "pill-quiet"}` }, node.status),
      h("span", { class: "muted small" }, [
        node.stats ? `${exact(node.stats.triangleCount)} triangles` : null,
        node.restoredFrom ? `restores v${node.restoredFrom}` : null,
        node.error ? `${node.error.code}: ${node.error.message}` : null,
        `added ${ago(node.createdAt)}`,
      ].filter(Boolean).join(" · ")),
      node.number !== current && node.status === "READY"
        ? h("button", { class: "link-button", "aria-label": `Restore version ${node.number}`, onClick: () => this.restore(node.number) }, "Restore")
        : null)));
  }

  async uploadFile(file) {
    if (!file) return;
    this.picker.value = "";
    try {
      const { assetUpload } = await upload(DemoAssetVersionUploadDocument, { file, assetId: this.asset.id }, () => {});
      if (assetUpload.errors.length) {
        toast(describeErrors(assetUpload.errors), "error");
        return;
      }
      this.board.follow(assetUpload.job, `${this.asset.name}: new version`);
      toast(`Uploading ${file.name} as a new version of ${this.asset.name}`, "ok");
      this.reload();
    } catch (error) {
      toast(error.message, "error");
    }
  }

  async restore(number) {
    try {
      const { assetVersionRestore } = await request(DemoAssetVersionRestoreDocument, { assetId: this.asset.id, number });
      if (assetVersionRestore.errors.length) {
        toast(describeErrors(assetVersionRestore.errors), "error");
        return;
      }
      toast(`Version ${number} of ${this.asset.name} is current again`, "ok");
      this.onSaved(assetVersionRestore.asset);
      this.reload();
    } catch (error) {
      toast(error.message, "error");
    }
  }
}
