"""Shared code for the dprk-troops-russia-kursk data package.

Everything that reads the package goes through here: notebooks, scripts and tests alike.
"""
from dprk_kursk.load import Package, load_package
from dprk_kursk.paths import ROOT

__all__ = ["Package", "ROOT", "load_package"]
