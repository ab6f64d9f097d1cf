/** A render's output on the page: an image opens full size on click, a video plays inline with its controls. */
import { h } from "./dom.js";
import { VIDEO_FORMATS } from "./render-input.js";

export function isVideo(file) {
  return VIDEO_FORMATS.has(file.format.toUpperCase());
}

/** The thumbnail link of an image, or a `<video>` with controls for a turntable video. */
export function renderMedia(file) {
  if (isVideo(file)) {
    return h("figure", { class: "render render-video" },
      h("video", { src: file.url, controls: true, loop: true, muted: true, playsinline: true, preload: "metadata", "aria-label": `Video ${file.filename}` }),
      h("figcaption", { class: "muted small" }, file.filename));
  }
  return h("a", { class: "render", href: file.url, target: "_blank", rel: "noopener", title: file.filename },
    h("img", { src: file.url, alt: `Render ${file.filename}`, loading: "lazy" }));
}

/** The outputs of renders as a grid, videos first (a turntable's frames follow its video). */
export function renderGallery(files) {
  const ordered = [...files.filter(isVideo), ...files.filter((file) => !isVideo(file))];
  return ordered.length ? h("div", { class: "renders" }, ordered.map(renderMedia)) : null;
}
