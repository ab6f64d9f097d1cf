// Unit tests of the page's pure helpers, run by `node --test` (tests/e2e/test_demo_page.py calls it).
import assert from "node:assert/strict";
import { test } from "node:test";

import { bytes, dimensions, duration, percent, vector } from "../src/format.js";
import { jobDuration } from "../src/jobs-view.js";
import { laterJob } from "../src/live-jobs.js";
import { animationInput, bounded, errorPath, orbitOf, renderInput, renderStage, seconds } from "../src/render-input.js";
import { assetCount, inBatches } from "../src/selection.js";
import { depthFirst, isWithin, operationTargets, sceneDiff } from "../src/scene-tree.js";
import { newer } from "../src/scene-edits.js";
import { historyShortcut, takesText } from "../src/shortcuts.js";
import { createStore } from "../src/store.js";
import { referenceInput, textureInput, textureKey, textureOptions } from "../src/textures.js";
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

const LIMITS = { maxWidth: 4096, maxHeight: 4096, maxSamples: 16, maxPathSamples: 256, maxFrames: 36, maxFps: 30 };
const CAMERA = { position: [3, 4, 0], target: [0, 0, 0], up: [0, 1, 0], fovY: 40 };
const CHOICES = { size: [512, 256], format: "PNG", background: undefined, renderer: "RASTER", samples: 4, turntable: false, frames: 24 };

test("bounded rounds into the range and falls back to its floor for no number", () => {
  assert.deepEqual([bounded("7.6", 1, 9), bounded(40, 1, 9), bounded(-3, 0, 9), bounded("", 2, 9), bounded("x", 2, 9)], [8, 9, 0, 2, 2]);
});

test("orbitOf reads the server's convention: yaw 0 from +Z, towards +X, pitch from above", () => {
  const front = orbitOf({ position: [0, 0, 5], target: [0, 0, 0], fovY: 45 });
  assert.deepEqual([front.yaw, front.pitch, front.distance, front.fovY], [0, 0, 5, 45]);
  const side = orbitOf({ position: [3, 4, 0], target: [0, 0, 0], fovY: 40 });
  assert.equal(side.yaw, 90);
  assert.ok(Math.abs(side.pitch - 53.1301) < 1e-3);
  assert.equal(side.distance, 5);
});

test("renderInput sends the look-at camera for one image and bounds the samples by the renderer's limit", () => {
  const image = renderInput({ assetId: "ast_1" }, { ...CHOICES, samples: 99 }, LIMITS, CAMERA);
  assert.deepEqual(image, { assetId: "ast_1", width: 512, height: 256, format: "PNG", renderer: "RASTER", samples: 16, camera: { lookAt: CAMERA } });
  const traced = renderInput({ sceneId: "scn_1" }, { ...CHOICES, renderer: "PATH_TRACED", samples: 0, background: null }, LIMITS, null);
  assert.deepEqual(traced, { sceneId: "scn_1", width: 512, height: 256, format: "PNG", renderer: "PATH_TRACED", samples: 1, background: null });
});

test("a video is always a turntable, orbiting from the viewer's direction, its frames bounded", () => {
  const video = renderInput({ assetId: "ast_1" }, { ...CHOICES, format: "WEBM", frames: 500 }, LIMITS, CAMERA);
  assert.deepEqual(video.turntable, { frames: 36 });
  assert.equal(video.camera.orbit.yaw, 90);
  assert.equal(video.camera.lookAt, undefined);
  const frames = renderInput({ assetId: "ast_1" }, { ...CHOICES, turntable: true, frames: 8 }, LIMITS, null);
  assert.deepEqual([frames.turntable, frames.camera], [{ frames: 8 }, undefined]);
});

const POSE = { index: "1", mode: "time", time: "0.5", start: "0", end: "", fps: "24" };

test("seconds and animationInput read the animation fieldset: none, a pose at a time, or a clip bounded by maxFps", () => {
  assert.deepEqual([seconds("1.25", 0), seconds("-2", 0), seconds("", null), seconds("x", 0)], [1.25, 0, null, 0]);
  assert.equal(animationInput({ ...POSE, index: "" }, LIMITS), null);
  assert.equal(animationInput(null, LIMITS), null);
  assert.deepEqual(animationInput(POSE, LIMITS), { index: 1, time: 0.5 });
  assert.deepEqual(animationInput({ ...POSE, index: "0", time: "" }, LIMITS), { index: 0, time: 0 });
  assert.deepEqual(animationInput({ ...POSE, mode: "clip", start: "0.25", end: "1.5", fps: "90" }, LIMITS), { index: 1, clip: { start: 0.25, end: 1.5, fps: 30 } });
  assert.deepEqual(animationInput({ ...POSE, mode: "clip", start: "", fps: "0" }, LIMITS), { index: 1, clip: { start: 0, end: null, fps: 1 } });
});

