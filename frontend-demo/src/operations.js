/**
 * Every GraphQL document the page sends, in one place: tests/e2e/test_demo_page.py extracts each
 * gql-tagged template and validates it against the server's schema.
 */
import { gql } from "./graphql.js";

export const ERROR_FIELDS = gql`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`;

export const JOB_FIELDS = gql`
  fragment JobFields on Job {
    id
    kind
    status
    progress
    stage
    message
    sequence
    error { code message }
    outputs { role format filename url }
    asset { id name }
  }
`;

export const ASSET_FIELDS = gql`
  fragment AssetFields on Asset {
    id
    name
    filename
    status
    sourceFormat
    sizeBytes
    sha256
    tags
    createdAt
    error { code message }
    stats {
      vertexCount
      triangleCount
      meshCount
      materialCount
      textureCount
      animationCount
      nodeCount
      bounds { min max }
    }
    validation {
      numErrors
      numWarnings
      numInfos
      numHints
      truncated
      issues { code severity message pointer }
    }
    files { role format sizeBytes filename url }
    glbUrl
    thumbnailUrl
    ingestJob { id status }
  }
`;

export const ASSETS = gql`
  query DemoAssets($first: Int!, $after: String, $filter: AssetFilter) {
    assets(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { ...AssetFields } }
    }
  }
  ${ASSET_FIELDS}
`;

export const ASSET = gql`
  query DemoAsset($id: ID!) {
    asset(id: $id) { ...AssetFields }
  }
  ${ASSET_FIELDS}
`;

export const ACTIVE_JOBS = gql`
  query DemoActiveJobs($first: Int!) {
    jobs(first: $first, filter: { status: [QUEUED, RUNNING] }) {
      edges { node { ...JobFields } }
    }
  }
  ${JOB_FIELDS}
`;

export const ASSET_UPLOAD = gql`
  mutation DemoAssetUpload($file: Upload!, $name: String, $tags: [String!]) {
    assetUpload(file: $file, name: $name, tags: $tags) {
      asset { ...AssetFields }
      job { ...JobFields }
      errors { ...UserErrorFields }
    }
  }
  ${ASSET_FIELDS}
  ${JOB_FIELDS}
  ${ERROR_FIELDS}
`;

export const ASSET_DELETE = gql`
  mutation DemoAssetDelete($id: ID!) {
    assetDelete(id: $id) {
      deletedId
      errors { ...UserErrorFields }
    }
  }
  ${ERROR_FIELDS}
`;

export const JOB_CANCEL = gql`
  mutation DemoJobCancel($id: ID!) {
    jobCancel(id: $id) {
      job { ...JobFields }
      errors { ...UserErrorFields }
    }
  }
  ${JOB_FIELDS}
  ${ERROR_FIELDS}
`;

export const JOB_PROGRESS = gql`
  subscription DemoJobProgress($jobId: ID!, $afterSequence: Int) {
    jobProgress(jobId: $jobId, afterSequence: $afterSequence) {
      sequence
      job { ...JobFields }
    }
  }
  ${JOB_FIELDS}
`;

export const ASSET_READY = gql`
  subscription DemoAssetReady {
    assetReady { asset { ...AssetFields } }
  }
  ${ASSET_FIELDS}
`;

export const RENDER_SUBMIT = gql`
  mutation DemoRenderSubmit($input: RenderSubmitInput!) {
    renderSubmit(input: $input) {
      job { ...JobFields }
      errors { ...UserErrorFields }
    }
  }
  ${JOB_FIELDS}
  ${ERROR_FIELDS}
`;

export const ASSET_CONVERT = gql`
  mutation DemoAssetConvert($assetId: ID!, $input: AssetConvertInput!) {
    assetConvert(assetId: $assetId, input: $input) {
      job { ...JobFields }
      errors { ...UserErrorFields }
    }
  }
  ${JOB_FIELDS}
  ${ERROR_FIELDS}
`;

export const SCENE_FIELDS = gql`
  fragment SceneFields on Scene {
    id
    name
    version
    nodeCount
    nodes(first: 300) {
      totalCount
      edges {
        node {
          id
          name
          parent { id }
          mesh { meshIndex }
          camera { name type }
          light { name type }
        }
      }
    }
    materials { id name baseColorFactor metallicFactor roughnessFactor alphaMode }
  }
`;

export const ASSET_SCENE = gql`
  query DemoAssetScene($id: ID!) {
    asset(id: $id) {
      id
      scene { ...SceneFields }
    }
  }
  ${SCENE_FIELDS}
`;

export const SCENE_CREATE_FROM_ASSET = gql`
  mutation DemoSceneCreateFromAsset($assetId: ID!) {
    sceneCreateFromAsset(assetId: $assetId) {
      scene { ...SceneFields }
      errors { ...UserErrorFields }
    }
  }
  ${SCENE_FIELDS}
  ${ERROR_FIELDS}
`;

export const SCENE_CHANGED = gql`
  subscription DemoSceneChanged($sceneId: ID!, $afterVersion: Int) {
    sceneChanged(sceneId: $sceneId, afterVersion: $afterVersion) {
      version
      changes { kind targetId }
      scene { ...SceneFields }
    }
  }
  ${SCENE_FIELDS}
`;
