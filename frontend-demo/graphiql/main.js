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

function startingHeaders() {
  const token = sessionStorage.getItem(DEMO_TOKEN_KEY);
  return JSON.stringify({ Authorization: `Bearer ${token ?? ""}` }, null, 2);
}

const httpUrl = new URL("/graphql", location.href).toString();
const wsUrl = httpUrl.replace(/^http/, "ws");
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
