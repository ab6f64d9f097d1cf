/** The selection bar of the gallery: how many assets are checked, check all or none, tag or delete them together. */
import { updateAsset } from "./catalog.js";
import { describeErrors, toast } from "./dom.js";
import { request } from "./client.js";
import { DemoAssetDeleteDocument } from "./generated/operations.ts";
import { parseTags } from "./uploads.js";

// Deletions in flight at once: enough to be quick, few enough to stay under the rate limits.
const PARALLEL = 4;

/** Runs `work(item)` over `items`, at most `limit` at a time; the results in order. */
export async function inBatches(items, limit, work) {
  const results = new Array(items.length);
  let next = 0;
  async function lane() {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function deleteOne(asset) {
  try {
    const { assetDelete } = await request(DemoAssetDeleteDocument, { id: asset.id });
    return assetDelete.errors.length ? `${asset.name}: ${describeErrors(assetDelete.errors)}` : null;
  } catch (error) {
    return `${asset.name}: ${error.message}`;
  }
}

export class SelectionBar {
  /** `onDeleted(id)` hears each asset deleted from here. */
  constructor({ bar, count, all, none, remove, tag, tagAdd, tagRemove }, gallery, { onDeleted }) {
    this.elements = { bar, count, remove, tag, tagAdd, tagRemove };
    this.gallery = gallery;
    this.onDeleted = onDeleted;
    all.addEventListener("click", () => gallery.check(null, true));
    none.addEventListener("click", () => gallery.check(null, false));
    remove.addEventListener("click", () => this.remove());
    tagAdd.addEventListener("click", () => this.retag((tags, named) => [...new Set([...tags, ...named])]));
    tagRemove.addEventListener("click", () => this.retag((tags, named) => tags.filter((one) => !named.includes(one))));
    this.show([]);
  }

  /** Draws the bar for the checked `ids`. */
  show(ids) {
    this.elements.bar.hidden = ids.length === 0;
    this.elements.count.textContent = ids.length === 1 ? "1 selected" : `${ids.length} selected`;
  }

  /** Gives each checked asset the tags `change(itsTags, typedTags)` returns, with assetUpdate. */
  async retag(change) {
    const named = parseTags(this.elements.tag.value);
    const assets = this.gallery.checkedAssets();
    if (!named.length || !assets.length) return;
    const { tagAdd, tagRemove } = this.elements;
    tagAdd.disabled = tagRemove.disabled = true;
    try {
      const updated = await inBatches(assets, PARALLEL, (asset) => updateAsset(asset.id, { tags: change(asset.tags, named) }));
      for (const asset of updated.filter(Boolean)) this.gallery.upsert(asset);
      const done = updated.filter(Boolean).length;
      if (done) toast(`Tags of ${done === 1 ? "1 asset" : `${done} assets`} changed`, "ok");
    } finally {
      tagAdd.disabled = tagRemove.disabled = false;
    }
  }

  async remove() {
    const assets = this.gallery.checkedAssets();
    if (!assets.length || !confirm(`Delete ${assets.length === 1 ? `“${assets[0].name}”` : `${assets.length} assets`} and all their files?`)) return;
    this.elements.remove.disabled = true;
    try {
      const failures = await inBatches(assets, PARALLEL, async (asset) => {
        const failure = await deleteOne(asset);
        if (!failure) {
          this.gallery.remove(asset.id);
          this.onDeleted(asset.id);
        }
        return failure;
      });
      const failed = failures.filter(Boolean);
      const deleted = assets.length - failed.length;
      if (deleted) toast(`Deleted ${deleted === 1 ? "1 asset" : `${deleted} assets`}`, "ok");
      if (failed.length) toast(`Not deleted: ${failed.join("; ")}`, "error");
    } finally {
      this.elements.remove.disabled = false;
    }
  }
}
