/**
 * Pure helpers of the render form: the `renderSubmit` input its choices make (with an asset's
 * animation pose or clip), the viewer's view as an orbit camera (for turntables), the field a
 * refusal names, and a render job's stage in words.
 */

export const VIDEO_FORMATS = new Set(["MP4", "WEBM"]);
// Formats holding a turntable's or a clip's frames in one file (the rest give a file per frame).
export const ONE_FILE_FORMATS = new Set([...VIDEO_FORMATS, "ANIMATED_WEBP"]);
// The server's own defaults when `samples` is left out: MSAA for RASTER, paths for PATH_TRACED.
export const DEFAULT_SAMPLES = { RASTER: 4, PATH_TRACED: 64 };

const DEGREES = 180 / Math.PI;

/** `value` as a whole number in min..max (min when it is no number). */
export function bounded(value, min, max) {
  const number = Math.round(Number(value));
  return Number.isFinite(number) ? Math.min(Math.max(number, min), max) : min;
}

/** `value` as seconds, at least 0 (`fallback` when it is blank or no number). */
export function seconds(value, fallback) {
  const number = value === "" || value === null || value === undefined ? NaN : Number(value);
  return Number.isFinite(number) ? Math.max(number, 0) : fallback;
}

/**
 * The `animation` input of the form's animation choice (`index`: "" for none, `mode`: "time" or
 * "clip", with `time`, or `start`, `end` (blank: the animation's end) and `fps` bounded by
 * `limits.maxFps`), or null for the model at rest.
 */
export function animationInput(choice, limits) {
  if (!choice || choice.index === "" || choice.index === null || choice.index === undefined) return null;
  const index = Number(choice.index);
  if (choice.mode !== "clip") return { index, time: seconds(choice.time, 0) };
  return { index, clip: { start: seconds(choice.start, 0), end: seconds(choice.end, null), fps: bounded(choice.fps, 1, limits.maxFps) } };
}

/** The most samples per pixel `renderer` allows under the server's `limits`. */
export function sampleLimit(renderer, limits) {
  return renderer === "PATH_TRACED" ? limits.maxPathSamples : limits.maxSamples;
}

/**
 * A look-at camera (`position`, `target`, `fovY`) as an orbit around `target`, in degrees: yaw 0
 * looks from +Z and grows towards +X, positive pitch looks down from above (the server's
 * convention), so a turntable starts where the viewer looks from.
 */
export function orbitOf({ position, target, fovY }) {
  const [dx, dy, dz] = position.map((value, axis) => value - target[axis]);
  const distance = Math.hypot(dx, dy, dz);
  return { yaw: Math.atan2(dx, dz) * DEGREES, pitch: Math.atan2(dy, Math.hypot(dx, dz)) * DEGREES, distance: distance || null, fovY };
}

/**
 * The `renderSubmit` input for `subject` (`{ assetId }` or `{ sceneId }`) from the form's
 * `choices`, bounded by `limits`, seen through `camera` (the viewer's look-at camera, or null).
 * An asset may be posed by `choices.animation` (scenes render at rest). A clip makes the frames
 * itself, from the camera; otherwise a one-file format (video, animated WebP) is always a
 * turntable, and a turntable orbits from the camera's direction.
 */
export function renderInput(subject, choices, limits, camera) {
  const [width, height] = choices.size;
  const input = { ...subject, width, height, format: choices.format, renderer: choices.renderer,
    samples: bounded(choices.samples, choices.renderer === "PATH_TRACED" ? 1 : 0, sampleLimit(choices.renderer, limits)) };
  if (choices.background !== undefined) input.background = choices.background;
  const animation = subject.assetId ? animationInput(choices.animation, limits) : null;
  if (animation) input.animation = animation;
  if (!animation?.clip && (ONE_FILE_FORMATS.has(choices.format) || choices.turntable)) {
    input.turntable = { frames: bounded(choices.frames, 2, limits.maxFrames) };
    if (camera) input.camera = { orbit: orbitOf(camera) };
  } else if (camera) {
    input.camera = { lookAt: camera };
  }
  return input;
}

/** The input field a `renderSubmit` error names, as "animation.clip.fps" ("" for none or the whole input). */
export function errorPath(error) {
  const path = error.field ?? [];
  return (path[0] === "input" ? path.slice(1) : path).join(".");
}

/** What a render job is doing, in words ("frame 3 of 24, pass 2 of 4", "loading the model"), or how it ended. */
export function renderStage(job) {
  if (job.status === "QUEUED") return "waiting for a worker";
  if (job.error) return `${job.error.message} (${job.error.code})`;
  if (job.status !== "RUNNING") return job.message || job.status.toLowerCase();
  if (job.stage === "load") return "loading the model";
  return (job.stage || "starting").replace(/(\d+)\/(\d+)/g, "$1 of $2");
}
