"""The kustomize overlays build, pass the Kubernetes schemas, and keep the deployment rules."""

from __future__ import annotations

import asyncio
import fnmatch
import functools
import json
import re
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import kubernetes_validate
import pytest
import yaml
from common.settings import FollowerSettings
from gateway.client.service_accounts import SERVICE_CLIENTS
from gateway.web import API_PREFIXES, SecurityHeadersMiddleware
from indicators.config import Settings as IndicatorsSettings
from kubernetes_validate.utils import latest_version
from notifications.config import Settings as NotificationsSettings
from pydantic import TypeAdapter
from tasks.config import Settings as TasksSettings

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
COMPONENT = "app.kubernetes.io/component"
# deploy/README.md deletes the previous release's Jobs by these components before applying the new ones.
JOB_COMPONENTS = {"migration", "seed"}
DIRECTORY_JOB = "gateway-load-agencies"
# The services that follow the gateway's feeds with their own API client, and their settings.
FOLLOWERS: dict[str, type[FollowerSettings]] = {
    "tasks": TasksSettings,
    "indicators": IndicatorsSettings,
    "notifications": NotificationsSettings,
}
# Where each service follows the feeds: its API Deployment, or for notifications its worker.
FOLLOWING_DEPLOYMENT = {"tasks": "tasks", "indicators": "indicators", "notifications": WORKER}
# The SPA's static files: nginx in its own image, reached only from the ingress controller.
WEB, WEB_IMAGE, WEB_PORT, WEB_HEALTH = "web", "tiendo-web", 8080, "/healthz"
WEB_DOCKERFILE = REPO / "deploy" / "Dockerfile.web"
NGINX_CONF = REPO / "deploy" / "web" / "nginx.conf"
INGRESS_NAMESPACE = {"kubernetes.io/metadata.name": "ingress-nginx"}
# The gateway's SPA caching (gateway/src/gateway/web.py, spa_router), which nginx must repeat.
IMMUTABLE = "public, max-age=31536000, immutable"


class Seed(NamedTuple):
    job: str
    command: list[str]  # up to --data-dir
    image_dir: str  # where the Dockerfile puts `data_dir`
    data_dir: str  # in the repository


# Each follower's one-off loader of the data baked into the image.
SEEDS = {
    "tasks": Seed("tasks-load-plans", ["python", "-m", "tasks", "load-plans"], "/app/data/plans", "data/plans"),
    "indicators": Seed(
        "indicators-load-seeds",
        ["python", "-m", "indicators", "load-seeds"],
        "/app/data/indicators",
        "data/indicators",
    ),
}
SEED_JOBS = {seed.job for seed in SEEDS.values()}

Manifest = dict[str, Any]


class SecretRef(NamedTuple):
    name: str
    key: str


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


def environment(overlay: str, container: Manifest) -> dict[str, Any]:
    """The container's variables: values from its ConfigMaps and `env`, a SecretRef for each secretKeyRef."""
    config_maps = of_kind(overlay, "ConfigMap")
    env: dict[str, Any] = {}
    for source in container.get("envFrom", []):
        assert set(source) == {"configMapRef"}, f"{container['name']}: only ConfigMaps are read whole ({source})"
        env.update(config_maps[source["configMapRef"]["name"]]["data"])
    for var in container.get("env", []):
        if "value" in var:
            env[var["name"]] = var["value"]
        else:
            ref = var["valueFrom"]["secretKeyRef"]
            env[var["name"]] = SecretRef(ref["name"], ref["key"])
    return env


def job_pod(overlay: str, name: str) -> Manifest:
    jobs = of_kind(overlay, "Job")
    assert name in jobs, f"Job {name} is missing"
    pod: Manifest = jobs[name]["spec"]["template"]["spec"]
    return pod


def service_container(overlay: str, name: str) -> Manifest:
    (container,) = of_kind(overlay, "Deployment")[name]["spec"]["template"]["spec"]["containers"]
    found: Manifest = container
    return found


