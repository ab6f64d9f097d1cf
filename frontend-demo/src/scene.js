/**
 * The scene editor of an asset: its read-only glTF scene (`Asset.scene`), or an editable copy
 * (`sceneCreateFromAsset`) drawn in the viewer, edited through the outliner, the inspector and the
 * gizmo, and kept current live through `sceneChanged`.
 */
import { copyText, describeErrors, fill, h, toast } from "./dom.js";
import { request, subscribe } from "./client.js";
import { DemoAssetSceneDocument, DemoAssetsDocument, DemoSceneChangedDocument, DemoSceneCreateFromAssetDocument, DemoSceneDocument, DemoScenesDocument } from "./generated/operations.ts";
import { Inspector } from "./inspector.js";
import { Outliner } from "./outliner.js";
import { RenderPanel } from "./render.js";
import { SceneEdits, newer } from "./scene-edits.js";
import { sceneNodes, transformOf } from "./scene-tree.js";
import { SceneViewport } from "./scene-viewport.js";
import { historyShortcut } from "./shortcuts.js";
import { TEXTURE_SLOTS, referenceInput } from "./textures.js";
import { createStore } from "./store.js";

const LIBRARY_SHOWN = 50;
const SCENES_SHOWN = 30;
// What "Reapply my …" names when the held-back edit was an undo or a redo.
const REAPPLIED = { undo: "", redo: "undo of ", again: "redo of " };

function newId(prefix) {
  return `${prefix}_${crypto.randomUUID().slice(0, 8)}`;
}

function changeLabel(event) {
  const kinds = [...new Set(event.changes.map((change) => change.kind.toLowerCase().replace(/_/g, " ")))];
  return `Version ${event.version}: ${kinds.join(", ")}`;
}

export class SceneView {
  /**
   * `board` follows the scene's render jobs; `viewer` draws the scene while it is edited;
   * `offerRender(submit)` puts its render on the viewer's toolbar and returns how to withdraw it.
   */
  constructor(asset, { board, viewer, offerRender }) {
    this.asset = asset;
    this.board = board;
    this.viewer = viewer;
    this.offerRender = offerRender;
    this.element = h("div", { class: "scene-editor" });
    this.element.addEventListener("keydown", (event) => this.shortcut(event));
    this.store = createStore({ scene: null, selectedId: null, conflict: null, undo: [], redo: [], busy: false, error: null, lastChange: null, library: [] });
    this.edits = new SceneEdits(this.store);
    this.outliner = new Outliner({
      select: (id) => this.store.set({ selectedId: id }),
      reparent: (id, parentId) => this.reparent(id, parentId),
      rename: (id, name) => this.rename(id, name),
      remove: (id) => this.remove(id),
      duplicate: (id) => this.duplicate(id),
    });
    this.inspector = new Inspector({
      transform: (id, transform) => this.transform(id, transform),
      editMaterial: (id, fields) => this.editMaterial(id, fields),
      gizmo: (settings) => this.viewport?.configure(settings),
    });
    fill(this.element, h("button", { class: "button", type: "button", onClick: () => this.loadAssetScene() }, "Show scene graph"));
  }

  async loadAssetScene() {
    try {
      const [{ asset }, { scenes }] = await Promise.all([request(DemoAssetSceneDocument, { id: this.asset.id }), request(DemoScenesDocument, { first: SCENES_SHOWN })]);
      if (!asset?.scene) {
        fill(this.element, h("p", { class: "muted" }, "This asset has no scene."));
        return;
      }
      this.outliner.draw(asset.scene, null);
      fill(this.element,
        h("div", { class: "scene-head" }, h("span", { class: "badge" }, "read-only"), h("span", {}, "The asset's own glTF scene")),
        h("p", { class: "muted small" }, `${asset.scene.nodeCount} nodes · ${asset.scene.materials.length} materials`),
        this.outliner.element,
        h("div", { class: "scene-toolbar" },
          h("button", { class: "button button-action", type: "button", onClick: (event) => this.createEditable(event.target) }, "Edit a copy of this scene"),
          scenes.edges.length > 0 && h("select", { class: "input", "aria-label": "Open a scene", onChange: (event) => event.target.value && this.open(event.target.value) },
            h("option", { value: "" }, "Or open a scene…"), scenes.edges.map(({ node }) => h("option", { value: node.id }, `${node.name} · v${node.version}`)))));
    } catch (error) {
      toast(error.message, "error");
    }
  }

  async createEditable(button) {
    button.disabled = true;
    try {
      const { sceneCreateFromAsset } = await request(DemoSceneCreateFromAssetDocument, { assetId: this.asset.id });
      if (sceneCreateFromAsset.errors.length) {
        toast(describeErrors(sceneCreateFromAsset.errors), "error");
        button.disabled = false;
        return;
      }
      this.edit(sceneCreateFromAsset.scene);
    } catch (error) {
      toast(error.message, "error");
      button.disabled = false;
    }
  }

