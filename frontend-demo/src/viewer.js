/** The 3D viewer: three.js with GLTFLoader and OrbitControls, lit by a neutral room environment (plain lights on CPU WebGL). */
import * as THREE from "three";
import { OrbitControls } from "three/addons/controls/OrbitControls.js";
import { RoomEnvironment } from "three/addons/environments/RoomEnvironment.js";
import { DRACOLoader } from "three/addons/loaders/DRACOLoader.js";
import { GLTFLoader } from "three/addons/loaders/GLTFLoader.js";
import { MeshoptDecoder } from "three/addons/libs/meshopt_decoder.module.js";

// The build copies three's Draco decoder here, for GLBs that a COMPRESS conversion wrote.
const DRACO_DECODER_PATH = "/demo/build/draco/";
const VIEW_DIRECTION = new THREE.Vector3(1, 0.65, 1.2).normalize();
const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software/i;

/** Whether `renderer` draws on the CPU (SwiftShader, llvmpipe), as far as the browser says. */
function drawsOnCpu(renderer) {
  const gl = renderer.getContext();
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return SOFTWARE_RENDERERS.test(String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)));
}

/**
 * Lights `scene`: the prefiltered room environment, or plain lights where WebGL runs on the
 * CPU, which takes ten seconds or more to compile and run the prefilter shaders and paints
 * nothing meanwhile.
 */
function light(scene, renderer) {
  if (!drawsOnCpu(renderer)) {
    scene.environment = new THREE.PMREMGenerator(renderer).fromScene(new RoomEnvironment(), 0.04).texture;
    return;
  }
  const sun = new THREE.DirectionalLight(0xffffff, 2.2);
  sun.position.set(3, 5, 4);
  scene.add(new THREE.HemisphereLight(0xeef2ff, 0x2a2f38, 1.6), sun);
}

function dispose(object) {
  object.traverse((node) => {
    node.geometry?.dispose();
    const materials = Array.isArray(node.material) ? node.material : [node.material];
    for (const material of materials.filter(Boolean)) {
      Object.values(material).filter((value) => value?.isTexture).forEach((texture) => texture.dispose());
      material.dispose();
    }
  });
}

export class Viewer {
  /** Draws into `canvas`, sized to its parent; `onStatus(text)` reports loading and errors. */
  constructor(canvas, onStatus) {
    this.canvas = canvas;
    this.onStatus = onStatus;
    this.renderer = new THREE.WebGLRenderer({ canvas, antialias: true, alpha: true });
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
    this.renderer.toneMapping = THREE.ACESFilmicToneMapping;
    this.scene = new THREE.Scene();
    light(this.scene, this.renderer);
    this.camera = new THREE.PerspectiveCamera(40, 1, 0.01, 1000);
    this.controls = new OrbitControls(this.camera, canvas);
    this.controls.enableDamping = true;
    this.loader = new GLTFLoader()
      .setMeshoptDecoder(MeshoptDecoder)
      .setDRACOLoader(new DRACOLoader().setDecoderPath(DRACO_DECODER_PATH));
    this.model = null;
    this.grid = null;
    this.request = 0;
    this.wireframe = false;
    new ResizeObserver(() => this.resize()).observe(canvas.parentElement);
    this.resize();
    this.renderer.setAnimationLoop(() => {
      this.controls.update();
      this.renderer.render(this.scene, this.camera);
    });
  }

  resize() {
    const { clientWidth, clientHeight } = this.canvas.parentElement;
    if (!clientWidth || !clientHeight) return;
    this.renderer.setSize(clientWidth, clientHeight, false);
    this.camera.aspect = clientWidth / clientHeight;
    this.camera.updateProjectionMatrix();
  }

  /** Loads the GLB at `url`, replacing what was shown; a newer call wins over a slower older one. */
  async show(url) {
    const request = ++this.request;
    this.onStatus("Loading model…");
    try {
      const gltf = await this.loader.loadAsync(url, (event) => {
        if (request === this.request && event.total) {
          this.onStatus(`Loading model… ${Math.round((event.loaded / event.total) * 100)}%`);
        }
      });
      if (request !== this.request) {
        dispose(gltf.scene);
        return;
      }
      this.present(gltf.scene);
      this.onStatus("");
    } catch (error) {
      if (request === this.request) this.onStatus(`Could not load the model: ${error.message ?? error}`);
    }
  }

  clear() {
    this.request += 1;
    this.remove();
    this.onStatus("");
  }

  remove() {
    for (const object of [this.model, this.grid].filter(Boolean)) {
      this.scene.remove(object);
      dispose(object);
    }
    this.model = null;
    this.grid = null;
  }

  present(model) {
    this.remove();
    const box = new THREE.Box3().setFromObject(model);
    const center = box.getCenter(new THREE.Vector3());
    // Stand the model on the grid, centred, so every asset is framed the same way.
    model.position.sub(new THREE.Vector3(center.x, box.min.y, center.z));
    this.model = model;
    this.scene.add(model);
    this.setWireframe(this.wireframe);

    const size = box.getSize(new THREE.Vector3());
    const radius = Math.max(size.length() / 2, 1e-6);
    const gridSize = radius * 4;
    this.grid = new THREE.GridHelper(gridSize, 20, 0x3a4252, 0x262c36);
    this.scene.add(this.grid);
    this.frame(new THREE.Vector3(0, size.y / 2, 0), radius);
  }

  frame(target, radius) {
    const distance = radius / Math.sin(THREE.MathUtils.degToRad(this.camera.fov / 2)) * 1.1;
    this.camera.near = distance / 100;
    this.camera.far = distance * 100;
    this.camera.position.copy(target).addScaledVector(VIEW_DIRECTION, distance);
    this.camera.updateProjectionMatrix();
    this.controls.target.copy(target);
    this.controls.update();
    this.home = { target: target.clone(), radius };
  }

  /**
   * The current view as a look-at camera in the model's own coordinates (the viewer stood the
   * model on its grid), for a server render that matches what is on screen; null with no model.
   */
  lookAtCamera() {
    if (!this.model) return null;
    this.settle();
    const toModel = (point) => point.clone().sub(this.model.position).toArray();
    return {
      position: toModel(this.camera.position),
      target: toModel(this.controls.target),
      up: this.camera.up.toArray(),
      fovY: this.camera.fov,
    };
  }

  /** Ends the glide that damping leaves after a drag (long on a slow CPU), where it was heading. */
  settle() {
    const { dampingFactor } = this.controls;
    this.controls.dampingFactor = 1;
    this.controls.update();
    this.controls.dampingFactor = dampingFactor;
  }

  resetView() {
    if (this.home) this.frame(this.home.target, this.home.radius);
  }

  setWireframe(on) {
    this.wireframe = on;
    this.model?.traverse((node) => {
      const materials = Array.isArray(node.material) ? node.material : [node.material];
      materials.filter(Boolean).forEach((material) => { material.wireframe = on; });
    });
  }

  setAutoRotate(on) {
    this.controls.autoRotate = on;
  }
}
