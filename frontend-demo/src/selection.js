/**
 * The selection bar of the gallery: how many assets are checked, check all or none, tag or delete
 * them together (one assetUpdate or assetDelete each); then one count of what was done, one list
 * of what was refused and why, and the gallery read again from the server.
 */
import { describeErrors, toast } from "./dom.js";
import { request } from "./client.js";
import { DemoAssetDeleteDocument, DemoAssetUpdateDocument } from "./generated/operations.ts";
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

/** `n` assets, in words. */
export function assetCount(n) {
  return n === 1 ? "1 asset" : `${n} assets`;
}

/** Runs `mutate(asset)` (a payload with `errors`) for `asset`; null when done, else why not, named. */
async function attempt(asset, mutate) {
  try {
    const { errors } = await mutate(asset);
    return errors.length ? `${asset.name}: ${describeErrors(errors)}` : null;
  } catch (error) {
    return `${asset.name}: ${error.message}`;
  }
}

/** Says how many of `total` were `done` and why the others were refused. */
function report(total, failures, done, refused) {
  const failed = failures.filter(Boolean);
  if (total > failed.length) toast(`${done} ${assetCount(total - failed.length)}`, "ok");
  if (failed.length) toast(`${refused} (${failed.length} of ${total}): ${failed.join("; ")}`, "error");
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
      const failures = await inBatches(assets, PARALLEL, (asset) => attempt(asset, async () => {
        const { assetUpdate } = await request(DemoAssetUpdateDocument, { id: asset.id, input: { tags: change(asset.tags, named) } });
        if (assetUpdate.asset) this.gallery.upsert(assetUpdate.asset);
        return assetUpdate;
      }));
      report(assets.length, failures, "Tags changed on", "Tags not changed");
      await this.gallery.reload(true);
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
        const failure = await attempt(asset, async () => (await request(DemoAssetDeleteDocument, { id: asset.id })).assetDelete);
        if (!failure) {
          this.gallery.remove(asset.id);
          this.onDeleted(asset.id);
        }
        return failure;
      });
      report(assets.length, failures, "Moved to the trash:", "Not deleted");
      // What failed may be gone already (deleted elsewhere): the server's list says.
      await this.gallery.reload(true);
    } finally {
      this.elements.remove.disabled = false;
    }
  }
}
