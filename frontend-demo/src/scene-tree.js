/** Pure helpers over a scene's node list: children by parent, depth-first order, descendants. */

/** The scene's nodes (from `SceneFields`) as an array. */
export function sceneNodes(scene) {
  return scene.nodes.edges.map((edge) => edge.node);
}

/** Map of parent id (null: top level) to its children, in scene order. */
export function childrenByParent(nodes) {
  const known = new Set(nodes.map((node) => node.id));
  const children = new Map();
  for (const node of nodes) {
    // A node whose parent lies beyond the first page is shown at the top level.
    const parent = node.parent && known.has(node.parent.id) ? node.parent.id : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(node);
  }
  return children;
}

/** Each node with its depth, parents before children. */
export function depthFirst(nodes) {
  const children = childrenByParent(nodes);
  const rows = [];
  const visit = (node, depth) => {
    rows.push({ node, depth });
    for (const child of children.get(node.id) ?? []) visit(child, depth + 1);
  };
  for (const node of children.get(null) ?? []) visit(node, 0);
  return rows;
}

/** True when `candidate` is `nodeId` or lies under it: a node cannot move there. */
export function isWithin(nodes, nodeId, candidate) {
  const parents = new Map(nodes.map((node) => [node.id, node.parent?.id ?? null]));
  for (let id = candidate; id; id = parents.get(id)) if (id === nodeId) return true;
  return false;
}

/** The operation that gives `node` back its transform (for undo). */
export function transformOf(node) {
  return { setTransform: { nodeId: node.id, translation: node.translation, rotation: node.rotation, scale: node.scale } };
}

const MATERIAL_FIELDS = ["name", "baseColorFactor", "metallicFactor", "roughnessFactor", "emissiveFactor", "alphaMode"];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
// What a node draws, by ids: its asset's signed URLs differ on every read.
const drawn = (node) => [node.mesh?.asset?.id ?? null, node.mesh?.meshIndex ?? null, node.material?.id ?? null];

/**
 * What changed from scene `before` to `after`, one `{ id, text }` per node or material touched
 * (nodes removed with their parent are not listed again): what a CONFLICT shows of the other change.
 */
export function sceneDiff(before, after) {
  const was = new Map(sceneNodes(before).map((node) => [node.id, node]));
  const now = new Map(sceneNodes(after).map((node) => [node.id, node]));
  const label = (node) => `“${node.name || node.id}”`;
  const parentName = (nodes, id) => (id && nodes.get(id) ? label(nodes.get(id)) : "the top level");
  const changes = [];
  for (const [id, node] of now) {
    const old = was.get(id);
    if (!old) {
      changes.push({ id, text: `added ${label(node)}` });
      continue;
    }
    if (old.name !== node.name) changes.push({ id, text: `renamed ${label(old)} to ${label(node)}` });
    if ((old.parent?.id ?? null) !== (node.parent?.id ?? null)) changes.push({ id, text: `moved ${label(node)} under ${parentName(now, node.parent?.id)}` });
    if (!same([old.translation, old.rotation, old.scale], [node.translation, node.rotation, node.scale])) changes.push({ id, text: `transformed ${label(node)}` });
    if (!same(drawn(old), drawn(node))) changes.push({ id, text: `changed what ${label(node)} draws` });
  }
  for (const [id, node] of was) {
    if (!now.has(id) && !(node.parent && was.has(node.parent.id) && !now.has(node.parent.id))) changes.push({ id, text: `removed ${label(node)}` });
  }
  const materials = new Map(before.materials.map((material) => [material.id, material]));
  for (const material of after.materials) {
    const old = materials.get(material.id);
    if (!old) changes.push({ id: material.id, text: `added material “${material.name || material.id}”` });
    else if (MATERIAL_FIELDS.some((field) => !same(old[field], material[field]))) changes.push({ id: material.id, text: `edited material “${material.name || material.id}”` });
  }
  return changes;
}

/** The node and material ids a list of `sceneUpdate` operations names. */
export function operationTargets(operations) {
  return new Set(operations.flatMap((operation) => Object.values(operation)).flatMap((fields) => [fields.nodeId, fields.materialId]).filter(Boolean));
}
