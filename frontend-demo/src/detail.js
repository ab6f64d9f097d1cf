/** The panel that describes the selected asset: stats, quality and validation reports, files and actions. */
import { statusBadge } from "./assets.js";
import { describeErrors, fill, h, toast } from "./dom.js";
import { ago, bytes, dimensions, exact, vector } from "./format.js";
import { request } from "./client.js";
import { DemoAssetDeleteDocument } from "./generated/operations.ts";
import { CatalogEditor } from "./catalog.js";
import { convertSection } from "./convert.js";
import { QualityReport } from "./quality.js";
import { renderGallery } from "./media.js";
import { RenderPanel } from "./render.js";
import { SceneView } from "./scene.js";
import { VersionsPanel } from "./versions.js";

const STAT_LABELS = [
  ["triangleCount", "Triangles"],
  ["vertexCount", "Vertices"],
  ["meshCount", "Meshes"],
  ["materialCount", "Materials"],
  ["textureCount", "Textures"],
  ["animationCount", "Animations"],
  ["nodeCount", "Nodes"],
];
// The report lists at most this many issues at first; a button shows the rest.
const ISSUES_FOLDED = 5;

function section(title, ...children) {
  return h("section", { class: "detail-section" }, h("h3", {}, title), children);
}

function statsSection(stats) {
  const tiles = STAT_LABELS.map(([key, label]) => h("div", { class: "stat" },
    h("span", { class: "stat-value" }, exact(stats[key])), h("span", { class: "stat-label" }, label)));
  const bounds = stats.bounds && h("dl", { class: "facts" },
    h("dt", {}, "Size"), h("dd", {}, dimensions(stats.bounds)),
    h("dt", {}, "Min"), h("dd", {}, vector(stats.bounds.min)),
    h("dt", {}, "Max"), h("dd", {}, vector(stats.bounds.max)));
  return section("Geometry", h("div", { class: "stats" }, tiles), bounds);
}

function validationSection(validation) {
  const pills = h("div", { class: "pills" },
    h("span", { class: `pill ${validation.numErrors ? "pill-error" : "pill-quiet"}` }, `${validation.numErrors} errors`),
    h("span", { class: `pill ${validation.numWarnings ? "pill-warning" : "pill-quiet"}` }, `${validation.numWarnings} warnings`),
    h("span", { class: "pill pill-quiet" }, `${validation.numInfos} infos`),
    h("span", { class: "pill pill-quiet" }, `${validation.numHints} hints`));
  if (!validation.issues.length) {
    return section("Validation", pills, h("p", { class: "muted" }, "No issues found."));
  }
  const rows = validation.issues.map((issue, index) => h("li", { class: `issue issue-${issue.severity.toLowerCase()}`, hidden: index >= ISSUES_FOLDED },
    h("span", { class: "issue-severity" }, issue.severity),
    h("div", { class: "issue-body" },
      h("div", {}, h("code", {}, issue.code), " ", issue.message),
      issue.pointer ? h("div", { class: "issue-pointer" }, issue.pointer) : null)));
  const list = h("ul", { class: "issues" }, rows);
  const folded = validation.issues.length - ISSUES_FOLDED;
  const unfold = folded > 0 && h("button", {
    class: "link-button",
    onClick: (event) => {
      rows.forEach((row) => { row.hidden = false; });
      event.target.remove();
    },
  }, `Show ${folded} more`);
  const truncated = validation.truncated && h("p", { class: "muted small" }, "The server kept only the first issues of a long report.");
  return section("Validation", pills, list, unfold, truncated);
}

/**
 * Redrawing moves the parts kept across redraws (the catalog form, the scene panel) out of the
 * page and back, which drops focus: the returned function gives it back, with the caret, so
 * typing carries on whatever live update redrew the panel meanwhile.
 */
function keepFocus(container) {
  const focused = document.activeElement;
  if (!focused || focused === document.body || !container.contains(focused)) return () => {};
  const caret = typeof focused.selectionStart === "number" ? [focused.selectionStart, focused.selectionEnd] : null;
  return () => {
    if (!focused.isConnected || document.activeElement === focused) return;
    focused.focus({ preventScroll: true });
    if (caret) focused.setSelectionRange(...caret);
  };
}

export class AssetDetail {
  /**
   * `viewer` gives the camera for renders, `board` follows the jobs started here (scene
   * renders too), `offerRender(submit)` puts an open scene's render on the viewer's toolbar;
   * `onViewFile(file)` hears a click on a GLB file's "View", `onDeleted(id)` a deletion.
   */
  constructor(container, { viewer, board, offerRender, onViewFile, onDeleted, onSaved }) {
    this.container = container;
    this.offerRender = offerRender;
    this.onSaved = onSaved;
    this.catalog = null;
    this.viewer = viewer;
    this.board = board;
    this.sceneView = null;
    this.onViewFile = onViewFile;
    this.onDeleted = onDeleted;
    this.clear();
  }

  clear() {
    this.catalog = null;
    this.quality = null;
    this.versions = null;
    this.renderPanel?.dispose();
    this.renderPanel = null;
    this.renderAssetId = null;
    this.sceneView?.dispose();
    this.sceneView = null;
    fill(this.container, h("div", { class: "detail-empty" }, "Select an asset to see its stats, validation report and files."));
  }

