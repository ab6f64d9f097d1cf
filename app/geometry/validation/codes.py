"""Every issue code we report, with its severity and message; codes and severities follow Khronos.

The codes and severities are those of Khronos glTF-Validator (the npm release the project tests
against, 2.0.0-dev.3.10) wherever our check is the same check, so a report reads the same as
theirs; the GEOMETRY_* codes and UNSUPPORTED_REQUIRED_EXTENSION are ours (checks Khronos does not
make), never errors.
"""

from __future__ import annotations

from .report import Severity

E, W, INFO, H = Severity.ERROR, Severity.WARNING, Severity.INFO, Severity.HINT

ISSUE_TYPES: dict[str, tuple[Severity, str]] = {
    # Container and JSON
    "GLB_INVALID_MAGIC": (E, "Invalid GLB magic value ({0})."),
    "GLB_INVALID_VERSION": (E, "Invalid GLB version {0}."),
    "GLB_LENGTH_TOO_SMALL": (E, "Declared GLB length ({0}) is too small."),
    "GLB_CHUNK_LENGTH_UNALIGNED": (E, "Length of chunk {0} is not a multiple of 4."),
    "GLB_LENGTH_MISMATCH": (E, "Declared GLB length ({0}) differs from the actual length ({1})."),
    "GLB_CHUNK_TOO_BIG": (E, "Chunk {0} of length {1} does not fit in the GLB."),
    "GLB_EMPTY_CHUNK": (E, "Chunk {0} is empty."),
    "GLB_EMPTY_BIN_CHUNK": (INFO, "An empty BIN chunk should be left out."),
    "GLB_DUPLICATE_CHUNK": (E, "Chunk of type {0} appears more than once."),
    "GLB_UNEXPECTED_END_OF_CHUNK_HEADER": (E, "The file ends inside a chunk header."),
    "GLB_UNEXPECTED_END_OF_CHUNK_DATA": (E, "The file ends inside chunk data."),
    "GLB_UNEXPECTED_END_OF_HEADER": (E, "The file ends inside the GLB header."),
    "GLB_UNEXPECTED_FIRST_CHUNK": (E, "The first chunk must be JSON, found {0}."),
    "GLB_UNEXPECTED_BIN_CHUNK": (E, "The BIN chunk must be the second chunk."),
    "GLB_UNKNOWN_CHUNK_TYPE": (W, "Unknown GLB chunk type {0}."),
    "GLB_EXTRA_DATA": (W, "Data follows the end of the GLB."),
    "INVALID_JSON": (E, "The JSON does not parse: {0}"),
    "IO_ERROR": (E, "Resource could not be read: {0}"),
    # Schema
    "TYPE_MISMATCH": (E, "Value {0} is not of type {1}."),
    "ARRAY_TYPE_MISMATCH": (E, "Array element {0} is not of type {1}."),
    "ARRAY_LENGTH_NOT_IN_LIST": (E, "Array length {0} is not one of {1}."),
    "DUPLICATE_ELEMENTS": (E, "Duplicate element."),
    "INVALID_INDEX": (E, "An index must be a non-negative integer."),
    "INVALID_URI": (E, "Invalid URI {0}: {1}"),
    "EMPTY_ENTITY": (E, "This entity must not be empty."),
    "ONE_OF_MISMATCH": (E, "Exactly one of {0} must be defined."),
    "PATTERN_MISMATCH": (E, "Value {0} does not match the pattern {1}."),
    "VALUE_NOT_IN_LIST": (W, "Value {0} is not one of {1}."),
    "VALUE_NOT_IN_RANGE": (E, "Value {0} is out of range."),
    "VALUE_MULTIPLE_OF": (E, "Value {0} is not a multiple of {1}."),
    "UNDEFINED_PROPERTY": (E, "Property '{0}' must be defined."),
    "UNEXPECTED_PROPERTY": (W, "Unexpected property."),
    "UNSATISFIED_DEPENDENCY": (E, "This property needs {0} to be defined."),
    # Semantics
    "UNKNOWN_ASSET_MAJOR_VERSION": (E, "Unknown glTF major version {0}."),
    "UNKNOWN_ASSET_MINOR_VERSION": (W, "Unknown glTF minor version {0}."),
    "ASSET_MIN_VERSION_GREATER_THAN_VERSION": (E, "minVersion {0} is greater than version {1}."),
    "INVALID_GL_VALUE": (E, "Value {0} does not fit the component type {1}."),
    "ACCESSOR_NORMALIZED_INVALID": (E, "Only byte and short accessors can be normalized."),
    "ACCESSOR_OFFSET_ALIGNMENT": (E, "byteOffset {0} is not a multiple of the component size {1}."),
    "ACCESSOR_MATRIX_ALIGNMENT": (E, "Matrix accessors must be aligned to 4 bytes."),
    "ACCESSOR_SPARSE_COUNT_OUT_OF_RANGE": (E, "Sparse count {0} exceeds the accessor count {1}."),
    "BUFFER_DATA_URI_MIME_TYPE_INVALID": (E, "Buffer data URI has media type {0}."),
    "BUFFER_VIEW_TOO_BIG_BYTE_STRIDE": (E, "byteStride {0} is greater than byteLength {1}."),
    "BUFFER_VIEW_INVALID_BYTE_STRIDE": (E, "Only vertex data buffer views may have byteStride."),
    "CAMERA_XMAG_YMAG_NEGATIVE": (W, "xmag and ymag should not be negative."),
    "CAMERA_XMAG_YMAG_ZERO": (E, "xmag and ymag must not be zero."),
    "CAMERA_YFOV_GEQUAL_PI": (W, "yfov should be less than pi."),
    "CAMERA_ZFAR_LEQUAL_ZNEAR": (E, "zfar must be greater than znear."),
    "MATERIAL_ALPHA_CUTOFF_INVALID_MODE": (W, "alphaCutoff only applies to the MASK alpha mode."),
    "MESH_PRIMITIVE_INVALID_ATTRIBUTE": (E, "Invalid attribute name."),
    "MESH_PRIMITIVES_UNEQUAL_TARGETS_COUNT": (E, "Primitives have different morph target counts."),
    "MESH_PRIMITIVE_NO_POSITION": (W, "The primitive has no POSITION attribute."),
    "MESH_PRIMITIVE_INDEXED_SEMANTIC_CONTINUITY": (
        E, "{0} attribute indices must start at 0 without gaps ({1} expected, {2} found)."),
    "MESH_PRIMITIVE_TANGENT_WITHOUT_NORMAL": (W, "TANGENT is given without NORMAL."),
    "MESH_PRIMITIVE_JOINTS_WEIGHTS_MISMATCH": (E, "{0} JOINTS attributes but {1} WEIGHTS."),
    "MESH_INVALID_WEIGHTS_COUNT": (E, "{0} weights for {1} morph targets."),
    "NODE_MATRIX_TRS": (E, "A node has either a matrix or TRS properties, not both."),
    "NODE_MATRIX_DEFAULT": (INFO, "The identity matrix need not be given."),
    "NODE_MATRIX_NON_TRS": (E, "The matrix cannot be decomposed to TRS."),
    "ROTATION_NON_UNIT": (E, "The rotation quaternion is not normalized."),
    "UNUSED_EXTENSION_REQUIRED": (E, "Extension {0} is required but not used."),
    "NON_REQUIRED_EXTENSION": (E, "Extension {0} must be listed in extensionsRequired."),
    "INVALID_EXTENSION_NAME_FORMAT": (W, "Extension name has an invalid format."),
    "NODE_EMPTY": (INFO, "Empty node."),
    "NODE_SKINNED_MESH_LOCAL_TRANSFORMS": (W, "Local transforms do not affect a skinned mesh."),
    "NODE_SKINNED_MESH_NON_ROOT": (W, "A node with a skinned mesh is not a root node."),
    "NODE_SKIN_NO_SCENE": (E, "A skinned mesh is used in a scene without its joints."),
    "SKIN_NO_COMMON_ROOT": (E, "The joints have no common root."),
    "SKIN_SKELETON_INVALID": (E, "The skeleton node is not a common root of the joints."),
    "NON_RELATIVE_URI": (W, "Non-relative URI {0}."),
    "MULTIPLE_EXTENSIONS": (W, "This extension may conflict with the object's other extensions."),
    "NON_OBJECT_EXTRAS": (INFO, "extras should be a JSON object."),
    "EXTRA_PROPERTY": (INFO, "This property is unused here."),
    "KHR_ANIMATION_POINTER_ANIMATION_CHANNEL_TARGET_NODE": (
        E, "With KHR_animation_pointer the channel target must have no node."),
    "KHR_ANIMATION_POINTER_ANIMATION_CHANNEL_TARGET_PATH": (
        E, "With KHR_animation_pointer the target path must be 'pointer', not {0}."),
    "KHR_LIGHTS_PUNCTUAL_LIGHT_SPOT_ANGLES": (
        E, "outerConeAngle ({1}) must be greater than innerConeAngle ({0})."),
    "KHR_MATERIALS_ANISOTROPY_ANISOTROPY_TEXTURE_TEXCOORD": (
        W, "Normal and anisotropy textures should use the same texture coordinates."),
    "KHR_MATERIALS_CLEARCOAT_CLEARCOAT_NORMAL_TEXTURE_TEXCOORD": (
        W, "Normal and clearcoat normal textures should use the same texture coordinates."),
    "KHR_MATERIALS_DISPERSION_NO_VOLUME": (W, "Dispersion needs KHR_materials_volume."),
    "KHR_MATERIALS_EMISSIVE_STRENGTH_ZERO_FACTOR": (
        W, "Emissive strength has no effect with a zero emissive factor."),
    "KHR_MATERIALS_VOLUME_NO_TRANSMISSION": (
        W, "Volume needs an extension that lets light through the surface."),
    "KHR_MATERIALS_VOLUME_DOUBLE_SIDED": (W, "Volume should not be used double-sided."),
    "ANIMATION_CHANNEL_TARGET_NODE_SKIN": (W, "TRS animation does not affect a skinned mesh."),
    # Links between objects
    "UNRESOLVED_REFERENCE": (E, "Unresolved reference: {0}."),
    "UNDECLARED_EXTENSION": (E, "Extension is not declared in extensionsUsed."),
    "UNEXPECTED_EXTENSION_OBJECT": (E, "This extension is not allowed on this object."),
    "UNSUPPORTED_EXTENSION": (INFO, "Extension {0} is not validated."),
    "UNSUPPORTED_REQUIRED_EXTENSION": (
        W, "Extension {0} is required but not validated; viewers without it cannot load this."),
    "INCOMPLETE_EXTENSION_SUPPORT": (INFO, "Validation of this extension is incomplete."),
    "ACCESSOR_TOTAL_OFFSET_ALIGNMENT": (
        E, "Total byte offset {0} is not a multiple of the component size {1}."),
    "ACCESSOR_SMALL_BYTESTRIDE": (E, "byteStride {0} is smaller than the element size {1}."),
    "ACCESSOR_TOO_LONG": (E, "Data (offset {0}, length {1}) overruns bufferView {2} ({3})."),
    "ACCESSOR_USAGE_OVERRIDE": (E, "Accessor used as {1} after {0}."),
    "BUFFER_VIEW_TOO_LONG": (E, "The buffer view does not fit buffer {0} ({1} bytes)."),
    "BUFFER_VIEW_TARGET_OVERRIDE": (E, "Buffer view used as {1} after {0}."),
    "BUFFER_VIEW_TARGET_MISSING": (H, "bufferView.target should be set for vertex or index data."),
    "BUFFER_MISSING_GLB_DATA": (E, "The buffer refers to a missing GLB BIN chunk."),
    "IMAGE_BUFFER_VIEW_WITH_BYTESTRIDE": (E, "Image buffer views must not have byteStride."),
    "INVALID_IBM_ACCESSOR_COUNT": (E, "Inverse bind matrices need {0} elements, found {1}."),
    "SKIN_IBM_INVALID_FORMAT": (E, "Invalid inverse bind matrices format {0}."),
    "SKIN_IBM_ACCESSOR_WITH_BYTESTRIDE": (E, "Inverse bind matrices must not use byteStride."),
    "MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_INVALID_FORMAT": (
        E, "Accessor format {0} is not valid for this attribute."),
    "MESH_PRIMITIVE_ATTRIBUTES_ACCESSOR_UNSIGNED_INT": (
        E, "Attributes cannot use the UNSIGNED_INT component type."),
    "MESH_PRIMITIVE_POSITION_ACCESSOR_WITHOUT_BOUNDS": (E, "POSITION accessors need min and max."),
    "MESH_PRIMITIVE_ACCESSOR_WITHOUT_BYTESTRIDE": (
        E, "byteStride is needed when several accessors share a buffer view."),
    "MESH_PRIMITIVE_ACCESSOR_UNALIGNED": (E, "Vertex attribute data must be aligned to 4 bytes."),
    "MESH_PRIMITIVE_INDICES_ACCESSOR_WITH_BYTESTRIDE": (E, "Index data must not use byteStride."),
    "MESH_PRIMITIVE_INDICES_ACCESSOR_INVALID_FORMAT": (E, "Invalid indices accessor format {0}."),
    "MESH_PRIMITIVE_INCOMPATIBLE_MODE": (W, "Count {0} does not suit the drawing mode {1}."),
    "MESH_PRIMITIVE_TOO_FEW_TEXCOORDS": (E, "Texture {0} needs attribute TEXCOORD_{1}."),
    "MESH_PRIMITIVE_NO_TANGENT_SPACE": (
        E, "The material needs tangents that the primitive neither has nor can generate."),
    "MESH_PRIMITIVE_GENERATED_TANGENT_SPACE": (
        W, "The material needs tangents the primitive lacks; generated ones may differ."),
    "MESH_PRIMITIVE_UNEQUAL_ACCESSOR_COUNT": (E, "All attribute accessors need the same count."),
    "MESH_PRIMITIVE_MORPH_TARGET_NO_BASE_ACCESSOR": (E, "The primitive lacks this attribute."),
    "MESH_PRIMITIVE_MORPH_TARGET_INVALID_ATTRIBUTE_COUNT": (E, "The base accessor count differs."),
    "NODE_LOOP": (E, "The node is part of a loop."),
    "NODE_PARENT_OVERRIDE": (E, "Node {0} already has a parent."),
    "NODE_WEIGHTS_INVALID": (E, "{0} weights for {1} morph targets."),
    "NODE_SKIN_WITH_NON_SKINNED_MESH": (E, "The node has a skin but its mesh has no joints."),
    "NODE_SKINNED_MESH_WITHOUT_SKIN": (W, "The node uses a skinned mesh without a skin."),
    "SCENE_NON_ROOT_NODE": (E, "Node {0} is not a root node."),
    "TEXTURE_INVALID_IMAGE_MIME_TYPE": (E, "Image type {0} is not allowed for this texture."),
    "KHR_MATERIALS_VARIANTS_NON_UNIQUE_VARIANT": (E, "This variant is mapped more than once."),
    "ANIMATION_DUPLICATE_TARGETS": (E, "Channel {0} has the same target."),
    "ANIMATION_CHANNEL_TARGET_NODE_MATRIX": (E, "TRS cannot be animated on a node with a matrix."),
    "ANIMATION_CHANNEL_TARGET_NODE_WEIGHTS_NO_MORPHS": (
        E, "WEIGHTS cannot be animated on a mesh without morph targets."),
    "ANIMATION_SAMPLER_INPUT_ACCESSOR_WITHOUT_BOUNDS": (E, "Animation input needs min and max."),
    "ANIMATION_SAMPLER_INPUT_ACCESSOR_INVALID_FORMAT": (E, "Invalid animation input format {0}."),
    "ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_FORMAT": (
        E, "Invalid animation output format {0} for path {1}."),
    "ANIMATION_SAMPLER_INPUT_ACCESSOR_TOO_FEW_ELEMENTS": (
        E, "{0} interpolation needs at least {1} input elements, found {2}."),
    "ANIMATION_SAMPLER_OUTPUT_ACCESSOR_INVALID_COUNT": (
        E, "Animation output needs {0} elements, found {1}."),
    "ANIMATION_SAMPLER_ACCESSOR_WITH_BYTESTRIDE": (E, "Animation data must not use byteStride."),
    # Resources and data
    "BUFFER_BYTE_LENGTH_MISMATCH": (E, "The buffer has {0} bytes, less than byteLength {1}."),
    "BUFFER_GLB_CHUNK_TOO_BIG": (W, "The BIN chunk has {0} extra padding bytes."),
    "URI_GLB": (INFO, "A URI is used in a GLB container."),
    "DATA_URI_GLB": (W, "A data URI is used in a GLB container."),
    "ACCESSOR_MIN_MISMATCH": (E, "Declared minimum {0} differs from the actual minimum {1}."),
    "ACCESSOR_MAX_MISMATCH": (E, "Declared maximum {0} differs from the actual maximum {1}."),
    "ACCESSOR_ELEMENT_OUT_OF_MIN_BOUND": (E, "{0} elements are below the declared minimum {1}."),
    "ACCESSOR_ELEMENT_OUT_OF_MAX_BOUND": (E, "{0} elements are above the declared maximum {1}."),
    "ACCESSOR_INVALID_FLOAT": (E, "{0} values are NaN or infinite, the first at element {1}."),
    "ACCESSOR_VECTOR3_NON_UNIT": (E, "{0} vectors are not of unit length, the first at {1}."),
    "ACCESSOR_INVALID_SIGN": (E, "{0} tangents have a w other than 1 or -1, the first at {1}."),
    "ACCESSOR_NON_CLAMPED": (E, "{0} values lie outside 0..1, the first at {1}."),
    "ACCESSOR_ANIMATION_SAMPLER_OUTPUT_NON_NORMALIZED_QUATERNION": (
        E, "{0} quaternions are not normalized, the first at {1}."),
    "ACCESSOR_ANIMATION_INPUT_NEGATIVE": (E, "{0} animation times are negative, the first at {1}."),
    "ACCESSOR_ANIMATION_INPUT_NON_INCREASING": (
        E, "Animation times do not strictly increase, first at element {0}."),
    "ACCESSOR_INDEX_OOB": (E, "{0} indices exceed the last vertex {1}, the first at {2}."),
    "ACCESSOR_INDEX_PRIMITIVE_RESTART": (E, "{0} indices use the restart value, the first at {1}."),
    "ACCESSOR_INDEX_TRIANGLE_DEGENERATE": (INFO, "{0} of {1} triangles are degenerate."),
    "ACCESSOR_SPARSE_INDICES_NON_INCREASING": (
        E, "Sparse indices do not strictly increase, first at element {0}."),
    "ACCESSOR_SPARSE_INDEX_OOB": (E, "{0} sparse indices exceed the accessor count {1}."),
    "ACCESSOR_INVALID_IBM": (E, "{0} inverse bind matrices have an invalid last row."),
    "ACCESSOR_JOINTS_INDEX_OOB": (E, "{0} joint indices exceed the last joint {1} of skin {2}."),
    "ACCESSOR_JOINTS_INDEX_DUPLICATE": (E, "{0} vertices use the same joint more than once."),
    "ACCESSOR_WEIGHTS_NEGATIVE": (E, "{0} weights are negative."),
    "ACCESSOR_WEIGHTS_NON_NORMALIZED": (E, "{0} vertices have weights that do not sum to 1."),
    "ACCESSOR_JOINTS_USED_ZERO_WEIGHT": (W, "{0} non-zero joints have zero weight."),
    "IMAGE_DATA_INVALID": (E, "Image data is invalid: {0}"),
    "IMAGE_MIME_TYPE_INVALID": (E, "The image is {0} but declared as {1}."),
    "IMAGE_UNEXPECTED_EOS": (E, "The image data ends early."),
    "IMAGE_UNRECOGNIZED_FORMAT": (W, "Image format not recognized."),
    "IMAGE_NON_ENABLED_MIME_TYPE": (E, "Image type {0} needs an extension."),
    "IMAGE_NPOT_DIMENSIONS": (INFO, "Image dimensions {0}x{1} are not powers of two."),
    "IMAGE_FEATURES_UNSUPPORTED": (
        W, "The image uses colour profiles, non-square pixels or animation."),
    # Geometry checks of our own (any input format)
    "GEOMETRY_DEGENERATE_TRIANGLES": (INFO, "{0} of {1} triangles have zero area."),
    "GEOMETRY_NON_MANIFOLD_EDGES": (W, "{0} edges are shared by more than two triangles."),
    "GEOMETRY_INCONSISTENT_WINDING": (
        W, "{0} edges join triangles of opposite winding."),
    "GEOMETRY_MISSING_NORMALS": (W, "The mesh has no normals; viewers will compute their own."),
    "GEOMETRY_MISSING_TEXCOORDS": (W, "The mesh has no texture coordinates."),
}
