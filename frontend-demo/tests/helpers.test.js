// Unit tests of the page's pure helpers, run by `node --test` (tests/e2e/test_demo_page.py calls it).
import assert from "node:assert/strict";
import { test } from "node:test";

import { bytes, dimensions, percent, vector } from "../src/format.js";
import { gql } from "../src/graphql.js";
import { parseTags } from "../src/uploads.js";

test("gql joins a document with the fragments interpolated into it", () => {
  const fragment = gql`fragment F on Asset { id }`;
  assert.equal(gql`query Q { asset(id: "1") { ...F } } ${fragment}`, 'query Q { asset(id: "1") { ...F } } fragment F on Asset { id }');
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