test("a clip makes the frames from the viewer's look-at camera; a pose keeps the turntable; scenes never send an animation", () => {
  const clip = { ...POSE, mode: "clip", fps: "12" };
  const animated = renderInput({ assetId: "ast_1" }, { ...CHOICES, format: "ANIMATED_WEBP", turntable: true, animation: clip }, LIMITS, CAMERA);
  assert.deepEqual(animated, { assetId: "ast_1", width: 512, height: 256, format: "ANIMATED_WEBP", renderer: "RASTER", samples: 4,
    animation: { index: 1, clip: { start: 0, end: null, fps: 12 } }, camera: { lookAt: CAMERA } });
  // One image per frame, as the API gives for an image format.
  const frames = renderInput({ assetId: "ast_1" }, { ...CHOICES, format: "PNG", animation: clip }, LIMITS, null);
  assert.deepEqual([frames.animation.clip.fps, frames.turntable, frames.camera], [12, undefined, undefined]);
  const posedTurntable = renderInput({ assetId: "ast_1" }, { ...CHOICES, format: "ANIMATED_WEBP", frames: 500, animation: POSE }, LIMITS, CAMERA);
  assert.deepEqual([posedTurntable.animation, posedTurntable.turntable, posedTurntable.camera.orbit.yaw], [{ index: 1, time: 0.5 }, { frames: 36 }, 90]);
  const transparent = renderInput({ assetId: "ast_1" }, { ...CHOICES, format: "ANIMATED_WEBP", background: null, animation: null }, LIMITS, null);
  assert.deepEqual([transparent.background, transparent.turntable, transparent.animation], [null, { frames: 24 }, undefined]);
  const scene = renderInput({ sceneId: "scn_1" }, { ...CHOICES, format: "ANIMATED_WEBP", animation: clip }, LIMITS, null);
  assert.deepEqual([scene.animation, scene.turntable], [undefined, { frames: 24 }]);
});

test("errorPath names the input field a refusal points at", () => {
  assert.equal(errorPath({ field: ["input", "animation", "clip", "fps"] }), "animation.clip.fps");
  assert.equal(errorPath({ field: ["assetId"] }), "assetId");
  assert.deepEqual([errorPath({ field: [] }), errorPath({ field: null })], ["", ""]);
});

test("renderStage says what a render job does now", () => {
  const job = (status, stage, error = null, message = null) => ({ status, stage, error, message });
  assert.equal(renderStage(job("QUEUED", null)), "waiting for a worker");
  assert.equal(renderStage(job("RUNNING", "load")), "loading the model");
  assert.equal(renderStage(job("RUNNING", "frame 3/24, pass 2/4")), "frame 3 of 24, pass 2 of 4");
  assert.equal(renderStage(job("FAILED", "frame 1/2", { code: "LIMIT_EXCEEDED", message: "too big" })), "too big (LIMIT_EXCEEDED)");
  assert.equal(renderStage(job("SUCCEEDED", "frame 2/2")), "succeeded");
  assert.equal(renderStage(job("SUCCEEDED", "frame 2/2", null, "2 images rendered in 9.0 ms")), "2 images rendered in 9.0 ms");
});

const sceneNode = (id, name, parent = null, translation = [0, 0, 0]) => ({ id, name, parent: parent && { id: parent }, translation, rotation: [0, 0, 0, 1], scale: [1, 1, 1], mesh: null, material: null });
const sceneOf = (nodes, materials = []) => ({ nodes: { edges: nodes.map((n) => ({ node: n })) }, materials });

