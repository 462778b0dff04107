"""pytest plugin (loaded by pytest.ini's `-p dprk_kursk.pytest_plugin`): nbval's output sanitizer, found from
the repository root, so `pytest --nbval notebooks/` works from any folder (a path in pytest.ini's addopts is
read from the working directory). A sanitizer given on the command line wins."""

from dprk_kursk.paths import ROOT

SANITIZE = ROOT / "tests" / "nbval-sanitize.cfg"


def pytest_configure(config):
    if hasattr(config.option, "nbval_sanitize_with") and not config.option.nbval_sanitize_with:
        config.option.nbval_sanitize_with = str(SANITIZE)