def tasks_container(overlay: str) -> Manifest:
    return service_container(overlay, "tasks")


def prefix(service: str) -> str:
    """The service's environment prefix (TASKS_, INDICATORS_)."""
    found: str = FOLLOWERS[service].model_config["env_prefix"]
    return found


def script(container: Manifest) -> str:
    """The Python a `python -c` container runs."""
    command = container["command"]
    assert command[:2] == ["python", "-c"], command
    return str(command[2])


def bytes_of(quantity: str) -> int:
    """An nginx size (`50m`, `512k`, `1g` or plain bytes)."""
    match = re.fullmatch(r"(\d+)([kmg]?)", quantity.lower())
    assert match is not None, f"not an nginx size: {quantity}"
    number, unit = match.groups()
    return int(number) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]


def selects(policy: Manifest, labels: dict[str, str]) -> bool:
    selector = policy["spec"]["podSelector"]
    assert not selector.get("matchExpressions"), "policy pod selectors use matchLabels"
    return bool(selector.get("matchLabels", {}).items() <= labels.items())


def allowed_ports(overlay: str, direction: str, pod: str, peer: Any) -> set[int]:
    """TCP ports the policies open for `pod` in `direction` ("egress"/"ingress") to peers `peer(peer)` accepts."""
    side = "to" if direction == "egress" else "from"
    ports: set[int] = set()
    for policy in of_kind(overlay, "NetworkPolicy").values():
        if not selects(policy, {NAME: pod}) or direction.capitalize() not in policy["spec"]["policyTypes"]:
            continue
        for rule in policy["spec"].get(direction, []):
            if any(peer(p) for p in rule.get(side, [])):
                ports |= {p["port"] for p in rule.get("ports", []) if p.get("protocol", "TCP") == "TCP"}
    return ports


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
        expected = {"livenessProbe": "/health", "readinessProbe": "/ready"}
        if name == WEB:  # nginx has no database to be ready for: both probes ask its /healthz location
            expected = dict.fromkeys(expected, WEB_HEALTH)
        for container in containers(deployment["spec"]["template"]["spec"]):
            ports = {p["name"] for p in container["ports"]} | {p["containerPort"] for p in container["ports"]}
            for probe, path in expected.items():
                http = container.get(probe, {}).get("httpGet", {})
                assert http.get("path") == path, f"{name}: {probe} must GET {path}"
                assert http.get("port") in ports, f"{name}: {probe} probes an undeclared port"


@overlays
def test_every_container_is_limited_and_unprivileged(overlay: str) -> None:
    for workload, pod in workloads(overlay):
        name = workload["metadata"]["name"]
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}, name
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


def split_image(image: str) -> tuple[str, str]:
    """(repository, tag or digest) of an image reference."""
    if "@" in image:
        repository, digest = image.split("@", 1)
        return repository, digest
    repository, _, tag = image.rpartition(":") if ":" in image.rsplit("/", 1)[-1] else (image, "", "")
    return repository, tag


@overlays
def test_every_process_runs_the_one_tiendo_image_and_web_its_twin(overlay: str) -> None:
    images = {
        container["image"]
        for workload, pod in workloads(overlay)
        if workload["metadata"]["name"] != WEB
        for container in containers(pod)
    }
    assert len(images) == 1, images
    repository, tag = split_image(images.pop())
    assert repository.rsplit("/", 1)[-1] == "tiendo", repository
    # The SPA's image comes from the same registry and the same release (its API client is generated from
    # that release's openapi.json).
    (web,) = of_kind(overlay, "Deployment")[WEB]["spec"]["template"]["spec"]["containers"]
    assert split_image(web["image"]) == (repository.rsplit("/", 1)[0] + "/" + WEB_IMAGE, tag), web["image"]


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
    assert container["command"] == ["python", "-m", "notifications", "work"]
    assert worker["spec"]["replicas"] >= 2, "two replicas at least: they share the work through the database"
    env = environment(overlay, container)
    assert env["NOTIFICATIONS_WORKER_HEALTH_PORT"] == str(container["ports"][0]["containerPort"])
    assert container["livenessProbe"]["httpGet"]["path"] == "/health"
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
    assert set(jobs) == {f"{name}-migrate" for name in PORTS} | {DIRECTORY_JOB} | SEED_JOBS
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
def test_only_the_gateway_and_web_are_reachable_from_outside(overlay: str) -> None:
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
        if target in ("gateway", WEB) or not peers:  # web: its own test below
            continue
        for peer in peers:
            assert set(peer) == {"podSelector"}, f"{target} accepts traffic from outside the namespace"
            assert peer_names(peer) <= allowed[target], f"{target} accepts {peer_names(peer)}"


