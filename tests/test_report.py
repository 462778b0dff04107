"""The static report: built into a scratch folder, every link on its index resolves inside that folder."""
import json
import re

import pytest

from conftest import load_script
from dprk_kursk.export import build_archive
from dprk_kursk.paths import DESCRIPTOR, ROOT


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    module = load_script("build_report")
    out, dist = tmp_path_factory.mktemp("report"), tmp_path_factory.mktemp("dist")
    build_archive(dist)
    module.REPORT, module.DIST = out, dist
    module.main()
    return out


def test_index_links_resolve_inside_the_report(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    links = re.findall(r"(?:href|src)='([^']+)'", index)
    assert links and all((report / link).is_file() for link in links), [l for l in links if not (report / l).is_file()]


def test_index_offers_every_table_the_archive_and_the_charts(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    descriptor = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        assert f"href='{resource['path']}'" in index
    assert f"{descriptor['name']}-{descriptor['version']}.zip" in index
    assert f"Version {descriptor['version']}" in index
    assert len(re.findall(r"<img src='figures/[^']+\.png'", index)) == len(list((ROOT / "figures").glob("*.png"))) > 0
    assert len(list(report.glob("[0-9][0-9]-*.html"))) == len(list((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb")))
