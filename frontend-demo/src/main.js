/** Boots the demo: signs in with the tab's token, then wires uploads, live jobs, the gallery, the jobs view, usage, the trash and the viewer. */
import { AssetGallery } from "./assets.js";
import { AssetDetail } from "./detail.js";
import { byId, copyText, toast } from "./dom.js";
import { AuthError, connect, onAuthError, openLive, request, subscribe } from "./client.js";
import { JobBoard, jobTitle } from "./jobs.js";
import { JobsView } from "./jobs-view.js";
import { libraryQuery } from "./library-query.js";
import { LiveJobs } from "./live-jobs.js";
import { SelectionBar } from "./selection.js";
import { Tabs } from "./tabs.js";
import { TrashPanel } from "./trash.js";
import { UsagePanel } from "./usage.js";
import { DemoActiveJobsDocument, DemoAssetDocument, DemoAssetReadyDocument, DemoAssetsDocument } from "./generated/operations.ts";
import { adoptTokenFromUrl, forgetToken, storedToken, storeToken } from "./session.js";
import { Stage } from "./stage.js";
import { Uploader } from "./uploads.js";

const NOTICE_KEY = "atelier.notice";
const ACTIVE_JOBS_SHOWN = 20;
const LIVE_LABELS = { connecting: "Connecting…", live: "Live", offline: "Reconnecting…", refused: "Refused" };

/** Forgets the token and starts over on the sign-in form, with `notice` shown there. */
function signOut(notice) {
  forgetToken();
  if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
  location.reload();
}

function showSignIn(message) {
  byId("signin").hidden = false;
  byId("signin-error").textContent = message || "";
  byId("signin-error").hidden = !message;
  byId("signin-token").focus();
}

async function signIn(token) {
  connect(token);
  try {
    await request(DemoAssetsDocument, { first: 1 });
  } catch (error) {
    forgetToken();
    showSignIn(error instanceof AuthError ? `That token was refused: ${error.message}` : `The server did not answer: ${error.message}`);
    return;
  }
  storeToken(token);
  byId("signin").hidden = true;
  startApp(token);
}