@overlays
def test_the_ingress_sends_the_overlay_host_to_the_gateway_and_web(overlay: str) -> None:
    (ingress,) = of_kind(overlay, "Ingress").values()
    (rule,) = ingress["spec"]["rules"]
    assert rule["host"] == HOSTS[overlay]
    assert [HOSTS[overlay]] == [host for tls in ingress["spec"]["tls"] for host in tls["hosts"]]
    services = of_kind(overlay, "Service")
    for path in rule["http"]["paths"]:
        backend = path["backend"]["service"]
        assert backend["name"] in ("gateway", WEB), backend
        ports = services[backend["name"]]["spec"]["ports"]
        assert backend["port"].get("name") in {p["name"] for p in ports}, backend


def ingress_backend(rule: Manifest, request_path: str) -> str | None:
    """The Service an Ingress rule sends `request_path` to: the longest matching path, Exact before Prefix."""
    matches = []
    for path in rule["http"]["paths"]:
        kind, target = path["pathType"], path["path"]
        if kind == "Exact":
            hit = request_path == target
        else:
            assert kind == "Prefix", f"{target}: pathType {kind} is left to the controller"
            wanted = [part for part in target.split("/") if part]
            hit = [part for part in request_path.split("/") if part][: len(wanted)] == wanted
        if hit:
            matches.append((len(target.rstrip("/")), kind == "Exact", path["backend"]["service"]["name"]))
    return max(matches)[2] if matches else None


@overlays
def test_the_ingress_sends_the_gateways_paths_to_it_and_every_other_path_to_web(overlay: str) -> None:
    (rule,) = of_kind(overlay, "Ingress")["gateway"]["spec"]["rules"]
    # Every path the gateway keeps from its SPA router (gateway/src/gateway/web.py) is the gateway's.
    for prefix in API_PREFIXES:
        for request_path in {prefix.rstrip("/"), prefix + "x" if prefix.endswith("/") else prefix}:
            assert ingress_backend(rule, request_path) == "gateway", request_path
    for request_path in ("/api/v1/tasks", "/api/docs", "/.well-known/jwks.json", "/health", "/ready"):
        assert ingress_backend(rule, request_path) == "gateway", request_path
    for request_path in ("/", "/index.html", "/assets/index-abc123.js", "/favicon.svg", "/tasks/42", "/apidocs"):
        assert ingress_backend(rule, request_path) == WEB, request_path


