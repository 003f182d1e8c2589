"""The kustomize overlays build, pass the Kubernetes schemas, and keep the deployment rules."""

from __future__ import annotations

import functools
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from kubernetes_validate.utils import latest_version

REPO = Path(__file__).resolve().parents[2]
OVERLAYS = ("staging", "production")
HOSTS = {"staging": "tiendo-staging.example.gov.vn", "production": "tiendo.phutho.gov.vn"}
# The oldest cluster we support and the newest the package knows: catches fields that are too new
# as well as APIs that were removed since.
K8S_VERSIONS = ("1.30", latest_version())
PORTS = {"gateway": 8000, "tasks": 8101, "indicators": 8102, "notifications": 8103}
AUTOSCALED = ("gateway", "tasks", "indicators")
WORKER = "notifications-worker"
NAME = "app.kubernetes.io/name"

Manifest = dict[str, Any]

overlays = pytest.mark.parametrize("overlay", OVERLAYS)


@functools.cache
def build(overlay: str) -> tuple[Manifest, ...]:
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        pytest.fail("kubectl is not on PATH: run `make deps` to install it", pytrace=False)
    path = REPO / "deploy" / "k8s" / "overlays" / overlay
    result = subprocess.run([kubectl, "kustomize", str(path)], capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, f"kubectl kustomize {path} failed:\n{result.stderr}"
    return tuple(doc for doc in yaml.safe_load_all(result.stdout) if doc)


def of_kind(overlay: str, kind: str) -> dict[str, Manifest]:
    return {doc["metadata"]["name"]: doc for doc in build(overlay) if doc["kind"] == kind}


def workloads(overlay: str) -> Iterator[tuple[Manifest, Manifest]]:
    """Every Deployment and Job with its pod spec."""
    for doc in build(overlay):
        if doc["kind"] in ("Deployment", "Job"):
            yield doc, doc["spec"]["template"]["spec"]


def containers(pod: Manifest) -> list[Manifest]:
    return [*pod.get("initContainers", []), *pod["containers"]]


def database_secret(pod: Manifest) -> str:
    """The Secret the pod's single <SVC>_DATABASE_URL comes from."""
    refs = [
        env["valueFrom"]["secretKeyRef"]["name"]
        for container in pod["containers"]
        for env in container.get("env", [])
        if env["name"].endswith("_DATABASE_URL")
    ]
    assert len(refs) == 1, f"expected one *_DATABASE_URL from a secretKeyRef, got {refs}"
    return refs[0]


def peer_names(peer: Manifest) -> set[str]:
    selector = peer.get("podSelector", {})
    names = {selector.get("matchLabels", {}).get(NAME)} - {None}
    for expression in selector.get("matchExpressions", []):
        if expression["key"] == NAME and expression["operator"] == "In":
            names |= set(expression["values"])
    return names


@overlays
def test_overlay_passes_the_kubernetes_schemas_strictly(overlay: str) -> None:
    errors = []
    for doc in build(overlay):
        where = f"{doc['kind']}/{doc['metadata']['name']}"
        for version in K8S_VERSIONS:
            try:
                kubernetes_validate.validate(doc, version, strict=True)
            except kubernetes_validate.ValidationError as error:
                path = ".".join(str(part) for part in error.path)
                errors.append(f"{where} (k8s {version}) at {path}: {error.message}")
            except kubernetes_validate.SchemaNotFoundError as error:
                errors.append(f"{where}: {error.message}")
    assert not errors, "\n".join(errors)


@overlays
def test_everything_lives_in_the_tiendo_namespace(overlay: str) -> None:
    assert set(of_kind(overlay, "Namespace")) == {"tiendo"}
    elsewhere = [
        f"{doc['kind']}/{doc['metadata']['name']}"
        for doc in build(overlay)
        if doc["kind"] != "Namespace" and doc["metadata"].get("namespace") != "tiendo"
    ]
    assert not elsewhere


@overlays
def test_no_secret_is_committed(overlay: str) -> None:
    assert not of_kind(overlay, "Secret"), "secrets are created out of band (deploy/README.md)"


@overlays
def test_every_deployment_probes_health_and_ready(overlay: str) -> None:
    for name, deployment in of_kind(overlay, "Deployment").items():
        for container in containers(deployment["spec"]["template"]["spec"]):
            ports = {p["name"] for p in container["ports"]} | {p["containerPort"] for p in container["ports"]}
            for probe, path in (("livenessProbe", "/health"), ("readinessProbe", "/ready")):
                http = container.get(probe, {}).get("httpGet", {})
                assert http.get("path") == path, f"{name}: {probe} must GET {path}"
                assert http.get("port") in ports, f"{name}: {probe} probes an undeclared port"


@overlays
def test_every_container_is_limited_and_unprivileged(overlay: str) -> None:
    for workload, pod in workloads(overlay):
        name = workload["metadata"]["name"]
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod.get("automountServiceAccountToken") is False, name
        tmp_volumes = {v["name"] for v in pod.get("volumes", []) if "emptyDir" in v}
        for container in containers(pod):
            for bound in ("requests", "limits"):
                assert set(container["resources"].get(bound, {})) >= {"cpu", "memory"}, f"{name}: {bound}"
            security = container["securityContext"]
            assert security.get("runAsNonRoot", True) is True, name
            assert security["readOnlyRootFilesystem"] is True, name
            assert security["allowPrivilegeEscalation"] is False, name
            assert security["capabilities"]["drop"] == ["ALL"], name
            mounts = {m["mountPath"]: m["name"] for m in container.get("volumeMounts", [])}
            assert mounts.get("/tmp") in tmp_volumes, f"{name}: /tmp must be an emptyDir"


@overlays
def test_every_process_runs_the_one_tiendo_image(overlay: str) -> None:
    images = {container["image"] for _, pod in workloads(overlay) for container in containers(pod)}
    assert len(images) == 1, images
    repository = images.pop().split("@")[0].rsplit(":", 1)[0]
    assert repository.rsplit("/", 1)[-1] == "tiendo", repository


def test_production_pins_the_image() -> None:
    for _, pod in workloads("production"):
        for container in containers(pod):
            image = container["image"]
            tag = image.rsplit(":", 1)[-1] if ":" in image.rsplit("/", 1)[-1] else ""
            assert "@sha256:" in image or tag not in ("", "latest"), f"unpinned image {image}"


@overlays
def test_each_service_serves_on_its_port_behind_its_service(overlay: str) -> None:
    deployments, services = of_kind(overlay, "Deployment"), of_kind(overlay, "Service")
    for name, port in PORTS.items():
        pod = deployments[name]["spec"]["template"]
        (container,) = pod["spec"]["containers"]
        assert container["command"] == ["python", "-m", name, "serve"]
        assert [p["containerPort"] for p in container["ports"]] == [port]
        service = services[name]["spec"]
        assert [p["port"] for p in service["ports"]] == [port]
        assert service["selector"].items() <= pod["metadata"]["labels"].items()


@overlays
def test_the_notification_worker_runs_apart_from_the_api(overlay: str) -> None:
    worker = of_kind(overlay, "Deployment").get(WORKER)
    assert worker is not None, "the notifications worker Deployment is missing"
    (container,) = worker["spec"]["template"]["spec"]["containers"]
    assert container["command"] == ["python", "-m", "notifications", "worker"]
    labels = worker["spec"]["template"]["metadata"]["labels"]
    for service in of_kind(overlay, "Service").values():
        assert not service["spec"]["selector"].items() <= labels.items(), "no Service routes to the worker"


@overlays
def test_each_service_reads_its_database_url_from_its_own_secret(overlay: str) -> None:
    deployments = of_kind(overlay, "Deployment")
    secrets = {name: database_secret(deployments[name]["spec"]["template"]["spec"]) for name in PORTS}
    assert len(set(secrets.values())) == len(PORTS), secrets
    assert database_secret(deployments[WORKER]["spec"]["template"]["spec"]) == secrets["notifications"]
    literal = [
        env["name"]
        for _, pod in workloads(overlay)
        for container in containers(pod)
        for env in container.get("env", [])
        if env["name"].endswith("_DATABASE_URL") and "value" in env
    ]
    assert not literal, f"database URLs written in the manifest: {literal}"


@overlays
def test_a_migration_job_per_service_uses_that_services_role(overlay: str) -> None:
    deployments, jobs = of_kind(overlay, "Deployment"), of_kind(overlay, "Job")
    assert set(jobs) == {f"{name}-migrate" for name in PORTS}
    for name in PORTS:
        pod = jobs[f"{name}-migrate"]["spec"]["template"]["spec"]
        assert pod["containers"][0]["command"] == ["python", "-m", name, "migrate"]
        assert database_secret(pod) == database_secret(deployments[name]["spec"]["template"]["spec"])


@overlays
def test_autoscaled_deployments_leave_the_replica_count_to_the_hpa(overlay: str) -> None:
    deployments, hpas = of_kind(overlay, "Deployment"), of_kind(overlay, "HorizontalPodAutoscaler")
    assert {hpa["spec"]["scaleTargetRef"]["name"] for hpa in hpas.values()} == set(AUTOSCALED)
    for hpa in hpas.values():
        target = hpa["spec"]["scaleTargetRef"]
        assert target["kind"] == "Deployment"
        assert "replicas" not in deployments[target["name"]]["spec"], target["name"]
        assert 1 <= hpa["spec"]["minReplicas"] <= hpa["spec"]["maxReplicas"]


@overlays
def test_every_deployment_has_a_disruption_budget(overlay: str) -> None:
    budgets = [pdb["spec"]["selector"]["matchLabels"] for pdb in of_kind(overlay, "PodDisruptionBudget").values()]
    for name, deployment in of_kind(overlay, "Deployment").items():
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert any(selector.items() <= labels.items() for selector in budgets), name


@overlays
def test_only_the_gateway_is_reachable_from_outside(overlay: str) -> None:
    policies = of_kind(overlay, "NetworkPolicy").values()
    deny = [p for p in policies if p["spec"]["podSelector"] == {} and not p["spec"].get("ingress")]
    assert any(set(p["spec"]["policyTypes"]) == {"Ingress", "Egress"} for p in deny), "no default deny"
    allowed = {
        "gateway": None,  # the ingress controller plus the services fetching the JWKS
        "tasks": {"gateway", WORKER},
        "indicators": {"gateway", WORKER},
        "notifications": {"gateway"},
        WORKER: set(),
    }
    for policy in policies:
        target = policy["spec"]["podSelector"].get("matchLabels", {}).get(NAME)
        peers = [peer for rule in policy["spec"].get("ingress", []) for peer in rule.get("from", [])]
        assert target is not None or not peers, f"{policy['metadata']['name']} opens ingress to every pod"
        if target == "gateway" or not peers:
            continue
        for peer in peers:
            assert set(peer) == {"podSelector"}, f"{target} accepts traffic from outside the namespace"
            assert peer_names(peer) <= allowed[target], f"{target} accepts {peer_names(peer)}"


@overlays
def test_the_ingress_sends_the_overlay_host_to_the_gateway(overlay: str) -> None:
    (ingress,) = of_kind(overlay, "Ingress").values()
    (rule,) = ingress["spec"]["rules"]
    assert rule["host"] == HOSTS[overlay]
    assert [HOSTS[overlay]] == [host for tls in ingress["spec"]["tls"] for host in tls["hosts"]]
    backends = {path["backend"]["service"]["name"] for path in rule["http"]["paths"]}
    assert backends == {"gateway"}