function startApp(token) {
  byId("app").hidden = false;
  onAuthError((error) => signOut(`Signed out: ${error.message}`));
  byId("sign-out").addEventListener("click", () => signOut());
  // A new tab has no sessionStorage of its opener: the token travels in the fragment, which GraphiQL adopts and removes.
  byId("graphiql-link").href = `/graphql#token=${encodeURIComponent(token)}`;
  byId("copy-header").addEventListener("click", () => copyText(JSON.stringify({ Authorization: `Bearer ${token}` }), "Headers copied: paste them into GraphiQL's Headers tab"));

  const liveBadge = byId("live-status");
  openLive({
    onState: (state) => {
      liveBadge.className = `live live-${state}`;
      liveBadge.lastChild.textContent = LIVE_LABELS[state];
      if (state === "refused") signOut("Signed out: the live connection refused the token");
    },
    onResume: () => {
      gallery.reload(true);
      jobsView.reload();
      usage.refresh();
      trash.refresh();
      followActiveJobs();
    },
  });

  const stage = new Stage();
  const live = new LiveJobs();
  const usage = new UsagePanel(byId("usage"));
  const trash = new TrashPanel({ list: byId("trash-list"), total: byId("trash-total"), more: byId("trash-more") }, {
    onRestored: (kind, item) => {
      usage.soon();
      if (kind === "ASSET") refresh(item.id);
    },
  });
  const jobsView = new JobsView(
    { list: byId("jobs-list"), total: byId("job-total"), sentinel: byId("jobs-more"), status: byId("jobs-status"), kind: byId("jobs-kind") },
    live,
  );
  // Job counts move with every new or finished job.
  const statuses = new Map();
  live.onJob((job) => {
    if (statuses.get(job.id) !== job.status) usage.soon();
    statuses.set(job.id, job.status);
  });
  new Tabs(document.querySelector('.library [role="tablist"]'));

  const board = new JobBoard(byId("jobs"), byId("job-list"), live, (job) => {
    // A finished job may have added files (renders, conversions, a thumbnail) to its asset.
    if (job.asset) refresh(job.asset.id);
  });
  const detail = new AssetDetail(byId("details"), {
    viewer: stage.viewer,
    board,
    offerRender: (submit) => stage.offerRender(submit),
    onViewFile: (file) => stage.showFile(file),
    onDeleted: (id) => {
      gallery.remove(id);
      forget(id);
    },
    onSaved: (asset) => gallery.upsert(asset),
  });

  /** The asset `id` is gone: out of the detail panel and the viewer if shown there. */
  function forget(id) {
    usage.soon();
    trash.soon();
    if (gallery.selectedId !== id) return;
    gallery.select(null);
    detail.clear();
    stage.showNothing();
  }

  async function refresh(id) {
    try {
      const { asset } = await request(DemoAssetDocument, { id });
      if (asset) gallery.upsert(asset);
    } catch (error) {
      toast(error.message, "error");
    }
  }

  function select(asset) {
    gallery.select(asset.id);
    detail.show(asset);
    stage.showAsset(asset);
    // Fresh signed URLs: those in the list may have expired while the page was open.
    refresh(asset.id);
  }

  const query = libraryQuery({
    search: byId("asset-text"),
    nameContains: byId("asset-search"),
    status: byId("asset-status"),
    format: byId("asset-format"),
    tags: byId("asset-tags"),
    createdFrom: byId("asset-created-from"),
    createdUntil: byId("asset-created-until"),
    orderField: byId("asset-order"),
    direction: byId("asset-direction"),
  });
  const gallery = new AssetGallery(
    { grid: byId("asset-grid"), total: byId("asset-total"), sentinel: byId("asset-more") },
    query,
    {
      onSelect: select,
      onChange: (asset) => {
        if (asset.id !== gallery.selectedId) return;
        detail.show(asset);
        stage.showAsset(asset);
      },
      onChecked: (ids) => selection.show(ids),
    },
  );
  const selection = new SelectionBar(
    {
      bar: byId("selection-bar"),
      count: byId("selection-count"),
      all: byId("select-all"),
      none: byId("select-none"),
      remove: byId("selection-delete"),
      tag: byId("selection-tag"),
      tagAdd: byId("selection-tag-add"),
      tagRemove: byId("selection-tag-remove"),
    },
    gallery,
    { onDeleted: forget },
  );
  byId("asset-search").form.addEventListener("submit", (event) => event.preventDefault());

  new Uploader({ zone: byId("dropzone"), input: byId("file-input"), tags: byId("upload-tags"), sample: byId("upload-sample") }, board, (asset) => {
    gallery.upsert(asset);
    if (!gallery.selectedId) select(asset);
  });

  async function followActiveJobs() {
    try {
      const { jobs } = await request(DemoActiveJobsDocument, { first: ACTIVE_JOBS_SHOWN });
      for (const { node } of jobs.edges) board.follow(node, jobTitle(node));
    } catch (error) {
      toast(`Could not list running jobs: ${error.message}`, "error");
    }
  }

  subscribe(DemoAssetReadyDocument, () => ({}), {
    next: ({ assetReady }) => {
      const { asset } = assetReady;
      // Uploads from this page already have a job card; announce only those sent from elsewhere.
      if (!gallery.upsert(asset)) {
        toast(asset.status === "READY" ? `New asset ready: ${asset.name}` : `New asset failed: ${asset.name}`, asset.status === "READY" ? "ok" : "error");
      }
    },
    error: (errors) => toast(`Live asset updates stopped: ${errors.map((error) => error.message).join("; ")}`, "error"),
  });
  gallery.reload();
  jobsView.reload();
  usage.refresh();
  trash.refresh();
  followActiveJobs();
}

function boot() {
  byId("signin-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const token = byId("signin-token").value.trim();
    if (token) signIn(token);
  });
  adoptTokenFromUrl();
  // A sign-in link opened in a tab that already shows the page changes only the fragment.
  window.addEventListener("hashchange", () => {
    if (adoptTokenFromUrl()) location.reload();
  });
  const notice = sessionStorage.getItem(NOTICE_KEY);
  sessionStorage.removeItem(NOTICE_KEY);
  const token = storedToken();
  if (token) signIn(token);
  else showSignIn(notice);
}

boot();
