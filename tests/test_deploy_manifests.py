"""The Kubernetes manifests under deploy/k8s: valid for Kubernetes (kubernetes-validate, strict),
and wired to each other and to the application: selectors, probes, settings and autoscaling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from app.config import Settings

K8S = Path(__file__).resolve().parents[1] / "deploy" / "k8s"
KUBERNETES_VERSION = "1.37.0"
# Custom resources kubernetes-validate has no schema for; checked by hand below.
CUSTOM_KINDS = {"Kustomization", "ScaledObject", "TriggerAuthentication"}
WORKER_CHECK = ["atelier", "worker", "--check"]


def documents() -> list[dict[str, Any]]:
    found = []
    for path in sorted(K8S.glob("*.yaml")):
        found += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    return found


def of_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc for doc in documents() if doc["kind"] == kind}


@pytest.mark.parametrize("doc", [d for d in documents() if d["kind"] not in CUSTOM_KINDS],
                         ids=lambda doc: f"{doc['kind']}/{doc['metadata']['name']}")
def test_each_resource_is_valid_kubernetes(doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    manifests = {path.name for path in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == manifests


def test_selectors_match_their_pods() -> None:
    workloads = {**of_kind("Deployment"), **of_kind("StatefulSet")}
    pod_labels = [w["spec"]["template"]["metadata"]["labels"] for w in workloads.values()]
    for workload in workloads.values():
        selector = workload["spec"]["selector"]["matchLabels"]
        assert selector.items() <= workload["spec"]["template"]["metadata"]["labels"].items()
    selectors = [s["spec"]["selector"] for s in of_kind("Service").values()]
    selectors += [p["spec"]["selector"]["matchLabels"]
                  for p in of_kind("PodDisruptionBudget").values()]
    for selector in selectors:
        assert any(selector.items() <= labels.items() for labels in pod_labels), selector


def test_every_atelier_deployment_has_a_budget_and_resources() -> None:
    budgets = [budget["spec"]["selector"]["matchLabels"]
               for budget in of_kind("PodDisruptionBudget").values()]
    for deployment in of_kind("Deployment").values():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert any(budget.items() <= labels.items() for budget in budgets)
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            assert {"cpu", "memory"} <= container["resources"]["requests"].keys()
            assert "memory" in container["resources"]["limits"]


def test_api_probes_are_routes_of_the_app() -> None:
    from app.main import create_app

    container = of_kind("Deployment")["atelier-api"]["spec"]["template"]["spec"]["containers"][0]
    routes = {getattr(route, "path", None) for route in create_app(Settings()).routes}
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert {"/readyz", "/healthz"} <= routes


def test_worker_probes_use_the_heartbeat_check() -> None:
    container = of_kind("Deployment")["atelier-worker"]["spec"]["template"]["spec"]["containers"][0]
    assert container["args"] == ["atelier", "worker"]
    assert container["livenessProbe"]["exec"]["command"] == WORKER_CHECK
    assert container["startupProbe"]["exec"]["command"] == WORKER_CHECK


def test_configmap_holds_only_real_settings() -> None:
    data = of_kind("ConfigMap")["atelier"]["data"]
    fields = {f"ATELIER_{name.upper()}" for name in Settings.model_fields}
    assert set(data) <= fields, set(data) - fields
    Settings.model_validate({key.removeprefix("ATELIER_").lower(): value
                             for key, value in data.items()})


def test_workers_scale_on_the_job_backlog() -> None:
    scaled = of_kind("ScaledObject")["atelier-worker"]
    assert scaled["apiVersion"] == "keda.sh/v1alpha1"
    assert scaled["spec"]["scaleTargetRef"]["name"] in of_kind("Deployment")
    (trigger,) = scaled["spec"]["triggers"]
    assert trigger["type"] == "mongodb"
    assert trigger["metadata"]["collection"] == "jobs"
    assert trigger["authenticationRef"]["name"] in of_kind("TriggerAuthentication")
    concurrency = of_kind("ConfigMap")["atelier"]["data"]["ATELIER_WORKER_CONCURRENCY"]
    assert trigger["metadata"]["queryValue"] == concurrency
    auth = of_kind("TriggerAuthentication")["atelier-mongodb"]["spec"]["secretTargetRef"][0]
    assert auth["key"] in of_kind("Secret")[auth["name"]]["stringData"]
