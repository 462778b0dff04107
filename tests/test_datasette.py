"""Datasette serves the SQLite database with the metadata generated from the descriptor: a faceted query read
back through its JSON API on 127.0.0.1 matches the package."""

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from dprk_kursk import load_package
from dprk_kursk.export import build_sqlite, datasette_metadata
from dprk_kursk.paths import DESCRIPTOR

DESCRIPTOR_JSON = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
NAME = DESCRIPTOR_JSON["name"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("datasette")
    database = build_sqlite(folder / f"{NAME}.sqlite")
    metadata = folder / "metadata.json"
    metadata.write_text(json.dumps(datasette_metadata(DESCRIPTOR_JSON)), encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(database),
            "-m",
            str(metadata),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            get(f"{base}/-/versions.json")
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"datasette did not start: {process.stderr.read().decode()[-500:]}")
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


def test_metadata_describes_every_table_and_column(server):
    served = get(f"{server}/-/metadata.json")
    assert served["title"] == DESCRIPTOR_JSON["title"] and served["license"] == DESCRIPTOR_JSON["licenses"][0]["name"]
    tables = served["databases"][NAME]["tables"]
    for resource in DESCRIPTOR_JSON["resources"]:
        assert set(tables[resource["name"]]["columns"]) == {f["name"] for f in resource["schema"]["fields"]}


def test_a_faceted_query_reads_back_the_package(server):
    result = get(f"{server}/{NAME}/figures_in_context.json?measure=killed&_facet=country&_facet=claimant&_size=max")
    figures = load_package().figures_in_context()
    killed = figures[figures["measure"] == "killed"]
    assert len(result["rows"]) == len(killed) > 0
    countries = {item["value"]: item["count"] for item in result["facet_results"]["country"]["results"]}
    assert countries == killed["country"].value_counts().to_dict()
    facets = get(f"{server}/{NAME}/figures_in_context.json?_size=0")["facet_results"]
    assert {"measure", "claimant", "country"} <= set(facets)