@overlays
def test_only_the_ingress_controller_reaches_web_and_web_reaches_nothing(overlay: str) -> None:
    (container,) = of_kind(overlay, "Deployment")[WEB]["spec"]["template"]["spec"]["containers"]
    assert [p["containerPort"] for p in container["ports"]] == [WEB_PORT]
    service = of_kind(overlay, "Service")[WEB]["spec"]
    assert [(p["name"], p["port"], p["targetPort"]) for p in service["ports"]] == [("http", WEB_PORT, "http")]
    labels = of_kind(overlay, "Deployment")[WEB]["spec"]["template"]["metadata"]["labels"]
    assert service["selector"].items() <= labels.items()
    peers = []
    for policy in of_kind(overlay, "NetworkPolicy").values():
        if selects(policy, labels) and "Ingress" in policy["spec"]["policyTypes"]:
            peers += [peer for rule in policy["spec"].get("ingress", []) for peer in rule.get("from", [])]
    assert peers == [{"namespaceSelector": {"matchLabels": INGRESS_NAMESPACE}}], peers
    assert allowed_ports(overlay, "ingress", WEB, lambda peer: True) == {WEB_PORT}
    # No other pod's policy lets it call web, and web may call no pod in or out of the namespace.
    for name in [*PORTS, WORKER, *SEED_JOBS]:
        assert not allowed_ports(overlay, "egress", name, lambda peer: WEB in peer_names(peer)), name
    selectors = ("podSelector", "namespaceSelector")
    assert not allowed_ports(overlay, "egress", WEB, lambda peer: any(key in peer for key in selectors))


@overlays
def test_every_job_is_replaced_by_the_release_steps(overlay: str) -> None:
    """deploy/README.md deletes Jobs by component; migrations (and the directory) first, the seed with the rollout."""
    components = {name: job["metadata"]["labels"].get(COMPONENT) for name, job in of_kind(overlay, "Job").items()}
    assert set(components.values()) <= JOB_COMPONENTS, components
    assert components[DIRECTORY_JOB] == "migration"
    for seed_job in SEED_JOBS:
        assert components.get(seed_job) == "seed", seed_job
    for name, job in of_kind(overlay, "Job").items():
        assert job["spec"]["template"]["metadata"]["labels"].get(COMPONENT) == components[name], name


def assert_follows_the_gateway_directory_with_its_own_client(overlay: str, service: str) -> None:
    env, p = environment(overlay, service_container(overlay, FOLLOWING_DEPLOYMENT[service])), prefix(service)
    url = urlsplit(env[f"{p}DIRECTORY_URL"])
    assert (url.scheme, url.hostname, url.port) == ("http", "gateway", PORTS["gateway"]), url
    client_id = env.get(f"{p}DIRECTORY_CLIENT_ID", FOLLOWERS[service].model_fields["directory_client_id"].default)
    assert client_id == SERVICE_CLIENTS[service]
    secret = env[f"{p}DIRECTORY_CLIENT_SECRET"]
    assert isinstance(secret, SecretRef), "the client secret comes from a Secret"
    # The gateway registers the client with the same Secret, after its own migration.
    pod = job_pod(overlay, DIRECTORY_JOB)
    (init,) = pod["initContainers"]
    assert init["command"] == ["python", "-m", "gateway", "migrate"]
    (container,) = pod["containers"]
    assert environment(overlay, container)["GATEWAY_SERVICE_CLIENT_SECRET"] == secret
    assert container["command"] == ["python", "-m", "gateway", "load-agencies"]  # no --demo in a cluster
    gateway_pod = of_kind(overlay, "Deployment")["gateway"]["spec"]["template"]["spec"]
    assert database_secret(pod) == database_secret(gateway_pod)
    # Every <SVC>_ variable is a setting the service knows (a misspelt one would be silently ignored).
    fields = FOLLOWERS[service].model_fields
    unknown = [name for name in env if name.startswith(p) and name[len(p) :].lower() not in fields]
    assert not unknown, unknown


@overlays
def test_tasks_follows_the_gateway_directory_with_its_own_client(overlay: str) -> None:
    assert_follows_the_gateway_directory_with_its_own_client(overlay, "tasks")


@overlays
def test_indicators_follows_the_gateway_directory_with_its_own_client(overlay: str) -> None:
    assert_follows_the_gateway_directory_with_its_own_client(overlay, "indicators")


@overlays
def test_the_notifications_worker_follows_the_gateway_feeds_with_its_own_client(overlay: str) -> None:
    assert_follows_the_gateway_directory_with_its_own_client(overlay, "notifications")