  async open(id) {
    try {
      const { scene } = await request(DemoSceneDocument, { id });
      if (scene) this.edit(scene);
      else toast("That scene is gone", "error");
    } catch (error) {
      toast(error.message, "error");
    }
  }

  /** Edits `scene`: draws it here and in the viewer, and follows every version made anywhere. */
  edit(scene) {
    // "Render this view" waits for the scene in the viewer: until then the camera frames the asset.
    this.viewport = new SceneViewport(this.viewer, (id, transform) => this.transform(id, transform), () => {
      this.withdrawRender = this.offerRender(() => this.renderView());
    });
    this.viewport.configure(this.inspector.gizmo);
    // The scene renders through the viewer's camera, from the last render choices made on the page.
    this.renderPanel = new RenderPanel({
      subject: () => ({ sceneId: this.store.get().scene.id }),
      title: () => `${this.store.get().scene.name} v${this.store.get().scene.version}`,
      action: "Render the scene from this view",
    }, { viewer: this.viewer, board: this.board });
    this.store.subscribe((state) => this.draw(state));
    this.store.set({ scene });
    this.loadLibrary();
    this.stop = subscribe(DemoSceneChangedDocument, () => ({ sceneId: scene.id, afterVersion: scene.version }), {
      next: ({ sceneChanged }) => {
        const current = this.store.get().scene;
        if (sceneChanged.version <= current.version) return;
        this.store.set({ scene: newer(current, sceneChanged.scene), lastChange: changeLabel(sceneChanged) });
      },
      error: (errors) => toast(`Scene updates stopped: ${errors.map((error) => error.message).join("; ")}`, "error"),
    });
  }

  /** Renders the scene from the viewer's camera and brings its panel, where the result shows, into view. */
  async renderView() {
    this.renderPanel.element.scrollIntoView({ block: "nearest" });
    await this.renderPanel.submit();
  }

  /** Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) step back and forth while the editor has focus, outside text fields. */
  shortcut(event) {
    const step = this.store.get().scene && historyShortcut(event);
    if (!step) return;
    event.preventDefault();
    if (step === "undo") this.edits.undo();
    else this.edits.redo();
  }

  async loadLibrary() {
    try {
      const { assets } = await request(DemoAssetsDocument, { first: LIBRARY_SHOWN, filter: { status: ["READY"] } });
      this.store.set({ library: assets.edges.map((edge) => edge.node) });
    } catch (error) {
      toast(`Could not list the library: ${error.message}`, "error");
    }
  }

  node(id) {
    return sceneNodes(this.store.get().scene).find((node) => node.id === id);
  }

  transform(id, transform) {
    const before = this.node(id);
    if (before) this.edits.apply([{ setTransform: { nodeId: id, ...transform } }], [transformOf(before)], { label: `move ${before.name || id}` });
  }

  rename(id, name) {
    const before = this.node(id);
    this.edits.apply([{ renameNode: { nodeId: id, name } }], [{ renameNode: { nodeId: id, name: before.name } }], { label: "rename" });
  }

  reparent(id, parentId) {
    const before = this.node(id);
    if ((before.parent?.id ?? null) === parentId) return;
    const siblings = sceneNodes(this.store.get().scene).filter((node) => (node.parent?.id ?? null) === (before.parent?.id ?? null));
    const index = siblings.findIndex((node) => node.id === id);
    this.edits.apply([{ reparentNode: { nodeId: id, parentId } }], [{ reparentNode: { nodeId: id, parentId: before.parent?.id ?? null, index } }], { label: "reparent" });
  }

  /** Removes a node and its subtree; not undoable (the subtree would have to be rebuilt whole). */
  async remove(id) {
    if (await this.edits.apply([{ removeNode: { nodeId: id } }], null, { label: "delete" })) this.store.set({ selectedId: null });
  }

  /** A copy of the node itself (its transform, mesh and material) beside it; its children stay. */
  duplicate(id) {
    const node = this.node(id);
    const copy = newId("n");
    const mesh = node.mesh?.asset ? { assetId: node.mesh.asset.id, meshIndex: node.mesh.meshIndex } : null;
    this.add({ id: copy, name: `${node.name || id} copy`, parentId: node.parent?.id ?? null, translation: node.translation, rotation: node.rotation, scale: node.scale, mesh, materialId: node.material?.id ?? null }, "duplicate");
  }

  async add(fields, label, extra = []) {
    const operations = [{ addNode: fields }, ...extra];
    if (!(await this.edits.apply(operations, [{ removeNode: { nodeId: fields.id } }], { label }))) return;
    // The scene answers with its own, qualified form of the id chosen here.
    const added = sceneNodes(this.store.get().scene).find((node) => node.id === fields.id || node.id.endsWith(`/${fields.id}`));
    this.store.set({ selectedId: added?.id ?? null });
  }

  addEmpty() {
    this.add({ id: newId("n"), name: "Empty" }, "add node");
  }

  addLight() {
    const id = newId("n");
    this.add({ id, name: "Light", translation: [0, 2, 0] }, "add light", [{ addLight: { nodeId: id, name: "Light", type: "POINT", intensity: 10 } }]);
  }

