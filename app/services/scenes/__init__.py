"""Scenes: typed scene graphs edited by versioned, atomic operations, pushed live, composed into
one GLB. This is the package's public surface; the modules inside are its parts:

- service:    SceneService (create, read, list, update by compare-and-set) and SceneLimits
- operations: the edits a client can ask for, as plain dataclasses
- edits, graph, checks: applying operations to a graph, all or nothing, and checking values
- assets:     the assets a scene draws from (access, READY, their glTF documents)
- files:      composing and storing a scene's GLB
- live:       the sceneChanged stream's source
"""

from app.services.scenes import operations
from app.services.scenes.files import Composer, compose_file
from app.services.scenes.live import SceneSource, decode_scene
from app.services.scenes.operations import Operation
from app.services.scenes.service import SceneLimits, SceneService

__all__ = ["Composer", "Operation", "SceneLimits", "SceneService", "SceneSource", "compose_file",
           "decode_scene", "operations"]
