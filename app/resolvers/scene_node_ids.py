"""Global ids of scene nodes: the scene's id, a slash, then the node's id within that scene
(a slash is in neither), so a node's id names its scene too."""

from __future__ import annotations

SEPARATOR = "/"


def global_node_id(scene_id: str, local_id: str) -> str:
    return f"{scene_id}{SEPARATOR}{local_id}"


def split_node_id(node_id: str) -> tuple[str, str] | None:
    """(scene id, local id) of a global node id; None for any other string."""
    scene_id, separator, local_id = node_id.partition(SEPARATOR)
    return (scene_id, local_id) if separator and scene_id and local_id else None


def local_node_id(scene_id: str, node_id: str) -> str:
    """The id within `scene_id` of a node named by either id; any other string unchanged."""
    parts = split_node_id(node_id)
    return parts[1] if parts is not None and parts[0] == scene_id else node_id
