/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date with time (isoformat) */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
  /** A 53-bit signed integer (byte sizes, counts that outgrow Int). */
  Long: { input: number; output: number; }
  /** Represents a file upload. */
  Upload: { input: File; output: File; }
};

export type AlphaMode =
  | 'BLEND'
  | 'MASK'
  | 'OPAQUE';

export type ApiTokenCreateInput = {
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  name?: Scalars['String']['input'];
  owner: Scalars['String']['input'];
  scopes: Array<Scope>;
};

/** What to convert an asset to. */
export type AssetConvertInput = {
  format: OutputFormat;
  optimize?: InputMaybe<OptimizeInput>;
};

export type AssetFilter = {
  nameContains?: InputMaybe<Scalars['String']['input']>;
  sourceFormat?: InputMaybe<Array<Scalars['String']['input']>>;
  status?: InputMaybe<Array<AssetStatus>>;
  /** Assets with all these */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type AssetStatus =
  | 'FAILED'
  | 'PENDING_UPLOAD'
  | 'PROCESSING'
  | 'READY'
  | 'UPLOADED';

/** A file to PUT directly to storage, then complete. */
export type AssetUploadCreateInput = {
  /** A new asset even for bytes you uploaded before. */
  copy?: Scalars['Boolean']['input'];
  filename: Scalars['String']['input'];
  name?: InputMaybe<Scalars['String']['input']>;
  /** Hex SHA-256 of the bytes: checked on completion, and lets identical bytes you uploaded before be reused without uploading them again. */
  sha256?: InputMaybe<Scalars['String']['input']>;
  /** The exact size the PUT will have. */
  sizeBytes: Scalars['Long']['input'];
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type CameraType =
  | 'ORTHOGRAPHIC'
  | 'PERSPECTIVE';

export type ErrorCode =
  | 'ARCHIVE_REJECTED'
  | 'CANCELLED'
  | 'CONFLICT'
  | 'CONVERSION_FAILED'
  | 'CORRUPT_FILE'
  | 'EMPTY_FILE'
  | 'FORBIDDEN'
  | 'INTERNAL'
  | 'INVALID_GLTF'
  | 'INVALID_INPUT'
  | 'INVALID_STATE'
  | 'LIMIT_EXCEEDED'
  | 'MISSING_RESOURCE'
  | 'NOT_FOUND'
  | 'NO_GEOMETRY'
  | 'QUERY_TOO_COMPLEX'
  | 'QUOTA_EXCEEDED'
  | 'RATE_LIMITED'
  | 'RENDER_FAILED'
  | 'RESOURCE_EXHAUSTED'
  | 'SERVICE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'UNSAFE_REFERENCE'
  | 'UNSUPPORTED_FORMAT'
  | 'UNSUPPORTED_OPTION';

export type FileRole =
  | 'CONVERTED'
  | 'GLB'
  | 'ORIGINAL'
  | 'RENDER'
  | 'THUMBNAIL';

export type JobFilter = {
  assetId?: InputMaybe<Scalars['ID']['input']>;
  kind?: InputMaybe<Array<JobKind>>;
  status?: InputMaybe<Array<JobStatus>>;
};

export type JobKind =
  | 'CONVERT'
  | 'INGEST'
  | 'RENDER';

export type JobStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type LightType =
  | 'DIRECTIONAL'
  | 'POINT'
  | 'SPOT';

/** A camera at `position` looking at `target`; angles in degrees. */
export type LookAtCameraInput = {
  /** Vertical field of view, in degrees */
  fovY?: Scalars['Float']['input'];
  position: Array<Scalars['Float']['input']>;
  target: Array<Scalars['Float']['input']>;
  up?: Array<Scalars['Float']['input']>;
};

/** How COMPRESS stores meshes. */
export type MeshCompression =
  | 'DRACO'
  | 'MESHOPT';

/** A mesh of a READY asset's normalised GLB. */
export type MeshReferenceInput = {
  assetId: Scalars['ID']['input'];
  meshIndex?: Scalars['Int']['input'];
};

/** One optimisation preset; settings of other presets stay unset. */
export type OptimizeInput = {
  /** COMPRESS: MESHOPT (EXT_meshopt_compression, the default) or DRACO (KHR_draco_mesh_compression) */
  compression?: InputMaybe<MeshCompression>;
  /** TEXTURES: the longest side of any image, in pixels */
  maxTextureSize?: InputMaybe<Scalars['Int']['input']>;
  preset?: OptimizePreset;
  /** COMPRESS: quantise vertex data (default true; DRACO always quantises) */
  quantize?: InputMaybe<Scalars['Boolean']['input']>;
  /** SIMPLIFY: the fraction of triangles to keep, in (0, 1) */
  ratio?: InputMaybe<Scalars['Float']['input']>;
  /** SIMPLIFY: how many triangles to keep */
  targetTriangles?: InputMaybe<Scalars['Int']['input']>;
  /** TEXTURES: re-encode every image as this */
  textureFormat?: InputMaybe<TextureFormat>;
};

/** NONE; WELD merges duplicate vertices and drops degenerate and unused data; SIMPLIFY keeps ratio or targetTriangles of the triangles, UV seams and borders; COMPRESS writes glTF mesh compression; TEXTURES resizes and re-encodes images. */
export type OptimizePreset =
  | 'COMPRESS'
  | 'NONE'
  | 'SIMPLIFY'
  | 'TEXTURES'
  | 'WELD';

/** A camera circling the model's centre; angles in degrees. Yaw 0 looks from the front (+Z), positive yaw swings towards +X, positive pitch looks down from above. */
export type OrbitCameraInput = {
  /** From the centre; null frames the whole model */
  distance?: InputMaybe<Scalars['Float']['input']>;
  /** Vertical field of view, in degrees */
  fovY?: Scalars['Float']['input'];
  pitch: Scalars['Float']['input'];
  yaw: Scalars['Float']['input'];
};

/** GLB; GLTF (a zip of .gltf, .bin and textures); OBJ (a zip with MTL and textures); STL (binary); PLY (binary, with vertex colours when present); USDZ. */
export type OutputFormat =
  | 'GLB'
  | 'GLTF'
  | 'OBJ'
  | 'PLY'
  | 'STL'
  | 'USDZ';

/** Exactly one way to place the camera. */
export type RenderCameraInput =
  { lookAt: LookAtCameraInput; orbit?: never; sceneCamera?: never; }
  |  { lookAt?: never; orbit: OrbitCameraInput; sceneCamera?: never; }
  |  /** Name of a camera of the glTF */
  { lookAt?: never; orbit?: never; sceneCamera: Scalars['String']['input']; };

/** Encoding of rendered images. */
export type RenderImageFormat =
  | 'JPEG'
  | 'PNG'
  | 'WEBP';

/** What to render (assetId or sceneId) and how. */
export type RenderSubmitInput = {
  /** A READY asset; give this or sceneId */
  assetId?: InputMaybe<Scalars['ID']['input']>;
  /** sRGB red, green, blue, alpha in 0..1; null is transparent (PNG, WEBP); left out: [0.92, 0.92, 0.92, 1.0] */
  background?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Null frames the whole model from the front right */
  camera?: InputMaybe<RenderCameraInput>;
  format?: RenderImageFormat;
  height?: Scalars['Int']['input'];
  /** 1..100, for JPEG and WEBP */
  quality?: Scalars['Int']['input'];
  /** MSAA samples per pixel */
  samples?: Scalars['Int']['input'];
  sceneId?: InputMaybe<Scalars['ID']['input']>;
  /** Render a turn around the model instead of one image */
  turntable?: InputMaybe<TurntableInput>;
  width?: Scalars['Int']['input'];
};

/** A camera, placed at nodeId when given. Angles in radians. */
export type SceneCameraInput = {
  aspectRatio?: InputMaybe<Scalars['Float']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  type?: InputMaybe<CameraType>;
  xmag?: InputMaybe<Scalars['Float']['input']>;
  yfov?: InputMaybe<Scalars['Float']['input']>;
  ymag?: InputMaybe<Scalars['Float']['input']>;
  zfar?: InputMaybe<Scalars['Float']['input']>;
  znear?: InputMaybe<Scalars['Float']['input']>;
};

export type SceneChangeKind =
  | 'CAMERA_ADDED'
  | 'LIGHT_ADDED'
  | 'MATERIAL_ADDED'
  | 'MATERIAL_EDITED'
  | 'MATERIAL_SET'
  | 'MESH_ATTACHED'
  | 'MESH_DETACHED'
  | 'NODE_ADDED'
  | 'NODE_REMOVED'
  | 'NODE_RENAMED'
  | 'NODE_REPARENTED'
  | 'SCENE_RENAMED'
  | 'TRANSFORM_SET';

export type SceneCreateInput = {
  name: Scalars['String']['input'];
  /** Applied to the empty scene, in order */
  operations?: Array<SceneOperationInput>;
};

/** A light, placed at nodeId when given. Angles in radians. */
export type SceneLightInput = {
  color?: InputMaybe<Array<Scalars['Float']['input']>>;
  id?: InputMaybe<Scalars['ID']['input']>;
  innerConeAngle?: InputMaybe<Scalars['Float']['input']>;
  intensity?: InputMaybe<Scalars['Float']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  outerConeAngle?: InputMaybe<Scalars['Float']['input']>;
  range?: InputMaybe<Scalars['Float']['input']>;
  type?: InputMaybe<LightType>;
};

/** Change the given fields of a material. */
export type SceneMaterialEditInput = {
  materialId: Scalars['ID']['input'];
  set: SceneMaterialInput;
};

/** Material fields; those left out keep their value (on a new material, glTF's default). A null texture removes it. */
export type SceneMaterialInput = {
  alphaCutoff?: InputMaybe<Scalars['Float']['input']>;
  alphaMode?: InputMaybe<AlphaMode>;
  baseColorFactor?: InputMaybe<Array<Scalars['Float']['input']>>;
  baseColorTexture?: InputMaybe<TextureReferenceInput>;
  doubleSided?: InputMaybe<Scalars['Boolean']['input']>;
  emissiveFactor?: InputMaybe<Array<Scalars['Float']['input']>>;
  emissiveTexture?: InputMaybe<TextureReferenceInput>;
  id?: InputMaybe<Scalars['ID']['input']>;
  metallicFactor?: InputMaybe<Scalars['Float']['input']>;
  metallicRoughnessTexture?: InputMaybe<TextureReferenceInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  normalTexture?: InputMaybe<TextureReferenceInput>;
  occlusionTexture?: InputMaybe<TextureReferenceInput>;
  roughnessFactor?: InputMaybe<Scalars['Float']['input']>;
};

/** Draw every primitive of the node's mesh with a material (null: with each primitive's own). */
export type SceneMaterialSetInput = {
  materialId?: InputMaybe<Scalars['ID']['input']>;
  nodeId: Scalars['ID']['input'];
};

/** Draw an asset's mesh at a node, with materialId or the mesh's own materials (brought into the scene). */
export type SceneMeshAttachInput = {
  materialId?: InputMaybe<Scalars['ID']['input']>;
  mesh: MeshReferenceInput;
  nodeId: Scalars['ID']['input'];
};

/** Stop drawing a mesh at a node. */
export type SceneMeshDetachInput = {
  nodeId: Scalars['ID']['input'];
};

/** A new node. Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix (16 numbers, column-major) instead of those. `id` is yours to choose (so later operations can name it) or the scene's. */
export type SceneNodeAddInput = {
  cameraId?: InputMaybe<Scalars['ID']['input']>;
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Among siblings; null: last */
  index?: InputMaybe<Scalars['Int']['input']>;
  lightId?: InputMaybe<Scalars['ID']['input']>;
  materialId?: InputMaybe<Scalars['ID']['input']>;
  matrix?: InputMaybe<Array<Scalars['Float']['input']>>;
  mesh?: InputMaybe<MeshReferenceInput>;
  name?: Scalars['String']['input'];
  /** Null: top */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  rotation?: InputMaybe<Array<Scalars['Float']['input']>>;
  scale?: InputMaybe<Array<Scalars['Float']['input']>>;
  translation?: InputMaybe<Array<Scalars['Float']['input']>>;
};

/** Remove a node and everything under it. */
export type SceneNodeRemoveInput = {
  nodeId: Scalars['ID']['input'];
};

export type SceneNodeRenameInput = {
  name: Scalars['String']['input'];
  nodeId: Scalars['ID']['input'];
};

/** Move a node under parentId (null: top level) at index (null: last); a node cannot move under itself or its descendants. */
export type SceneNodeReparentInput = {
  index?: InputMaybe<Scalars['Int']['input']>;
  nodeId: Scalars['ID']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** Exactly one edit. */
export type SceneOperationInput =
  { addCamera: SceneCameraInput; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight: SceneLightInput; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial: SceneMaterialInput; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode: SceneNodeAddInput; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh: SceneMeshAttachInput; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh: SceneMeshDetachInput; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial: SceneMaterialEditInput; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode: SceneNodeRemoveInput; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode: SceneNodeRenameInput; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode: SceneNodeReparentInput; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial: SceneMaterialSetInput; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform: SceneTransformSetInput; };

/** Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix (16 numbers, column-major) instead of those. Sets the parts given; a matrix replaces all. */
export type SceneTransformSetInput = {
  matrix?: InputMaybe<Array<Scalars['Float']['input']>>;
  nodeId: Scalars['ID']['input'];
  rotation?: InputMaybe<Array<Scalars['Float']['input']>>;
  scale?: InputMaybe<Array<Scalars['Float']['input']>>;
  translation?: InputMaybe<Array<Scalars['Float']['input']>>;
};

export type SceneUpdateInput = {
  /** Renames the scene */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Applied in order, all or nothing */
  operations?: Array<SceneOperationInput>;
};

export type Scope =
  | 'ADMIN'
  | 'ASSETS_READ'
  | 'ASSETS_WRITE'
  | 'JOBS_READ'
  | 'JOBS_WRITE'
  | 'SCENES_READ'
  | 'SCENES_WRITE';

/** Image encoding of TEXTURES output. */
export type TextureFormat =
  | 'JPEG'
  | 'KTX2'
  | 'PNG'
  | 'WEBP';

/** A texture of a READY asset's normalised GLB. */
export type TextureReferenceInput = {
  assetId: Scalars['ID']['input'];
  /** Normal scale, occlusion strength */
  scale?: Scalars['Float']['input'];
  texCoord?: Scalars['Int']['input'];
  textureIndex: Scalars['Int']['input'];
};

/** Frames evenly spaced around the model, starting at the orbit camera's yaw (or the front). */
export type TurntableInput = {
  frames: Scalars['Int']['input'];
  /** Degrees; null keeps the orbit camera's, or 20 */
  pitch?: InputMaybe<Scalars['Float']['input']>;
};

/** A webhook to register. */
export type WebhookCreateInput = {
  /** The events to deliver; each needs the read scope of its domain. */
  events: Array<WebhookEvent>;
  /** 16 to 256 characters; each body is signed with it (X-Atelier-Signature: sha256=<hex HMAC-SHA256>). Never shown again. */
  secret: Scalars['String']['input'];
  /** An http(s) URL; private, loopback, link-local and multicast addresses are refused. */
  url: Scalars['String']['input'];
};

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** Every attempt failed; no more are made. */
  | 'FAILED'
  /** Waiting for its first attempt or, after a failure, a retry. */
  | 'PENDING'
  /** The endpoint answered 2xx. */
  | 'SUCCEEDED';

/** What a webhook is told about; a delivered body's `event` holds the dotted name shown with each value. */
export type WebhookEvent =
  /** `asset.failed`: an asset's ingest ended FAILED. */
  | 'ASSET_FAILED'
  /** `asset.ready`: an asset (or a new version) became READY. */
  | 'ASSET_READY'
  /** `job.failed`: a job ended FAILED (not when cancelled). */
  | 'JOB_FAILED'
  /** `job.succeeded`: a job ended SUCCEEDED. */
  | 'JOB_SUCCEEDED'
  /** `scene.changed`: a scene was created or updated; one delivery per version. */
  | 'SCENE_CHANGED';

export type AlphaMode =
  | 'BLEND'
  | 'MASK'
  | 'OPAQUE';

/** What to convert an asset to. */
export type AssetConvertInput = {
  format: OutputFormat;
  optimize?: OptimizeInput | null | undefined;
};

export type AssetFilter = {
  nameContains?: string | null | undefined;
  sourceFormat?: Array<string> | null | undefined;
  status?: Array<AssetStatus> | null | undefined;
  /** Assets with all these */
  tags?: Array<string> | null | undefined;
};

export type AssetStatus =
  | 'FAILED'
  | 'PENDING_UPLOAD'
  | 'PROCESSING'
  | 'READY'
  | 'UPLOADED';

export type CameraType =
  | 'ORTHOGRAPHIC'
  | 'PERSPECTIVE';

export type ErrorCode =
  | 'ARCHIVE_REJECTED'
  | 'CANCELLED'
  | 'CONFLICT'
  | 'CONVERSION_FAILED'
  | 'CORRUPT_FILE'
  | 'EMPTY_FILE'
  | 'FORBIDDEN'
  | 'INTERNAL'
  | 'INVALID_GLTF'
  | 'INVALID_INPUT'
  | 'INVALID_STATE'
  | 'LIMIT_EXCEEDED'
  | 'MISSING_RESOURCE'
  | 'NOT_FOUND'
  | 'NO_GEOMETRY'
  | 'QUERY_TOO_COMPLEX'
  | 'QUOTA_EXCEEDED'
  | 'RATE_LIMITED'
  | 'RENDER_FAILED'
  | 'RESOURCE_EXHAUSTED'
  | 'SERVICE_UNAVAILABLE'
  | 'TIMEOUT'
  | 'TOO_LARGE'
  | 'UNAUTHENTICATED'
  | 'UNSAFE_REFERENCE'
  | 'UNSUPPORTED_FORMAT'
  | 'UNSUPPORTED_OPTION';

export type FileRole =
  | 'CONVERTED'
  | 'GLB'
  | 'ORIGINAL'
  | 'RENDER'
  | 'THUMBNAIL';

export type JobKind =
  | 'CONVERT'
  | 'INGEST'
  | 'RENDER';

export type JobStatus =
  | 'CANCELLED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type LightType =
  | 'DIRECTIONAL'
  | 'POINT'
  | 'SPOT';

/** A camera at `position` looking at `target`; angles in degrees. */
export type LookAtCameraInput = {
  /** Vertical field of view, in degrees */
  fovY?: number;
  position: Array<number>;
  target: Array<number>;
  up?: Array<number>;
};

/** How COMPRESS stores meshes. */
export type MeshCompression =
  | 'DRACO'
  | 'MESHOPT';

/** A mesh of a READY asset's normalised GLB. */
export type MeshReferenceInput = {
  assetId: string;
  meshIndex?: number;
};

/** One optimisation preset; settings of other presets stay unset. */
export type OptimizeInput = {
  /** COMPRESS: MESHOPT (EXT_meshopt_compression, the default) or DRACO (KHR_draco_mesh_compression) */
  compression?: MeshCompression | null | undefined;
  /** TEXTURES: the longest side of any image, in pixels */
  maxTextureSize?: number | null | undefined;
  preset?: OptimizePreset;
  /** COMPRESS: quantise vertex data (default true; DRACO always quantises) */
  quantize?: boolean | null | undefined;
  /** SIMPLIFY: the fraction of triangles to keep, in (0, 1) */
  ratio?: number | null | undefined;
  /** SIMPLIFY: how many triangles to keep */
  targetTriangles?: number | null | undefined;
  /** TEXTURES: re-encode every image as this */
  textureFormat?: TextureFormat | null | undefined;
};

/** NONE; WELD merges duplicate vertices and drops degenerate and unused data; SIMPLIFY keeps ratio or targetTriangles of the triangles, UV seams and borders; COMPRESS writes glTF mesh compression; TEXTURES resizes and re-encodes images. */
export type OptimizePreset =
  | 'COMPRESS'
  | 'NONE'
  | 'SIMPLIFY'
  | 'TEXTURES'
  | 'WELD';

/** A camera circling the model's centre; angles in degrees. Yaw 0 looks from the front (+Z), positive yaw swings towards +X, positive pitch looks down from above. */
export type OrbitCameraInput = {
  /** From the centre; null frames the whole model */
  distance?: number | null | undefined;
  /** Vertical field of view, in degrees */
  fovY?: number;
  pitch: number;
  yaw: number;
};

/** GLB; GLTF (a zip of .gltf, .bin and textures); OBJ (a zip with MTL and textures); STL (binary); PLY (binary, with vertex colours when present); USDZ. */
export type OutputFormat =
  | 'GLB'
  | 'GLTF'
  | 'OBJ'
  | 'PLY'
  | 'STL'
  | 'USDZ';

/** Exactly one way to place the camera. */
export type RenderCameraInput =
  {   lookAt: LookAtCameraInput; orbit?: never; sceneCamera?: never; }
  |  { lookAt?: never;   orbit: OrbitCameraInput; sceneCamera?: never; }
  |  { lookAt?: never; orbit?: never;   /** Name of a camera of the glTF */
  sceneCamera: string; };

/** Encoding of rendered images. */
export type RenderImageFormat =
  | 'JPEG'
  | 'PNG'
  | 'WEBP';

/** What to render (assetId or sceneId) and how. */
export type RenderSubmitInput = {
  /** A READY asset; give this or sceneId */
  assetId?: string | null | undefined;
  /** sRGB red, green, blue, alpha in 0..1; null is transparent (PNG, WEBP); left out: [0.92, 0.92, 0.92, 1.0] */
  background?: Array<number> | null | undefined;
  /** Null frames the whole model from the front right */
  camera?: RenderCameraInput | null | undefined;
  format?: RenderImageFormat;
  height?: number;
  /** 1..100, for JPEG and WEBP */
  quality?: number;
  /** MSAA samples per pixel */
  samples?: number;
  sceneId?: string | null | undefined;
  /** Render a turn around the model instead of one image */
  turntable?: TurntableInput | null | undefined;
  width?: number;
};

/** A camera, placed at nodeId when given. Angles in radians. */
export type SceneCameraInput = {
  aspectRatio?: number | null | undefined;
  id?: string | null | undefined;
  name?: string | null | undefined;
  nodeId?: string | null | undefined;
  type?: CameraType | null | undefined;
  xmag?: number | null | undefined;
  yfov?: number | null | undefined;
  ymag?: number | null | undefined;
  zfar?: number | null | undefined;
  znear?: number | null | undefined;
};

export type SceneChangeKind =
  | 'CAMERA_ADDED'
  | 'LIGHT_ADDED'
  | 'MATERIAL_ADDED'
  | 'MATERIAL_EDITED'
  | 'MATERIAL_SET'
  | 'MESH_ATTACHED'
  | 'MESH_DETACHED'
  | 'NODE_ADDED'
  | 'NODE_REMOVED'
  | 'NODE_RENAMED'
  | 'NODE_REPARENTED'
  | 'SCENE_RENAMED'
  | 'TRANSFORM_SET';

/** A light, placed at nodeId when given. Angles in radians. */
export type SceneLightInput = {
  color?: Array<number> | null | undefined;
  id?: string | null | undefined;
  innerConeAngle?: number | null | undefined;
  intensity?: number | null | undefined;
  name?: string | null | undefined;
  nodeId?: string | null | undefined;
  outerConeAngle?: number | null | undefined;
  range?: number | null | undefined;
  type?: LightType | null | undefined;
};

/** Change the given fields of a material. */
export type SceneMaterialEditInput = {
  materialId: string;
  set: SceneMaterialInput;
};

/** Material fields; those left out keep their value (on a new material, glTF's default). A null texture removes it. */
export type SceneMaterialInput = {
  alphaCutoff?: number | null | undefined;
  alphaMode?: AlphaMode | null | undefined;
  baseColorFactor?: Array<number> | null | undefined;
  baseColorTexture?: TextureReferenceInput | null | undefined;
  doubleSided?: boolean | null | undefined;
  emissiveFactor?: Array<number> | null | undefined;
  emissiveTexture?: TextureReferenceInput | null | undefined;
  id?: string | null | undefined;
  metallicFactor?: number | null | undefined;
  metallicRoughnessTexture?: TextureReferenceInput | null | undefined;
  name?: string | null | undefined;
  normalTexture?: TextureReferenceInput | null | undefined;
  occlusionTexture?: TextureReferenceInput | null | undefined;
  roughnessFactor?: number | null | undefined;
};

/** Draw every primitive of the node's mesh with a material (null: with each primitive's own). */
export type SceneMaterialSetInput = {
  materialId?: string | null | undefined;
  nodeId: string;
};

/** Draw an asset's mesh at a node, with materialId or the mesh's own materials (brought into the scene). */
export type SceneMeshAttachInput = {
  materialId?: string | null | undefined;
  mesh: MeshReferenceInput;
  nodeId: string;
};

/** Stop drawing a mesh at a node. */
export type SceneMeshDetachInput = {
  nodeId: string;
};

/** A new node. Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix (16 numbers, column-major) instead of those. `id` is yours to choose (so later operations can name it) or the scene's. */
export type SceneNodeAddInput = {
  cameraId?: string | null | undefined;
  id?: string | null | undefined;
  /** Among siblings; null: last */
  index?: number | null | undefined;
  lightId?: string | null | undefined;
  materialId?: string | null | undefined;
  matrix?: Array<number> | null | undefined;
  mesh?: MeshReferenceInput | null | undefined;
  name?: string;
  /** Null: top */
  parentId?: string | null | undefined;
  rotation?: Array<number> | null | undefined;
  scale?: Array<number> | null | undefined;
  translation?: Array<number> | null | undefined;
};

/** Remove a node and everything under it. */
export type SceneNodeRemoveInput = {
  nodeId: string;
};

export type SceneNodeRenameInput = {
  name: string;
  nodeId: string;
};

/** Move a node under parentId (null: top level) at index (null: last); a node cannot move under itself or its descendants. */
export type SceneNodeReparentInput = {
  index?: number | null | undefined;
  nodeId: string;
  parentId?: string | null | undefined;
};

/** Exactly one edit. */
export type SceneOperationInput =
  {   addCamera: SceneCameraInput; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never;   addLight: SceneLightInput; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never;   addMaterial: SceneMaterialInput; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never;   addNode: SceneNodeAddInput; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never;   attachMesh: SceneMeshAttachInput; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never;   detachMesh: SceneMeshDetachInput; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never;   editMaterial: SceneMaterialEditInput; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never;   removeNode: SceneNodeRemoveInput; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never;   renameNode: SceneNodeRenameInput; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never;   reparentNode: SceneNodeReparentInput; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never;   setMaterial: SceneMaterialSetInput; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never;   setTransform: SceneTransformSetInput; };

/** Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix (16 numbers, column-major) instead of those. Sets the parts given; a matrix replaces all. */
export type SceneTransformSetInput = {
  matrix?: Array<number> | null | undefined;
  nodeId: string;
  rotation?: Array<number> | null | undefined;
  scale?: Array<number> | null | undefined;
  translation?: Array<number> | null | undefined;
};

export type SceneUpdateInput = {
  /** Renames the scene */
  name?: string | null | undefined;
  /** Applied in order, all or nothing */
  operations?: Array<SceneOperationInput>;
};

/** Image encoding of TEXTURES output. */
export type TextureFormat =
  | 'JPEG'
  | 'KTX2'
  | 'PNG'
  | 'WEBP';

/** A texture of a READY asset's normalised GLB. */
export type TextureReferenceInput = {
  assetId: string;
  /** Normal scale, occlusion strength */
  scale?: number;
  texCoord?: number;
  textureIndex: number;
};

/** Frames evenly spaced around the model, starting at the orbit camera's yaw (or the front). */
export type TurntableInput = {
  frames: number;
  /** Degrees; null keeps the orbit camera's, or 20 */
  pitch?: number | null | undefined;
};

export type DemoAssetsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: AssetFilter | null | undefined;
}>;


export type DemoAssetsQuery = { assets: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null } }> } };

