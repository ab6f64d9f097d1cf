/** The convert section of an asset: `assetConvert` to another format with one optimisation preset. */
import { describeErrors, fill, h, toast } from "./dom.js";
import { request } from "./client.js";
import { DemoAssetConvertDocument } from "./generated/operations.ts";

const FORMATS = ["GLB", "GLTF", "OBJ", "STL", "PLY", "USDZ"];
const PRESETS = { NONE: "No optimisation", WELD: "Weld", SIMPLIFY: "Simplify", COMPRESS: "Compress", TEXTURES: "Resize textures" };
const COMPRESSIONS = { MESHOPT: "Meshopt", DRACO: "Draco" };
const TEXTURE_FORMATS = ["WEBP", "JPEG", "PNG"];

// The choices survive the panel being drawn again when the asset changes.
const choices = { format: "GLB", preset: "NONE", keepPercent: 50, compression: "MESHOPT", maxTextureSize: 1024, textureFormat: "WEBP" };

function select(key, options, labels = {}, onChange = () => {}) {
  return h("select", {
    class: "input",
    "aria-label": key,
    onChange: (event) => {
      choices[key] = event.target.value;
      onChange();
    },
  }, options.map((option) => h("option", { value: option, selected: option === choices[key] }, labels[option] ?? option)));
}

function number(key, label, { min, max, step }) {
  return h("label", { class: "inline-field" }, label,
    h("input", { class: "input", type: "number", min, max, step, value: choices[key], onInput: (event) => { choices[key] = Number(event.target.value); } }));
}

/** The settings of the chosen preset only: the server refuses settings of another preset. */
function presetFields() {
  switch (choices.preset) {
    case "SIMPLIFY":
      return [number("keepPercent", "Keep %", { min: 1, max: 99, step: 1 })];
    case "COMPRESS":
      return [select("compression", Object.keys(COMPRESSIONS), COMPRESSIONS)];
    case "TEXTURES":
      return [number("maxTextureSize", "Max px", { min: 16, max: 8192, step: 1 }), select("textureFormat", TEXTURE_FORMATS)];
    default:
      return [];
  }
}

function optimizeInput() {
  const { preset } = choices;
  if (preset === "SIMPLIFY") return { preset, ratio: choices.keepPercent / 100 };
  if (preset === "COMPRESS") return { preset, compression: choices.compression };
  if (preset === "TEXTURES") return { preset, maxTextureSize: choices.maxTextureSize, textureFormat: choices.textureFormat };
  return { preset };
}

async function submit(asset, board, button) {
  button.disabled = true;
  try {
    const input = { format: choices.format, optimize: optimizeInput() };
    const { assetConvert } = await request(DemoAssetConvertDocument, { assetId: asset.id, input });
    if (assetConvert.errors.length) {
      toast(describeErrors(assetConvert.errors), "error");
      return;
    }
    board.follow(assetConvert.job, `${asset.name} → ${choices.format}`);
  } catch (error) {
    toast(error.message, "error");
  } finally {
    button.disabled = false;
  }
}

/** The section for a READY `asset`; outputs land in its files (role CONVERTED). */
export function convertSection(asset, { board }) {
  const extra = h("div", { class: "preset-fields" });
  const drawExtra = () => fill(extra, presetFields());
  drawExtra();
  const button = h("button", { class: "button button-action", type: "button" }, "Convert");
  button.addEventListener("click", () => submit(asset, board, button));
  return h("section", { class: "detail-section" },
    h("h3", {}, "Convert"),
    h("div", { class: "convert-form" }, select("format", FORMATS), select("preset", Object.keys(PRESETS), PRESETS, drawExtra), extra, button));
}
