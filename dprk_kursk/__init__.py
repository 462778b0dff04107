"""Shared code for the dprk-troops-russia-kursk data package.

Everything that reads the package goes through here: notebooks, scripts and tests alike.
The loader (and with it pandas) is imported on first use, so the validator starts without pandas.
"""

from dprk_kursk.paths import ROOT

__all__ = ["InvalidPackage", "Package", "ROOT", "load_package"]


def __getattr__(name):
    if name in ("InvalidPackage", "Package", "load_package"):
        from dprk_kursk import load

        return getattr(load, name)
    raise AttributeError(name)
