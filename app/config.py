"""The one Settings object: every option and limit, read from ATELIER_* environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

MIB = 1024 * 1024


class OwnerQuota(BaseModel):
    """One owner's quotas where they differ from ATELIER_QUOTA_ASSETS and ATELIER_QUOTA_BYTES."""

    assets: int | None = Field(default=None, ge=0)
    bytes: int | None = Field(default=None, ge=0)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ATELIER_", extra="ignore")

    # Where the API listens and where `serve` keeps its embedded data.
    host: str = "127.0.0.1"
    port: int = 8000
    data_dir: Path = Path(".atelier")
    public_url: str | None = Field(
        default=None, description="Base URL clients use; derived from each request when unset."
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins (comma-separated) browsers may call from."
    )

    @field_validator("cors_origins", "import_buckets", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    # Stores. `serve` fills these in for its embedded database, Redis and filesystem store.
    mongodb_url: str | None = None
    database_name: str = "atelier"
    redis_url: str | None = None
    queue_name: str = "atelier:queue"
    storage_dir: Path | None = None
    s3_endpoint_url: str | None = None
    s3_bucket: str | None = None
    s3_region: str = "us-east-1"
    s3_sse: str | None = Field(
        default=None, description="S3 server-side encryption on every put and copy: AES256 or "
        "aws:kms (the filesystem store relies on the disk's own encryption).")

    # Secrets. `serve` generates a signing key under data_dir when none is given.
    secret_key: str | None = None
    admin_token: str | None = None

    # `atelier ingest`, a client: where it sends files and as whom, when no flag says.
    server: str | None = Field(default=None, description="Base URL of the server to ingest into.")
    token: str | None = Field(default=None, description="API token secret `ingest` sends.")

    # Workers.
    workers: int = Field(default=1, ge=1, description="Worker processes `serve` starts.")
    worker_concurrency: int = Field(default=2, ge=1, description="Jobs one worker runs at once.")
    worker_poll_seconds: float = Field(default=0.02, gt=0)
    job_timeout_seconds: float = Field(default=300, gt=0)
    job_max_attempts: int = Field(default=3, ge=1)
    job_memory_mb: int = Field(default=4096, ge=256)
    job_lease_seconds: float = Field(
        default=30, gt=0, description="A running job whose worker is silent this long is redone."
    )
    worker_heartbeat_seconds: float = Field(
        default=5, gt=0, description="How often a worker refreshes its heartbeat key in Redis."
    )
    worker_reconnect_max_seconds: float = Field(
        default=10, gt=0, description="Longest wait between a worker's reconnection attempts."
    )

    # Outages, idempotency and job events.
    dependency_timeout_seconds: float = Field(
        default=2, gt=0, description="Driver timeouts: database server selection, Redis sockets."
    )
    idempotency_key_ttl_seconds: int = Field(
        default=86_400, ge=60, description="How long an idempotency key replays its first result."
    )
    idempotency_key_max_length: int = Field(
        default=200, ge=1, description="Longest idempotency key (INVALID_INPUT past it).")
    job_progress_min_interval_seconds: float = Field(
        default=0.25, ge=0, description="Progress inside a job stage is written at most this often."
    )
    job_event_retention_seconds: int = Field(
        default=7 * 86_400, ge=60, description="Events of finished jobs are kept this long."
    )
    orphan_grace_seconds: float = Field(
        default=60, gt=0, description="An UPLOADED asset without a job this old is re-ingested."
    )
    trash_retention_days: float = Field(
        default=7, gt=0, description="Deleted assets and scenes stay restorable this long.")
    output_retention_days: float = Field(
        default=30, gt=0, description="Renders and conversions not pinned are kept this long.")
    storage_sweep_grace_hours: float = Field(
        default=24, gt=0, description="A stored object no record points at is deleted by the "
        "storage sweep once this old (younger ones, uploads in flight, are never touched).")
    storage_sweep_interval_minutes: float = Field(
        default=60, gt=0, description="How often the storage sweep runs (in one worker, "
        "whichever claims it first).")
    storage_sweep_lease_seconds: float = Field(
        default=60, gt=0, description="How long a storage sweep's claim holds unless its "
        "worker renews it (every third of this): how soon another worker takes over the sweep "
        "of one that died.")
    fault_inject: str | None = Field(
        default=None, description="Test builds only: a named point where the process crashes."
    )

    # Live streams (subscriptions).
    live_queue_events: int = Field(
        default=1000, ge=1, description="Events a subscriber may fall behind before it is dropped."
    )
    live_read_timeout_seconds: float = Field(
        default=5, gt=0, description="A live stream whose database stalls this long ends."
    )
    asset_event_retention_seconds: int = Field(
        default=7 * 86_400, ge=60, description="How long assetReady outcomes stay resumable."
    )

    # Limits.
    max_upload_bytes: int = Field(default=512 * MIB, ge=1)
    max_triangles: int = Field(default=20_000_000, ge=1)
    max_query_depth: int = Field(
        default=15, ge=3, description="Deepest operation; the standard introspection query is 14.")
    max_page_size: int = Field(default=100, ge=1)
    max_query_cost: int = Field(
        default=50_000, ge=1, description="Most objects one operation may resolve, lists counted "
        "at their page size.")
    query_cost_per_minute: int = Field(
        default=1_000_000, ge=1, description="Query cost one token may spend per minute.")
    max_aliases: int = Field(default=30, ge=1, description="Most aliases in one document.")
    max_query_tokens: int = Field(default=2_000, ge=100, description="Most tokens in a document.")
    max_query_bytes: int = Field(default=64 * 1024, ge=1024, description="Longest document.")
    introspection: bool = Field(default=True, description="Whether the schema can be introspected.")
    max_json_body_bytes: int = Field(default=2 * MIB, ge=1024, description="Largest JSON body.")
    rate_limit_per_token: str = Field(default="600/minute", description="Requests per token.")
    rate_limit_per_ip: str = Field(default="1200/minute", description="Requests per address.")
    ws_token_recheck_seconds: float = Field(
        default=2, gt=0, description="How often every open websocket's token is checked again.")
    ws_socket_lease_min_seconds: float = Field(
        default=10, gt=0,
        description="Shortest lease of a websocket's place in its token's count, renewed at "
                    "every recheck (and at least five rechecks long).")
    token_cache_seconds: float = Field(
        default=2, ge=0, description="Longest an API process trusts a token it checked (0: never).")
    access_cache_seconds: float = Field(
        default=5, ge=0, description="Longest an API process keeps a caller's project access "
        "view while its change feed is open (0: never).")
    list_cache_seconds: float = Field(
        default=5, ge=0, description="Longest an API process keeps a page of the asset catalog "
        "(and its count) while its change feed is open and reports no change (0: never).")
    list_cache_pages: int = Field(
        default=200, ge=1, description="Catalog pages an API process keeps at once.")
    ws_max_connections_per_token: int = Field(
        default=20, ge=1, description="Open websockets one token may hold, across replicas.")
    ws_max_subscriptions_per_connection: int = Field(
        default=100, ge=1, description="Operations running at once on one websocket.")
    ws_init_timeout_seconds: float = Field(
        default=5, gt=0, description="A websocket without connection_init is closed after this.")
    signed_url_ttl_seconds: int = Field(default=900, ge=1)
    upload_url_ttl_seconds: int = Field(default=3600, ge=1)
    render_max_width: int = Field(default=4096, ge=1, description="Widest render, in pixels.")
    render_max_height: int = Field(default=4096, ge=1, description="Tallest render, in pixels.")
    render_max_samples: int = Field(default=16, ge=0, description="Most MSAA samples per render.")
    render_max_path_samples: int = Field(
        default=1024, ge=1, description="Most path-traced samples per pixel (PATH_TRACED).")
    render_max_frames: int = Field(
        default=360, ge=1, description="Most frames in one turntable or animation clip.")
    render_max_fps: int = Field(
        default=60, ge=1, description="Most frames per second of an animation clip.")
    thumbnail_size: int = Field(default=256, ge=16, description="Thumbnail width and height.")
    max_batch_files: int = Field(default=50, ge=1, description="Most files in one assetUploadMany.")
    pending_upload_expiry_seconds: int = Field(default=86_400, ge=1, description="Upload expiry.")
    archive_max_entries: int = Field(default=10_000, ge=1, description="Most entries in a zip.")
    archive_max_bytes: int = Field(default=1024 * MIB, ge=1, description="Most bytes unzipped.")
    archive_max_ratio: float = Field(default=200.0, gt=1, description="Most zip entry inflation.")
    max_image_pixels: int = Field(default=8192 * 8192, ge=1, description="Largest image, pixels.")
    max_node_depth: int = Field(default=256, ge=1, description="Deepest node tree of a model.")
    converter_timeout_seconds: float = Field(default=120, gt=0, description="Time limit of assimp.")
    cad_tessellation_tolerance: float = Field(
        default=0.001, gt=0, le=0.1, description="Chord error of STEP and IGES tessellation, as "
        "a fraction of each part's bounding-box diagonal.")
    quality_max_texture_size: int = Field(
        default=4096, ge=1, description="Textures wider or taller are a quality-report finding.")
    max_scene_nodes: int = Field(default=10_000, ge=1, description="Most nodes in one scene.")
    max_scene_operations: int = Field(default=10_000, ge=1, description="Most edits per update.")
    max_scene_export_bytes: int = Field(default=2048 * MIB, ge=1, description="Most GLB bytes.")
    max_scene_name_length: int = Field(default=200, ge=1, description="Longest scene name.")
    max_scene_document_bytes: int = Field(
        default=64 * MIB, ge=1024,
        description="Largest glTF JSON of an asset a scene (or an animated render) reads.")
    scene_revisions_kept: int = Field(
        default=100, ge=1, description="Revisions a scene keeps for sceneChanged(afterVersion).")
    max_asset_tags: int = Field(default=32, ge=0, description="Most tags on one asset.")
    max_asset_tag_length: int = Field(default=64, ge=1, description="Longest tag.")
    max_asset_name_length: int = Field(default=200, ge=1, description="Longest asset name.")
    max_project_members: int = Field(
        default=100, ge=1, description="Most members one project may have (projectMemberSet).")
    max_asset_description_length: int = Field(
        default=5_000, ge=1, description="Longest description, licence text or attribution.")
    max_metadata_bytes: int = Field(
        default=16 * 1024, ge=2, description="Largest asset metadata object, as compact JSON.")
    max_metadata_depth: int = Field(
        default=16, ge=1, description="Deepest nesting of objects and lists in asset metadata.")
    max_search_words: int = Field(
        default=32, ge=1, description="Most words in one assets(search:).")
    convert_max_source_bytes: int = Field(
        default=1024 * MIB, ge=1, description="Largest normalised GLB a conversion reads.")
    convert_max_output_bytes: int = Field(
        default=2048 * MIB, ge=1, description="Largest file a conversion writes.")
    lod_max_levels: int = Field(
        default=8, ge=1, description="Most levels one LOD conversion's lodRatios may ask for.")

    # Fair, bounded and contained work.
    max_jobs_per_owner: int = Field(
        default=100, ge=1, description="Most queued and running jobs one owner may have.")
    job_slots_per_owner: int = Field(
        default=2, ge=1, description="Jobs of one owner handed to the queue at a time.")
    archive_max_models: int = Field(default=200, ge=1, description="Most models in a bundle zip.")
    bundle_slice_seconds: float = Field(
        default=2, gt=0, description="A bundle job ingests members this long, then queues again.")
    job_cpu_seconds: int = Field(default=600, ge=1, description="CPU time of a job's child.")
    job_max_open_files: int = Field(default=256, ge=16, description="Open files of a job's child.")
    job_max_processes: int = Field(
        default=4096, ge=16, description="Processes and threads of the user while a child runs.")
    render_inline_max_mb: int = Field(
        default=256, ge=0, description="Renders estimated under this run on the worker's thread.")

    # Webhooks (delivered by the workers).
    webhook_allow_private: bool = Field(
        default=False, description="Whether webhooks may target loopback or private addresses.")
    webhook_timeout_seconds: float = Field(
        default=5, gt=0, description="Time limit of one delivery attempt, connect to response.")
    webhook_max_attempts: int = Field(
        default=6, ge=1, description="Attempts of one delivery before it is given up.")
    webhook_retry_base_seconds: float = Field(
        default=30, gt=0, description="Wait before a delivery's first retry; doubles after each.")
    webhook_max_per_owner: int = Field(
        default=20, ge=1, description="Most webhooks one owner may register.")
    webhook_poll_seconds: float = Field(
        default=1, gt=0, description="How often workers look for new events and due deliveries.")
    webhook_log_retention_seconds: int = Field(
        default=30 * 86_400, ge=3600, description="How long deliveries stay in a webhook's log.")

    # Persisted queries (Apollo's APQ) and observability.
    persisted_query_ttl_seconds: int = Field(
        default=7 * 86_400, ge=60, description="A registered persisted query unused this long "
        "is forgotten.")
    persisted_queries_only: bool = Field(
        default=False, description="Run only documents already persisted or on the allow-list.")
    persisted_queries_file: Path | None = Field(
        default=None, description="JSON allow-list of sha256 hash → query (or Apollo's manifest).")
    log_format: Literal["auto", "json", "console"] = Field(
        default="auto", description="Log lines as JSON, or readable; auto: JSON unless a terminal.")
    log_level: str = Field(default="INFO", description="Lowest level logged.")
    otlp_endpoint: str | None = Field(
        default=None, description="OTLP/HTTP collector base URL; set, it turns tracing on.")
    otlp_resolver_sample_ratio: float = Field(
        default=0.1, ge=0, le=1, description="Share of GraphQL operations traced per resolver.")
    metrics_max_operation_names: int = Field(
        default=200, ge=1, description="Distinct operation names in latency metrics; later "
        "ones count as `other`.")

    # Data lifecycle: audit log, quotas, imports from URLs.
    audit_retention_seconds: int = Field(
        default=90 * 86_400, ge=3600, description="How long audit events are kept (TTL index).")
    quota_assets: int | None = Field(
        default=None, ge=0, description="Most assets one owner may keep; unset: unlimited.")
    quota_bytes: int | None = Field(
        default=None, ge=0, description="Most bytes of uploads one owner may keep; unset: "
        "unlimited.")
    quota_overrides: dict[str, OwnerQuota] = Field(
        default_factory=dict, description='Per-owner quotas as JSON: {"owner": {"assets": 10, '
        '"bytes": 1000000}}; a figure left out falls back to the setting.')
    import_allow_private: bool = Field(
        default=False, description="Whether assetImport may fetch from loopback or private "
        "addresses.")
    import_timeout_seconds: float = Field(
        default=60, gt=0, description="Longest an assetImport fetch may take, redirects and "
        "body included.")
    import_max_redirects: int = Field(
        default=5, ge=0, description="Most redirects an assetImport follows.")
    import_buckets: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Buckets (comma-separated) assetImportFromStorage "
        "may read; empty: it is refused. The server's own storage bucket never is.")
    import_s3_endpoint_url: str | None = Field(
        default=None, description="S3-compatible endpoint of the import buckets; unset: AWS.")
    backup_s3_endpoint_url: str | None = Field(
        default=None, description="S3-compatible endpoint of `atelier backup --to s3://` and "
        "`restore --from s3://`; unset: AWS.")
    import_max_objects: int = Field(
        default=1000, ge=1, description="Most objects one assetImportFromStorage may list.")

    @property
    def embedded_storage_dir(self) -> Path:
        return self.storage_dir or self.data_dir / "objects"
