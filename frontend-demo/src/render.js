/**
 * The render panel of an asset or a scene: the renderer (RASTER, or PATH_TRACED) with its samples
 * bounded by the server's limit, size, format (images, MP4/WEBM videos, or an animated WebP),
 * background and turntable frames, and for an animated asset its pose at a time or a clip;
 * `renderSubmit` from the viewer's current view, a refusal shown under the form naming its field,
 * the job's frames and passes shown live from `jobProgress`, and its result inline (images, a
 * video with controls, or an animated image).
 */
import { describeErrors, fill, h, toast } from "./dom.js";
import { request } from "./client.js";
import { percent } from "./format.js";
import { DemoRenderLimitsDocument, DemoRenderSubmitDocument } from "./generated/operations.ts";
import { TERMINAL } from "./live-jobs.js";
import { renderGallery } from "./media.js";
import { DEFAULT_SAMPLES, ONE_FILE_FORMATS, VIDEO_FORMATS, errorPath, renderInput, renderStage, sampleLimit } from "./render-input.js";

const SIZES = { "256x256": [256, 256], "512x512": [512, 512], "1024x1024": [1024, 1024], "1280x720": [1280, 720], "1920x1080": [1920, 1080] };
const FORMATS = { PNG: "PNG image", JPEG: "JPEG image", WEBP: "WEBP image", MP4: "MP4 video (turntable or clip)", WEBM: "WEBM video (turntable or clip)",
  ANIMATED_WEBP: "Animated WebP (turntable or clip)" };