test("sceneDiff lists each node and material the other change touched, a removed subtree once", () => {
  const material = { id: "m0", name: "paint", baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: 1, emissiveFactor: [0, 0, 0], alphaMode: "OPAQUE" };
  const before = sceneOf([sceneNode("a", "arm"), sceneNode("b", "base"), sceneNode("c", "cap", "b"), sceneNode("d", "dial")], [material]);
  const after = sceneOf([sceneNode("a", "theirs"), sceneNode("d", "dial", "a", [0, 1, 0]), sceneNode("e", "Light")], [{ ...material, metallicFactor: 0.5 }]);
  assert.deepEqual(sceneDiff(before, after), [
    { id: "a", text: "renamed “arm” to “theirs”" },
    { id: "d", text: "moved “dial” under “theirs”" },
    { id: "d", text: "transformed “dial”" },
    { id: "e", text: "added “Light”" },
    { id: "b", text: "removed “base”" },
    { id: "m0", text: "edited material “paint”" },
  ]);
  assert.deepEqual(sceneDiff(before, before), []);
  const mesh = (url, meshIndex = 0) => ({ ...sceneNode("a", "arm"), mesh: { meshIndex, asset: { id: "ast_1", name: "box", glbUrl: url } } });
  assert.deepEqual(sceneDiff(sceneOf([mesh("https://s/1")]), sceneOf([mesh("https://s/2")])), []);
  assert.deepEqual(sceneDiff(sceneOf([mesh("https://s/1")]), sceneOf([mesh("https://s/1", 1)])), [{ id: "a", text: "changed what “arm” draws" }]);
});

test("operationTargets names the nodes and materials an edit touches", () => {
  const targets = operationTargets([{ renameNode: { nodeId: "a", name: "x" } }, { editMaterial: { materialId: "m0", set: {} } }, { addNode: { id: "n" } }]);
  assert.deepEqual([...targets], ["a", "m0"]);
});

test("texture options list each library asset's textures and any the material holds; keys round-trip", () => {
  const held = { textureIndex: 2, texCoord: 1, scale: 0.5, assetVersion: 3, asset: { id: "ast_old", name: "old" } };
  const options = textureOptions([{ id: "ast_1", name: "wood", stats: { textureCount: 2 } }, { id: "ast_2", name: "plain", stats: { textureCount: 0 } }], { normalTexture: held });
  assert.deepEqual([...options], [["ast_1#0", "wood · texture 0"], ["ast_1#1", "wood · texture 1"], ["ast_old#2", "old · texture 2"]]);
  assert.deepEqual(textureInput(textureKey(held)), { assetId: "ast_old", textureIndex: 2 });
  assert.deepEqual([textureKey(null), textureInput("")], ["", null]);
  assert.deepEqual(referenceInput(held), { assetId: "ast_old", textureIndex: 2, texCoord: 1, scale: 0.5, assetVersion: 3 });
  assert.equal(referenceInput(null), null);
});

const element = (tagName, type) => ({ tagName, getAttribute: (name) => (name === "type" ? type ?? null : null) });

test("text fields keep their own undo; buttons, checkboxes, tree items and selects do not", () => {
  for (const typing of [element("INPUT"), element("INPUT", "text"), element("INPUT", "Number"), element("TEXTAREA"), { tagName: "DIV", isContentEditable: true }]) {
    assert.equal(takesText(typing), true, JSON.stringify(typing));
  }
  for (const other of [element("BUTTON"), element("INPUT", "checkbox"), element("INPUT", "range"), element("SELECT"), element("LI"), null]) {
    assert.equal(takesText(other), false, JSON.stringify(other));
  }
});

test("Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, ⌘ too, never in a text field or with Alt", () => {
  const key = (key, modifiers = {}, target = element("BUTTON")) => historyShortcut({ key, target, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers });
  assert.equal(key("z", { ctrlKey: true }), "undo");
  assert.equal(key("Z", { ctrlKey: true, shiftKey: true }), "redo");
  assert.equal(key("y", { ctrlKey: true }), "redo");
  assert.equal(key("z", { metaKey: true }), "undo");
  assert.equal(key("z"), null);
  assert.equal(key("z", { ctrlKey: true, altKey: true }), null);
  assert.equal(key("Y", { ctrlKey: true, shiftKey: true }), null);
  assert.equal(key("x", { ctrlKey: true }), null);
  assert.equal(key("z", { ctrlKey: true }, element("INPUT", "text")), null);
  assert.equal(key("z", { ctrlKey: true }, element("INPUT", "checkbox")), "undo");
});

test("assetCount names one asset and many", () => {
  assert.equal(assetCount(1), "1 asset");
  assert.equal(assetCount(0), "0 assets");
  assert.equal(assetCount(3), "3 assets");
});
