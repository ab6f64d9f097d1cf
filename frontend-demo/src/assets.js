/**
 * The asset gallery: `assets(first, after, filter, search, orderBy)` paged by infinite scroll,
 * for the query kept in the library store (text search, AssetFilter fields, order), with a
 * checkbox per card for the selection bar; kept current by uploads and `assetReady` events.
 */
import { fill, h, toast } from "./dom.js";
import { bytes, count } from "./format.js";
import { request } from "./client.js";
import { DemoAssetsDocument } from "./generated/operations.ts";
import { InfiniteList } from "./infinite.js";
import { assetVariables, isFiltered, matches, placeable } from "./library-query.js";

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
  /**
   * `query`: the library store of what to list. `onSelect(asset)` hears a click on a card;
   * `onChange(asset)` every new state of an asset; `onChecked(ids)` every change of the checked set.
   */
  constructor({ grid, total, sentinel }, query, { onSelect, onChange, onChecked = () => {} }) {
    this.elements = { grid, total };
    this.query = query;
    this.onSelect = onSelect;
    this.onChange = onChange;
    this.onChecked = onChecked;
    this.assets = new Map();
    this.order = [];
    this.totalCount = 0;
    this.selectedId = null;
    this.checked = new Set();
    this.cards = new Map();
    this.pageSize = PAGE_SIZE;
    // The variables of the pages shown: every next page continues their cursors.
    this.variables = assetVariables(query.get());
    this.pages = new InfiniteList(sentinel, {
      loadPage: (after) => this.fetchPage(after === null ? this.pageSize : PAGE_SIZE, after),
      onPage: (page, first) => this.absorb(page, first),
      onError: (error) => toast(`Could not load assets: ${error.message}`, "error"),
    });
    query.subscribe((state) => {
      if (JSON.stringify(assetVariables(state)) !== JSON.stringify(this.variables)) this.reload();
    });
  }

  async fetchPage(first, after) {
    const { assets } = await request(DemoAssetsDocument, { first, after, ...this.variables });
    return assets;
  }

  /** Loads the first page again, or as many items as are shown now (after a reconnect). */
  reload(keepLength = false) {
    this.pageSize = keepLength ? Math.min(Math.max(this.order.length, PAGE_SIZE), MAX_PAGE) : PAGE_SIZE;
    this.variables = assetVariables(this.query.get());
    return this.pages.restart();
  }

  absorb(page, first) {
    if (first) {
      this.assets.clear();
      this.cards.clear();
      this.order = [];
    }
    for (const { node } of page.edges) {
      if (!this.assets.has(node.id)) this.order.push(node.id);
      this.assets.set(node.id, node);
    }
    this.totalCount = page.totalCount;
    // Checked assets the new list no longer shows leave the selection.
    const before = this.checked.size;
    for (const id of this.checked) if (!this.assets.has(id)) this.checked.delete(id);
    if (this.checked.size !== before) this.onChecked([...this.checked]);
    this.render();
  }

  /**
   * A new or changed asset: updated in place, or put first when new, matching the filter and
   * listed newest first (in another order or a search, it shows with the next reload).
   * Returns whether the gallery already knew it.
   */
  upsert(asset) {
    const known = this.assets.has(asset.id);
    const query = this.query.get();
    if (!known && (!placeable(query) || !matches(query, asset) || this.onLaterPage(asset))) return known;
    if (!known) {
      this.order.unshift(asset.id);
      this.totalCount += 1;
    }
    this.assets.set(asset.id, { ...this.assets.get(asset.id), ...asset });
    this.render();
    this.onChange(this.assets.get(asset.id));
    return known;
  }

  /** An asset older than the last one shown comes with a page not loaded yet (the list is newest first). */
  onLaterPage(asset) {
    const last = this.assets.get(this.order.at(-1));
    return this.pages.hasNextPage && last !== undefined && asset.createdAt < last.createdAt;
  }

  remove(id) {
    if (!this.assets.delete(id)) return;
    this.cards.delete(id);
    this.order = this.order.filter((known) => known !== id);
    this.totalCount -= 1;
    if (this.checked.delete(id)) this.onChecked([...this.checked]);
    this.render();
  }

  select(id) {
    this.selectedId = id;
    this.render();
  }

  /** Checks or unchecks `ids` (every asset shown when null). */
  check(ids, on) {
    for (const id of ids ?? this.order) {
      if (on) this.checked.add(id);
      else this.checked.delete(id);
    }
    this.onChecked([...this.checked]);
    this.render();
  }

  checkedAssets() {
    return [...this.checked].map((id) => this.assets.get(id)).filter(Boolean);
  }

  /** The card of `asset`, reused while neither it nor its selection changed (keeps images loaded). */
  cardFor(asset) {
    const selected = asset.id === this.selectedId;
    const checked = this.checked.has(asset.id);
    const cached = this.cards.get(asset.id);
    if (cached?.asset === asset && cached.selected === selected && cached.checked === checked) return cached.element;
    const element = this.card(asset, selected, checked);
    this.cards.set(asset.id, { asset, selected, checked, element });
    return element;
  }

  card(asset, selected, checked) {
    const stats = asset.stats ? `${count(asset.stats.triangleCount)} tris` : null;
    const meta = [asset.sourceFormat?.toUpperCase(), bytes(asset.sizeBytes), stats].filter(Boolean).join(" · ");
    return h("div", { class: `asset-tile${checked ? " checked" : ""}`, "data-asset-id": asset.id },
      h(
        "button",
        { class: `asset-card${selected ? " selected" : ""}`, "aria-pressed": String(selected), onClick: () => this.onSelect(asset) },
        h("div", { class: "thumb" }, thumbnail(asset), statusBadge(asset.status)),
        h("div", { class: "asset-name", title: asset.name }, asset.name),
        h("div", { class: "asset-meta" }, meta),
        asset.tags.length ? h("div", { class: "tags" }, asset.tags.map((tag) => h("span", { class: "tag" }, tag))) : null,
      ),
      h("input", {
        class: "asset-check",
        type: "checkbox",
        checked,
        "aria-label": `Select ${asset.name}`,
        onChange: (event) => this.check([asset.id], event.target.checked),
      }));
  }

  render() {
    const { grid, total } = this.elements;
    total.textContent = String(this.totalCount);
    if (!this.order.length) {
      const filtered = isFiltered(this.query.get());
      fill(grid, h("div", { class: "empty" },
        h("strong", {}, filtered ? "No asset matches" : "No assets yet"),
        h("span", {}, filtered ? "Try other words, another name, status, tag, format or dates." : "Drop a GLB, glTF, OBJ, STL, PLY, FBX, DAE, OFF or 3MF file on the left to start.")));
      return;
    }
    // Keep the focused control across the redraw (a checkbox toggled from the keyboard).
    const focused = document.activeElement;
    const focusedId = grid.contains(focused) ? focused.closest("[data-asset-id]")?.dataset.assetId : null;
    const focusedCheck = focused?.classList?.contains("asset-check");
    fill(grid, this.order.map((id) => this.cardFor(this.assets.get(id))));
    if (focusedId && !grid.contains(focused)) {
      grid.querySelector(`[data-asset-id="${CSS.escape(focusedId)}"] ${focusedCheck ? ".asset-check" : ".asset-card"}`)?.focus();
    }
  }
}
