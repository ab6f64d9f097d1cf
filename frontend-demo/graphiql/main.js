/** GraphiQL, bundled from npm at build time and served by the API itself: no CDN at run time. */

import "graphiql/graphiql.css";
import "@graphiql/plugin-explorer/dist/style.css";

import { explorerPlugin } from "@graphiql/plugin-explorer";
import { GraphiQL } from "graphiql";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

import { EXAMPLE_TABS } from "./examples.js";
import { createFetcher } from "./fetcher.js";

// The demo page keeps its token under this key in the tab's sessionStorage.
const DEMO_TOKEN_KEY = "atelier.token";

/** Takes a token handed over as `#token=...` by the demo page's link, as its session.js does, keeping it out of the address bar. */
function adoptTokenFromUrl() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get("token")?.trim();
  if (!token) return;
  params.delete("token");
  const rest = params.toString();
  history.replaceState(null, "", `${location.pathname}${location.search}${rest ? `#${rest}` : ""}`);
  const current = sessionStorage.getItem(DEMO_TOKEN_KEY);
  // Anyone can craft a link: one that would replace a token already here asks first.
  if (current && current !== token && !window.confirm("This link brings a different token. Replace the one in this tab?")) return;
  sessionStorage.setItem(DEMO_TOKEN_KEY, token);
}

function startingHeaders() {
  const token = sessionStorage.getItem(DEMO_TOKEN_KEY);
  return JSON.stringify({ Authorization: `Bearer ${token ?? ""}` }, null, 2);
}

const httpUrl = new URL("/graphql", location.href).toString();
const wsUrl = httpUrl.replace(/^http/, "ws");
adoptTokenFromUrl();
const headers = startingHeaders();

createRoot(document.getElementById("graphiql")).render(
  createElement(GraphiQL, {
    fetcher: createFetcher(httpUrl, wsUrl),
    plugins: [explorerPlugin()],
    defaultTabs: EXAMPLE_TABS.map((tab) => ({ ...tab, headers })),
    headers,
    defaultHeaders: headers,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: "headers",
    shouldPersistHeaders: false,
  }),
);
