// Unit tests of the page's pure helpers, run by `node --test` (tests/e2e/test_demo_page.py calls it).
import assert from "node:assert/strict";
import { test } from "node:test";

import { bytes, dimensions, duration, percent, vector } from "../src/format.js";
import { jobDuration } from "../src/jobs-view.js";
import { laterJob } from "../src/live-jobs.js";
import { inBatches } from "../src/selection.js";
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

test("duration reads as ms, seconds, minutes or hours", () => {
  assert.deepEqual([850, 4200, 185000, 7800000].map(duration), ["850 ms", "4.2 s", "3 min 5 s", "2 h 10 min"]);
});

test("a job's duration runs from its start to its end, or counts its wait while queued", () => {
  const start = "2026-01-01T00:00:00Z";
  assert.equal(jobDuration({ status: "SUCCEEDED", startedAt: start, finishedAt: "2026-01-01T00:00:02.500Z" }), "2.5 s");
  assert.equal(jobDuration({ status: "RUNNING", startedAt: start, finishedAt: null }, Date.parse(start) + 65000), "1 min 5 s");
  assert.equal(jobDuration({ status: "QUEUED", startedAt: null, createdAt: start }, Date.parse(start) + 300), "waiting 300 ms");
});

test("laterJob keeps the state with the higher sequence", () => {
  assert.equal(laterJob({ sequence: 4, status: "RUNNING" }, { sequence: 3, status: "QUEUED" }).status, "RUNNING");
  assert.equal(laterJob({ sequence: 4 }, { sequence: 5, status: "SUCCEEDED" }).status, "SUCCEEDED");
  assert.equal(laterJob(undefined, { sequence: 1 }).sequence, 1);
});

test("inBatches keeps at most the limit running and the results in order", async () => {
  let running = 0;
  let most = 0;
  const results = await inBatches([5, 1, 4, 2, 3], 2, async (value) => {
    running += 1;
    most = Math.max(most, running);
    await new Promise((resolve) => setTimeout(resolve, value));
    running -= 1;
    return value * 10;
  });
  assert.deepEqual(results, [50, 10, 40, 20, 30]);
  assert.equal(most, 2);
});
