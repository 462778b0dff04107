"""Re-execute every notebook in notebooks/ in place, top to bottom, in a fresh kernel each, several at once.

Input: notebooks/NN-*.ipynb and the data package. Output: the same notebooks with fresh outputs
(execution counts 1..n, no timing metadata) and the charts they write to figures/.
"""

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from dprk_kursk.paths import NOTEBOOKS


def run(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)


def timed_run(path: Path) -> float:
    started = time.perf_counter()
    run(path)
    return time.perf_counter() - started


def main(names=None) -> None:
    """Run the notebooks, as many at a time as there are CPUs (each in its own process and kernel)."""
    paths = [Path(n) for n in names] if names else sorted(NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
    with ProcessPoolExecutor(max_workers=min(len(paths), os.cpu_count() or 1)) as pool:
        for path, seconds in zip(paths, pool.map(timed_run, paths)):
            print(f"ran {path.name} in {seconds:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
