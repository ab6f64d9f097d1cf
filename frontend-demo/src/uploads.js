/** The upload panel: drop or pick files, tag them, and send each with `assetUpload` (multipart). */
import { describeErrors, toast } from "./dom.js";
import { upload } from "./client.js";
import { DemoAssetUploadDocument } from "./generated/operations.ts";
import { sampleModel } from "./sample.js";

const PARALLEL_UPLOADS = 2;

/** "chair, Oak  wood,," → ["chair", "oak wood"]: trimmed, lower-case, no duplicates or blanks. */
export function parseTags(text) {
  const tags = text.split(",").map((tag) => tag.trim().replace(/\s+/g, " ").toLowerCase()).filter(Boolean);
  return [...new Set(tags)];
}

function fileName(file) {
  return file.name.replace(/\.[^.]+$/, "") || file.name;
}

export class Uploader {
  /** `onUploaded(asset)` hears each asset the server created; progress goes to the job board. */
  constructor({ zone, input, tags, sample }, board, onUploaded) {
    this.tags = tags;
    this.board = board;
    this.onUploaded = onUploaded;
    this.queue = [];
    this.running = 0;
    sample.addEventListener("click", () => sampleModel().then(
      (file) => this.add([file]),
      (error) => toast(`Could not make the sample model: ${error.message}`, "error"),
    ));
    input.addEventListener("change", () => {
      this.add([...input.files]);
      input.value = "";
    });
    // The zone is a label for the hidden file input; keyboards open the picker with Enter or Space.
    zone.addEventListener("keydown", (event) => {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      input.click();
    });
    zone.addEventListener("dragover", (event) => {
      event.preventDefault();
      zone.classList.add("dragging");
    });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
      this.add([...event.dataTransfer.files]);
    });
  }

  add(files) {
    const tags = parseTags(this.tags.value);
    for (const file of files) this.queue.push({ file, tags, card: this.board.upload(file.name) });
    this.pump();
  }

  pump() {
    while (this.running < PARALLEL_UPLOADS && this.queue.length) {
      this.running += 1;
      this.send(this.queue.shift()).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  async send({ file, tags, card }) {
    try {
      const variables = { name: fileName(file), tags };
      const { assetUpload } = await upload(DemoAssetUploadDocument, { ...variables, file }, (fraction) => card.setProgress(fraction));
      if (assetUpload.errors.length) {
        card.fail(describeErrors(assetUpload.errors));
        return;
      }
      card.follow(assetUpload.job);
      this.onUploaded(assetUpload.asset);
    } catch (error) {
      card.fail(error.message);
      toast(`${file.name}: ${error.message}`, "error");
    }
  }
}
