"""Make the repository's shared code (`dprk_kursk`) importable in the running virtual environment.

Input: none. Output: a `dprk_kursk.pth` file in the environment's site-packages naming the repository root,
so notebooks, scripts and tests import the same loader whatever folder they run from.
"""
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    site = Path(sysconfig.get_paths()["purelib"])
    (site / "dprk_kursk.pth").write_text(f"{ROOT}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
