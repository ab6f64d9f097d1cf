"""The node hierarchy of a scene during an edit: nodes by id in scene order, each node's
parent, the top-level order. A node is copied the first time it changes, so the graph the
tree was made from stays as it was."""

from __future__ import annotations

from app.errors import InvalidInput, NotFound
from app.geometry.scene_graph import Node, SceneGraph


class NodeTree:
    def __init__(self, graph: SceneGraph) -> None:
        self.nodes = {node.id: node for node in graph.nodes}
        self.roots = list(graph.roots)
        self._parents = {child: node.id for node in graph.nodes for child in node.children}
        self._copied: set[str] = set()

    def get(self, node_id: str, field: str = "node_id") -> Node:
        node = self.nodes.get(node_id)
        if node is None:
            raise NotFound(f"no node with id {node_id}", field=[field])
        return node

    def editable(self, node_id: str, field: str = "node_id") -> Node:
        node = self.get(node_id, field)
        if node_id not in self._copied:
            node = node.model_copy(update={"children": list(node.children)})
            self.nodes[node_id] = node
            self._copied.add(node_id)
        return node

    def add(self, node: Node, parent_id: str | None, index: int | None) -> None:
        """Add a new node (its id must be free) under `parent_id` at `index`."""
        self._check_parent(parent_id)
        self._check_index(parent_id, index)
        self.nodes[node.id] = node
        self._copied.add(node.id)
        self._insert(node.id, parent_id, index)

    def remove(self, node_id: str) -> list[str]:
        """Remove a node and everything under it; the ids removed, the node's first."""
        self.get(node_id)
        self._siblings(self._parents.pop(node_id, None)).remove(node_id)
        removed, stack = [], [node_id]
        while stack:
            node = self.nodes.pop(stack.pop())
            self._parents.pop(node.id, None)
            removed.append(node.id)
            stack.extend(reversed(node.children))
        return removed

    def move(self, node_id: str, parent_id: str | None, index: int | None) -> None:
        """Move a node under `parent_id` (None: top level) at `index` (None: last)."""
        self.get(node_id)
        self._check_parent(parent_id)
        ancestor = parent_id
        while ancestor is not None:
            if ancestor == node_id:
                raise InvalidInput(f"node {node_id} cannot move under {parent_id}: it would "
                                   "become its own ancestor", field=["parent_id"])
            ancestor = self._parents.get(ancestor)
        # A failed edit discards the whole tree, so the node need not go back on failure.
        self._siblings(self._parents.pop(node_id, None)).remove(node_id)
        self._check_index(parent_id, index)
        self._insert(node_id, parent_id, index)

    def _check_parent(self, parent_id: str | None) -> None:
        if parent_id is not None:
            self.get(parent_id, "parent_id")

    def _check_index(self, parent_id: str | None, index: int | None) -> None:
        count = len(self._siblings(parent_id))
        if index is not None and not 0 <= index <= count:
            raise InvalidInput(f"index must be between 0 and {count}", field=["index"])

    def _siblings(self, parent_id: str | None) -> list[str]:
        return self.roots if parent_id is None else self.editable(parent_id).children

    def _insert(self, node_id: str, parent_id: str | None, index: int | None) -> None:
        siblings = self._siblings(parent_id)
        siblings.insert(len(siblings) if index is None else index, node_id)
        if parent_id is not None:
            self._parents[node_id] = parent_id
