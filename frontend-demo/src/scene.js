/**
 * The scene graph of an asset: its read-only glTF scene (`Asset.scene`), and an editable copy
 * (`sceneCreateFromAsset`) whose edits, made anywhere, arrive live through `sceneChanged`.
 */
import { copyText, describeErrors, fill, h, toast } from "./dom.js";
import { request } from "./graphql.js";
import { ASSET_SCENE, RENDER_SUBMIT, SCENE_CHANGED, SCENE_CREATE_FROM_ASSET } from "./operations.js";

const SCENE_RENDER_SIZE = 1024;

function swatch(material) {
  const [r, g, b, a] = material.baseColorFactor.map((channel) => Math.round(channel * 255));
  return h("span", { class: "swatch", style: { background: `rgba(${r}, ${g}, ${b}, ${a / 255})` } });
}

function nodeBadges(node) {
  return [
    node.mesh && h("span", { class: "node-badge" }, `mesh ${node.mesh.meshIndex}`),
    node.camera && h("span", { class: "node-badge" }, `camera · ${node.camera.type.toLowerCase()}`),
    node.light && h("span", { class: "node-badge" }, `light · ${node.light.type.toLowerCase()}`),
  ];
}

/** The nodes as an indented outline, in scene order, built from each node's parent. */
function outline(scene) {
  const nodes = scene.nodes.edges.map((edge) => edge.node);
  const children = new Map();
  for (const node of nodes) {
    const parent = node.parent?.id ?? null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(node);
  }
  const rows = [];
  const visit = (node, depth) => {
    rows.push(h("li", { class: "node", style: { paddingLeft: `${depth * 14}px` } },
      h("span", { class: "node-name" }, node.name || node.id), nodeBadges(node)));
    for (const child of children.get(node.id) ?? []) visit(child, depth + 1);
  };
  // A node whose parent lies beyond the first page is shown at the top level.
  const known = new Set(nodes.map((node) => node.id));
  nodes.filter((node) => !node.parent || !known.has(node.parent.id)).forEach((node) => visit(node, 0));
  const hidden = scene.nodes.totalCount - nodes.length;
  return [h("ul", { class: "outline" }, rows), hidden > 0 && h("p", { class: "muted small" }, `${hidden} more nodes not shown.`)];
}

export class SceneView {
  /** `live` carries the scene's updates, `board` follows its render jobs. */
  constructor(asset, live, board) {
    this.asset = asset;
    this.live = live;
    this.board = board;
    this.element = h("div", {});
    this.showButton();
  }

  showButton() {
    fill(this.element, h("button", { class: "button", type: "button", onClick: () => this.loadAssetScene() }, "Show scene graph"));
  }

  async loadAssetScene() {
    try {
      const { asset } = await request(ASSET_SCENE, { id: this.asset.id });
      if (!asset?.scene) {
        fill(this.element, h("p", { class: "muted" }, "This asset has no scene."));
        return;
      }
      this.draw(asset.scene, false);
    } catch (error) {
      toast(error.message, "error");
    }
  }

  async createEditable(button) {
    button.disabled = true;
    try {
      const { sceneCreateFromAsset } = await request(SCENE_CREATE_FROM_ASSET, { assetId: this.asset.id });
      if (sceneCreateFromAsset.errors.length) {
        toast(describeErrors(sceneCreateFromAsset.errors), "error");
        button.disabled = false;
        return;
      }
      this.follow(sceneCreateFromAsset.scene);
    } catch (error) {
      toast(error.message, "error");
      button.disabled = false;
    }
  }

  /** Draws `scene` and keeps it current: every accepted update arrives with its new version. */
  follow(scene) {
    this.scene = scene;
    this.draw(scene, true);
    this.stop = this.live.subscribe(SCENE_CHANGED, () => ({ sceneId: this.scene.id, afterVersion: this.scene.version }), {
      next: ({ sceneChanged }) => {
        this.scene = sceneChanged.scene;
        const kinds = [...new Set(sceneChanged.changes.map((change) => change.kind.toLowerCase().replace(/_/g, " ")))];
        this.draw(this.scene, true, `Version ${sceneChanged.version}: ${kinds.join(", ")}`);
      },
      error: (errors) => toast(`Scene updates stopped: ${errors.map((error) => error.message).join("; ")}`, "error"),
    });
  }

  /** Renders the scene as it is now, framed whole by the server; the image opens from the job card. */
  async render(button) {
    button.disabled = true;
    try {
      const input = { sceneId: this.scene.id, width: SCENE_RENDER_SIZE, height: SCENE_RENDER_SIZE };
      const { renderSubmit } = await request(RENDER_SUBMIT, { input });
      if (renderSubmit.errors.length) toast(describeErrors(renderSubmit.errors), "error");
      else this.board.follow(renderSubmit.job, `${this.scene.name} v${this.scene.version}`);
    } catch (error) {
      toast(error.message, "error");
    } finally {
      button.disabled = false;
    }
  }

  draw(scene, editable, lastChange) {
    const head = editable
      ? h("div", { class: "scene-head" },
        h("span", { class: "badge badge-ready badge-version" }, `v${scene.version}`),
        h("strong", {}, scene.name), h("code", { class: "scene-id" }, scene.id),
        h("button", { class: "link-button", onClick: () => copyText(scene.id, "Scene id copied") }, "Copy id"))
      : h("div", { class: "scene-head" }, h("span", { class: "badge" }, "read-only"), h("span", {}, "The asset's own glTF scene"));
    const hint = editable
      ? [h("p", { class: "muted small" }, "Edit it with sceneUpdate in GraphiQL: each accepted update shows here live."),
        h("button", { class: "button button-action", type: "button", onClick: (event) => this.render(event.target) }, "Render this scene")]
      : h("button", { class: "button button-action", type: "button", onClick: (event) => this.createEditable(event.target) }, "Create an editable copy");
    fill(this.element,
      head,
      lastChange && h("div", { class: "scene-change" }, lastChange),
      h("p", { class: "muted small" }, `${scene.nodeCount} nodes · ${scene.materials.length} materials`),
      outline(scene),
      scene.materials.length ? h("ul", { class: "materials" }, scene.materials.map((material) => h("li", {},
        swatch(material), h("span", {}, material.name || material.id),
        h("span", { class: "muted" }, `metal ${material.metallicFactor.toFixed(2)} · rough ${material.roughnessFactor.toFixed(2)} · ${material.alphaMode.toLowerCase()}`)))) : null,
      hint);
  }

  dispose() {
    this.stop?.();
  }
}