@overlays
def test_every_client_the_gateway_registers_is_one_a_service_follows_with(overlay: str) -> None:
    """SERVICE_CLIENTS and the Deployments agree both ways: no service left without the feed, no stray client."""
    assert set(SERVICE_CLIENTS) == set(FOLLOWERS), "a follower without its settings here (FOLLOWERS)"
    following = {
        name: env
        for name in PORTS
        for env in [environment(overlay, service_container(overlay, FOLLOWING_DEPLOYMENT.get(name, name)))]
        if any(key.endswith("_DIRECTORY_URL") for key in env)
    }
    assert set(following) == set(SERVICE_CLIENTS), following.keys()


def assert_seed_job_loads_the_image_data_once_the_gateway_is_ready(overlay: str, service: str) -> None:
    seed, p = SEEDS[service], prefix(service)
    pod = job_pod(overlay, seed.job)
    (container,) = pod["containers"]
    command = container["command"]
    assert command[: len(seed.command)] == seed.command, command
    assert command[command.index("--data-dir") + 1] == seed.image_dir
    service_pod = of_kind(overlay, "Deployment")[service]["spec"]["template"]["spec"]
    assert database_secret(pod) == database_secret(service_pod)
    # The loader copies the directory from the gateway itself before it reads the tables.
    env, service_env = environment(overlay, container), environment(overlay, service_container(overlay, service))
    for name in (f"{p}DIRECTORY_URL", f"{p}DIRECTORY_CLIENT_ID", f"{p}DIRECTORY_CLIENT_SECRET"):
        assert env.get(name) == service_env.get(name), name
    assert env.get("TIENDO_DEMO_MODE") == "false", "no generated demo values in a cluster"
    (init,) = pod["initContainers"]
    code = script(init)
    compile(code, seed.job, "exec")
    assert f'os.environ["{p}DIRECTORY_URL"]' in code and '"/ready"' in code
    assert environment(overlay, init)[f"{p}DIRECTORY_URL"] == env[f"{p}DIRECTORY_URL"]
    labels = of_kind(overlay, "Job")[seed.job]["spec"]["template"]["metadata"]["labels"]
    for other in of_kind(overlay, "Service").values():
        assert not other["spec"]["selector"].items() <= labels.items(), "no Service routes to the Job"


@overlays
def test_the_seed_plans_job_loads_the_plans_in_the_image_once_the_gateway_is_ready(overlay: str) -> None:
    assert_seed_job_loads_the_image_data_once_the_gateway_is_ready(overlay, "tasks")


@overlays
def test_the_seed_indicators_job_loads_the_tables_in_the_image_once_the_gateway_is_ready(overlay: str) -> None:
    assert_seed_job_loads_the_image_data_once_the_gateway_is_ready(overlay, "indicators")


def final_stage(dockerfile: Path) -> str:
    return re.split(r"(?m)^FROM ", dockerfile.read_text(encoding="utf-8"))[-1]


def copies(stage: str) -> list[list[str]]:
    """The arguments of each COPY in a stage (a `--from=` included)."""
    return [shlex.split(line)[1:] for line in stage.splitlines() if line.startswith("COPY ")]


