"""glTF validation modelled on Khronos glTF-Validator, plus geometry checks for any mesh format.

- `validate_gltf(asset)`: structural checks with Khronos's issue codes and JSON pointers.
- `validate_geometry(positions, indices, ...)`: NaN/Inf, index range, degenerate triangles,
  non-manifold edges, winding, missing normals/UVs; for STL/OBJ/PLY input too.
- `validate_glb(asset)`: both, on every triangle primitive.
- `validate_bytes(data)`: the same from file bytes, adding GLB container and JSON checks.
Where Khronos reports errors these report errors; where Khronos finds none, neither do these.
"""

from .geometry import validate_geometry
from .report import Severity, ValidationIssue, ValidationReport
from .validate import DEFAULT_MAX_ISSUES, validate_bytes, validate_glb, validate_gltf

__all__ = [
    "DEFAULT_MAX_ISSUES",
    "Severity",
    "ValidationIssue",
    "ValidationReport",
    "validate_bytes",
    "validate_geometry",
    "validate_glb",
    "validate_gltf",
]