const RENDERERS = { RASTER: "Rasterised (fast)", PATH_TRACED: "Path traced (slower)" };
// Left out, the server's studio grey; null, transparent (PNG, WEBP and ANIMATED_WEBP only).
const BACKGROUNDS = { "Studio grey": undefined, Transparent: null, Dark: [0.05, 0.06, 0.08, 1] };
const OPAQUE_FORMATS = new Set(["JPEG", "MP4", "WEBM"]);
const DEFAULT_FRAMES = 24;
const DEFAULT_FPS = 24;
// The form control of each input field a refusal may name (the size select sets width and height).
const CONTROLS = { width: "size", height: "size", format: "format", background: "background", renderer: "renderer", samples: "samples",
  turntable: "frames", "turntable.frames": "frames", animation: "animationIndex", "animation.index": "animationIndex", "animation.time": "animationTime",
  "animation.clip.start": "clipStart", "animation.clip.end": "clipEnd", "animation.clip.fps": "clipFps" };

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
  constructor({ subject, title, action, animations = 0 }, { viewer, board }) {
    this.subject = subject;
    this.title = title;
    this.action = action;
    this.viewer = viewer;
    this.board = board;
    this.choices = structuredClone(lastChoices);
    // How many glTF animations the asset has (0 for scenes, which render at rest); the choice
    // belongs to this asset, so it is not carried to the next panel.
    this.animations = animations;
    this.animation = { index: "", mode: "time", time: 0, start: 0, end: "", fps: DEFAULT_FPS };
    this.errors = [];
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

  chooseAnimation(key, value, redraw = false) {
    this.animation[key] = value;
    if (redraw) this.drawForm();
  }

  /** A seconds or fps input of the animation choice. */
  animationNumber(key, name, props) {
    return h("input", { class: "input", type: "number", name, step: "any", value: this.animation[key], ...props,
      onInput: (event) => this.chooseAnimation(key, event.target.value) });
  }

  /** The "Animation" fieldset of an animated asset: none or which one, posed at a time or played as a clip. */
  animationFields() {
    const { animation } = this;
    const options = [h("option", { value: "", selected: animation.index === "" }, "None (at rest)"),
      Array.from({ length: this.animations }, (_, index) => h("option", { value: String(index), selected: animation.index === String(index) }, `Animation ${index}`))];
    const chosen = animation.index !== "";
    const mode = (value, label) => h("label", { class: "render-check" },
      h("input", { type: "radio", name: "animationMode", value, checked: animation.mode === value, onChange: () => this.chooseAnimation("mode", value, true) }), label);
    const maxFps = this.limits?.maxFps;
    const timing = !chosen ? [] : animation.mode === "clip" ? [
      field("Clip start", this.animationNumber("start", "clipStart", { min: 0, required: true }), "seconds"),
      field("Clip end", this.animationNumber("end", "clipEnd", { min: 0 }), "blank: its end"),
      field("Clip fps", this.animationNumber("fps", "clipFps", { min: 1, max: maxFps, step: 1, required: true }), maxFps && `up to ${maxFps}`),
    ] : [field("Pose at", this.animationNumber("time", "animationTime", { min: 0, required: true }), "seconds")];
    return h("fieldset", { class: "render-animation" }, h("legend", {}, "Animation"),
      field("Which animation", h("select", { class: "input", name: "animationIndex", onChange: (event) => this.chooseAnimation("index", event.target.value, true) }, options)),
      chosen && h("div", { class: "render-modes", role: "radiogroup", "aria-label": "Animation timing" }, mode("time", "Pose at time"), mode("clip", "Clip")),
      timing);
  }

  /** Whether a clip makes the frames (then no turntable). */
  clipChosen() {
    return this.animations > 0 && this.animation.index !== "" && this.animation.mode === "clip";
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
    const active = this.form.contains(document.activeElement) ? document.activeElement : null;
    const { sizes, backgrounds } = this.allowed();
    const clip = this.clipChosen();
    const oneFile = !clip && ONE_FILE_FORMATS.has(choices.format);
    const turntable = !clip && (oneFile || choices.turntable);
    const most = this.limits && sampleLimit(choices.renderer, this.limits);
    const fewest = choices.renderer === "PATH_TRACED" ? 1 : 0;
    const samples = h("input", { class: "input", type: "number", name: "samples", min: fewest, max: most, step: 1, required: true, value: choices.samples[choices.renderer],
      onInput: (event) => this.choose("samples", { ...choices.samples, [choices.renderer]: event.target.value }) });
    const frames = turntable && field("Frames", h("input", { class: "input", type: "number", name: "frames", min: 2, max: this.limits?.maxFrames, step: 1, required: true, value: choices.frames,
      onInput: (event) => this.choose("frames", event.target.value) }), this.limits && `up to ${this.limits.maxFrames}`);
    fill(this.form,
      field("Renderer", this.select("renderer", RENDERERS, true)),
      field(choices.renderer === "PATH_TRACED" ? "Paths per pixel" : "MSAA samples", samples, most !== null && `up to ${most}`),
      field("Size", this.select("size", Object.fromEntries(sizes.map((size) => [size, SIZES[size].join(" × ")])))),
      field("Format", this.select("format", FORMATS, true)),
      field("Background", this.select("background", Object.fromEntries(backgrounds.map((name) => [name, name])))),
      h("label", { class: "render-check" },
        h("input", { type: "checkbox", name: "turntable", checked: turntable, disabled: clip || oneFile, onChange: (event) => this.choose("turntable", event.target.checked, true) }),
        clip ? "Turntable (the clip makes the frames)" : oneFile ? `Turntable (${VIDEO_FORMATS.has(choices.format) ? "a video" : "an animated WebP"} is one)` : "Turntable"),
      frames,
      this.animations > 0 && this.animationFields(),
      h("button", { class: "button button-action", type: "submit", disabled: !this.limits || this.busy }, this.busy ? "Submitting…" : this.action));
    // Drawn once the controls are in the form: each refusal is named by its control's label.
    if (this.errors.length) {
      this.form.lastElementChild.before(h("ul", { class: "render-errors", role: "alert" }, this.errors.map((error) => h("li", {}, this.describe(error)))));
      for (const error of this.errors) this.control(error)?.setAttribute("aria-invalid", "true");
    }
    if (active) [...this.form.elements].find((element) => element.name === active.name && (element.type !== "radio" || element.value === active.value))?.focus();
  }

  /** The control of the field `error` names, if the form shows it. */
  control(error) {
    const name = CONTROLS[errorPath(error)];
    const found = name && this.form.elements[name];
    return found instanceof Element ? found : null;
  }

  /** A refusal in words, led by the label of its field ("Clip fps: …"), or its path when the form has no control for it. */
  describe(error) {
    const path = errorPath(error);
    const name = this.control(error)?.getAttribute("aria-label") ?? path;
    return `${name ? `${name}: ` : ""}${describeErrors([error])}`;
  }

  async submit() {
    const { choices } = this;
    const input = renderInput(this.subject(), {
      size: SIZES[choices.size], format: choices.format, background: BACKGROUNDS[choices.background], renderer: choices.renderer,
      samples: choices.samples[choices.renderer], turntable: choices.turntable, frames: choices.frames,
      animation: this.animations > 0 ? this.animation : null,
    }, this.limits, this.viewer.lookAtCamera());
    this.busy = true;
    this.errors = [];
    this.drawForm();
    try {
      const { renderSubmit } = await request(DemoRenderSubmitDocument, { input });
      if (renderSubmit.errors.length) {
        this.errors = renderSubmit.errors;
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
