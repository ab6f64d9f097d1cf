/** An asset's catalog entry in the detail panel: description, licence and tags edited with `assetUpdate`, metadata shown. */
import { describeErrors, fill, h, toast } from "./dom.js";
import { request } from "./client.js";
import { DemoAssetCatalogDocument, DemoAssetUpdateDocument } from "./generated/operations.ts";
import { parseTags } from "./uploads.js";

let fields = 0;

/** A labelled control: `<label for>` and the control itself. */
function field(label, control) {
  const id = `catalog-field-${++fields}`;
  control.id = id;
  return h("div", { class: "catalog-field" }, h("label", { class: "field-label", for: id }, label), control);
}

/** The input of `assetUpdate` from the form's values: blanks clear. */
export function catalogInput({ description, spdxId, licenseText, attribution, tags }) {
  const license = spdxId.trim() || licenseText.trim()
    ? { spdxId: spdxId.trim() || null, text: licenseText.trim() || null, attribution: attribution.trim() || null }
    : null;
  return { description: description.trim() || null, license, tags: parseTags(tags) };
}

/** Runs `assetUpdate` for `id`; the updated asset, or null after saying why not. */
export async function updateAsset(id, input) {
  try {
    const { assetUpdate } = await request(DemoAssetUpdateDocument, { id, input });
    if (assetUpdate.errors.length) {
      toast(describeErrors(assetUpdate.errors), "error");
      return null;
    }
    return assetUpdate.asset;
  } catch (error) {
    toast(error.message, "error");
    return null;
  }
}

export class CatalogEditor {
  /** `onSaved(asset)` hears the asset as saved. */
  constructor(asset, { onSaved }) {
    this.asset = asset;
    this.onSaved = onSaved;
    this.element = h("div", { class: "catalog" }, h("p", { class: "muted small" }, "Loading…"));
    this.load();
  }

  async load() {
    try {
      const { asset } = await request(DemoAssetCatalogDocument, { id: this.asset.id });
      if (asset) this.draw(asset);
    } catch (error) {
      fill(this.element, h("p", { class: "muted small" }, `Could not load the description: ${error.message}`));
    }
  }

  draw(entry) {
    const license = entry.license ?? {};
    this.controls = {
      description: h("textarea", { class: "input", rows: "3", placeholder: "What it is, where it comes from" }),
      spdxId: h("input", { class: "input", type: "text", placeholder: "CC-BY-4.0", autocomplete: "off", spellcheck: "false" }),
      licenseText: h("textarea", { class: "input", rows: "2", placeholder: "Or the terms, in words" }),
      attribution: h("input", { class: "input", type: "text", placeholder: "Whom to credit", autocomplete: "off" }),
      tags: h("input", { class: "input", type: "text", placeholder: "chair, oak", autocomplete: "off" }),
    };
    this.controls.description.value = entry.description ?? "";
    this.controls.spdxId.value = license.spdxId ?? "";
    this.controls.licenseText.value = license.text ?? "";
    this.controls.attribution.value = license.attribution ?? "";
    this.controls.tags.value = entry.tags.join(", ");
    this.save = h("button", { class: "button button-action", type: "submit" }, "Save");
    const metadata = entry.metadata && Object.keys(entry.metadata).length
      ? h("details", { class: "metadata" }, h("summary", {}, "Metadata"), h("pre", { class: "hash" }, JSON.stringify(entry.metadata, null, 2)))
      : null;
    fill(this.element, h("form", { class: "catalog-form", "aria-label": "Description, licence and tags", onSubmit: (event) => this.submit(event) },
      field("Description", this.controls.description),
      h("div", { class: "catalog-row" }, field("Licence (SPDX)", this.controls.spdxId), field("Attribution", this.controls.attribution)),
      field("Custom licence", this.controls.licenseText),
      field("Tags", this.controls.tags),
      this.save),
    metadata);
  }

  async submit(event) {
    event.preventDefault();
    const values = Object.fromEntries(Object.entries(this.controls).map(([key, control]) => [key, control.value]));
    this.save.disabled = true;
    const asset = await updateAsset(this.asset.id, catalogInput(values));
    this.save.disabled = false;
    if (!asset) return;
    toast(`Saved ${asset.name}`, "ok");
    this.draw(asset);
    this.onSaved(asset);
  }
}