  /** The scene panel of `asset`, kept while the same asset is drawn again (it may follow live edits). */
  sceneFor(asset) {
    if (this.sceneView?.asset.id !== asset.id) {
      this.sceneView?.dispose();
      this.sceneView = new SceneView(asset, { board: this.board, viewer: this.viewer, offerRender: this.offerRender });
    }
    return this.sceneView.element;
  }

  /**
   * The render section of a READY `asset`: its panel, kept while the same asset is drawn again
   * (it follows the job it started), then every render the asset has, newest first.
   */
  renderFor(asset) {
    if (this.renderAssetId !== asset.id) {
      this.renderPanel?.dispose();
      this.renderPanel = new RenderPanel({ subject: () => ({ assetId: asset.id }), title: () => asset.name, action: "Render this view",
        animations: asset.stats?.animationCount ?? 0 }, this);
      this.renderAssetId = asset.id;
      this.historyOpen = false;
    }
    const renders = asset.files.filter((file) => file.role === "RENDER").reverse();
    const history = renders.length > 0 && h("details", { class: "render-history", open: this.historyOpen, onToggle: (event) => { this.historyOpen = event.target.open; } },
      h("summary", {}, `All renders of this asset (${renders.length})`), renderGallery(renders));
    return section("Render",
      h("p", { class: "muted small" }, "The server renders the model from the viewer's current camera (moderngl, or Mitsuba path tracing)."),
      this.renderPanel.element, history);
  }

  /** The catalog form of `asset`, kept while the same asset is drawn again (it may hold unsaved input). */
  catalogFor(asset) {
    if (this.catalog?.asset.id !== asset.id) this.catalog = new CatalogEditor(asset, { onSaved: this.onSaved });
    return this.catalog.element;
  }

  /** The quality report of a READY `asset`, fetched once while the same asset is drawn again. */
  qualityFor(asset) {
    if (this.quality?.asset.id !== asset.id) this.quality = new QualityReport(asset);
    return this.quality.element;
  }

  /** The versions of `asset`, read again each time it is drawn (a version may have become current meanwhile). */
  versionsFor(asset) {
    if (this.versions?.asset.id !== asset.id) this.versions = new VersionsPanel(asset, { board: this.board, onSaved: this.onSaved });
    else this.versions.reload();
    return this.versions.element;
  }

  show(asset) {
    this.asset = asset;
    const restoreFocus = keepFocus(this.container);
    const error = asset.error && h("div", { class: "callout callout-error" },
      h("strong", {}, asset.error.code), " ", asset.error.message);
    fill(this.container,
      h("header", { class: "detail-head" },
        h("div", { class: "detail-title" }, h("h2", { title: asset.name }, asset.name), statusBadge(asset.status)),
        h("div", { class: "muted" }, [asset.filename, asset.sourceFormat?.toUpperCase(), bytes(asset.sizeBytes), `added ${ago(asset.createdAt)}`].filter(Boolean).join(" · ")),
        asset.tags.length ? h("div", { class: "tags" }, asset.tags.map((tag) => h("span", { class: "tag" }, tag))) : null),
      error,
      h("div", { class: "actions" },
        h("button", { class: "button button-danger", onClick: () => this.remove() }, "Delete")),
      section("About", this.catalogFor(asset)),
      asset.stats ? statsSection(asset.stats) : null,
      asset.status === "READY" ? section("Quality", this.qualityFor(asset)) : null,
      asset.status === "READY" || asset.status === "FAILED" ? section("Versions", this.versionsFor(asset)) : null,
      asset.validation ? validationSection(asset.validation) : null,
      asset.status === "READY" ? this.renderFor(asset) : null,
      asset.status === "READY" ? convertSection(asset, this) : null,
      asset.status === "READY" ? section("Scene graph", this.sceneFor(asset)) : null,
      this.filesSection(asset),
      asset.sha256 ? section("Checksum", h("code", { class: "hash" }, `sha256 ${asset.sha256}`)) : null);
    restoreFocus();
  }

  filesSection(asset) {
    if (!asset.files.length) return null;
    const rows = asset.files.map((file) => h("li", { class: "file" },
      h("span", { class: "file-role" }, file.role),
      h("span", { class: "file-name", title: file.filename }, `${file.format.toUpperCase()} · ${bytes(file.sizeBytes)}`),
      file.role !== "ORIGINAL" && file.format.toLowerCase() === "glb"
        ? h("button", { class: "link-button", onClick: () => this.onViewFile(file) }, "View") : null,
      h("a", { class: "link-button", href: file.url, download: file.filename }, "Download")));
    return section("Files", h("ul", { class: "files" }, rows));
  }

  async remove() {
    const asset = this.asset;
    if (!confirm(`Delete “${asset.name}” and all its files?`)) return;
    try {
      const { assetDelete } = await request(DemoAssetDeleteDocument, { id: asset.id });
      if (assetDelete.errors.length) {
        toast(describeErrors(assetDelete.errors), "error");
        return;
      }
      toast(`Deleted ${asset.name}`, "ok");
      this.onDeleted(asset.id);
    } catch (error) {
      toast(error.message, "error");
    }
  }
}
