"""Build the static site (dprk_kursk.site.build_site, dprk_kursk/templates/).

Input: the package, notebooks/NN-*.ipynb as committed, figures/*.svg with their .txt or .json words,
docs/data-dictionary.md, site/ (style sheet and scripts) and the release archive in dist/ (`make dist`).
Output: report/ (index.html, claims.html, claims/F0001.html…, timeline.html, NN-*.html, data-dictionary.html,
the downloads).
"""

from dprk_kursk.paths import DIST, REPORT
from dprk_kursk.site import build_site

if __name__ == "__main__":
    built = build_site(REPORT, DIST)
    print(
        f"report: {built['pages']} pages ({built['claims']} claim pages), {built['charts']} charts and the downloads in {REPORT}"
    )
