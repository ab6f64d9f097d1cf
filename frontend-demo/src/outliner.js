/**
 * The outliner: the scene's node tree (a keyboard-navigable ARIA tree), drag-and-drop reparenting,
 * and the actions on the selected node.
 */
import { fill, h } from "./dom.js";
import { depthFirst, isWithin, sceneNodes } from "./scene-tree.js";

function badges(node) {
  return [
    node.mesh && h("span", { class: "node-badge" }, `mesh ${node.mesh.meshIndex}`),
    node.camera && h("span", { class: "node-badge" }, `camera · ${node.camera.type.toLowerCase()}`),
    node.light && h("span", { class: "node-badge" }, `light · ${node.light.type.toLowerCase()}`),
  ];
}

export class Outliner {
  /**
   * `actions`: `select(id)`, `reparent(id, parentId)`, `rename(id, name)`, `remove(id)`,
   * `duplicate(id)`.
   */
  constructor(actions) {
    this.actions = actions;
    this.element = h("div", { class: "outliner" });
  }

  draw(scene, selectedId) {
    const nodes = sceneNodes(scene);
    const rows = depthFirst(nodes);
    // One row takes Tab focus (the selected one, else the first); the arrow keys move from there.
    const focusable = rows.some((row) => row.node.id === selectedId) ? selectedId : rows[0]?.node.id;
    const items = rows.map(({ node, depth }) => this.row(nodes, node, depth, node.id === selectedId, node.id === focusable));
    const top = h("div", { class: "node node-top", onDragover: (event) => event.preventDefault(),
      onDrop: (event) => this.dropped(event, nodes, null) }, "Drop here to move to the top level");
    const hidden = scene.nodes.totalCount - nodes.length;
    const tree = h("ul", { class: "outline", role: "tree", "aria-label": "Scene nodes", onKeydown: (event) => this.key(event, rows, selectedId) }, items);
    fill(this.element, tree, nodes.length ? top : h("p", { class: "muted small" }, "No nodes yet."),
      hidden > 0 && h("p", { class: "muted small" }, `${hidden} more nodes not shown.`),
      selectedId && this.toolbar(nodes.find((node) => node.id === selectedId)));
  }

  /** True while keyboard focus is in the tree, so a redraw can give it back. */
  hasFocus() {
    return this.element.querySelector('[role="tree"]')?.contains(document.activeElement) ?? false;
  }

  focusCurrent() {
    this.element.querySelector('[role="tree"] [tabindex="0"]')?.focus();
  }

  row(nodes, node, depth, selected, focusable) {
    return h("li", {
      class: `node${selected ? " node-selected" : ""}`, role: "treeitem", "aria-selected": String(selected),
      "aria-level": String(depth + 1), tabindex: focusable ? "0" : "-1",
      draggable: "true", "data-node-id": node.id, style: { paddingLeft: `${8 + depth * 14}px` },
      onClick: () => this.actions.select(node.id),
      onDragstart: (event) => event.dataTransfer.setData("text/x-node", node.id),
      onDragover: (event) => event.preventDefault(),
      onDrop: (event) => this.dropped(event, nodes, node.id),
    }, h("span", { class: "node-name" }, node.name || node.id), badges(node));
  }

  dropped(event, nodes, parentId) {
    event.preventDefault();
    event.stopPropagation();
    const nodeId = event.dataTransfer.getData("text/x-node");
    // Under itself or its own descendants is no place for a node: the server would refuse it.
    if (!nodeId || (parentId && isWithin(nodes, nodeId, parentId))) return;
    this.actions.reparent(nodeId, parentId);
  }

  /** Arrow keys move the selection through the tree; F2 renames, Delete removes. */
  key(event, rows, selectedId) {
    const index = rows.findIndex((row) => row.node.id === selectedId);
    const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
    if (step) {
      event.preventDefault();
      const next = rows[Math.min(Math.max(index + step, 0), rows.length - 1)];
      if (next) this.actions.select(next.node.id);
    } else if (event.key === "Delete" && selectedId) {
      this.actions.remove(selectedId);
    } else if (event.key === "F2" && selectedId) {
      this.element.querySelector(".rename-input")?.focus();
    }
  }

  toolbar(node) {
    if (!node) return null;
    const name = h("input", { class: "input rename-input", value: node.name, "aria-label": "Node name" });
    return h("form", { class: "node-actions", onSubmit: (event) => {
      event.preventDefault();
      if (name.value.trim() !== node.name) this.actions.rename(node.id, name.value.trim());
    } }, name,
    h("button", { class: "button", type: "submit" }, "Rename"),
    h("button", { class: "button", type: "button", onClick: () => this.actions.duplicate(node.id) }, "Duplicate"),
    h("button", { class: "button button-danger", type: "button", onClick: () => this.actions.remove(node.id) }, "Delete"));
  }
}
