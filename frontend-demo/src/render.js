/**
 * The render panel of an asset or a scene: the renderer (RASTER, or PATH_TRACED) with its samples
 * bounded by the server's limit, size, format (images, or MP4/WEBM turntable videos), background
 * and turntable frames; `renderSubmit` from the viewer's current view, the job's frames and
 * passes shown live from `jobProgress`, and its result inline (images, or a video with controls).
 */
import { describeErrors, fill, h, toast } from "./dom.js";
import { request } from "./client.js";
import { percent } from "./format.js";
import { DemoRenderLimitsDocument, DemoRenderSubmitDocument } from "./generated/operations.ts";
import { TERMINAL } from "./live-jobs.js";
import { renderGallery } from "./media.js";
import { DEFAULT_SAMPLES, VIDEO_FORMATS, renderInput, renderStage, sampleLimit } from "./render-input.js";

const SIZES = { "256x256": [256, 256], "512x512": [512, 512], "1024x1024": [1024, 1024], "1280x720": [1280, 720], "1920x1080": [1920, 1080] };
const FORMATS = { PNG: "PNG image", JPEG: "JPEG image", WEBP: "WEBP image", MP4: "MP4 video (turntable)", WEBM: "WEBM video (turntable)" };
const RENDERERS = { RASTER: "Rasterised (fast)", PATH_TRACED: "Path traced (slower)" };
// Left out, the server's studio grey; null, transparent (PNG and WEBP only).
const BACKGROUNDS = { "Studio grey": undefined, Transparent: null, Dark: [0.05, 0.06, 0.08, 1] };
const OPAQUE_FORMATS = new Set(["JPEG", "MP4", "WEBM"]);
const DEFAULT_FRAMES = 24;

// The last choices made in any panel: a new panel (another asset, a scene) starts from them.
let lastChoices = { size: "1024x1024", format: "PNG", background: "Studio grey", renderer: "RASTER", samples: { ...DEFAULT_SAMPLES }, turntable: false, frames: DEFAULT_FRAMES };

let limits = null;

/** The server's render limits (`viewer.renderLimits`), asked once per page. */
function renderLimits() {
  limits ??= request(DemoRenderLimitsDocument).then(({ viewer }) => viewer.renderLimits, (error) => {
    limits = null;
    throw error;
  });
  return limits;
}

/** A labelled control; the label names it alone (a wrapping label would add the options' text). */
function field(label, control, hint) {
  control.setAttribute("aria-label", label);
  return h("label", { class: "render-field" }, h("span", { class: "render-label" }, label, hint && h("span", { class: "render-hint" }, ` · ${hint}`)), control);
}

export class RenderPanel {
  /**
   * `subject()` gives `{ assetId }` or `{ sceneId }`, `title()` names its jobs, `action` labels
   * the button; `viewer` gives the camera, `board` follows the jobs (its LiveJobs feeds the
   * progress shown here).
   */
  constructor({ subject, title, action }, { viewer, board }) {
    this.subject = subject;
    this.title = title;
    this.action = action;
    this.viewer = viewer;
    this.board = board;
    this.choices = structuredClone(lastChoices);
    this.limits = null;
    this.busy = false;
    this.shownOutputs = "";
    this.form = h("form", { class: "render-form", "aria-label": action, onSubmit: (event) => {
      event.preventDefault();
      this.submit();
    } });
    this.progress = h("div", { class: "render-progress", role: "status", hidden: true });
    this.result = h("div", { class: "render-result" });
    this.element = h("div", { class: "render-panel" }, this.form, this.progress, this.result);
    this.drawForm();
    renderLimits().then((found) => {
      this.limits = found;
      this.drawForm();
    }, (error) => toast(`Could not read the render limits: ${error.message}`, "error"));
  }

  choose(key, value, redraw = false) {
    this.choices[key] = value;
    lastChoices = structuredClone(this.choices);
    if (redraw) this.drawForm();
  }

  select(key, options, redraw = false) {
    return h("select", { class: "input", name: key, onChange: (event) => this.choose(key, event.target.value, redraw) },
      Object.entries(options).map(([value, label]) => h("option", { value, selected: value === this.choices[key] }, label)));
  }

  /** The options the server's limits and the format allow; a choice they rule out falls back to the first. */
  allowed() {
    const sizes = Object.keys(SIZES).filter((key) => !this.limits || (SIZES[key][0] <= this.limits.maxWidth && SIZES[key][1] <= this.limits.maxHeight));
    const backgrounds = Object.keys(BACKGROUNDS).filter((key) => !(OPAQUE_FORMATS.has(this.choices.format) && BACKGROUNDS[key] === null));
    if (sizes.length && !sizes.includes(this.choices.size)) this.choices.size = sizes[0];
    if (!backgrounds.includes(this.choices.background)) this.choices.background = backgrounds[0];
    return { sizes, backgrounds };
  }

