"""Run one of scripts/ as a subprocess with the test interpreter."""
import subprocess
import sys

from dprk_kursk.paths import ROOT


def run_script(name, *args):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / name), *args],
                          capture_output=True, text=True, timeout=300)