  addCamera() {
    const id = newId("n");
    this.add({ id, name: "Camera", translation: [0, 1, 4] }, "add camera", [{ addCamera: { nodeId: id, name: "Camera", type: "PERSPECTIVE", yfov: 0.8 } }]);
  }

  addAsset(assetId) {
    const asset = this.store.get().library.find((candidate) => candidate.id === assetId);
    if (asset) this.add({ id: newId("n"), name: asset.name, mesh: { assetId, meshIndex: 0 } }, "add asset");
  }

  editMaterial(materialId, fields) {
    const before = this.store.get().scene.materials.find((material) => material.id === materialId);
    const previous = Object.fromEntries(Object.keys(fields).map((key) => [key, key in TEXTURE_SLOTS ? referenceInput(before[key]) : before[key]]));
    this.edits.apply([{ editMaterial: { materialId, set: fields } }], [{ editMaterial: { materialId, set: previous } }], { label: "material" });
  }

  draw(state) {
    const { scene, selectedId, conflict, undo, redo, busy, error, lastChange, library } = state;
    const selected = selectedId && sceneNodes(scene).find((node) => node.id === selectedId);
    // Redrawing moves the panels, which drops focus: note where it was to give it back.
    const treeFocused = this.outliner.hasFocus();
    this.outliner.draw(scene, selected ? selectedId : null);
    this.inspector.draw(scene, selected, library);
    this.viewport.draw(scene, selected ? selectedId : null);
    const assetPicker = h("select", { class: "input", "aria-label": "Asset to add", onChange: (event) => {
      if (event.target.value) this.addAsset(event.target.value);
    } }, h("option", { value: "" }, "Add an asset…"), library.map((asset) => h("option", { value: asset.id }, asset.name)));
    const focused = this.element.contains(document.activeElement) && document.activeElement.dataset?.keep;
    fill(this.element,
      h("div", { class: "scene-head" },
        h("span", { class: "badge badge-ready badge-version", "aria-live": "polite" }, `v${scene.version}`),
        h("strong", {}, scene.name), h("code", { class: "scene-id" }, scene.id),
        h("button", { class: "link-button", type: "button", onClick: () => copyText(scene.id, "Scene id copied") }, "Copy id")),
      lastChange && h("div", { class: "scene-change", role: "status" }, lastChange),
      conflict && h("div", { class: "callout callout-error conflict", role: "alert" },
        h("strong", {}, "CONFLICT"), ` Another change made version ${conflict.theirs} while you were on ${conflict.ours}: it is shown now. `,
        conflict.changes.length ? h("ul", { class: "conflict-changes", "aria-label": "Their change" }, conflict.changes.map((change) => h("li", {}, change.text)))
          : h("p", { class: "small" }, "It changed nothing this page shows."),
        conflict.overlap.length > 0 && h("p", { class: "small conflict-overlap" }, `Yours touches the same: reapplying it replaces what they did there (${conflict.overlap.join("; ")}).`),
        h("button", { class: "button", type: "button", "data-keep": "reapply", onClick: () => this.edits.reapply() }, `Reapply my ${REAPPLIED[conflict.history]}${conflict.label}`),
        h("button", { class: "button button-ghost", type: "button", onClick: () => this.edits.discard() }, "Keep theirs")),
      error && h("div", { class: "callout callout-error", role: "alert" }, error),
      h("div", { class: "scene-toolbar", role: "toolbar", "aria-label": "Scene" },
        h("button", { class: "button", type: "button", "data-keep": "undo", "aria-keyshortcuts": "Control+Z", disabled: busy || !undo.length, onClick: () => this.edits.undo(), title: undo.at(-1) ? `Undo ${undo.at(-1).label} (Ctrl+Z)` : "Nothing to undo" }, "Undo"),
        h("button", { class: "button", type: "button", "data-keep": "redo", "aria-keyshortcuts": "Control+Shift+Z Control+Y", disabled: busy || !redo.length, onClick: () => this.edits.redo(), title: redo.at(-1) ? `Redo ${redo.at(-1).label} (Ctrl+Shift+Z)` : "Nothing to redo" }, "Redo"),
        h("button", { class: "button", type: "button", "data-keep": "add-node", onClick: () => this.addEmpty() }, "Add node"),
        h("button", { class: "button", type: "button", "data-keep": "add-light", onClick: () => this.addLight() }, "Add light"),
        h("button", { class: "button", type: "button", "data-keep": "add-camera", onClick: () => this.addCamera() }, "Add camera"),
        assetPicker),
      h("div", { class: "scene-panels" }, this.outliner.element, this.inspector.element),
      h("div", { class: "scene-render" }, h("h4", {}, "Render the scene"), this.renderPanel.element));
    if (treeFocused) this.outliner.focusCurrent();
    else if (focused) this.element.querySelector(`[data-keep="${focused}"]`)?.focus();
  }

  dispose() {
    this.stop?.();
    this.withdrawRender?.();
    this.renderPanel?.dispose();
    this.viewport?.dispose();
  }
}
