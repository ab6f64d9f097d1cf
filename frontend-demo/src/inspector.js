/**
 * The inspector of the selected node: its transform as numbers, the gizmo's settings, and the
 * material drawn on it (base colour, metallic, roughness, emissive, alpha mode, and textures
 * from the library's assets).
 */
import { fill, h } from "./dom.js";
import { TEXTURE_SLOTS, textureInput, textureKey, textureOptions } from "./textures.js";

const ALPHA_MODES = ["OPAQUE", "MASK", "BLEND"];

function hex(rgb) {
  return `#${rgb.slice(0, 3).map((channel) => Math.round(Math.min(Math.max(channel, 0), 1) * 255).toString(16).padStart(2, "0")).join("")}`;
}

function rgb(value) {
  return [1, 3, 5].map((start) => parseInt(value.slice(start, start + 2), 16) / 255);
}

function labelled(label, control) {
  return h("label", { class: "field" }, h("span", {}, label), control);
}

export class Inspector {
  /** `actions`: `transform(id, transform)`, `editMaterial(materialId, fields)`, `gizmo(settings)`. */
  constructor(actions) {
    this.actions = actions;
    this.gizmo = { mode: "translate", space: "local", snap: false };
    this.pickedMaterialId = null;
    this.element = h("div", { class: "node-inspector" });
  }

  /** `library`: the READY assets whose textures the material may take. */
  draw(scene, node, library = []) {
    if (!node) {
      fill(this.element, h("p", { class: "muted small" }, "Select a node to move it or edit its material."));
      return;
    }
    // A node drawing its primitives' own materials edits the one picked among the scene's.
    const own = node.material && scene.materials.find((candidate) => candidate.id === node.material.id);
    const material = own ?? scene.materials.find((candidate) => candidate.id === this.pickedMaterialId) ?? scene.materials[0];
    fill(this.element, this.gizmoControls(), this.transformForm(node),
      !own && scene.materials.length > 1 && this.materialPicker(scene, node, material, library),
      material ? this.materialForm(material, library) : h("p", { class: "muted small" }, "The scene has no material yet."));
  }

  materialPicker(scene, node, material, library) {
    return labelled("Material to edit", h("select", { class: "input", onChange: (event) => {
      this.pickedMaterialId = event.target.value;
      this.draw(scene, node, library);
    } }, scene.materials.map((candidate) => h("option", { value: candidate.id, selected: candidate.id === material.id }, candidate.name || candidate.id))));
  }

  gizmoControls() {
    const choose = (key, value) => {
      this.gizmo = { ...this.gizmo, [key]: value };
      this.actions.gizmo(this.gizmo);
    };
    const select = (key, label, options) => labelled(label, h("select", { class: "input", onChange: (event) => choose(key, event.target.value) },
      options.map((option) => h("option", { value: option, selected: this.gizmo[key] === option }, option))));
    return h("fieldset", { class: "gizmo" }, h("legend", {}, "Gizmo"),
      select("mode", "Tool", ["translate", "rotate", "scale"]),
      select("space", "Space", ["local", "world"]),
      h("label", { class: "check" }, h("input", { type: "checkbox", checked: this.gizmo.snap, onChange: (event) => choose("snap", event.target.checked) }), "Snap"));
  }

  transformForm(node) {
    const vector = (label, values) => h("fieldset", { class: "vector" }, h("legend", {}, label),
      values.map((value, index) => h("input", { class: "input", type: "number", step: "any", value: String(Number(value.toFixed(4))), "aria-label": `${label} ${"xyzw"[index]}`, name: `${label}-${index}` })));
    return h("form", { class: "transform", onSubmit: (event) => {
      event.preventDefault();
      const values = (label, count) => Array.from({ length: count }, (_, index) => Number(event.target.elements[`${label}-${index}`].value));
      this.actions.transform(node.id, { translation: values("Translation", 3), rotation: normalised(values("Rotation", 4)), scale: values("Scale", 3) });
    } }, vector("Translation", node.translation), vector("Rotation", node.rotation), vector("Scale", node.scale),
    h("button", { class: "button", type: "submit" }, "Apply transform"));
  }

  materialForm(material, library) {
    const textures = textureOptions(library, material);
    const form = h("form", { class: "material", onSubmit: (event) => {
      event.preventDefault();
      const fields = event.target.elements;
      // Only the texture slots changed here are sent: the others keep their references as they are.
      const changedTextures = Object.keys(TEXTURE_SLOTS).filter((slot) => fields[slot].value !== textureKey(material[slot]));
      this.actions.editMaterial(material.id, {
        baseColorFactor: [...rgb(fields.baseColor.value), Number(fields.opacity.value)],
        metallicFactor: Number(fields.metallic.value),
        roughnessFactor: Number(fields.roughness.value),
        emissiveFactor: rgb(fields.emissive.value),
        alphaMode: fields.alphaMode.value,
        ...Object.fromEntries(changedTextures.map((slot) => [slot, textureInput(fields[slot].value)])),
      });
    } },
    h("h4", {}, `Material · ${material.name || material.id}`),
    labelled("Base colour", h("input", { type: "color", name: "baseColor", value: hex(material.baseColorFactor) })),
    labelled("Opacity", h("input", { type: "range", name: "opacity", min: "0", max: "1", step: "0.01", value: String(material.baseColorFactor[3]) })),
    labelled("Metallic", h("input", { type: "range", name: "metallic", min: "0", max: "1", step: "0.01", value: String(material.metallicFactor) })),
    labelled("Roughness", h("input", { type: "range", name: "roughness", min: "0", max: "1", step: "0.01", value: String(material.roughnessFactor) })),
    labelled("Emissive", h("input", { type: "color", name: "emissive", value: hex(material.emissiveFactor) })),
    labelled("Alpha mode", h("select", { class: "input", name: "alphaMode" }, ALPHA_MODES.map((mode) => h("option", { value: mode, selected: material.alphaMode === mode }, mode.toLowerCase())))),
    textures.size > 0 && h("fieldset", { class: "textures" }, h("legend", {}, "Textures"),
      Object.entries(TEXTURE_SLOTS).map(([slot, label]) => labelled(label, h("select", { class: "input", name: slot, "aria-label": label },
        h("option", { value: "" }, "none"),
        [...textures].map(([key, name]) => h("option", { value: key, selected: key === textureKey(material[slot]) }, name)))))),
    h("button", { class: "button", type: "submit" }, "Apply material"));
    return form;
  }
}

/** A rotation typed by hand, scaled back to a unit quaternion (the server accepts only those). */
function normalised(quaternion) {
  const length = Math.hypot(...quaternion) || 1;
  return quaternion.map((part) => part / length);
}
