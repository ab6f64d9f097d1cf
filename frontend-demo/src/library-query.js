/**
 * What the gallery asks for, kept in a store: the text search, the AssetFilter fields (name,
 * status, format, tags, creation dates) and the order. Controls write into it (typing after a
 * pause); the gallery hears each new query and starts its pages again.
 */
import { createStore } from "./store.js";
import { parseTags } from "./uploads.js";

// Typing waits this long for the next key before asking the server.
const DEBOUNCE_MS = 300;
const TYPED = ["search", "nameContains", "tags"];
const CHOSEN = ["status", "format", "createdFrom", "createdUntil", "orderField", "direction"];

export const EMPTY_QUERY = Object.freeze({
  search: "", nameContains: "", status: "", format: "", tags: "", createdFrom: "", createdUntil: "", orderField: "", direction: "DESC",
});

/** The local midnight starting `date` ("YYYY-MM-DD"), `days` later, as an ISO time. */
function midnight(date, days = 0) {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(year, month - 1, day + days).toISOString();
}

/** The `assets` variables for `query`: blanks ask for nothing; the "until" day is included. */
export function assetVariables(query) {
  const tags = parseTags(query.tags);
  const search = query.search.trim();
  const filter = {
    nameContains: query.nameContains.trim() || null,
    status: query.status ? [query.status] : null,
    sourceFormat: query.format ? [query.format] : null,
    tags: tags.length ? tags : null,
    createdAfter: query.createdFrom ? midnight(query.createdFrom) : null,
    createdBefore: query.createdUntil ? midnight(query.createdUntil, 1) : null,
  };
  const orderBy = query.orderField ? { field: query.orderField, direction: query.direction } : null;
  return { filter, search: search || null, orderBy };
}

/** Whether `query` narrows the list at all. */
export function isFiltered(query) {
  const { filter, search } = assetVariables(query);
  return search !== null || Object.values(filter).some((value) => value !== null);
}

/**
 * Whether a new asset can be placed in the list without the server: only in the default
 * order (newest first) and without a search, whose matching only the server knows.
 */
export function placeable(query) {
  return !query.search.trim() && (!query.orderField || (query.orderField === "CREATED" && query.direction === "DESC"));
}

/** Whether `asset` passes the filter of `query` (as the server would judge it). */
export function matches(query, asset) {
  const { filter } = assetVariables(query);
  return (!filter.nameContains || asset.name.toLowerCase().includes(filter.nameContains.toLowerCase()))
    && (!filter.status || filter.status.includes(asset.status))
    && (!filter.sourceFormat || filter.sourceFormat.includes(asset.sourceFormat))
    && (!filter.tags || filter.tags.every((tag) => asset.tags.includes(tag)))
    && (!filter.createdAfter || asset.createdAt >= filter.createdAfter)
    && (!filter.createdBefore || asset.createdAt < filter.createdBefore);
}

/**
 * The query store, bound to `controls` (an element per key of EMPTY_QUERY). RELEVANCE needs a
 * search: its option is offered only with one, and clearing the search leaves it.
 */
export function libraryQuery(controls) {
  const store = createStore({ ...EMPTY_QUERY });
  const relevance = controls.orderField.querySelector('option[value="RELEVANCE"]');
  const sync = (state) => {
    relevance.disabled = !state.search.trim();
    controls.direction.disabled = !state.orderField;
  };
  const write = (key) => {
    const patch = { [key]: controls[key].value };
    if (key === "search" && !patch.search.trim() && store.get().orderField === "RELEVANCE") {
      controls.orderField.value = "";
      patch.orderField = "";
    }
    store.set(patch);
  };
  const timers = {};
  for (const key of TYPED) {
    controls[key].addEventListener("input", () => {
      clearTimeout(timers[key]);
      timers[key] = setTimeout(() => write(key), DEBOUNCE_MS);
    });
  }
  for (const key of CHOSEN) controls[key].addEventListener("change", () => write(key));
  store.subscribe(sync);
  sync(store.get());
  return store;
}
