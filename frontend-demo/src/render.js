/** The render section of an asset: `renderSubmit` of the viewer's current view, and the images made so far. */
import { describeErrors, h, toast } from "./dom.js";
import { request } from "./client.js";
import { DemoRenderSubmitDocument } from "./generated/operations.ts";

const SIZES = { "512 × 512": [512, 512], "1024 × 1024": [1024, 1024], "1280 × 720": [1280, 720], "1920 × 1080": [1920, 1080] };
const FORMATS = ["PNG", "JPEG", "WEBP"];
// Left out, the server's studio grey; null, transparent (PNG and WEBP only).
const BACKGROUNDS = { "Studio grey": undefined, Transparent: null, Dark: [0.05, 0.06, 0.08, 1] };

// The choices survive the panel being drawn again when the asset changes.
const choices = { size: "1024 × 1024", format: "PNG", background: "Studio grey" };

function select(key, options) {
  return h("select", { class: "input", "aria-label": key, onChange: (event) => { choices[key] = event.target.value; } },
    options.map((option) => h("option", { value: option, selected: option === choices[key] }, option)));
}

async function submit(asset, viewer, board, button) {
  const camera = viewer.lookAtCamera();
  const [width, height] = SIZES[choices.size];
  const input = { assetId: asset.id, width, height, format: choices.format };
  if (camera) input.camera = { lookAt: camera };
  const background = BACKGROUNDS[choices.background];
  if (background !== undefined) input.background = background;
  button.disabled = true;
  try {
    const { renderSubmit } = await request(DemoRenderSubmitDocument, { input });
    if (renderSubmit.errors.length) {
      toast(describeErrors(renderSubmit.errors), "error");
      return;
    }
    board.follow(renderSubmit.job, asset.name);
  } catch (error) {
    toast(error.message, "error");
  } finally {
    button.disabled = false;
  }
}

/** The section for `asset` (READY only): a form, then the RENDER files as images, newest first. */
export function renderSection(asset, { viewer, board }) {
  const button = h("button", { class: "button button-action", type: "button" }, "Render this view");
  button.addEventListener("click", () => submit(asset, viewer, board, button));
  const renders = asset.files.filter((file) => file.role === "RENDER").reverse();
  return h("section", { class: "detail-section" },
    h("h3", {}, "Render"),
    h("p", { class: "muted small" }, "The server renders the model from the viewer's current camera (moderngl, headless)."),
    h("div", { class: "render-form" }, select("size", Object.keys(SIZES)), select("format", FORMATS), select("background", Object.keys(BACKGROUNDS)), button),
    renders.length ? h("div", { class: "renders" }, renders.map((file) => h("a", { class: "render", href: file.url, target: "_blank", rel: "noopener", title: file.filename },
      h("img", { src: file.url, alt: `Render ${file.filename}`, loading: "lazy" })))) : null);
}