export type DemoAssetQueryVariables = Exact<{
  id: string;
}>;


export type DemoAssetQuery = { asset: { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null } | null };

export type DemoAssetUploadMutationVariables = Exact<{
  file: File;
  name?: string | null | undefined;
  tags?: Array<string> | string | null | undefined;
}>;


export type DemoAssetUploadMutation = { assetUpload: { asset: { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null } | null, job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoAssetDeleteMutationVariables = Exact<{
  id: string;
}>;


export type DemoAssetDeleteMutation = { assetDelete: { deletedId: string | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoAssetConvertMutationVariables = Exact<{
  assetId: string;
  input: AssetConvertInput;
}>;


export type DemoAssetConvertMutation = { assetConvert: { job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoAssetReadySubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DemoAssetReadySubscription = { assetReady: { asset: { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null } } };

export type UserErrorFieldsFragment = { field: Array<string> | null, message: string, code: ErrorCode };

export type JobFieldsFragment = { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null };

export type AssetFieldsFragment = { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null };

export type SceneNodeFieldsFragment = { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null };

export type SceneFieldsFragment = { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode }> };

export type DemoActiveJobsQueryVariables = Exact<{
  first: number;
}>;


export type DemoActiveJobsQuery = { jobs: { edges: Array<{ node: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } }> } };

export type DemoJobCancelMutationVariables = Exact<{
  id: string;
}>;


export type DemoJobCancelMutation = { jobCancel: { job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoJobProgressSubscriptionVariables = Exact<{
  jobId: string;
  afterSequence?: number | null | undefined;
}>;


export type DemoJobProgressSubscription = { jobProgress: { sequence: number, job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } } };

export type DemoRenderSubmitMutationVariables = Exact<{
  input: RenderSubmitInput;
}>;


export type DemoRenderSubmitMutation = { renderSubmit: { job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoAssetSceneQueryVariables = Exact<{
  id: string;
}>;


export type DemoAssetSceneQuery = { asset: { id: string, scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode }> } | null } | null };

export type DemoSceneCreateFromAssetMutationVariables = Exact<{
  assetId: string;
}>;


export type DemoSceneCreateFromAssetMutation = { sceneCreateFromAsset: { scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoSceneUpdateMutationVariables = Exact<{
  id: string;
  input: SceneUpdateInput;
  expectedVersion?: number | null | undefined;
}>;


export type DemoSceneUpdateMutation = { sceneUpdate: { scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoSceneChangedSubscriptionVariables = Exact<{
  sceneId: string;
  afterVersion?: number | null | undefined;
}>;


export type DemoSceneChangedSubscription = { sceneChanged: { version: number, changes: Array<{ kind: SceneChangeKind, targetId: string | null }>, scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode }> } } };

export type DemoSceneQueryVariables = Exact<{
  id: string;
}>;


export type DemoSceneQuery = { scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode }> } | null };

export type DemoScenesQueryVariables = Exact<{
  first: number;
}>;


export type DemoScenesQuery = { scenes: { edges: Array<{ node: { id: string, name: string, version: number } }> } };

export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const JobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<JobFieldsFragment, unknown>;
export const AssetFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AssetFieldsFragment, unknown>;
export const SceneNodeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}}]} as unknown as DocumentNode<SceneNodeFieldsFragment, unknown>;
export const SceneFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}}]} as unknown as DocumentNode<SceneFieldsFragment, unknown>;
export const DemoAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DemoAssetsQuery, DemoAssetsQueryVariables>;
export const DemoAssetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAsset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DemoAssetQuery, DemoAssetQueryVariables>;
export const DemoAssetUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tags"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"tags"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tags"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoAssetUploadMutation, DemoAssetUploadMutationVariables>;
export const DemoAssetDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoAssetDeleteMutation, DemoAssetDeleteMutationVariables>;
export const DemoAssetConvertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetConvert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetConvertInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetConvert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoAssetConvertMutation, DemoAssetConvertMutationVariables>;
export const DemoAssetReadyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DemoAssetReady"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetReady"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DemoAssetReadySubscription, DemoAssetReadySubscriptionVariables>;
export const DemoActiveJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoActiveJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"QUEUED"},{"kind":"EnumValue","value":"RUNNING"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DemoActiveJobsQuery, DemoActiveJobsQueryVariables>;
export const DemoJobCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoJobCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoJobCancelMutation, DemoJobCancelMutationVariables>;
export const DemoJobProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DemoJobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DemoJobProgressSubscription, DemoJobProgressSubscriptionVariables>;
export const DemoRenderSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoRenderSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RenderSubmitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renderSubmit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoRenderSubmitMutation, DemoRenderSubmitMutationVariables>;
export const DemoAssetSceneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAssetScene"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}}]}}]}}]} as unknown as DocumentNode<DemoAssetSceneQuery, DemoAssetSceneQueryVariables>;
export const DemoSceneCreateFromAssetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoSceneCreateFromAsset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneCreateFromAsset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoSceneCreateFromAssetMutation, DemoSceneCreateFromAssetMutationVariables>;
export const DemoSceneUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoSceneUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SceneUpdateInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoSceneUpdateMutation, DemoSceneUpdateMutationVariables>;
export const DemoSceneChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DemoSceneChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sceneId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sceneId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sceneId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}}]}}]}}]} as unknown as DocumentNode<DemoSceneChangedSubscription, DemoSceneChangedSubscriptionVariables>;
export const DemoSceneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoScene"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}}]}}]}}]} as unknown as DocumentNode<DemoSceneQuery, DemoSceneQueryVariables>;
export const DemoScenesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoScenes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoScenesQuery, DemoScenesQueryVariables>;