"""Write the data dictionary.

Input: datapackage.json and data/*.csv (through the loader).
Output: docs/data-dictionary.md (tests/test_docs.py fails when it is out of date).
"""

from dprk_kursk import load_package
from dprk_kursk.dictionary import render
from dprk_kursk.paths import DICTIONARY, ROOT

if __name__ == "__main__":
    DICTIONARY.parent.mkdir(exist_ok=True)
    DICTIONARY.write_text(render(load_package()), encoding="utf-8")
    print(f"docs: {DICTIONARY.relative_to(ROOT)}")
