"""The Relay Node interface: an object a client can fetch again from its id alone."""

from __future__ import annotations

import strawberry


@strawberry.interface(description="An object with a globally unique id, which Query.node and "
                      "Query.nodes fetch again (Relay's object identification).")
class Node:
    id: strawberry.ID = strawberry.field(description=(
        "Globally unique and stable. Its prefix names the type (ast_ an asset, job_ a job, scn_ "
        "a scene, tok_ a token, whk_ a webhook, prj_ a project); a scene node's is its scene's "
        "id, a slash and its localId."))