  drawForm() {
    const { choices } = this;
    const focused = this.form.contains(document.activeElement) ? document.activeElement.name : null;
    const { sizes, backgrounds } = this.allowed();
    const video = VIDEO_FORMATS.has(choices.format);
    const most = this.limits && sampleLimit(choices.renderer, this.limits);
    const fewest = choices.renderer === "PATH_TRACED" ? 1 : 0;
    const samples = h("input", { class: "input", type: "number", name: "samples", min: fewest, max: most, step: 1, required: true, value: choices.samples[choices.renderer],
      onInput: (event) => this.choose("samples", { ...choices.samples, [choices.renderer]: event.target.value }) });
    const frames = (video || choices.turntable) && field("Frames", h("input", { class: "input", type: "number", name: "frames", min: 2, max: this.limits?.maxFrames, step: 1, required: true, value: choices.frames,
      onInput: (event) => this.choose("frames", event.target.value) }), this.limits && `up to ${this.limits.maxFrames}`);
    fill(this.form,
      field("Renderer", this.select("renderer", RENDERERS, true)),
      field(choices.renderer === "PATH_TRACED" ? "Paths per pixel" : "MSAA samples", samples, most !== null && `up to ${most}`),
      field("Size", this.select("size", Object.fromEntries(sizes.map((size) => [size, SIZES[size].join(" × ")])))),
      field("Format", this.select("format", FORMATS, true)),
      field("Background", this.select("background", Object.fromEntries(backgrounds.map((name) => [name, name])))),
      h("label", { class: "render-check" },
        h("input", { type: "checkbox", name: "turntable", checked: video || choices.turntable, disabled: video, onChange: (event) => this.choose("turntable", event.target.checked, true) }),
        video ? "Turntable (a video is one)" : "Turntable"),
      frames,
      h("button", { class: "button button-action", type: "submit", disabled: !this.limits || this.busy }, this.busy ? "Submitting…" : this.action));
    if (focused) this.form.elements[focused]?.focus();
  }

  async submit() {
    const { choices } = this;
    const input = renderInput(this.subject(), {
      size: SIZES[choices.size], format: choices.format, background: BACKGROUNDS[choices.background], renderer: choices.renderer,
      samples: choices.samples[choices.renderer], turntable: choices.turntable, frames: choices.frames,
    }, this.limits, this.viewer.lookAtCamera());
    this.busy = true;
    this.drawForm();
    try {
      const { renderSubmit } = await request(DemoRenderSubmitDocument, { input });
      if (renderSubmit.errors.length) {
        toast(describeErrors(renderSubmit.errors), "error");
        return;
      }
      this.board.follow(renderSubmit.job, this.title());
      this.follow(renderSubmit.job);
    } catch (error) {
      toast(error.message, "error");
    } finally {
      this.busy = false;
      this.drawForm();
    }
  }

  /** Shows `job` here, live until it ends. */
  follow(job) {
    this.stop?.();
    const { live } = this.board;
    this.shownOutputs = "";
    this.stop = live.onJob((changed) => changed.id === job.id && this.showJob(changed));
    this.showJob(live.get(job.id) ?? job);
  }

  showJob(job) {
    const running = !TERMINAL.has(job.status);
    const fraction = job.status === "SUCCEEDED" ? 1 : job.progress;
    const heading = running ? "Rendering" : job.status === "SUCCEEDED" ? "Rendered" : `Render ${job.status.toLowerCase()}`;
    this.progress.hidden = false;
    this.progress.className = `render-progress job-${job.status.toLowerCase()}`;
    fill(this.progress,
      h("div", { class: "render-progress-head" }, h("strong", {}, heading), h("span", { class: "render-stage" }, renderStage(job)), h("span", { class: "job-percent" }, percent(fraction))),
      h("div", { class: "bar", role: "progressbar", "aria-label": "Render progress", "aria-valuemin": "0", "aria-valuemax": "100", "aria-valuenow": String(Math.round(fraction * 100)) },
        h("div", { class: "bar-fill", style: { width: percent(fraction) } })));
    // The outputs are drawn again only when there are new ones, so a playing video keeps playing.
    const outputs = job.outputs.filter((file) => file.role === "RENDER");
    const key = outputs.map((file) => file.filename).join(",");
    if (key !== this.shownOutputs) {
      this.shownOutputs = key;
      fill(this.result, renderGallery(outputs));
    }
    if (!running) this.stop?.();
  }

  dispose() {
    this.stop?.();
  }
}
