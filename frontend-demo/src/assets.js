/** The asset gallery: cursor-paginated `assets`, kept current by uploads and `assetReady` events. */
import { fill, h, toast } from "./dom.js";
import { bytes, count } from "./format.js";
import { request } from "./client.js";
import { DemoAssetsDocument } from "./generated/operations.ts";

const PAGE_SIZE = 12;
// The server's default max_page_size: a reload asks for no more than this at once.
const MAX_PAGE = 100;

export function statusBadge(status) {
  return h("span", { class: `badge badge-${status.toLowerCase()}` }, status.replace("_", " ").toLowerCase());
}

function thumbnail(asset) {
  if (asset.thumbnailUrl) {
    return h("img", { class: "thumb-image", src: asset.thumbnailUrl, alt: "", loading: "lazy" });
  }
  const format = asset.sourceFormat || asset.filename.split(".").pop() || "?";
  return h("div", { class: "thumb-placeholder" }, h("span", { class: "thumb-icon" }), format.toUpperCase());
}

export class AssetGallery {
  /** `onSelect(asset)` hears a click on a card; `onChange(asset)` hears every new state of an asset. */
  constructor({ grid, total, more, search, status }, { onSelect, onChange }) {
    this.elements = { grid, total, more, search, status };
    this.onSelect = onSelect;
    this.onChange = onChange;
    this.assets = new Map();
    this.order = [];
    this.totalCount = 0;
    this.endCursor = null;
    this.hasNextPage = false;
    this.selectedId = null;
    this.cards = new Map();
    this.reloads = 0;
    more.addEventListener("click", () => this.loadMore());
    let typing;
    search.addEventListener("input", () => {
      clearTimeout(typing);
      typing = setTimeout(() => this.reload(), 250);
    });
    status.addEventListener("change", () => this.reload());
  }

  filter() {
    const nameContains = this.elements.search.value.trim();
    const status = this.elements.status.value;
    return { nameContains: nameContains || null, status: status ? [status] : null };
  }

  matches(asset) {
    const { nameContains, status } = this.filter();
    return (!nameContains || asset.name.toLowerCase().includes(nameContains.toLowerCase()))
      && (!status || status.includes(asset.status));
  }

  async fetchPage(first, after) {
    const { assets } = await request(DemoAssetsDocument, { first, after, filter: this.filter() });
    return assets;
  }

  /** Loads the first page again, or as many items as are shown now (after a reconnect). */
  async reload(keepLength = false) {
    const first = keepLength ? Math.min(Math.max(this.order.length, PAGE_SIZE), MAX_PAGE) : PAGE_SIZE;
    const reload = ++this.reloads;
    try {
      const page = await this.fetchPage(first, null);
      // A slower answer to an older filter must not replace the newer one.
      if (reload !== this.reloads) return;
      this.assets.clear();
      this.cards.clear();
      this.order = [];
      this.absorb(page);
    } catch (error) {
      toast(`Could not load assets: ${error.message}`, "error");
    }
  }

  async loadMore() {
    this.elements.more.disabled = true;
    try {
      this.absorb(await this.fetchPage(PAGE_SIZE, this.endCursor));
    } catch (error) {
      toast(`Could not load more assets: ${error.message}`, "error");
    } finally {
      this.elements.more.disabled = false;
    }
  }

  absorb(page) {
    for (const { node } of page.edges) {
      if (!this.assets.has(node.id)) this.order.push(node.id);
      this.assets.set(node.id, node);
    }
    this.totalCount = page.totalCount;
    this.endCursor = page.pageInfo.endCursor;
    this.hasNextPage = page.pageInfo.hasNextPage;
    this.render();
  }

  /**
   * A new or changed asset: updated in place, or put first when new and matching the filter.
   * Returns whether the gallery already knew it.
   */
  upsert(asset) {
    const known = this.assets.has(asset.id);
    if (!known && !this.matches(asset)) return known;
    if (!known) {
      this.order.unshift(asset.id);
      this.totalCount += 1;
    }
    this.assets.set(asset.id, { ...this.assets.get(asset.id), ...asset });
    this.render();
    this.onChange(this.assets.get(asset.id));
    return known;
  }

  remove(id) {
    if (!this.assets.delete(id)) return;
    this.cards.delete(id);
    this.order = this.order.filter((known) => known !== id);
    this.totalCount -= 1;
    this.render();
  }

  select(id) {
    this.selectedId = id;
    this.render();
  }

  /** The card of `asset`, reused while neither it nor the selection changed (keeps images loaded). */
  cardFor(asset) {
    const selected = asset.id === this.selectedId;
    const cached = this.cards.get(asset.id);
    if (cached?.asset === asset && cached.selected === selected) return cached.element;
    const element = this.card(asset, selected);
    this.cards.set(asset.id, { asset, selected, element });
    return element;
  }

  card(asset, selected) {
    const stats = asset.stats ? `${count(asset.stats.triangleCount)} tris` : null;
    const meta = [asset.sourceFormat?.toUpperCase(), bytes(asset.sizeBytes), stats].filter(Boolean).join(" · ");
    return h(
      "button",
      { class: `asset-card${selected ? " selected" : ""}`, "aria-pressed": String(selected), onClick: () => this.onSelect(asset) },
      h("div", { class: "thumb" }, thumbnail(asset), statusBadge(asset.status)),
      h("div", { class: "asset-name", title: asset.name }, asset.name),
      h("div", { class: "asset-meta" }, meta),
      asset.tags.length ? h("div", { class: "tags" }, asset.tags.map((tag) => h("span", { class: "tag" }, tag))) : null,
    );
  }

  render() {
    const { grid, total, more } = this.elements;
    total.textContent = String(this.totalCount);
    more.hidden = !this.hasNextPage;
    if (!this.order.length) {
      const filtered = this.filter().nameContains || this.filter().status;
      fill(grid, h("div", { class: "empty" },
        h("strong", {}, filtered ? "No asset matches" : "No assets yet"),
        h("span", {}, filtered ? "Try another name or status." : "Drop a GLB, glTF, OBJ, STL, PLY, FBX, DAE, OFF or 3MF file on the left to start.")));
      return;
    }
    fill(grid, this.order.map((id) => this.cardFor(this.assets.get(id))));
  }
}
