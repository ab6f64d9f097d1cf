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

/** How a material's alpha is used (glTF alphaMode). */
export type AlphaMode =
  /** Blended over what is behind by its alpha. */
  | 'BLEND'
  /** Drawn where alpha is at least alphaCutoff, not at all elsewhere. */
  | 'MASK'
  /** Alpha is ignored: the surface is fully opaque. */
  | 'OPAQUE';

/** A token to make for an owner. */
export type ApiTokenCreateInput = {
  /** When it stops working; null: never */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** A label, to tell tokens apart */
  name?: Scalars['String']['input'];
  /** Any string naming the owner; tokens of one owner share its objects. */
  owner: Scalars['String']['input'];
  /** What it may do. */
  scopes: Array<Scope>;
};

/** What to convert an asset to. */
export type AssetConvertInput = {
  /** The file to write */
  format: OutputFormat;
  /** An optimisation on the way; null: NONE */
  optimize?: InputMaybe<OptimizeInput>;
};

/** Which assets to list; every field given must match. */
export type AssetFilter = {
  /** Assets created at or after this time */
  createdAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Assets created before this time */
  createdBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** true: READY assets with at least one animation; false: READY assets with none */
  hasAnimations?: InputMaybe<Scalars['Boolean']['input']>;
  /** Assets under any of these SPDX licence expressions (any case, as CC-BY-4.0) */
  license?: InputMaybe<Array<Scalars['String']['input']>>;
  /** READY assets with at most this many triangles */
  maxTriangles?: InputMaybe<Scalars['Long']['input']>;
  /** READY assets with at least this many triangles */
  minTriangles?: InputMaybe<Scalars['Long']['input']>;
  /** Assets whose name contains this text, in any case */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Assets detected as any of these formats (as GLB, STL) */
  sourceFormat?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Assets in any of these states */
  status?: InputMaybe<Array<AssetStatus>>;
  /** Assets with all these */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Assets with at least one of these tags */
  tagsAny?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Assets last changed at or after this time */
  updatedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Assets last changed before this time */
  updatedBefore?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A bucket prefix for the workers to import model by model. */
export type AssetImportFromStorageInput = {
  /** An S3 bucket the operator opened for imports (ATELIER_IMPORT_BUCKETS); never the server's own storage bucket. */
  bucket: Scalars['String']['input'];
  /** Import the objects whose keys start with this; empty: the whole bucket. */
  prefix?: Scalars['String']['input'];
  /** Labels put on every asset imported. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A model for the server to fetch and ingest like an upload. */
export type AssetImportInput = {
  /** Display name; null: the URL's file name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The project to put it in (EDITOR or OWNER there); null: the viewer's personal one. */
  projectId?: InputMaybe<Scalars['ID']['input']>;
  /** Labels for filtering. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /** An https URL; redirects are followed (at most ATELIER_IMPORT_MAX_REDIRECTS), each one checked again. */
  url: Scalars['String']['input'];
};

/** A licence: give spdxId or text, not both. */
export type AssetLicenseInput = {
  /** Whom to credit, at most ATELIER_MAX_ASSET_DESCRIPTION_LENGTH characters. */
  attribution?: InputMaybe<Scalars['String']['input']>;
  /** An SPDX licence expression (CC0-1.0, CC-BY-4.0, LicenseRef-…), any case; INVALID_INPUT for a licence SPDX does not list. */
  spdxId?: InputMaybe<Scalars['String']['input']>;
  /** A custom licence's text, at most ATELIER_MAX_ASSET_DESCRIPTION_LENGTH characters. */
  text?: InputMaybe<Scalars['String']['input']>;
};

/** How to sort the assets list; ties fall back on the id, so every order has stable cursors. Cursors are only valid with the order (and search) that made them. */
export type AssetOrder = {
  /** Which way; DESC by default. */
  direction?: OrderDirection;
  /** What to sort by. */
  field: AssetOrderField;
};

/** What the assets list is sorted by. */
export type AssetOrderField =
  /** When each was created (the default without a search). */
  | 'CREATED'
  /** Its name, in any case. */
  | 'NAME'
  /** How well it matches `search` (the default with one): query words found in its name count double those in its description and tags. Needs `search`. */
  | 'RELEVANCE'
  /** The upload's size in bytes. */
  | 'SIZE'
  /** Its triangle count; assets not READY have none and sort below every count. */
  | 'TRIANGLES'
  /** When each last changed. */
  | 'UPDATED';

/** Where an asset is on its way from upload to a usable model. */
export type AssetStatus =
  /** Ingest refused the file; see `error`. */
  | 'FAILED'
  /** Made by assetUploadCreate; waiting for the PUT and assetUploadComplete. */
  | 'PENDING_UPLOAD'
  /** Ingest is running. */
  | 'PROCESSING'
  /** Ingested: the normalised GLB, stats, validation report and thumbnail are there. */
  | 'READY'
  /** The bytes are stored and the ingest job is queued. */
  | 'UPLOADED';

/** What assetUpdate changes: a field left out is kept; null clears it (an empty description, no licence, empty metadata, no tags). */
export type AssetUpdateInput = {
  /** Free text shown with the asset and searched by `assets(search:)`, at most ATELIER_MAX_ASSET_DESCRIPTION_LENGTH characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The terms the asset may be used under. */
  license?: InputMaybe<AssetLicenseInput>;
  /** Your own keys, as a JSON object that replaces the one kept: at most ATELIER_MAX_METADATA_BYTES as compact JSON (LIMIT_EXCEEDED past it), nested at most ATELIER_MAX_METADATA_DEPTH deep; keys may not be empty, start with '$' or hold '.'. */
  metadata?: InputMaybe<Scalars['JSON']['input']>;
  /** The display name, at most ATELIER_MAX_ASSET_NAME_LENGTH characters; null or blank gives back the file's name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Labels that replace the asset's own, for filtering and search. */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A file to PUT directly to storage, then complete. */
export type AssetUploadCreateInput = {
  /** An asset you may edit: the file becomes its next version once completed with assetUploadComplete(assetId: this id); name, tags and copy are then ignored. */
  assetId?: InputMaybe<Scalars['ID']['input']>;
  /** A new asset even for bytes you uploaded before. */
  copy?: Scalars['Boolean']['input'];
  /** The file's name; its extension (.glb, .stl, .zip...) helps format detection. */
  filename: Scalars['String']['input'];
  /** The asset's display name; null: the filename */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Hex SHA-256 of the bytes: checked on completion, and lets identical bytes you uploaded before be reused without uploading them again. */
  sha256?: InputMaybe<Scalars['String']['input']>;
  /** The exact size the PUT will have. */
  sizeBytes: Scalars['Long']['input'];
  /** Labels for filtering */
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Which audit events to list; every field given must match. */
export type AuditEventFilter = {
  /** Events of any of these actions */
  action?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Events on this object */
  objectId?: InputMaybe<Scalars['ID']['input']>;
  /** Events with any of these outcomes */
  outcome?: InputMaybe<Array<AuditOutcome>>;
  /** Events of this owner */
  owner?: InputMaybe<Scalars['String']['input']>;
  /** Events on this project's assets, scenes, versions, jobs and members; a project's OWNER may ask for these without an ADMIN token */
  projectId?: InputMaybe<Scalars['ID']['input']>;
};

/** How the audited action ended. */
export type AuditOutcome =
  /** An unexpected failure. */
  | 'ERROR'
  /** An expected failure: the payload's errors, or a refusal. */
  | 'FAILED'
  /** It did what was asked. */
  | 'SUCCEEDED';

/** A camera's projection. */
export type CameraType =
  /** Orthographic, by xmag and ymag. */
  | 'ORTHOGRAPHIC'
  /** Perspective, by yfov (and aspectRatio). */
  | 'PERSPECTIVE';

/** Why something failed: in a payload's `errors`, in a GraphQL error's `extensions.code`, or as an asset's or job's `error.code`. */
export type ErrorCode =
  /** A zip refused as a bomb, a zip-slip path, encrypted, or too many files. */
  | 'ARCHIVE_REJECTED'
  /** Cancelled by jobCancel before it finished. */
  | 'CANCELLED'
  /** The object changed meanwhile: expectedVersion is not the current version. */
  | 'CONFLICT'
  /** The conversion could not write the output format. */
  | 'CONVERSION_FAILED'
  /** The file claims a format but its contents are broken or truncated. */
  | 'CORRUPT_FILE'
  /** The upload has no bytes. */
  | 'EMPTY_FILE'
  /** The token lacks the scope this needs, or the viewer's project role does not allow it (a VIEWER's write): the message says which; nothing was changed. */
  | 'FORBIDDEN'
  /** An unexpected server fault; it was logged, and the message says nothing more. */
  | 'INTERNAL'
  /** A glTF that breaks the glTF 2.0 specification in a way ingest cannot repair. */
  | 'INVALID_GLTF'
  /** An argument or input field is malformed or out of range; `field` names it. */
  | 'INVALID_INPUT'
  /** The object is not in a state that allows this (a job already finished, an asset not READY). */
  | 'INVALID_STATE'
  /** The change would leave a project without an OWNER: make another member an OWNER first. */
  | 'LAST_OWNER'
  /** A count limit was passed (nodes in a scene, triangles, files in a batch). */
  | 'LIMIT_EXCEEDED'
  /** A buffer, image or material file the model names is not in the upload. */
  | 'MISSING_RESOURCE'
  /** Nothing with that id exists that the viewer may see. */
  | 'NOT_FOUND'
  /** The file is well formed but holds no triangles to show. */
  | 'NO_GEOMETRY'
  /** The operation is too deep, costs too much or has too many aliases or tokens; it was not run. */
  | 'QUERY_TOO_COMPLEX'
  /** The owner already holds as many of these as a quota allows. */
  | 'QUOTA_EXCEEDED'
  /** Too many requests or too much query cost in a minute; retry after the Retry-After header's seconds. */
  | 'RATE_LIMITED'
  /** The renderer could not draw the model or scene. */
  | 'RENDER_FAILED'
  /** The job's work ran out of its memory, CPU or file limits. */
  | 'RESOURCE_EXHAUSTED'
  /** A store the server needs (database, Redis, storage) is not answering; nothing was changed, retry later. */
  | 'SERVICE_UNAVAILABLE'
  /** The job's work ran past its time limit and was stopped. */
  | 'TIMEOUT'
  /** The upload, document or request is bigger than the server's limit allows. */
  | 'TOO_LARGE'
  /** No valid, unexpired, unrevoked bearer token was given. */
  | 'UNAUTHENTICATED'
  /** The file names a URI outside the upload (a path escaping it, a remote URL). */
  | 'UNSAFE_REFERENCE'
  /** The bytes are not a 3D format the server reads. */
  | 'UNSUPPORTED_FORMAT'
  /** The format or preset asked for cannot be applied to this input. */
  | 'UNSUPPORTED_OPTION';

/** What a stored file is to the asset or job that holds it. */
export type FileRole =
  /** A conversion job's output. */
  | 'CONVERTED'
  /** The normalised, validated binary glTF that ingest made of the upload. */
  | 'GLB'
  /** The bytes as uploaded. */
  | 'ORIGINAL'
  /** A render job's image (or frame). */
  | 'RENDER'
  /** A small preview image. */
  | 'THUMBNAIL';

/** Which jobs to list; every field given must match. */
export type JobFilter = {
  /** Jobs on this asset */
  assetId?: InputMaybe<Scalars['ID']['input']>;
  /** Jobs of any of these kinds */
  kind?: InputMaybe<Array<JobKind>>;
  /** Jobs in any of these states */
  status?: InputMaybe<Array<JobStatus>>;
};

/** What a job does. */
export type JobKind =
  /** assetConvert: writes another format. */
  | 'CONVERT'
  /** assetImportFromStorage: lists a bucket prefix and makes an asset, with its own INGEST job, of each model there. */
  | 'IMPORT'
  /** Turns an upload into a READY asset: detection, validation, GLB, stats, thumbnail. */
  | 'INGEST'
  /** renderSubmit: draws images. */
  | 'RENDER';

/** Which waiting work a job goes ahead of. */
export type JobPriority =
  /** A storage import: handed to a worker after its owner's other waiting jobs, so the ingests it queued go first. */
  | 'BULK'
  /** A render of one image: handed to a worker before its owner's other waiting jobs, and ahead of other owners' waiting work. */
  | 'INTERACTIVE'
  /** Ingests, conversions and turntables: waits its turn among its owner's jobs. */
  | 'STANDARD';

/** Where a job is; SUCCEEDED, FAILED and CANCELLED are final. */
export type JobStatus =
  /** Stopped by jobCancel. */
  | 'CANCELLED'
  /** Ended with an error; see `error`. */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** A worker is doing it. */
  | 'RUNNING'
  /** Done; `outputs` holds its files. */
  | 'SUCCEEDED';

/** A KHR_lights_punctual light's kind. */
export type LightType =
  /** Parallel rays along the node's -Z, like the sun; intensity in lux. */
  | 'DIRECTIONAL'
  /** From the node's origin in every direction; intensity in candela. */
  | 'POINT'
  /** From the node's origin in a cone along its -Z; intensity in candela. */
  | 'SPOT';

/** A camera at `position` looking at `target`; angles in degrees. */
export type LookAtCameraInput = {
  /** Vertical field of view, in degrees */
  fovY?: Scalars['Float']['input'];
  /** Where the camera is: x, y, z */
  position: Array<Scalars['Float']['input']>;
  /** The point it looks at: x, y, z */
  target: Array<Scalars['Float']['input']>;
  /** Which way is up in the image: x, y, z */
  up?: Array<Scalars['Float']['input']>;
};

/** How COMPRESS stores meshes. */
export type MeshCompression =
  /** KHR_draco_mesh_compression: the smallest geometry, slower to decode. */
  | 'DRACO'
  /** EXT_meshopt_compression: fast to decode, compresses well with gzip. */
  | 'MESHOPT';

/** A mesh of a READY asset's normalised GLB. */
export type MeshReferenceInput = {
  /** A READY asset of the viewer's */
  assetId: Scalars['ID']['input'];
  /** A READY version of the asset to pin (NOT_FOUND when it has none, INVALID_STATE when not READY); null: the latest, following the asset's current version */
  assetVersion?: InputMaybe<Scalars['Int']['input']>;
  /** The mesh's index in its GLB */
  meshIndex?: Scalars['Int']['input'];
};

/** One optimisation preset; settings of other presets stay unset. */
export type OptimizeInput = {
  /** COMPRESS: MESHOPT (EXT_meshopt_compression, the default) or DRACO (KHR_draco_mesh_compression) */
  compression?: InputMaybe<MeshCompression>;
  /** LOD: the fraction of the source's triangles each level keeps, each in (0, 1) and strictly decreasing (default [0.5, 0.25, 0.125]; at most ATELIER_LOD_MAX_LEVELS levels) */
  lodRatios?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** SIMPLIFY: instead of a count, remove triangles while the surface stays within this fraction of the mesh's extent, in (0, 1] */
  maxError?: InputMaybe<Scalars['Float']['input']>;
  /** TEXTURES: the longest side of any image, in pixels */
  maxTextureSize?: InputMaybe<Scalars['Int']['input']>;
  /** COMPRESS: the largest distance, in model units, a quantised position may move (default: what 14 bits over the model's extent give); positions get the fewest bits within it. The job's message reports the error reached */
  positionError?: InputMaybe<Scalars['Float']['input']>;
  /** What to do to the model */
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

/** What a conversion does to the model on the way; each preset has its own settings in OptimizeInput. */
export type OptimizePreset =
  /** glTF mesh compression (meshopt or Draco), quantised within positionError. */
  | 'COMPRESS'
  /** Levels of detail (lodRatios) in one glTF with MSFT_lod; viewers without it show the source. The job's message gives each level's triangles. */
  | 'LOD'
  /** Nothing: the model as ingest normalised it. */
  | 'NONE'
  /** Fewer triangles (ratio, targetTriangles or maxError), keeping UV seams and borders. */
  | 'SIMPLIFY'
  /** Resize images to maxTextureSize and re-encode them as textureFormat. */
  | 'TEXTURES'
  /** Merge duplicate vertices and drop degenerate triangles and unused data. */
  | 'WELD';

/** A camera circling the model's centre; angles in degrees. Yaw 0 looks from the front (+Z), positive yaw swings towards +X, positive pitch looks down from above. */
export type OrbitCameraInput = {
  /** From the centre; null frames the whole model */
  distance?: InputMaybe<Scalars['Float']['input']>;
  /** Vertical field of view, in degrees */
  fovY?: Scalars['Float']['input'];
  /** Degrees above the horizon */
  pitch: Scalars['Float']['input'];
  /** Degrees around the vertical axis */
  yaw: Scalars['Float']['input'];
};

/** Which way a list is sorted. */
export type OrderDirection =
  /** Smallest, oldest or first in the alphabet first. */
  | 'ASC'
  /** Largest, newest, most relevant or last in the alphabet first. */
  | 'DESC';

/** The file a conversion writes. */
export type OutputFormat =
  /** Binary glTF 2.0, one file. */
  | 'GLB'
  /** glTF 2.0 as a zip of the .gltf, its .bin and textures. */
  | 'GLTF'
  /** Wavefront OBJ as a zip with its MTL and textures. */
  | 'OBJ'
  /** Binary PLY, with vertex colours when present. */
  | 'PLY'
  /** Binary STL: triangles only. */
  | 'STL'
  /** USDZ, as Apple's AR Quick Look opens it. */
  | 'USDZ';

/** A project to make, with the caller as its OWNER. */
export type ProjectCreateInput = {
  /** Its label (ATELIER_MAX_ASSET_NAME_LENGTH at most). */
  name: Scalars['String']['input'];
};

/** What a project member may do with the project's assets (its token's scopes narrow it further). */
export type ProjectRole =
  /** Upload, edit, delete, render and convert, and everything a VIEWER does. */
  | 'EDITOR'
  /** Everything an EDITOR does, and managing the members. */
  | 'OWNER'
  /** Read, subscribe and download; a write answers FORBIDDEN. */
  | 'VIEWER';

/** How much a quality finding matters. */
export type QualitySeverity =
  /** Breaks rendering, printing or editing: the mesh needs repair. */
  | 'ERROR'
  /** Worth knowing; often intended (tiling UVs, unused vertices). */
  | 'INFO'
  /** Likely to look wrong or cost something in some viewers or pipelines. */
  | 'WARNING';

/** The model posed by one of its glTF animations (give index or name): at `time` in every frame, or along `clip`, one frame per step. Nodes move (translation, rotation, scale); skins and morph targets are drawn at rest. */
export type RenderAnimationInput = {
  /** Frames through the animation instead of one time; with MP4, WEBM or ANIMATED_WEBP one file, otherwise one image per frame */
  clip?: InputMaybe<RenderClipInput>;
  /** The animation's position in the glTF's animations, from 0 */
  index?: InputMaybe<Scalars['Int']['input']>;
  /** The animation's name */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Seconds into the animation of every frame (null: 0, or the clip's); within its end */
  time?: InputMaybe<Scalars['Float']['input']>;
};

/** Exactly one way to place the camera. */
export type RenderCameraInput =
  /** A camera at a point looking at another */
  { lookAt: LookAtCameraInput; orbit?: never; sceneCamera?: never; }
  |  /** A camera circling the model's centre */
  { lookAt?: never; orbit: OrbitCameraInput; sceneCamera?: never; }
  |  /** Name of a camera of the glTF */
  { lookAt?: never; orbit?: never; sceneCamera: Scalars['String']['input']; };

/** Frames `1 / fps` seconds apart through an animation, from `start` to `end`, both included when a step lands on them. */
export type RenderClipInput = {
  /** Seconds into the animation of the last frame, at most its end; null: the animation's end */
  end?: InputMaybe<Scalars['Float']['input']>;
  /** Frames per second, drawn and played (viewer.renderLimits.maxFps at most) */
  fps?: Scalars['Float']['input'];
  /** Seconds into the animation of the first frame */
  start?: Scalars['Float']['input'];
};

/** Encoding of rendered images. */
export type RenderImageFormat =
  /** A turntable's or an animation clip's frames as one looping animated WebP (a clip at its fps, a turntable at 24 frames a second), lossy by `quality`, with alpha. */
  | 'ANIMATED_WEBP'
  /** Lossy by `quality`, no alpha. */
  | 'JPEG'
  /** A turntable's or an animation clip's frames as one H.264 video (a clip at its fps, a turntable at 24 frames a second), lossy by `quality`, no alpha; width and height must be even. */
  | 'MP4'
  /** Lossless, with alpha. */
  | 'PNG'
  /** A turntable's or an animation clip's frames as one VP9 video (a clip at its fps, a turntable at 24 frames a second), lossy by `quality`, no alpha. */
  | 'WEBM'
  /** Lossy by `quality`, with alpha; a turntable or a clip gives one file per frame. */
  | 'WEBP';

/** What to render (assetId or sceneId) and how. */
export type RenderSubmitInput = {
  /** Pose the model by one of its animations (assets only: scenes render at rest); null: at rest */
  animation?: InputMaybe<RenderAnimationInput>;
  /** A READY asset; give this or sceneId */
  assetId?: InputMaybe<Scalars['ID']['input']>;
  /** sRGB red, green, blue, alpha in 0..1; null is transparent (PNG, WEBP); left out: [0.92, 0.92, 0.92, 1.0] */
  background?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Null frames the whole model from the front right */
  camera?: InputMaybe<RenderCameraInput>;
  /** How the images are encoded */
  format?: RenderImageFormat;
  /** Image height, in pixels */
  height?: Scalars['Int']['input'];
  /** 1..100, for JPEG, WEBP, MP4, WEBM and ANIMATED_WEBP */
  quality?: Scalars['Int']['input'];
  /** Rasterised, or path traced */
  renderer?: Renderer;
  /** Per pixel: MSAA samples for RASTER (null: 4), paths traced for PATH_TRACED (null: 64) */
  samples?: InputMaybe<Scalars['Int']['input']>;
  /** A scene of the viewer's; give this or assetId */
  sceneId?: InputMaybe<Scalars['ID']['input']>;
  /** Render a turn around the model instead of one image */
  turntable?: InputMaybe<TurntableInput>;
  /** Image width, in pixels */
  width?: Scalars['Int']['input'];
};

/** How an image is drawn. */
export type Renderer =
  /** Mitsuba 3 path tracing on the CPU: shadows and interreflections, the same camera and materials (principled BSDF); slower, traced in passes. */
  | 'PATH_TRACED'
  /** OpenGL rasterisation: fast, direct lighting with an ambient term. */
  | 'RASTER';

/** A camera, placed at nodeId when given. Angles in radians. */
export type SceneCameraInput = {
  /** PERSPECTIVE: width over height; null: the viewport's */
  aspectRatio?: InputMaybe<Scalars['Float']['input']>;
  /** Its id within the scene (null: numbered) */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** A label; may be empty */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The node to carry it (its localId); left out: none yet */
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  /** Its projection (default PERSPECTIVE) */
  type?: InputMaybe<CameraType>;
  /** ORTHOGRAPHIC: half the view's width, in scene units */
  xmag?: InputMaybe<Scalars['Float']['input']>;
  /** PERSPECTIVE: the vertical field of view, in radians */
  yfov?: InputMaybe<Scalars['Float']['input']>;
  /** ORTHOGRAPHIC: half the view's height, in scene units */
  ymag?: InputMaybe<Scalars['Float']['input']>;
  /** The far clipping distance, in scene units; null: infinite (PERSPECTIVE only) */
  zfar?: InputMaybe<Scalars['Float']['input']>;
  /** The near clipping distance, in scene units (default 0.01) */
  znear?: InputMaybe<Scalars['Float']['input']>;
};

/** What one part of a scene update did; targetId names the thing. */
export type SceneChangeKind =
  /** A node's mesh or a material's texture follows its asset as latest, and the asset has a new current version: it draws that one now. */
  | 'ASSET_VERSION_CHANGED'
  /** A camera was added. */
  | 'CAMERA_ADDED'
  /** A light was added. */
  | 'LIGHT_ADDED'
  /** A material was added. */
  | 'MATERIAL_ADDED'
  /** A material's fields changed. */
  | 'MATERIAL_EDITED'
  /** A node's material override was set or cleared. */
  | 'MATERIAL_SET'
  /** A node now draws an asset's mesh. */
  | 'MESH_ATTACHED'
  /** A node no longer draws a mesh. */
  | 'MESH_DETACHED'
  /** A node was added. */
  | 'NODE_ADDED'
  /** A node was removed, with everything under it. */
  | 'NODE_REMOVED'
  /** A node was renamed. */
  | 'NODE_RENAMED'
  /** A node moved under another parent or to another place among its siblings. */
  | 'NODE_REPARENTED'
  /** The scene was renamed. */
  | 'SCENE_RENAMED'
  /** A node's local transform changed. */
  | 'TRANSFORM_SET';

/** A new scene: its name and the operations that build it. */
export type SceneCreateInput = {
  /** Its display name (1 to 200 characters) */
  name: Scalars['String']['input'];
  /** Applied to the empty scene, in order */
  operations?: Array<SceneOperationInput>;
};

/** A light, placed at nodeId when given. Angles in radians. */
export type SceneLightInput = {
  /** Linear red, green, blue, each 0..1 (default white) */
  color?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** Its id within the scene (null: numbered) */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** SPOT: angle from the axis where the fall-off begins, in radians (default 0) */
  innerConeAngle?: InputMaybe<Scalars['Float']['input']>;
  /** Brightness: candela for POINT and SPOT, lux for DIRECTIONAL (default 1) */
  intensity?: InputMaybe<Scalars['Float']['input']>;
  /** A label; may be empty */
  name?: InputMaybe<Scalars['String']['input']>;
  /** The node to carry it (its localId); left out: none yet */
  nodeId?: InputMaybe<Scalars['ID']['input']>;
  /** SPOT: angle from the axis where the light ends, in radians (default pi/4) */
  outerConeAngle?: InputMaybe<Scalars['Float']['input']>;
  /** Distance past which it lights nothing, in scene units; null: unlimited */
  range?: InputMaybe<Scalars['Float']['input']>;
  /** Its kind (default POINT) */
  type?: InputMaybe<LightType>;
};

/** Change the given fields of a material. */
export type SceneMaterialEditInput = {
  /** The material's id in the scene */
  materialId: Scalars['ID']['input'];
  /** The fields to change */
  set: SceneMaterialInput;
};

/** Material fields; those left out keep their value (on a new material, glTF's default). A null texture removes it. */
export type SceneMaterialInput = {
  /** With MASK, the alpha below which nothing is drawn */
  alphaCutoff?: InputMaybe<Scalars['Float']['input']>;
  /** How alpha is used */
  alphaMode?: InputMaybe<AlphaMode>;
  /** Linear red, green, blue, alpha, each 0..1 (multiplies the texture) */
  baseColorFactor?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** The base colour texture (sRGB); null: none */
  baseColorTexture?: InputMaybe<TextureReferenceInput>;
  /** Whether back faces are drawn (and lit) too */
  doubleSided?: InputMaybe<Scalars['Boolean']['input']>;
  /** Linear red, green, blue light emitted, each 0..1 */
  emissiveFactor?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** The emitted colour texture (sRGB); null: none */
  emissiveTexture?: InputMaybe<TextureReferenceInput>;
  /** Its id within the scene (a new material's: null: numbered) */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** 0 (dielectric) to 1 (metal); multiplies the texture's blue channel */
  metallicFactor?: InputMaybe<Scalars['Float']['input']>;
  /** Metalness in blue, roughness in green; null: none */
  metallicRoughnessTexture?: InputMaybe<TextureReferenceInput>;
  /** A label; may be empty */
  name?: InputMaybe<Scalars['String']['input']>;
  /** A tangent-space normal map; null: none */
  normalTexture?: InputMaybe<TextureReferenceInput>;
  /** Ambient occlusion in the red channel; null: none */
  occlusionTexture?: InputMaybe<TextureReferenceInput>;
  /** 0 (smooth) to 1 (rough); multiplies the texture's green channel */
  roughnessFactor?: InputMaybe<Scalars['Float']['input']>;
};

/** Draw every primitive of the node's mesh with a material (null: with each primitive's own). */
export type SceneMaterialSetInput = {
  /** A material of the scene; null: each primitive's own */
  materialId?: InputMaybe<Scalars['ID']['input']>;
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: Scalars['ID']['input'];
};

/** Draw an asset's mesh at a node, with materialId or the mesh's own materials (brought into the scene). */
export type SceneMeshAttachInput = {
  /** A material of the scene for the whole mesh; null: the mesh's own */
  materialId?: InputMaybe<Scalars['ID']['input']>;
  /** The asset's mesh to draw */
  mesh: MeshReferenceInput;
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: Scalars['ID']['input'];
};

/** Stop drawing a mesh at a node. */
export type SceneMeshDetachInput = {
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: Scalars['ID']['input'];
};

/** A new node. Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix (16 numbers, column-major) instead of those. `id` is yours to choose (so later operations can name it) or the scene's. */
export type SceneNodeAddInput = {
  /** A camera of the scene the node carries */
  cameraId?: InputMaybe<Scalars['ID']['input']>;
  /** Its id within the scene (letters, digits, _.:-, up to 64); null: the scene numbers one */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Among siblings; null: last */
  index?: InputMaybe<Scalars['Int']['input']>;
  /** A light of the scene the node carries */
  lightId?: InputMaybe<Scalars['ID']['input']>;
  /** A material of the scene drawn on the whole mesh; null: the mesh's own */
  materialId?: InputMaybe<Scalars['ID']['input']>;
  /** 16 numbers, column-major, instead of translation, rotation and scale */
  matrix?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** An asset's mesh for the node to draw */
  mesh?: InputMaybe<MeshReferenceInput>;
  /** A label */
  name?: Scalars['String']['input'];
  /** Null: top */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Unit quaternion x, y, z, w; null: none */
  rotation?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** x, y, z; null: 1, 1, 1 */
  scale?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** x, y, z from the parent; null: 0, 0, 0 */
  translation?: InputMaybe<Array<Scalars['Float']['input']>>;
};

/** Remove a node and everything under it. */
export type SceneNodeRemoveInput = {
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: Scalars['ID']['input'];
};

/** Rename a node. */
export type SceneNodeRenameInput = {
  /** The new name */
  name: Scalars['String']['input'];
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: Scalars['ID']['input'];
};

/** Move a node under parentId (null: top level) at index (null: last); a node cannot move under itself or its descendants. */
export type SceneNodeReparentInput = {
  /** Its place among the new siblings; null: last */
  index?: InputMaybe<Scalars['Int']['input']>;
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: Scalars['ID']['input'];
  /** The new parent node; null: the top level */
  parentId?: InputMaybe<Scalars['ID']['input']>;
};

/** Exactly one edit. */
export type SceneOperationInput =
  /** Add a camera */
  { addCamera: SceneCameraInput; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  /** Add a light */
  { addCamera?: never; addLight: SceneLightInput; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  /** Add a material */
  { addCamera?: never; addLight?: never; addMaterial: SceneMaterialInput; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  /** Add a node */
  { addCamera?: never; addLight?: never; addMaterial?: never; addNode: SceneNodeAddInput; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  /** Draw an asset's mesh at a node */
  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh: SceneMeshAttachInput; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  /** Stop drawing a node's mesh */
  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh: SceneMeshDetachInput; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  /** Change a material's fields */
  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial: SceneMaterialEditInput; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  /** Remove a node and its subtree */
  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode: SceneNodeRemoveInput; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  /** Rename a node */
  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode: SceneNodeRenameInput; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  /** Move a node */
  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode: SceneNodeReparentInput; setMaterial?: never; setTransform?: never; }
  |  /** Set or clear a node's material */
  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial: SceneMaterialSetInput; setTransform?: never; }
  |  /** Change a node's local transform */
  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform: SceneTransformSetInput; };

/** Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix (16 numbers, column-major) instead of those. Sets the parts given; a matrix replaces all. */
export type SceneTransformSetInput = {
  /** 16 numbers, column-major, replacing the whole transform */
  matrix?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: Scalars['ID']['input'];
  /** Unit quaternion x, y, z, w; null: unchanged */
  rotation?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** x, y, z; null: unchanged */
  scale?: InputMaybe<Array<Scalars['Float']['input']>>;
  /** x, y, z from the parent; null: unchanged */
  translation?: InputMaybe<Array<Scalars['Float']['input']>>;
};

/** An update of a scene, applied all or nothing: a new name, operations, or both. */
export type SceneUpdateInput = {
  /** Renames the scene */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Applied in order, all or nothing */
  operations?: Array<SceneOperationInput>;
};

/** What a token may do; each reads or writes one domain of its owner's objects. */
export type Scope =
  /** Everything, for every owner, and managing tokens. */
  | 'ADMIN'
  /** Read assets, their files and webhooks. */
  | 'ASSETS_READ'
  /** Upload, convert and delete assets; manage webhooks. */
  | 'ASSETS_WRITE'
  /** Read jobs and follow them with jobProgress. */
  | 'JOBS_READ'
  /** Submit renders, cancel jobs. */
  | 'JOBS_WRITE'
  /** Read scenes and their nodes. */
  | 'SCENES_READ'
  /** Create and edit scenes. */
  | 'SCENES_WRITE';

/** Image encoding of TEXTURES output. */
export type TextureFormat =
  /** Lossy, no alpha: an image with transparency becomes PNG instead. */
  | 'JPEG'
  /** Lossless, with alpha. */
  | 'PNG'
  /** EXT_texture_webp: lossy, with alpha. */
  | 'WEBP';

/** A texture of a READY asset's normalised GLB. */
export type TextureReferenceInput = {
  /** A READY asset of the viewer's */
  assetId: Scalars['ID']['input'];
  /** A READY version of the asset to pin (NOT_FOUND when it has none, INVALID_STATE when not READY); null: the latest, following the asset's current version */
  assetVersion?: InputMaybe<Scalars['Int']['input']>;
  /** Normal scale, occlusion strength */
  scale?: Scalars['Float']['input'];
  /** The UV set (TEXCOORD_n) to map it */
  texCoord?: Scalars['Int']['input'];
  /** The texture's index in its GLB */
  textureIndex: Scalars['Int']['input'];
};

/** What a trashed item was. */
export type TrashKind =
  /** An asset; assetRestore brings it back. */
  | 'ASSET'
  /** A scene; sceneRestore brings it back. */
  | 'SCENE';

/** Frames evenly spaced around the model, starting at the orbit camera's yaw (or the front). */
export type TurntableInput = {
  /** How many images, one per equal step of yaw */
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

/** How a material's alpha is used (glTF alphaMode). */
export type AlphaMode =
  /** Blended over what is behind by its alpha. */
  | 'BLEND'
  /** Drawn where alpha is at least alphaCutoff, not at all elsewhere. */
  | 'MASK'
  /** Alpha is ignored: the surface is fully opaque. */
  | 'OPAQUE';

/** What to convert an asset to. */
export type AssetConvertInput = {
  /** The file to write */
  format: OutputFormat;
  /** An optimisation on the way; null: NONE */
  optimize?: OptimizeInput | null | undefined;
};

/** Which assets to list; every field given must match. */
export type AssetFilter = {
  /** Assets created at or after this time */
  createdAfter?: string | null | undefined;
  /** Assets created before this time */
  createdBefore?: string | null | undefined;
  /** true: READY assets with at least one animation; false: READY assets with none */
  hasAnimations?: boolean | null | undefined;
  /** Assets under any of these SPDX licence expressions (any case, as CC-BY-4.0) */
  license?: Array<string> | null | undefined;
  /** READY assets with at most this many triangles */
  maxTriangles?: number | null | undefined;
  /** READY assets with at least this many triangles */
  minTriangles?: number | null | undefined;
  /** Assets whose name contains this text, in any case */
  nameContains?: string | null | undefined;
  /** Assets detected as any of these formats (as GLB, STL) */
  sourceFormat?: Array<string> | null | undefined;
  /** Assets in any of these states */
  status?: Array<AssetStatus> | null | undefined;
  /** Assets with all these */
  tags?: Array<string> | null | undefined;
  /** Assets with at least one of these tags */
  tagsAny?: Array<string> | null | undefined;
  /** Assets last changed at or after this time */
  updatedAfter?: string | null | undefined;
  /** Assets last changed before this time */
  updatedBefore?: string | null | undefined;
};

/** A licence: give spdxId or text, not both. */
export type AssetLicenseInput = {
  /** Whom to credit, at most ATELIER_MAX_ASSET_DESCRIPTION_LENGTH characters. */
  attribution?: string | null | undefined;
  /** An SPDX licence expression (CC0-1.0, CC-BY-4.0, LicenseRef-…), any case; INVALID_INPUT for a licence SPDX does not list. */
  spdxId?: string | null | undefined;
  /** A custom licence's text, at most ATELIER_MAX_ASSET_DESCRIPTION_LENGTH characters. */
  text?: string | null | undefined;
};

/** How to sort the assets list; ties fall back on the id, so every order has stable cursors. Cursors are only valid with the order (and search) that made them. */
export type AssetOrder = {
  /** Which way; DESC by default. */
  direction?: OrderDirection;
  /** What to sort by. */
  field: AssetOrderField;
};

/** What the assets list is sorted by. */
export type AssetOrderField =
  /** When each was created (the default without a search). */
  | 'CREATED'
  /** Its name, in any case. */
  | 'NAME'
  /** How well it matches `search` (the default with one): query words found in its name count double those in its description and tags. Needs `search`. */
  | 'RELEVANCE'
  /** The upload's size in bytes. */
  | 'SIZE'
  /** Its triangle count; assets not READY have none and sort below every count. */
  | 'TRIANGLES'
  /** When each last changed. */
  | 'UPDATED';

/** Where an asset is on its way from upload to a usable model. */
export type AssetStatus =
  /** Ingest refused the file; see `error`. */
  | 'FAILED'
  /** Made by assetUploadCreate; waiting for the PUT and assetUploadComplete. */
  | 'PENDING_UPLOAD'
  /** Ingest is running. */
  | 'PROCESSING'
  /** Ingested: the normalised GLB, stats, validation report and thumbnail are there. */
  | 'READY'
  /** The bytes are stored and the ingest job is queued. */
  | 'UPLOADED';

/** What assetUpdate changes: a field left out is kept; null clears it (an empty description, no licence, empty metadata, no tags). */
export type AssetUpdateInput = {
  /** Free text shown with the asset and searched by `assets(search:)`, at most ATELIER_MAX_ASSET_DESCRIPTION_LENGTH characters. */
  description?: string | null | undefined;
  /** The terms the asset may be used under. */
  license?: AssetLicenseInput | null | undefined;
  /** Your own keys, as a JSON object that replaces the one kept: at most ATELIER_MAX_METADATA_BYTES as compact JSON (LIMIT_EXCEEDED past it), nested at most ATELIER_MAX_METADATA_DEPTH deep; keys may not be empty, start with '$' or hold '.'. */
  metadata?: unknown;
  /** The display name, at most ATELIER_MAX_ASSET_NAME_LENGTH characters; null or blank gives back the file's name. */
  name?: string | null | undefined;
  /** Labels that replace the asset's own, for filtering and search. */
  tags?: Array<string> | null | undefined;
};

/** A camera's projection. */
export type CameraType =
  /** Orthographic, by xmag and ymag. */
  | 'ORTHOGRAPHIC'
  /** Perspective, by yfov (and aspectRatio). */
  | 'PERSPECTIVE';

/** Why something failed: in a payload's `errors`, in a GraphQL error's `extensions.code`, or as an asset's or job's `error.code`. */
export type ErrorCode =
  /** A zip refused as a bomb, a zip-slip path, encrypted, or too many files. */
  | 'ARCHIVE_REJECTED'
  /** Cancelled by jobCancel before it finished. */
  | 'CANCELLED'
  /** The object changed meanwhile: expectedVersion is not the current version. */
  | 'CONFLICT'
  /** The conversion could not write the output format. */
  | 'CONVERSION_FAILED'
  /** The file claims a format but its contents are broken or truncated. */
  | 'CORRUPT_FILE'
  /** The upload has no bytes. */
  | 'EMPTY_FILE'
  /** The token lacks the scope this needs, or the viewer's project role does not allow it (a VIEWER's write): the message says which; nothing was changed. */
  | 'FORBIDDEN'
  /** An unexpected server fault; it was logged, and the message says nothing more. */
  | 'INTERNAL'
  /** A glTF that breaks the glTF 2.0 specification in a way ingest cannot repair. */
  | 'INVALID_GLTF'
  /** An argument or input field is malformed or out of range; `field` names it. */
  | 'INVALID_INPUT'
  /** The object is not in a state that allows this (a job already finished, an asset not READY). */
  | 'INVALID_STATE'
  /** The change would leave a project without an OWNER: make another member an OWNER first. */
  | 'LAST_OWNER'
  /** A count limit was passed (nodes in a scene, triangles, files in a batch). */
  | 'LIMIT_EXCEEDED'
  /** A buffer, image or material file the model names is not in the upload. */
  | 'MISSING_RESOURCE'
  /** Nothing with that id exists that the viewer may see. */
  | 'NOT_FOUND'
  /** The file is well formed but holds no triangles to show. */
  | 'NO_GEOMETRY'
  /** The operation is too deep, costs too much or has too many aliases or tokens; it was not run. */
  | 'QUERY_TOO_COMPLEX'
  /** The owner already holds as many of these as a quota allows. */
  | 'QUOTA_EXCEEDED'
  /** Too many requests or too much query cost in a minute; retry after the Retry-After header's seconds. */
  | 'RATE_LIMITED'
  /** The renderer could not draw the model or scene. */
  | 'RENDER_FAILED'
  /** The job's work ran out of its memory, CPU or file limits. */
  | 'RESOURCE_EXHAUSTED'
  /** A store the server needs (database, Redis, storage) is not answering; nothing was changed, retry later. */
  | 'SERVICE_UNAVAILABLE'
  /** The job's work ran past its time limit and was stopped. */
  | 'TIMEOUT'
  /** The upload, document or request is bigger than the server's limit allows. */
  | 'TOO_LARGE'
  /** No valid, unexpired, unrevoked bearer token was given. */
  | 'UNAUTHENTICATED'
  /** The file names a URI outside the upload (a path escaping it, a remote URL). */
  | 'UNSAFE_REFERENCE'
  /** The bytes are not a 3D format the server reads. */
  | 'UNSUPPORTED_FORMAT'
  /** The format or preset asked for cannot be applied to this input. */
  | 'UNSUPPORTED_OPTION';

/** What a stored file is to the asset or job that holds it. */
export type FileRole =
  /** A conversion job's output. */
  | 'CONVERTED'
  /** The normalised, validated binary glTF that ingest made of the upload. */
  | 'GLB'
  /** The bytes as uploaded. */
  | 'ORIGINAL'
  /** A render job's image (or frame). */
  | 'RENDER'
  /** A small preview image. */
  | 'THUMBNAIL';

/** Which jobs to list; every field given must match. */
export type JobFilter = {
  /** Jobs on this asset */
  assetId?: string | null | undefined;
  /** Jobs of any of these kinds */
  kind?: Array<JobKind> | null | undefined;
  /** Jobs in any of these states */
  status?: Array<JobStatus> | null | undefined;
};

/** What a job does. */
export type JobKind =
  /** assetConvert: writes another format. */
  | 'CONVERT'
  /** assetImportFromStorage: lists a bucket prefix and makes an asset, with its own INGEST job, of each model there. */
  | 'IMPORT'
  /** Turns an upload into a READY asset: detection, validation, GLB, stats, thumbnail. */
  | 'INGEST'
  /** renderSubmit: draws images. */
  | 'RENDER';

/** Where a job is; SUCCEEDED, FAILED and CANCELLED are final. */
export type JobStatus =
  /** Stopped by jobCancel. */
  | 'CANCELLED'
  /** Ended with an error; see `error`. */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** A worker is doing it. */
  | 'RUNNING'
  /** Done; `outputs` holds its files. */
  | 'SUCCEEDED';

/** A KHR_lights_punctual light's kind. */
export type LightType =
  /** Parallel rays along the node's -Z, like the sun; intensity in lux. */
  | 'DIRECTIONAL'
  /** From the node's origin in every direction; intensity in candela. */
  | 'POINT'
  /** From the node's origin in a cone along its -Z; intensity in candela. */
  | 'SPOT';

/** A camera at `position` looking at `target`; angles in degrees. */
export type LookAtCameraInput = {
  /** Vertical field of view, in degrees */
  fovY?: number;
  /** Where the camera is: x, y, z */
  position: Array<number>;
  /** The point it looks at: x, y, z */
  target: Array<number>;
  /** Which way is up in the image: x, y, z */
  up?: Array<number>;
};

/** How COMPRESS stores meshes. */
export type MeshCompression =
  /** KHR_draco_mesh_compression: the smallest geometry, slower to decode. */
  | 'DRACO'
  /** EXT_meshopt_compression: fast to decode, compresses well with gzip. */
  | 'MESHOPT';

/** A mesh of a READY asset's normalised GLB. */
export type MeshReferenceInput = {
  /** A READY asset of the viewer's */
  assetId: string;
  /** A READY version of the asset to pin (NOT_FOUND when it has none, INVALID_STATE when not READY); null: the latest, following the asset's current version */
  assetVersion?: number | null | undefined;
  /** The mesh's index in its GLB */
  meshIndex?: number;
};

/** One optimisation preset; settings of other presets stay unset. */
export type OptimizeInput = {
  /** COMPRESS: MESHOPT (EXT_meshopt_compression, the default) or DRACO (KHR_draco_mesh_compression) */
  compression?: MeshCompression | null | undefined;
  /** LOD: the fraction of the source's triangles each level keeps, each in (0, 1) and strictly decreasing (default [0.5, 0.25, 0.125]; at most ATELIER_LOD_MAX_LEVELS levels) */
  lodRatios?: Array<number> | null | undefined;
  /** SIMPLIFY: instead of a count, remove triangles while the surface stays within this fraction of the mesh's extent, in (0, 1] */
  maxError?: number | null | undefined;
  /** TEXTURES: the longest side of any image, in pixels */
  maxTextureSize?: number | null | undefined;
  /** COMPRESS: the largest distance, in model units, a quantised position may move (default: what 14 bits over the model's extent give); positions get the fewest bits within it. The job's message reports the error reached */
  positionError?: number | null | undefined;
  /** What to do to the model */
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

/** What a conversion does to the model on the way; each preset has its own settings in OptimizeInput. */
export type OptimizePreset =
  /** glTF mesh compression (meshopt or Draco), quantised within positionError. */
  | 'COMPRESS'
  /** Levels of detail (lodRatios) in one glTF with MSFT_lod; viewers without it show the source. The job's message gives each level's triangles. */
  | 'LOD'
  /** Nothing: the model as ingest normalised it. */
  | 'NONE'
  /** Fewer triangles (ratio, targetTriangles or maxError), keeping UV seams and borders. */
  | 'SIMPLIFY'
  /** Resize images to maxTextureSize and re-encode them as textureFormat. */
  | 'TEXTURES'
  /** Merge duplicate vertices and drop degenerate triangles and unused data. */
  | 'WELD';

/** A camera circling the model's centre; angles in degrees. Yaw 0 looks from the front (+Z), positive yaw swings towards +X, positive pitch looks down from above. */
export type OrbitCameraInput = {
  /** From the centre; null frames the whole model */
  distance?: number | null | undefined;
  /** Vertical field of view, in degrees */
  fovY?: number;
  /** Degrees above the horizon */
  pitch: number;
  /** Degrees around the vertical axis */
  yaw: number;
};

/** Which way a list is sorted. */
export type OrderDirection =
  /** Smallest, oldest or first in the alphabet first. */
  | 'ASC'
  /** Largest, newest, most relevant or last in the alphabet first. */
  | 'DESC';

/** The file a conversion writes. */
export type OutputFormat =
  /** Binary glTF 2.0, one file. */
  | 'GLB'
  /** glTF 2.0 as a zip of the .gltf, its .bin and textures. */
  | 'GLTF'
  /** Wavefront OBJ as a zip with its MTL and textures. */
  | 'OBJ'
  /** Binary PLY, with vertex colours when present. */
  | 'PLY'
  /** Binary STL: triangles only. */
  | 'STL'
  /** USDZ, as Apple's AR Quick Look opens it. */
  | 'USDZ';

/** How much a quality finding matters. */
export type QualitySeverity =
  /** Breaks rendering, printing or editing: the mesh needs repair. */
  | 'ERROR'
  /** Worth knowing; often intended (tiling UVs, unused vertices). */
  | 'INFO'
  /** Likely to look wrong or cost something in some viewers or pipelines. */
  | 'WARNING';

/** The model posed by one of its glTF animations (give index or name): at `time` in every frame, or along `clip`, one frame per step. Nodes move (translation, rotation, scale); skins and morph targets are drawn at rest. */
export type RenderAnimationInput = {
  /** Frames through the animation instead of one time; with MP4, WEBM or ANIMATED_WEBP one file, otherwise one image per frame */
  clip?: RenderClipInput | null | undefined;
  /** The animation's position in the glTF's animations, from 0 */
  index?: number | null | undefined;
  /** The animation's name */
  name?: string | null | undefined;
  /** Seconds into the animation of every frame (null: 0, or the clip's); within its end */
  time?: number | null | undefined;
};

/** Exactly one way to place the camera. */
export type RenderCameraInput =
  {   /** A camera at a point looking at another */
  lookAt: LookAtCameraInput; orbit?: never; sceneCamera?: never; }
  |  { lookAt?: never;   /** A camera circling the model's centre */
  orbit: OrbitCameraInput; sceneCamera?: never; }
  |  { lookAt?: never; orbit?: never;   /** Name of a camera of the glTF */
  sceneCamera: string; };

/** Frames `1 / fps` seconds apart through an animation, from `start` to `end`, both included when a step lands on them. */
export type RenderClipInput = {
  /** Seconds into the animation of the last frame, at most its end; null: the animation's end */
  end?: number | null | undefined;
  /** Frames per second, drawn and played (viewer.renderLimits.maxFps at most) */
  fps?: number;
  /** Seconds into the animation of the first frame */
  start?: number;
};

/** Encoding of rendered images. */
export type RenderImageFormat =
  /** A turntable's or an animation clip's frames as one looping animated WebP (a clip at its fps, a turntable at 24 frames a second), lossy by `quality`, with alpha. */
  | 'ANIMATED_WEBP'
  /** Lossy by `quality`, no alpha. */
  | 'JPEG'
  /** A turntable's or an animation clip's frames as one H.264 video (a clip at its fps, a turntable at 24 frames a second), lossy by `quality`, no alpha; width and height must be even. */
  | 'MP4'
  /** Lossless, with alpha. */
  | 'PNG'
  /** A turntable's or an animation clip's frames as one VP9 video (a clip at its fps, a turntable at 24 frames a second), lossy by `quality`, no alpha. */
  | 'WEBM'
  /** Lossy by `quality`, with alpha; a turntable or a clip gives one file per frame. */
  | 'WEBP';

/** What to render (assetId or sceneId) and how. */
export type RenderSubmitInput = {
  /** Pose the model by one of its animations (assets only: scenes render at rest); null: at rest */
  animation?: RenderAnimationInput | null | undefined;
  /** A READY asset; give this or sceneId */
  assetId?: string | null | undefined;
  /** sRGB red, green, blue, alpha in 0..1; null is transparent (PNG, WEBP); left out: [0.92, 0.92, 0.92, 1.0] */
  background?: Array<number> | null | undefined;
  /** Null frames the whole model from the front right */
  camera?: RenderCameraInput | null | undefined;
  /** How the images are encoded */
  format?: RenderImageFormat;
  /** Image height, in pixels */
  height?: number;
  /** 1..100, for JPEG, WEBP, MP4, WEBM and ANIMATED_WEBP */
  quality?: number;
  /** Rasterised, or path traced */
  renderer?: Renderer;
  /** Per pixel: MSAA samples for RASTER (null: 4), paths traced for PATH_TRACED (null: 64) */
  samples?: number | null | undefined;
  /** A scene of the viewer's; give this or assetId */
  sceneId?: string | null | undefined;
  /** Render a turn around the model instead of one image */
  turntable?: TurntableInput | null | undefined;
  /** Image width, in pixels */
  width?: number;
};

/** How an image is drawn. */
export type Renderer =
  /** Mitsuba 3 path tracing on the CPU: shadows and interreflections, the same camera and materials (principled BSDF); slower, traced in passes. */
  | 'PATH_TRACED'
  /** OpenGL rasterisation: fast, direct lighting with an ambient term. */
  | 'RASTER';

/** A camera, placed at nodeId when given. Angles in radians. */
export type SceneCameraInput = {
  /** PERSPECTIVE: width over height; null: the viewport's */
  aspectRatio?: number | null | undefined;
  /** Its id within the scene (null: numbered) */
  id?: string | null | undefined;
  /** A label; may be empty */
  name?: string | null | undefined;
  /** The node to carry it (its localId); left out: none yet */
  nodeId?: string | null | undefined;
  /** Its projection (default PERSPECTIVE) */
  type?: CameraType | null | undefined;
  /** ORTHOGRAPHIC: half the view's width, in scene units */
  xmag?: number | null | undefined;
  /** PERSPECTIVE: the vertical field of view, in radians */
  yfov?: number | null | undefined;
  /** ORTHOGRAPHIC: half the view's height, in scene units */
  ymag?: number | null | undefined;
  /** The far clipping distance, in scene units; null: infinite (PERSPECTIVE only) */
  zfar?: number | null | undefined;
  /** The near clipping distance, in scene units (default 0.01) */
  znear?: number | null | undefined;
};

/** What one part of a scene update did; targetId names the thing. */
export type SceneChangeKind =
  /** A node's mesh or a material's texture follows its asset as latest, and the asset has a new current version: it draws that one now. */
  | 'ASSET_VERSION_CHANGED'
  /** A camera was added. */
  | 'CAMERA_ADDED'
  /** A light was added. */
  | 'LIGHT_ADDED'
  /** A material was added. */
  | 'MATERIAL_ADDED'
  /** A material's fields changed. */
  | 'MATERIAL_EDITED'
  /** A node's material override was set or cleared. */
  | 'MATERIAL_SET'
  /** A node now draws an asset's mesh. */
  | 'MESH_ATTACHED'
  /** A node no longer draws a mesh. */
  | 'MESH_DETACHED'
  /** A node was added. */
  | 'NODE_ADDED'
  /** A node was removed, with everything under it. */
  | 'NODE_REMOVED'
  /** A node was renamed. */
  | 'NODE_RENAMED'
  /** A node moved under another parent or to another place among its siblings. */
  | 'NODE_REPARENTED'
  /** The scene was renamed. */
  | 'SCENE_RENAMED'
  /** A node's local transform changed. */
  | 'TRANSFORM_SET';

/** A light, placed at nodeId when given. Angles in radians. */
export type SceneLightInput = {
  /** Linear red, green, blue, each 0..1 (default white) */
  color?: Array<number> | null | undefined;
  /** Its id within the scene (null: numbered) */
  id?: string | null | undefined;
  /** SPOT: angle from the axis where the fall-off begins, in radians (default 0) */
  innerConeAngle?: number | null | undefined;
  /** Brightness: candela for POINT and SPOT, lux for DIRECTIONAL (default 1) */
  intensity?: number | null | undefined;
  /** A label; may be empty */
  name?: string | null | undefined;
  /** The node to carry it (its localId); left out: none yet */
  nodeId?: string | null | undefined;
  /** SPOT: angle from the axis where the light ends, in radians (default pi/4) */
  outerConeAngle?: number | null | undefined;
  /** Distance past which it lights nothing, in scene units; null: unlimited */
  range?: number | null | undefined;
  /** Its kind (default POINT) */
  type?: LightType | null | undefined;
};

/** Change the given fields of a material. */
export type SceneMaterialEditInput = {
  /** The material's id in the scene */
  materialId: string;
  /** The fields to change */
  set: SceneMaterialInput;
};

/** Material fields; those left out keep their value (on a new material, glTF's default). A null texture removes it. */
export type SceneMaterialInput = {
  /** With MASK, the alpha below which nothing is drawn */
  alphaCutoff?: number | null | undefined;
  /** How alpha is used */
  alphaMode?: AlphaMode | null | undefined;
  /** Linear red, green, blue, alpha, each 0..1 (multiplies the texture) */
  baseColorFactor?: Array<number> | null | undefined;
  /** The base colour texture (sRGB); null: none */
  baseColorTexture?: TextureReferenceInput | null | undefined;
  /** Whether back faces are drawn (and lit) too */
  doubleSided?: boolean | null | undefined;
  /** Linear red, green, blue light emitted, each 0..1 */
  emissiveFactor?: Array<number> | null | undefined;
  /** The emitted colour texture (sRGB); null: none */
  emissiveTexture?: TextureReferenceInput | null | undefined;
  /** Its id within the scene (a new material's: null: numbered) */
  id?: string | null | undefined;
  /** 0 (dielectric) to 1 (metal); multiplies the texture's blue channel */
  metallicFactor?: number | null | undefined;
  /** Metalness in blue, roughness in green; null: none */
  metallicRoughnessTexture?: TextureReferenceInput | null | undefined;
  /** A label; may be empty */
  name?: string | null | undefined;
  /** A tangent-space normal map; null: none */
  normalTexture?: TextureReferenceInput | null | undefined;
  /** Ambient occlusion in the red channel; null: none */
  occlusionTexture?: TextureReferenceInput | null | undefined;
  /** 0 (smooth) to 1 (rough); multiplies the texture's green channel */
  roughnessFactor?: number | null | undefined;
};

/** Draw every primitive of the node's mesh with a material (null: with each primitive's own). */
export type SceneMaterialSetInput = {
  /** A material of the scene; null: each primitive's own */
  materialId?: string | null | undefined;
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: string;
};

/** Draw an asset's mesh at a node, with materialId or the mesh's own materials (brought into the scene). */
export type SceneMeshAttachInput = {
  /** A material of the scene for the whole mesh; null: the mesh's own */
  materialId?: string | null | undefined;
  /** The asset's mesh to draw */
  mesh: MeshReferenceInput;
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: string;
};

/** Stop drawing a mesh at a node. */
export type SceneMeshDetachInput = {
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: string;
};

/** A new node. Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix (16 numbers, column-major) instead of those. `id` is yours to choose (so later operations can name it) or the scene's. */
export type SceneNodeAddInput = {
  /** A camera of the scene the node carries */
  cameraId?: string | null | undefined;
  /** Its id within the scene (letters, digits, _.:-, up to 64); null: the scene numbers one */
  id?: string | null | undefined;
  /** Among siblings; null: last */
  index?: number | null | undefined;
  /** A light of the scene the node carries */
  lightId?: string | null | undefined;
  /** A material of the scene drawn on the whole mesh; null: the mesh's own */
  materialId?: string | null | undefined;
  /** 16 numbers, column-major, instead of translation, rotation and scale */
  matrix?: Array<number> | null | undefined;
  /** An asset's mesh for the node to draw */
  mesh?: MeshReferenceInput | null | undefined;
  /** A label */
  name?: string;
  /** Null: top */
  parentId?: string | null | undefined;
  /** Unit quaternion x, y, z, w; null: none */
  rotation?: Array<number> | null | undefined;
  /** x, y, z; null: 1, 1, 1 */
  scale?: Array<number> | null | undefined;
  /** x, y, z from the parent; null: 0, 0, 0 */
  translation?: Array<number> | null | undefined;
};

/** Remove a node and everything under it. */
export type SceneNodeRemoveInput = {
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: string;
};

/** Rename a node. */
export type SceneNodeRenameInput = {
  /** The new name */
  name: string;
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: string;
};

/** Move a node under parentId (null: top level) at index (null: last); a node cannot move under itself or its descendants. */
export type SceneNodeReparentInput = {
  /** Its place among the new siblings; null: last */
  index?: number | null | undefined;
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: string;
  /** The new parent node; null: the top level */
  parentId?: string | null | undefined;
};

/** Exactly one edit. */
export type SceneOperationInput =
  {   /** Add a camera */
  addCamera: SceneCameraInput; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never;   /** Add a light */
  addLight: SceneLightInput; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never;   /** Add a material */
  addMaterial: SceneMaterialInput; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never;   /** Add a node */
  addNode: SceneNodeAddInput; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never;   /** Draw an asset's mesh at a node */
  attachMesh: SceneMeshAttachInput; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never;   /** Stop drawing a node's mesh */
  detachMesh: SceneMeshDetachInput; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never;   /** Change a material's fields */
  editMaterial: SceneMaterialEditInput; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never;   /** Remove a node and its subtree */
  removeNode: SceneNodeRemoveInput; renameNode?: never; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never;   /** Rename a node */
  renameNode: SceneNodeRenameInput; reparentNode?: never; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never;   /** Move a node */
  reparentNode: SceneNodeReparentInput; setMaterial?: never; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never;   /** Set or clear a node's material */
  setMaterial: SceneMaterialSetInput; setTransform?: never; }
  |  { addCamera?: never; addLight?: never; addMaterial?: never; addNode?: never; attachMesh?: never; detachMesh?: never; editMaterial?: never; removeNode?: never; renameNode?: never; reparentNode?: never; setMaterial?: never;   /** Change a node's local transform */
  setTransform: SceneTransformSetInput; };

/** Translation, rotation (unit quaternion x, y, z, w) and scale, or a matrix (16 numbers, column-major) instead of those. Sets the parts given; a matrix replaces all. */
export type SceneTransformSetInput = {
  /** 16 numbers, column-major, replacing the whole transform */
  matrix?: Array<number> | null | undefined;
  /** The node (its localId, or its global id on sceneUpdate) */
  nodeId: string;
  /** Unit quaternion x, y, z, w; null: unchanged */
  rotation?: Array<number> | null | undefined;
  /** x, y, z; null: unchanged */
  scale?: Array<number> | null | undefined;
  /** x, y, z from the parent; null: unchanged */
  translation?: Array<number> | null | undefined;
};

/** An update of a scene, applied all or nothing: a new name, operations, or both. */
export type SceneUpdateInput = {
  /** Renames the scene */
  name?: string | null | undefined;
  /** Applied in order, all or nothing */
  operations?: Array<SceneOperationInput>;
};

/** What a token may do; each reads or writes one domain of its owner's objects. */
export type Scope =
  /** Everything, for every owner, and managing tokens. */
  | 'ADMIN'
  /** Read assets, their files and webhooks. */
  | 'ASSETS_READ'
  /** Upload, convert and delete assets; manage webhooks. */
  | 'ASSETS_WRITE'
  /** Read jobs and follow them with jobProgress. */
  | 'JOBS_READ'
  /** Submit renders, cancel jobs. */
  | 'JOBS_WRITE'
  /** Read scenes and their nodes. */
  | 'SCENES_READ'
  /** Create and edit scenes. */
  | 'SCENES_WRITE';

/** Image encoding of TEXTURES output. */
export type TextureFormat =
  /** Lossy, no alpha: an image with transparency becomes PNG instead. */
  | 'JPEG'
  /** Lossless, with alpha. */
  | 'PNG'
  /** EXT_texture_webp: lossy, with alpha. */
  | 'WEBP';

/** A texture of a READY asset's normalised GLB. */
export type TextureReferenceInput = {
  /** A READY asset of the viewer's */
  assetId: string;
  /** A READY version of the asset to pin (NOT_FOUND when it has none, INVALID_STATE when not READY); null: the latest, following the asset's current version */
  assetVersion?: number | null | undefined;
  /** Normal scale, occlusion strength */
  scale?: number;
  /** The UV set (TEXCOORD_n) to map it */
  texCoord?: number;
  /** The texture's index in its GLB */
  textureIndex: number;
};

/** What a trashed item was. */
export type TrashKind =
  /** An asset; assetRestore brings it back. */
  | 'ASSET'
  /** A scene; sceneRestore brings it back. */
  | 'SCENE';

/** Frames evenly spaced around the model, starting at the orbit camera's yaw (or the front). */
export type TurntableInput = {
  /** How many images, one per equal step of yaw */
  frames: number;
  /** Degrees; null keeps the orbit camera's, or 20 */
  pitch?: number | null | undefined;
};

export type DemoAssetsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: AssetFilter | null | undefined;
  search?: string | null | undefined;
  orderBy?: AssetOrder | null | undefined;
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


export type DemoAssetUploadMutation = { assetUpload: { asset: { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null } | null, job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoAssetDeleteMutationVariables = Exact<{
  id: string;
}>;


export type DemoAssetDeleteMutation = { assetDelete: { deletedId: string | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoAssetConvertMutationVariables = Exact<{
  assetId: string;
  input: AssetConvertInput;
}>;


export type DemoAssetConvertMutation = { assetConvert: { job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoAssetReadySubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DemoAssetReadySubscription = { assetReady: { asset: { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null } } };

export type DemoAssetQualityQueryVariables = Exact<{
  id: string;
}>;


export type DemoAssetQualityQuery = { asset: { id: string, quality: { watertight: boolean, manifold: boolean, uvOverlapRatio: number | null, items: Array<{ code: string, severity: QualitySeverity, count: number, message: string }> } | null } | null };

export type AssetCatalogFieldsFragment = { id: string, tags: Array<string>, description: string | null, metadata: unknown, license: { spdxId: string | null, text: string | null, attribution: string | null } | null };

export type DemoAssetCatalogQueryVariables = Exact<{
  id: string;
}>;


export type DemoAssetCatalogQuery = { asset: { id: string, tags: Array<string>, description: string | null, metadata: unknown, license: { spdxId: string | null, text: string | null, attribution: string | null } | null } | null };

export type DemoAssetUpdateMutationVariables = Exact<{
  id: string;
  input: AssetUpdateInput;
}>;


export type DemoAssetUpdateMutation = { assetUpdate: { asset: { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, description: string | null, metadata: unknown, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null, license: { spdxId: string | null, text: string | null, attribution: string | null } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type UserErrorFieldsFragment = { field: Array<string> | null, message: string, code: ErrorCode };

export type JobFieldsFragment = { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null };

export type AssetFieldsFragment = { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null };

export type TextureFieldsFragment = { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null };

export type SceneNodeFieldsFragment = { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null };

export type SceneFieldsFragment = { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode, baseColorTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, metallicRoughnessTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, normalTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, occlusionTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, emissiveTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null }> };

export type DemoActiveJobsQueryVariables = Exact<{
  first: number;
}>;


export type DemoActiveJobsQuery = { jobs: { edges: Array<{ node: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } }> } };

export type DemoJobsQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: JobFilter | null | undefined;
}>;


export type DemoJobsQuery = { jobs: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } }> } };

export type DemoJobCancelMutationVariables = Exact<{
  id: string;
}>;


export type DemoJobCancelMutation = { jobCancel: { job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoJobRetryMutationVariables = Exact<{
  id: string;
}>;


export type DemoJobRetryMutation = { jobRetry: { job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoJobProgressSubscriptionVariables = Exact<{
  jobId: string;
  afterSequence?: number | null | undefined;
}>;


export type DemoJobProgressSubscription = { jobProgress: { sequence: number, job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } } };

export type DemoRenderLimitsQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoRenderLimitsQuery = { viewer: { renderLimits: { maxWidth: number, maxHeight: number, maxSamples: number, maxPathSamples: number, maxFrames: number, maxFps: number } } };

export type DemoRenderSubmitMutationVariables = Exact<{
  input: RenderSubmitInput;
}>;


export type DemoRenderSubmitMutation = { renderSubmit: { job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoAssetSceneQueryVariables = Exact<{
  id: string;
}>;


export type DemoAssetSceneQuery = { asset: { id: string, scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode, baseColorTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, metallicRoughnessTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, normalTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, occlusionTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, emissiveTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null }> } | null } | null };

export type DemoSceneCreateFromAssetMutationVariables = Exact<{
  assetId: string;
}>;


export type DemoSceneCreateFromAssetMutation = { sceneCreateFromAsset: { scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode, baseColorTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, metallicRoughnessTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, normalTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, occlusionTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, emissiveTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoSceneUpdateMutationVariables = Exact<{
  id: string;
  input: SceneUpdateInput;
  expectedVersion?: number | null | undefined;
}>;


export type DemoSceneUpdateMutation = { sceneUpdate: { scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode, baseColorTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, metallicRoughnessTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, normalTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, occlusionTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, emissiveTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null }> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoSceneChangedSubscriptionVariables = Exact<{
  sceneId: string;
  afterVersion?: number | null | undefined;
}>;


export type DemoSceneChangedSubscription = { sceneChanged: { version: number, changes: Array<{ kind: SceneChangeKind, targetId: string | null }>, scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode, baseColorTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, metallicRoughnessTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, normalTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, occlusionTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, emissiveTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null }> } } };

export type DemoSceneQueryVariables = Exact<{
  id: string;
}>;


export type DemoSceneQuery = { scene: { id: string, name: string, version: number, nodeCount: number, nodes: { totalCount: number, edges: Array<{ node: { id: string, name: string, translation: Array<number>, rotation: Array<number>, scale: Array<number>, parent: { id: string } | null, mesh: { meshIndex: number, asset: { id: string, name: string, glbUrl: string | null } | null } | null, material: { id: string } | null, camera: { id: string, name: string, type: CameraType } | null, light: { id: string, name: string, type: LightType, color: Array<number>, intensity: number } | null } }> }, materials: Array<{ id: string, name: string, baseColorFactor: Array<number>, metallicFactor: number, roughnessFactor: number, emissiveFactor: Array<number>, alphaMode: AlphaMode, baseColorTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, metallicRoughnessTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, normalTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, occlusionTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null, emissiveTexture: { textureIndex: number, texCoord: number, scale: number, assetVersion: number | null, asset: { id: string, name: string } | null } | null }> } | null };

export type DemoScenesQueryVariables = Exact<{
  first: number;
}>;


export type DemoScenesQuery = { scenes: { edges: Array<{ node: { id: string, name: string, version: number } }> } };

export type DemoTrashQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type DemoTrashQuery = { trash: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node:
        | { id: string, kind: TrashKind, name: string, deletedAt: string, purgeAt: string }
        | { id: string, kind: TrashKind, name: string, deletedAt: string, purgeAt: string }
       }> } };

export type DemoAssetRestoreMutationVariables = Exact<{
  id: string;
}>;


export type DemoAssetRestoreMutation = { assetRestore: { asset: { id: string, name: string } | null, errors: Array<{ code: ErrorCode, message: string, field: Array<string> | null }> } };

export type DemoSceneRestoreMutationVariables = Exact<{
  id: string;
}>;


export type DemoSceneRestoreMutation = { sceneRestore: { scene: { id: string, name: string } | null, errors: Array<{ code: ErrorCode, message: string, field: Array<string> | null }> } };

export type DemoAssetVersionsQueryVariables = Exact<{
  id: string;
}>;


export type DemoAssetVersionsQuery = { asset: { id: string, currentVersion: { id: string, number: number }, versions: { totalCount: number, edges: Array<{ node: { id: string, number: number, status: AssetStatus, createdAt: string, restoredFrom: number | null, stats: { triangleCount: number } | null, error: { code: ErrorCode, message: string } | null } }> } } | null };

export type DemoAssetVersionUploadMutationVariables = Exact<{
  file: File;
  assetId: string;
}>;


export type DemoAssetVersionUploadMutation = { assetUpload: { asset: { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null } | null, job: { id: string, kind: JobKind, status: JobStatus, progress: number, stage: string | null, message: string | null, sequence: number, attempts: number, cancelRequested: boolean, createdAt: string, startedAt: string | null, finishedAt: string | null, error: { code: ErrorCode, message: string } | null, outputs: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, asset: { id: string, name: string } | null, scene: { id: string, name: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoAssetVersionRestoreMutationVariables = Exact<{
  assetId: string;
  number: number;
}>;


export type DemoAssetVersionRestoreMutation = { assetVersionRestore: { asset: { id: string, name: string, filename: string, status: AssetStatus, sourceFormat: string | null, sizeBytes: number, sha256: string | null, tags: Array<string>, createdAt: string, glbUrl: string | null, thumbnailUrl: string | null, error: { code: ErrorCode, message: string } | null, stats: { vertexCount: number, triangleCount: number, meshCount: number, materialCount: number, textureCount: number, animationCount: number, nodeCount: number, bounds: { min: Array<number>, max: Array<number> } | null } | null, validation: { numErrors: number, numWarnings: number, numInfos: number, numHints: number, truncated: boolean, issues: Array<{ code: string, severity: string, message: string, pointer: string | null }> } | null, files: Array<{ role: FileRole, format: string, sizeBytes: number, filename: string, url: string }>, ingestJob: { id: string, status: JobStatus } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type DemoViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type DemoViewerQuery = { viewer: { owner: string, scopes: Array<Scope>, usage: { bytesStored: number, assets: number, jobsQueued: number, jobsRunning: number, jobsThisMonth: number, renderSeconds: number, limits: { bytesStored: number | null, assets: number | null, jobsQueuedOrRunning: number, jobsRunning: number } | null } } };

export const AssetCatalogFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetCatalogFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"license"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spdxId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attribution"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]} as unknown as DocumentNode<AssetCatalogFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const JobFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<JobFieldsFragment, unknown>;
export const AssetFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<AssetFieldsFragment, unknown>;
export const SceneNodeFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}}]} as unknown as DocumentNode<SceneNodeFieldsFragment, unknown>;
export const TextureFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextureReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"textureIndex"}},{"kind":"Field","name":{"kind":"Name","value":"texCoord"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"assetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<TextureFieldsFragment, unknown>;
export const SceneFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metallicRoughnessTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"normalTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"occlusionTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"emissiveTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextureReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"textureIndex"}},{"kind":"Field","name":{"kind":"Name","value":"texCoord"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"assetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<SceneFieldsFragment, unknown>;
export const DemoAssetsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAssets"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DemoAssetsQuery, DemoAssetsQueryVariables>;
export const DemoAssetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAsset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DemoAssetQuery, DemoAssetQueryVariables>;
export const DemoAssetUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tags"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}},{"kind":"Argument","name":{"kind":"Name","value":"tags"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tags"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoAssetUploadMutation, DemoAssetUploadMutationVariables>;
export const DemoAssetDeleteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetDelete"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetDelete"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoAssetDeleteMutation, DemoAssetDeleteMutationVariables>;
export const DemoAssetConvertDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetConvert"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetConvertInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetConvert"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoAssetConvertMutation, DemoAssetConvertMutationVariables>;
export const DemoAssetReadyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DemoAssetReady"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetReady"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<DemoAssetReadySubscription, DemoAssetReadySubscriptionVariables>;
export const DemoAssetQualityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAssetQuality"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"quality"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"watertight"}},{"kind":"Field","name":{"kind":"Name","value":"manifold"}},{"kind":"Field","name":{"kind":"Name","value":"uvOverlapRatio"}},{"kind":"Field","name":{"kind":"Name","value":"items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoAssetQualityQuery, DemoAssetQualityQueryVariables>;
export const DemoAssetCatalogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAssetCatalog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetCatalogFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetCatalogFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"license"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spdxId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attribution"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}}]} as unknown as DocumentNode<DemoAssetCatalogQuery, DemoAssetCatalogQueryVariables>;
export const DemoAssetUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AssetUpdateInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetCatalogFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetCatalogFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"license"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"spdxId"}},{"kind":"Field","name":{"kind":"Name","value":"text"}},{"kind":"Field","name":{"kind":"Name","value":"attribution"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metadata"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoAssetUpdateMutation, DemoAssetUpdateMutationVariables>;
export const DemoActiveJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoActiveJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"status"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"QUEUED"},{"kind":"EnumValue","value":"RUNNING"}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DemoActiveJobsQuery, DemoActiveJobsQueryVariables>;
export const DemoJobsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoJobs"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"JobFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobs"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DemoJobsQuery, DemoJobsQueryVariables>;
export const DemoJobCancelDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoJobCancel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobCancel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoJobCancelMutation, DemoJobCancelMutationVariables>;
export const DemoJobRetryDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoJobRetry"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobRetry"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoJobRetryMutation, DemoJobRetryMutationVariables>;
export const DemoJobProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DemoJobProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"jobProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"jobId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterSequence"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterSequence"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<DemoJobProgressSubscription, DemoJobProgressSubscriptionVariables>;
export const DemoRenderLimitsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoRenderLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renderLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"maxWidth"}},{"kind":"Field","name":{"kind":"Name","value":"maxHeight"}},{"kind":"Field","name":{"kind":"Name","value":"maxSamples"}},{"kind":"Field","name":{"kind":"Name","value":"maxPathSamples"}},{"kind":"Field","name":{"kind":"Name","value":"maxFrames"}},{"kind":"Field","name":{"kind":"Name","value":"maxFps"}}]}}]}}]}}]} as unknown as DocumentNode<DemoRenderLimitsQuery, DemoRenderLimitsQueryVariables>;
export const DemoRenderSubmitDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoRenderSubmit"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RenderSubmitInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"renderSubmit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoRenderSubmitMutation, DemoRenderSubmitMutationVariables>;
export const DemoAssetSceneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAssetScene"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextureReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"textureIndex"}},{"kind":"Field","name":{"kind":"Name","value":"texCoord"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"assetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metallicRoughnessTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"normalTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"occlusionTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"emissiveTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}}]}}]}}]} as unknown as DocumentNode<DemoAssetSceneQuery, DemoAssetSceneQueryVariables>;
export const DemoSceneCreateFromAssetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoSceneCreateFromAsset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneCreateFromAsset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextureReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"textureIndex"}},{"kind":"Field","name":{"kind":"Name","value":"texCoord"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"assetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metallicRoughnessTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"normalTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"occlusionTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"emissiveTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoSceneCreateFromAssetMutation, DemoSceneCreateFromAssetMutationVariables>;
export const DemoSceneUpdateDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoSceneUpdate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SceneUpdateInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneUpdate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"expectedVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"expectedVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextureReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"textureIndex"}},{"kind":"Field","name":{"kind":"Name","value":"texCoord"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"assetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metallicRoughnessTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"normalTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"occlusionTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"emissiveTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoSceneUpdateMutation, DemoSceneUpdateMutationVariables>;
export const DemoSceneChangedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DemoSceneChanged"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sceneId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"afterVersion"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneChanged"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sceneId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sceneId"}}},{"kind":"Argument","name":{"kind":"Name","value":"afterVersion"},"value":{"kind":"Variable","name":{"kind":"Name","value":"afterVersion"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"targetId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextureReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"textureIndex"}},{"kind":"Field","name":{"kind":"Name","value":"texCoord"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"assetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metallicRoughnessTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"normalTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"occlusionTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"emissiveTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}}]}}]}}]} as unknown as DocumentNode<DemoSceneChangedSubscription, DemoSceneChangedSubscriptionVariables>;
export const DemoSceneDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoScene"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneNodeFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SceneNode"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"translation"}},{"kind":"Field","name":{"kind":"Name","value":"rotation"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"mesh"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"meshIndex"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"material"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"camera"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}},{"kind":"Field","name":{"kind":"Name","value":"light"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"intensity"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TextureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TextureReference"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"textureIndex"}},{"kind":"Field","name":{"kind":"Name","value":"texCoord"}},{"kind":"Field","name":{"kind":"Name","value":"scale"}},{"kind":"Field","name":{"kind":"Name","value":"assetVersion"}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SceneFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Scene"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"300"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SceneNodeFields"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"materials"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorFactor"}},{"kind":"Field","name":{"kind":"Name","value":"metallicFactor"}},{"kind":"Field","name":{"kind":"Name","value":"roughnessFactor"}},{"kind":"Field","name":{"kind":"Name","value":"emissiveFactor"}},{"kind":"Field","name":{"kind":"Name","value":"alphaMode"}},{"kind":"Field","name":{"kind":"Name","value":"baseColorTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"metallicRoughnessTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"normalTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"occlusionTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"emissiveTexture"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TextureFields"}}]}}]}}]}}]} as unknown as DocumentNode<DemoSceneQuery, DemoSceneQueryVariables>;
export const DemoScenesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoScenes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scenes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoScenesQuery, DemoScenesQueryVariables>;
export const DemoTrashDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoTrash"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trash"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"deletedAt"}},{"kind":"Field","name":{"kind":"Name","value":"purgeAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoTrashQuery, DemoTrashQueryVariables>;
export const DemoAssetRestoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetRestore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetRestore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<DemoAssetRestoreMutation, DemoAssetRestoreMutationVariables>;
export const DemoSceneRestoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoSceneRestore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sceneRestore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]}}]}}]} as unknown as DocumentNode<DemoSceneRestoreMutation, DemoSceneRestoreMutationVariables>;
export const DemoAssetVersionsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoAssetVersions"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currentVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"restoredFrom"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoAssetVersionsQuery, DemoAssetVersionsQueryVariables>;
export const DemoAssetVersionUploadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetVersionUpload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"file"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Upload"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetUpload"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"file"},"value":{"kind":"Variable","name":{"kind":"Name","value":"file"}}},{"kind":"Argument","name":{"kind":"Name","value":"assetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"job"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"JobFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"JobFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Job"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"sequence"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cancelRequested"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"outputs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"scene"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoAssetVersionUploadMutation, DemoAssetVersionUploadMutationVariables>;
export const DemoAssetVersionRestoreDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DemoAssetVersionRestore"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"number"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assetVersionRestore"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"assetId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assetId"}}},{"kind":"Argument","name":{"kind":"Name","value":"number"},"value":{"kind":"Variable","name":{"kind":"Name","value":"number"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AssetFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AssetFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Asset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"sourceFormat"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vertexCount"}},{"kind":"Field","name":{"kind":"Name","value":"triangleCount"}},{"kind":"Field","name":{"kind":"Name","value":"meshCount"}},{"kind":"Field","name":{"kind":"Name","value":"materialCount"}},{"kind":"Field","name":{"kind":"Name","value":"textureCount"}},{"kind":"Field","name":{"kind":"Name","value":"animationCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodeCount"}},{"kind":"Field","name":{"kind":"Name","value":"bounds"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"min"}},{"kind":"Field","name":{"kind":"Name","value":"max"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"validation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numErrors"}},{"kind":"Field","name":{"kind":"Name","value":"numWarnings"}},{"kind":"Field","name":{"kind":"Name","value":"numInfos"}},{"kind":"Field","name":{"kind":"Name","value":"numHints"}},{"kind":"Field","name":{"kind":"Name","value":"truncated"}},{"kind":"Field","name":{"kind":"Name","value":"issues"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"pointer"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"glbUrl"}},{"kind":"Field","name":{"kind":"Name","value":"thumbnailUrl"}},{"kind":"Field","name":{"kind":"Name","value":"ingestJob"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]} as unknown as DocumentNode<DemoAssetVersionRestoreMutation, DemoAssetVersionRestoreMutationVariables>;
export const DemoViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DemoViewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesStored"}},{"kind":"Field","name":{"kind":"Name","value":"assets"}},{"kind":"Field","name":{"kind":"Name","value":"jobsQueued"}},{"kind":"Field","name":{"kind":"Name","value":"jobsRunning"}},{"kind":"Field","name":{"kind":"Name","value":"jobsThisMonth"}},{"kind":"Field","name":{"kind":"Name","value":"renderSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"limits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bytesStored"}},{"kind":"Field","name":{"kind":"Name","value":"assets"}},{"kind":"Field","name":{"kind":"Name","value":"jobsQueuedOrRunning"}},{"kind":"Field","name":{"kind":"Name","value":"jobsRunning"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DemoViewerQuery, DemoViewerQueryVariables>;