// Unit tests of the page's pure helpers, run by `node --test` (tests/e2e/test_demo_page.py calls it).
import assert from "node:assert/strict";
import { test } from "node:test";

import { bytes, dimensions, percent, vector } from "../src/format.js";
import { depthFirst, isWithin } from "../src/scene-tree.js";
import { newer } from "../src/scene-edits.js";
import { createStore } from "../src/store.js";
import { parseTags } from "../src/uploads.js";

const node = (id, parent = null) => ({ id, parent: parent && { id: parent } });
const TREE = [node("a"), node("b", "a"), node("c", "b"), node("d"), node("e", "elsewhere")];

test("the store merges patches and tells every subscriber until it unsubscribes", () => {
  const store = createStore({ version: 1, name: "s" });
  const seen = [];
  const stop = store.subscribe((state) => seen.push(state.version));
  store.set({ version: 2 });
  store.set((state) => ({ version: state.version + 1 }));
  stop();
  store.set({ version: 9 });
  assert.deepEqual(seen, [2, 3]);
  assert.deepEqual(store.get(), { version: 9, name: "s" });
});

test("depthFirst puts parents before children and orphans of a partial page at the top", () => {
  assert.deepEqual(depthFirst(TREE).map(({ node: n, depth }) => `${n.id}${depth}`), ["a0", "b1", "c2", "d0", "e0"]);
});

test("isWithin refuses a node under itself or its descendants, nowhere else", () => {
  assert.equal(isWithin(TREE, "a", "c"), true);
  assert.equal(isWithin(TREE, "b", "b"), true);
  assert.equal(isWithin(TREE, "c", "a"), false);
  assert.equal(isWithin(TREE, "a", "d"), false);
});

test("newer keeps the later version when a live event overtakes a mutation's answer", () => {
  assert.equal(newer({ version: 5 }, { version: 4 }).version, 5);
  assert.equal(newer({ version: 5 }, { version: 6 }).version, 6);
  assert.equal(newer(null, { version: 1 }).version, 1);
});

test("parseTags trims, lower-cases and drops blanks and duplicates", () => {
  assert.deepEqual(parseTags(" Chair, oak   Wood,,chair , "), ["chair", "oak wood"]);
  assert.deepEqual(parseTags(""), []);
});

test("bytes picks the unit that keeps the number short", () => {
  assert.equal(bytes(512), "512 B");
  assert.equal(bytes(1536), "1.5 KB");
  assert.equal(bytes(20 * 1024 * 1024), "20 MB");
});

test("dimensions and vectors read a bounding box, float noise shown as 0", () => {
  const bounds = { min: [-0.5, 2.98e-9, -1], max: [0.5, 2, 1] };
  assert.equal(dimensions(bounds), "1 × 2 × 2");
  assert.equal(vector(bounds.min), "(-0.5, 0, -1)");
  assert.equal(vector([123456, 0.001, 1.23456]), "(1.23e+5, 1.00e-3, 1.235)");
});

test("percent clamps to 0..100", () => {
  assert.equal(percent(0.426), "43%");
  assert.equal(percent(1.2), "100%");
  assert.equal(percent(-1), "0%");
});
