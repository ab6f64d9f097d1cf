/**
 * A render's output on the page: an image opens full size on click, a video plays inline with its
 * controls, an animated WebP (a turntable or a clip) animates inline as an image.
 */
import { h } from "./dom.js";
import { ONE_FILE_FORMATS, VIDEO_FORMATS } from "./render-input.js";

export function isVideo(file) {
  return VIDEO_FORMATS.has(file.format.toUpperCase());
}

/** Whether `file` holds a turntable's or a clip's frames in one file (a video or an animated WebP). */
export function isOneFile(file) {
  return ONE_FILE_FORMATS.has(file.format.toUpperCase());
}

/** The thumbnail link of an image, a `<video>` with controls for a video, a wide animated image for an animated WebP. */
export function renderMedia(file) {
  if (isVideo(file)) {
    return h("figure", { class: "render render-video" },
      h("video", { src: file.url, controls: true, loop: true, muted: true, playsinline: true, preload: "metadata", "aria-label": `Video ${file.filename}` }),
      h("figcaption", { class: "muted small" }, file.filename));
  }
  if (isOneFile(file)) {
    return h("figure", { class: "render render-video render-animated" },
      h("a", { href: file.url, target: "_blank", rel: "noopener", title: file.filename }, h("img", { src: file.url, alt: `Animation ${file.filename}` })),
      h("figcaption", { class: "muted small" }, file.filename));
  }
  return h("a", { class: "render", href: file.url, target: "_blank", rel: "noopener", title: file.filename },
    h("img", { src: file.url, alt: `Render ${file.filename}`, loading: "lazy" }));
}

/** The outputs of renders as a grid, videos and animations first (a turntable's frames follow its file). */
export function renderGallery(files) {
  const ordered = [...files.filter(isOneFile), ...files.filter((file) => !isOneFile(file))];
  return ordered.length ? h("div", { class: "renders" }, ordered.map(renderMedia)) : null;
}
