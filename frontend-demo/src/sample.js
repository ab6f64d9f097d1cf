/** A sample model made in the browser with three.js's GLTFExporter, so a newcomer can try the pipeline without a file at hand. */
import * as THREE from "three";
import { GLTFExporter } from "three/addons/exporters/GLTFExporter.js";

/** A gold torus knot on a stone pedestal: two named nodes, two PBR materials, as a GLB file. */
export async function sampleModel() {
  const knot = new THREE.Mesh(
    new THREE.TorusKnotGeometry(0.55, 0.18, 220, 32),
    new THREE.MeshStandardMaterial({ name: "gold", color: 0xd9a441, metalness: 0.9, roughness: 0.25 }),
  );
  knot.name = "knot";
  knot.position.y = 1.2;
  const pedestal = new THREE.Mesh(
    new THREE.CylinderGeometry(0.7, 0.8, 0.35, 64),
    new THREE.MeshStandardMaterial({ name: "stone", color: 0x8c929c, roughness: 0.85 }),
  );
  pedestal.name = "pedestal";
  pedestal.position.y = 0.175;
  const scene = new THREE.Scene();
  scene.add(knot, pedestal);
  const glb = await new GLTFExporter().parseAsync(scene, { binary: true });
  return new File([glb], "sample-knot.glb", { type: "model/gltf-binary" });
}
