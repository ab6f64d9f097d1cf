/**
 * The trash panel: the viewer's deleted assets and scenes still restorable (`trash`, newest deleted first, a page at a
 * time), each with when it goes for good and a Restore button (assetRestore or sceneRestore).
 */
import { describeErrors, fill, h, toast } from "./dom.js";
import { ago } from "./format.js";
import { request } from "./client.js";
import { DemoAssetRestoreDocument, DemoSceneRestoreDocument, DemoTrashDocument } from "./generated/operations.ts";

const PAGE = 10;
const SETTLE_MS = 1000;
const KIND_LABELS = { ASSET: "Asset", SCENE: "Scene" };

export class TrashPanel {
  /** `onRestored(kind, item)` hears each restored asset or scene (the restore payload's object). */
  constructor({ list, total, more }, { onRestored }) {
    this.list = list;
    this.total = total;
    this.more = more;
    this.onRestored = onRestored;
    this.timer = null;
    this.cursor = null;
    more.addEventListener("click", () => this.load(this.cursor));
  }

  /** Lists the trash again from its newest item. */
  async refresh() {
    clearTimeout(this.timer);
    this.timer = null;
    await this.load(null);
  }

  /** Lists it again soon: many deletes in a row cost one request. */
  soon() {
    if (this.timer === null) this.timer = setTimeout(() => this.refresh(), SETTLE_MS);
  }

  async load(after) {
    try {
      const { trash } = await request(DemoTrashDocument, { first: PAGE, after });
      const rows = trash.edges.map(({ node }) => this.row(node));
      if (after) this.list.append(...rows);
      else fill(this.list, rows.length ? rows : h("li", { class: "muted small trash-empty" }, "Nothing deleted."));
      this.total.textContent = String(trash.totalCount);
      this.cursor = trash.pageInfo.endCursor;
      this.more.hidden = !trash.pageInfo.hasNextPage;
    } catch (error) {
      fill(this.list, h("li", { class: "muted small" }, `Could not list the trash: ${error.message}`));
    }
  }

  row(item) {
    return h("li", { class: "trash-item", "data-trash-id": item.id },
      h("div", { class: "trash-text" },
        h("span", { class: "trash-name" }, item.name, " ", h("span", { class: "pill pill-quiet" }, KIND_LABELS[item.kind])),
        h("span", { class: "muted trash-when", title: `Deleted ${item.deletedAt}; kept until ${item.purgeAt}` },
          `deleted ${ago(item.deletedAt)} · gone ${ago(item.purgeAt)}`)),
      h("button", { class: "button trash-restore", type: "button", "aria-label": `Restore ${item.name}`, onClick: (event) => this.restore(item, event.currentTarget) }, "Restore"));
  }

  async restore(item, button) {
    button.disabled = true;
    try {
      const restored = item.kind === "ASSET"
        ? (await request(DemoAssetRestoreDocument, { id: item.id })).assetRestore
        : (await request(DemoSceneRestoreDocument, { id: item.id })).sceneRestore;
      if (restored.errors.length) {
        toast(describeErrors(restored.errors), "error");
        button.disabled = false;
        return;
      }
      toast(`${KIND_LABELS[item.kind]} ${item.name} restored`, "ok");
      this.onRestored(item.kind, restored.asset ?? restored.scene);
      await this.refresh();
    } catch (error) {
      toast(error.message, "error");
      button.disabled = false;
    }
  }
}
