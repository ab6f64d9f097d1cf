/**
 * The scene drawn in the viewer: each node an Object3D with its transform, each mesh taken from its
 * asset's normalised GLB; a TransformControls gizmo on the selected node reports finished drags.
 */
import * as THREE from "three";
import { TransformControls } from "three/addons/controls/TransformControls.js";

import { childrenByParent, sceneNodes } from "./scene-tree.js";

const LIGHT_MARKER = new THREE.SphereGeometry(0.05, 12, 8);

export class SceneViewport {
  /**
   * `viewer` is the page's Viewer; `onTransformed(nodeId, transform)` hears each finished drag,
   * `onFramed()` the first version shown (from then on the viewer's camera looks at the scene).
   */
  constructor(viewer, onTransformed, onFramed) {
    this.viewer = viewer;
    this.onTransformed = onTransformed;
    this.onFramed = onFramed;
    this.root = new THREE.Group();
    this.objects = new Map();
    this.meshes = new Map();
    this.drawn = 0;
    this.gizmo = new TransformControls(viewer.camera, viewer.canvas);
    this.gizmo.addEventListener("dragging-changed", (event) => {
      viewer.controls.enabled = !event.value;
      if (!event.value && this.gizmo.object) this.finished(this.gizmo.object);
    });
    this.helper = this.gizmo.getHelper();
    this.framed = false;
  }

  /** Draws `scene`, keeping the camera once the first version was framed. */
  async draw(scene, selectedId) {
    const drawing = ++this.drawn;
    const nodes = sceneNodes(scene);
    const objects = new Map();
    await Promise.all(nodes.map(async (node) => objects.set(node.id, await this.objectFor(node))));
    if (drawing !== this.drawn) return;
    const group = new THREE.Group();
    const children = childrenByParent(nodes);
    const attach = (parent, id) => {
      for (const node of children.get(id) ?? []) {
        const object = objects.get(node.id);
        parent.add(object);
        attach(object, node.id);
      }
    };
    attach(group, null);
    this.objects = objects;
    if (!this.framed) {
      this.viewer.present(group);
      this.viewer.scene.add(this.helper);
      this.framed = true;
      this.onFramed();
    } else {
      group.position.copy(this.viewer.model.position);
      this.viewer.scene.remove(this.viewer.model);
      this.viewer.model = group;
      this.viewer.scene.add(group);
    }
    this.select(selectedId);
  }

  async objectFor(node) {
    const object = new THREE.Group();
    object.name = node.name;
    object.userData.nodeId = node.id;
    object.position.fromArray(node.translation);
    object.quaternion.fromArray(node.rotation);
    object.scale.fromArray(node.scale);
    if (node.mesh?.asset?.glbUrl) {
      const mesh = await this.meshOf(node.mesh.asset, node.mesh.meshIndex);
      if (mesh) object.add(mesh);
    }
    if (node.light) {
      const color = new THREE.Color().fromArray(node.light.color);
      object.add(new THREE.PointLight(color, node.light.intensity), new THREE.Mesh(LIGHT_MARKER, new THREE.MeshBasicMaterial({ color })));
    }
    if (node.camera) object.add(new THREE.CameraHelper(new THREE.PerspectiveCamera(40, 1.5, 0.1, 0.5)));
    return object;
  }

  /**
   * A copy of mesh `index` of the asset's GLB (loaded once per asset), its primitives alone: the
   * loader makes a mesh used by one node that node itself, with the node's transform and children.
   */
  async meshOf(asset, index) {
    if (!this.meshes.has(asset.id)) this.meshes.set(asset.id, this.viewer.loader.loadAsync(asset.glbUrl).catch(() => null));
    const gltf = await this.meshes.get(asset.id);
    const primitiveCount = gltf?.parser.json.meshes?.[index]?.primitives.length;
    if (!primitiveCount) return null;
    const source = await gltf.parser.getDependency("mesh", index);
    // One primitive is the mesh object; more are its first children, before any child node.
    const primitives = primitiveCount === 1 ? [source] : source.children.slice(0, primitiveCount);
    const copy = new THREE.Group();
    for (const primitive of primitives) {
      const part = primitive.clone(false);
      part.position.set(0, 0, 0);
      part.quaternion.identity();
      part.scale.set(1, 1, 1);
      copy.add(part);
    }
    return copy;
  }

  select(nodeId) {
    const object = nodeId && this.objects.get(nodeId);
    if (object) this.gizmo.attach(object);
    else this.gizmo.detach();
  }

  /** Gizmo settings: mode ("translate", "rotate", "scale"), space ("local", "world"), snapping. */
  configure({ mode, space, snap }) {
    this.gizmo.setMode(mode);
    this.gizmo.setSpace(space);
    this.gizmo.setTranslationSnap(snap ? 0.1 : null);
    this.gizmo.setRotationSnap(snap ? THREE.MathUtils.degToRad(15) : null);
    this.gizmo.setScaleSnap(snap ? 0.1 : null);
  }

  finished(object) {
    this.onTransformed(object.userData.nodeId, {
      translation: object.position.toArray(),
      rotation: object.quaternion.toArray(),
      scale: object.scale.toArray(),
    });
  }

  dispose() {
    this.drawn += 1;
    this.gizmo.detach();
    this.viewer.scene.remove(this.helper);
    this.gizmo.dispose();
  }
}