def left_out_of_the_context(dockerfile: Path, path: str) -> bool:
    """Whether the Dockerfile's own .dockerignore drops `path` (the last matching pattern decides, `!` keeps)."""
    patterns = [
        line.strip()
        for line in dockerfile.with_name(dockerfile.name + ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    prefixes = ["/".join(path.split("/")[: i + 1]) for i in range(path.count("/") + 1)]
    excluded = False
    for pattern in patterns:
        keep = pattern.startswith("!")
        glob = pattern.lstrip("!").strip("/")
        if any(fnmatch.fnmatch(prefix, glob) for prefix in prefixes):
            excluded = not keep
    return excluded


def assert_the_image_carries(seed: Seed, files: list[str]) -> None:
    dockerfile = REPO / "deploy" / "Dockerfile"
    steps = copies(final_stage(dockerfile))
    assert [seed.data_dir + "/", seed.image_dir + "/"] in steps, steps
    # Every file plans.json names is in the repository, so in the build context ...
    assert all((REPO / seed.data_dir / name).is_file() for name in files), files
    # ... unless the .dockerignore drops it.
    for name in files:
        path = f"{seed.data_dir}/{name}"
        assert not left_out_of_the_context(dockerfile, path), f"{path} is left out of the build context"


def seed_entries(service: str) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = json.loads(
        (REPO / SEEDS[service].data_dir / "plans.json").read_text(encoding="utf-8")
    )
    assert entries, f"{SEEDS[service].data_dir}/plans.json names nothing"
    return entries


def test_the_image_carries_the_seed_plans() -> None:
    entries = seed_entries("tasks")
    assert_the_image_carries(SEEDS["tasks"], ["plans.json", *(e["tasks"] for e in entries if e.get("tasks"))])


def test_the_image_carries_the_seed_indicators() -> None:
    entries = seed_entries("indicators")
    assert_the_image_carries(SEEDS["indicators"], ["plans.json", *(entry["file"] for entry in entries)])


@overlays
def test_tasks_keeps_evidence_in_s3_configured_from_a_secret(overlay: str) -> None:
    env = environment(overlay, tasks_container(overlay))
    assert env["TASKS_STORAGE_BACKEND"] == "s3"
    assert int(env["TASKS_MAX_UPLOAD_BYTES"]) == 20 * 1024 * 1024
    for name in ("ENDPOINT_URL", "BUCKET", "REGION", "ACCESS_KEY", "SECRET_KEY"):
        assert isinstance(env[f"TASKS_S3_{name}"], SecretRef), f"TASKS_S3_{name} is not read from a Secret"
    # Every TASKS_ variable is a setting the service knows (a misspelt one would be silently ignored).
    fields = TasksSettings.model_fields
    unknown = [name for name in env if name.startswith("TASKS_") and name[6:].lower() not in fields]
    assert not unknown, unknown


@overlays
def test_the_ingress_accepts_an_evidence_file_of_the_largest_size(overlay: str) -> None:
    (ingress,) = of_kind(overlay, "Ingress").values()
    limit = bytes_of(ingress["metadata"]["annotations"]["nginx.ingress.kubernetes.io/proxy-body-size"])
    largest = int(environment(overlay, tasks_container(overlay))["TASKS_MAX_UPLOAD_BYTES"])
    assert limit >= largest + 1024 * 1024, "room for the file and its multipart framing"


@overlays
def test_the_followers_and_their_seed_jobs_reach_the_gateway_and_tasks_reaches_the_object_store(
    overlay: str,
) -> None:
    gateway_port = PORTS["gateway"]
    for pod in [*FOLLOWERS, *SEED_JOBS]:
        to_gateway = allowed_ports(overlay, "egress", pod, lambda peer: "gateway" in peer_names(peer))
        assert gateway_port in to_gateway, f"{pod} may not call the gateway"
        from_pod = allowed_ports(overlay, "ingress", "gateway", lambda peer, pod=pod: pod in peer_names(peer))
        assert gateway_port in from_pod, f"the gateway does not accept {pod}"
    for job in SEED_JOBS:
        assert not allowed_ports(overlay, "ingress", job, lambda peer: True), f"{job} accepts traffic"
    outside = allowed_ports(overlay, "egress", "tasks", lambda peer: "ipBlock" in peer)
    assert 443 in outside, "tasks may not reach the S3 endpoint over HTTPS"


def readme_jobs() -> dict[str, str]:
    """deploy/README.md's Job table: name → command (its first code span)."""
    readme = (REPO / "deploy" / "README.md").read_text(encoding="utf-8")
    table = readme.split("| Job | command | when |", 1)[1].split("\n\n", 1)[0]
    rows: dict[str, str] = {}
    for line in table.splitlines()[2:]:
        name, command = (re.search(r"`([^`]+)`", cell) for cell in line.split(" | ")[:2])
        assert name is not None and command is not None, line
        rows[name.group(1)] = command.group(1)
    return rows


def test_the_readme_lists_every_job_and_the_release_waits_for_the_seed_jobs() -> None:
    rows = readme_jobs()
    for name, job in of_kind("production", "Job").items():
        (container,) = job["spec"]["template"]["spec"]["containers"]
        service = name.removesuffix("-migrate") if name.endswith("-migrate") else None
        command = rows.get(name) or (rows.get("<svc>-migrate", "").replace("<svc>", service) if service else None)
        assert command == shlex.join(container["command"]), f"deploy/README.md: Job {name} ({command})"
    readme = (REPO / "deploy" / "README.md").read_text(encoding="utf-8")
    waited = {
        target.removeprefix("job/")
        for line in readme.splitlines()
        if line.startswith("kubectl -n tiendo wait --for=condition=complete")
        for target in line.split()
        if target.startswith("job/")
    }
    assert waited >= SEED_JOBS, f"the release does not wait for {SEED_JOBS - waited}"
    # The Secrets table names every variable the service-client secret is read into.
    (row,) = [line for line in readme.splitlines() if line.startswith("| `service-client` |")]
    for service in FOLLOWERS:
        assert f"{prefix(service)}DIRECTORY_CLIENT_SECRET" in row, service
        assert service not in SEEDS or SEEDS[service].job in row, service


def nginx_conf() -> str:
    """deploy/web/nginx.conf without its comments."""
    text = NGINX_CONF.read_text(encoding="utf-8")
    return "\n".join(line.split("#", 1)[0].rstrip() for line in text.splitlines())


def nginx_location(conf: str, match: str) -> str:
    """The body of `location <match> { ... }` (locations here hold no nested blocks)."""
    found = re.search(rf"location\s+{re.escape(match)}\s*\{{([^}}]*)\}}", conf)
    assert found is not None, f"no `location {match}` in {NGINX_CONF.name}"
    return found.group(1)


def test_nginx_serves_the_spa_with_its_fallback_and_caches_only_the_hashed_assets() -> None:
    conf = nginx_conf()
    assert re.search(r"try_files\s+\$uri\s+/index\.html\s*;", nginx_location(conf, "/")), "no SPA fallback"
    assert re.search(r"try_files\s+\$uri\s+=404\s*;", nginx_location(conf, "/assets/"))
    # Cache-Control comes from a map on $uri: Vite's content-hashed /assets/ for a year, all else (index.html,
    # the fallback included) revalidated. Not `always`: a missing asset's 404 must not be kept for a year.
    header = re.search(r"add_header\s+Cache-Control\s+\$(\w+)\s*;", conf)
    assert header is not None, "Cache-Control is not set from the map (or is set `always`)"
    block = re.search(rf"map\s+\$uri\s+\${header.group(1)}\s*\{{([^}}]*)\}}", conf)
    assert block is not None, f"no `map $uri ${header.group(1)}`"
    entries = dict(re.findall(r'^\s*(\S+)\s+"([^"]*)"\s*;', block.group(1), re.MULTILINE))
    assert entries == {"~^/assets/": IMMUTABLE, "default": "no-cache"}, entries
    assert "try_files" not in nginx_location(conf, "= /healthz")
    assert re.search(r"return\s+200\b", nginx_location(conf, "= /healthz")), "/healthz does not answer 200"
    assert re.search(r"(?m)^\s*server_tokens\s+off\s*;", conf)
    assert re.search(rf"(?m)^\s*listen\s+{WEB_PORT}\s*;", conf)
    assert not re.search(r"\b(proxy_pass|fastcgi_pass|uwsgi_pass|grpc_pass)\b", conf), "web proxies nothing"
    assert re.search(r"(?m)^\s*gzip\s+on\s*;", conf)
    (types,) = re.findall(r"gzip_types\s+([^;]+);", conf)
    assert {"application/javascript", "text/css", "image/svg+xml", "application/json"} <= set(types.split())


def gateway_security_headers(*, hsts: bool) -> dict[str, str]:
    """What the gateway's SecurityHeadersMiddleware adds to a page of the SPA."""
    sent: list[dict[str, Any]] = []

    async def page(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: Any) -> None:
        sent.append(message)

    middleware = SecurityHeadersMiddleware(page, hsts=hsts)
    asyncio.run(middleware({"type": "http", "path": "/tasks/42"}, receive, send))
    return {name.decode().lower(): value.decode() for name, value in sent[0]["headers"]}


@overlays
def test_nginx_sends_the_same_security_headers_as_the_gateway(overlay: str) -> None:
    env = environment(overlay, service_container(overlay, "gateway"))
    expected = gateway_security_headers(hsts=TypeAdapter(bool).validate_python(env.get("GATEWAY_HSTS", False)))
    added = re.findall(r'add_header\s+([\w-]+)\s+(?:"([^"]*)"|(\S+?))(\s+always)?\s*;', nginx_conf())
    headers = {name.lower(): quoted or bare for name, quoted, bare, _ in added}
    assert len(headers) == len(added), "a header is added twice"
    headers.pop("cache-control", None)  # the gateway's SPA router sets that one, not the middleware
    assert headers == expected
    # On error pages too, as the middleware does.
    assert all(always for name, _, _, always in added if name.lower() != "cache-control"), added


def test_the_web_image_builds_the_spa_and_serves_it_with_that_nginx_conf() -> None:
    build_stage, stage = re.split(r"(?m)^FROM ", WEB_DOCKERFILE.read_text(encoding="utf-8"))[1:]
    assert build_stage.startswith("node:22-slim ")
    assert "RUN npm ci" in build_stage.splitlines() and "RUN npm run build" in build_stage.splitlines()
    assert stage.split()[0].startswith("nginxinc/nginx-unprivileged:"), stage.split()[0]
    steps = copies(stage)
    assert ["deploy/web/nginx.conf", "/etc/nginx/nginx.conf"] in steps, steps
    (root,) = re.findall(r"(?m)^\s*root\s+(\S+)\s*;", nginx_conf())
    assert ["--from=frontend", "/src/frontend/dist", root] in steps, (root, steps)
    # The numeric user the pods run as (runAsNonRoot needs a number in the image).
    (user,) = re.findall(r"(?m)^USER\s+(\d+):(\d+)\s*$", stage)
    assert int(user[0]) > 0 and int(user[1]) > 0, user
    for overlay in OVERLAYS:
        pod = of_kind(overlay, "Deployment")[WEB]["spec"]["template"]["spec"]
        context = pod["securityContext"]
        assert (str(context["runAsUser"]), str(context["runAsGroup"])) == user, context
        # Read-only root: the pid file and every temp path nginx writes are on an emptyDir.
        (container,) = pod["containers"]
        empty = {v["name"] for v in pod["volumes"] if "emptyDir" in v}
        mounts = [m["mountPath"] for m in container["volumeMounts"] if m["name"] in empty]
        writes = re.findall(r"(?m)^\s*(?:pid|\w+_temp_path)\s+(\S+)\s*;", nginx_conf())
        assert len(writes) == 6, writes  # pid, client_body, proxy, fastcgi, uwsgi, scgi
        for path in writes:
            assert any(path.startswith(mount.rstrip("/") + "/") for mount in mounts), f"{path} is read-only"
    # The context holds what the build reads, and not the local node_modules or dist.
    needed = ["deploy/web/nginx.conf"] + [
        f"frontend/{name}" for name in ("package.json", "package-lock.json", "openapi.json", "index.html", "src")
    ]
    for path in needed:
        assert (REPO / path).exists(), path
        assert not left_out_of_the_context(WEB_DOCKERFILE, path), f"{path} is left out of the build context"
    for path in ("frontend/node_modules", "frontend/dist", "gateway", ".venv"):
        assert left_out_of_the_context(WEB_DOCKERFILE, path), f"{path} is sent to the build"
