/** The tabs GraphiQL opens with: one per thing a newcomer tries first. */

const UPLOAD = `# Uploads are GraphQL multipart requests, which GraphiQL cannot send: use the demo page
# at /, curl (see the README), or a direct upload: ask for a URL here, PUT the bytes there
# with the headers given, then call assetUploadComplete(assetId: ...).
mutation StartDirectUpload {
  assetUploadCreate(input: {filename: "model.glb", sizeBytes: 1024}) {
    asset { id status }
    uploadUrl
    uploadHeaders { name value }
    expiresAt
    errors { field message code }
  }
}
`;

const ASSETS = `# Your newest assets, with the stats read from each file and short-lived download URLs.
query Assets {
  assets(first: 10) {
    totalCount
    edges {
      node {
        id
        name
        status
        sourceFormat
        stats { triangleCount vertexCount materialCount bounds { min max } }
        validation { numErrors numWarnings }
        glbUrl
        thumbnailUrl
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;

const SCENE = `# A scene's typed graph: put a scene's id (from sceneCreateFromAsset) in the variables.
query Scene($id: ID!) {
  scene(id: $id) {
    id
    name
    version
    bounds { min max }
    rootNodes {
      id
      name
      translation
      mesh { meshIndex asset { id name } }
      children { id name }
    }
  }
}
`;

const JOB_PROGRESS = `# Live progress of one job: its state first, then every change, until it ends.
subscription JobProgress($jobId: ID!) {
  jobProgress(jobId: $jobId) {
    sequence
    job { id kind status stage progress message error { code message } }
  }
}
`;

const ASSET_READY = `# Every asset of yours that reaches READY or FAILED from now on.
subscription AssetReady {
  assetReady {
    asset { id name status error { code message } stats { triangleCount } }
  }
}
`;

export const EXAMPLE_TABS = [
  { query: ASSETS },
  { query: UPLOAD },
  { query: SCENE, variables: '{\n  "id": "scn_..."\n}' },
  { query: JOB_PROGRESS, variables: '{\n  "jobId": "job_..."\n}' },
  { query: ASSET_READY },
];
