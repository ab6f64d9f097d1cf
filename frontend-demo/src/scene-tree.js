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
