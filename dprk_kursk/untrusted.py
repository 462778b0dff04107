"""Reading a package that may come from a stranger: only regular files inside its folder, within fixed limits.

`Intake(descriptor_file)` reads the descriptor and vets every file it names (resource paths, schema and dialect
files) before anything is opened: a url of any scheme, an absolute path, `..`, a link leading out of the folder,
a FIFO, device or directory, or a file over a limit is one located Problem and is never read. `resources()`
returns copies of the usable resources with their schema and dialect inline, so that what is handed on to
frictionless names nothing it could fetch or open outside the package. Nothing here uses the network.
"""

import json
import os
import re
import signal
import stat
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from dprk_kursk.problems import Problem
from dprk_kursk.rules.registry import declare

# The limits, documented in README.md ("Validating untrusted files"); each is checked before the work it bounds.
DESCRIPTOR_REFUSED = declare("descriptor.refused", "datapackage.json cannot be read safely, or names what is not read")
FILE_REFUSED = declare("file.refused", "a file the descriptor names is missing, outside the package or over a limit")
MAX_DESCRIPTOR_BYTES = 1_000_000  # datapackage.json, and each schema or dialect file it names
MAX_DEPTH = 50  # nesting of objects and lists in those files
MAX_RESOURCES = 100
MAX_FILE_BYTES = 50_000_000  # one data file
MAX_PACKAGE_BYTES = 200_000_000  # all data files together
MAX_CELL_CHARS = 100_000
MAX_ROW_CELLS = 200  # cells in one row, the header included
MAX_SECONDS = 60  # the whole validation, for what no size limit bounds (a schema pattern that backtracks forever)

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
PROFILES = {"package": {"data-package", "tabular-data-package"}, "resource": {"data-resource", "tabular-data-resource"}}
STANDARD = {"package": "datapackage", "resource": "dataresource", "schema": "tableschema", "dialect": "tabledialect"}
KINDS = {
    stat.S_IFDIR: "a directory",
    stat.S_IFIFO: "a FIFO",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFLNK: "a link",
}
UNSUPPORTED = ("url", "extrapaths", "innerpath", "compression")  # ways frictionless reads more than one plain file


class OutOfTime(BaseException):
    """Validation ran past its time limit; a BaseException, so that no library's `except Exception` swallows it."""


@contextmanager
def time_limit(seconds: float):
    """Raise OutOfTime after `seconds` in this process, and in a helper process forked meanwhile (the handler is
    inherited; validate() hands the time left to its helper). Without SIGALRM (Windows) there is no limit."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum, frame):
        raise OutOfTime(f"took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def name_refusal(path) -> str:
    """Why `path`, as written in a descriptor, cannot name a file inside the package; '' when it can."""
    if not isinstance(path, str) or not path:
        return "not a file name"
    if SCHEME.match(path):
        return "a url; validation reads only files inside the package and never fetches one"
    if path.startswith(("/", "\\", "~")):
        return "an absolute path; only files inside the package folder are read"
    if ".." in PurePosixPath(path).parts:
        return "a path out of the package folder (..)"
    if "\0" in path or not (path[0].isalnum() or path[0] in "._"):
        return "not a plain file name (one starting with a letter, digit, '.' or '_')"
    return ""


def nesting_depth(text: str) -> int:
    """How deeply objects and lists nest in JSON `text`, counted without parsing (so without recursion)."""
    depth = deepest = 0
    for bracket in re.findall(r"[][{}]", JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def standard_profile(level: str, url) -> bool:
    return isinstance(url, str) and url in {
        f"https://datapackage.org/profiles/{version}/{STANDARD[level]}.json" for version in ("1.0", "2.0")
    }


class Folder:
    """One package folder, its files read only when vetted; `problems` collects every refusal."""

    def __init__(self, descriptor_file: Path):
        self.name = descriptor_file.name
        self.base = os.path.realpath(descriptor_file.parent)
        self.text = ""
        self.problems = []

    def refuse(self, file, line, column, message, value=""):
        """Record a problem; returns None, for the callers that refuse with it."""
        shown = value if isinstance(value, str) else json.dumps(value)[:200]
        code = DESCRIPTOR_REFUSED if file == self.name else FILE_REFUSED
        self.problems.append(Problem(file, line, column, message, shown, code))

    def vet(self, path: str, owner: str, limit: int):
        """(real path, size) of `path` (relative to the package) when it is a regular file inside it of at most
        `limit` bytes; else None, with the reason recorded against `path`. Nothing is opened."""
        real = os.path.realpath(os.path.join(self.base, path))
        if os.path.commonpath([real, self.base]) != self.base:
            return self.refuse(path, 1, "", f"{owner}: a link leading outside the package folder; not read")
        try:
            info = os.lstat(real)
        except FileNotFoundError:
            return self.refuse(path, 1, "", f"{owner}: the file does not exist")
        except (OSError, ValueError) as error:
            return self.refuse(path, 1, "", f"{owner}: cannot be read ({getattr(error, 'strerror', None) or error})")
        if not stat.S_ISREG(info.st_mode):
            kind = KINDS.get(stat.S_IFMT(info.st_mode), "not a file")
            return self.refuse(path, 1, "", f"{owner}: not a regular file ({kind}); not read")
        if info.st_size > limit:
            return self.refuse(
                path, 1, "", f"{owner}: larger than the {limit:,}-byte limit; not read", str(info.st_size)
            )
        return real, info.st_size

    def read(self, real: str, path: str, limit: int):
        """The bytes of a vetted file, opened without following a link or blocking; None if it changed since."""
        flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
        try:
            with os.fdopen(os.open(real, flags), "rb") as handle:
                raw = handle.read(limit + 1) if stat.S_ISREG(os.fstat(handle.fileno()).st_mode) else None
        except OSError as error:
            return self.refuse(path, 1, "", f"cannot be read ({error.strerror})")
        if raw is None or len(raw) > limit:
            return self.refuse(path, 1, "", "changed while read: no longer a regular file within the size limit")
        return raw

    def read_json(self, path: str, owner: str):
        """(object, text) of the JSON object in the package file `path`, within the descriptor limits; else None."""
        vetted = self.vet(path, owner, MAX_DESCRIPTOR_BYTES)
        raw = vetted and self.read(vetted[0], path, MAX_DESCRIPTOR_BYTES)
        if raw is None:
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            return self.refuse(path, 1, "", f"not UTF-8 (byte {error.start})")
        if nesting_depth(text) > MAX_DEPTH:
            return self.refuse(path, 1, "", f"nested deeper than the limit of {MAX_DEPTH} levels; not read")
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            return self.refuse(path, error.lineno, "", f"not valid JSON: {error.msg} at column {error.colno}")
        except ValueError as error:
            return self.refuse(path, 1, "", f"not valid JSON: {error}")
        if not isinstance(value, dict):
            return self.refuse(path, 1, "", "not a JSON object")
        return value, text


class Intake(Folder):
    """One package folder and its descriptor, vetted before anything it names is read."""

    def in_descriptor(self, key, message, value=""):
        """A problem with a value written in the descriptor, on the line where that value first appears."""
        found = self.text.find(json.dumps(value, ensure_ascii=False)) if isinstance(value, str) and value else -1
        self.refuse(self.name, self.text.count("\n", 0, found) + 1 if found >= 0 else 1, key, message, value)

    def descriptor(self):
        """The descriptor as a dict, or None when it cannot be read within the limits."""
        found = self.read_json(self.name, "the descriptor")
        if found is None:
            return None
        descriptor, self.text = found
        resources = descriptor.get("resources")
        if isinstance(resources, list) and len(resources) > MAX_RESOURCES:
            return self.refuse(
                self.name,
                1,
                "resources",
                f"more than the limit of {MAX_RESOURCES} resources; nothing was read",
                str(len(resources)),
            )
        return descriptor

    def standards(self, metadata: dict, level: str, owner: str) -> dict:
        """`metadata` without a `$schema` or `profile` that is not a standard one; each such value is reported."""
        kept = dict(metadata)
        if "$schema" in metadata and not standard_profile(level, metadata["$schema"]):
            self.in_descriptor(
                "$schema", f"{owner}names a profile that is not a standard Data Package profile", kept.pop("$schema")
            )
        for key in ("profile", "profiles") if level in PROFILES else ():
            values = metadata.get(key) if isinstance(metadata.get(key), list) else [metadata.get(key)]
            for value in values:
                if value is not None and not (isinstance(value, str) and value in PROFILES[level]):
                    self.in_descriptor(
                        key, f"{owner}names a profile other than {' or '.join(sorted(PROFILES[level]))}", value
                    )
                    kept.pop(key, None)
        return kept

    def referenced(self, path: str, key: str, owner: str):
        """The schema or dialect object in the package file `path`; None when it cannot be read."""
        reason = name_refusal(path)
        if reason:
            return self.in_descriptor(key, f"{owner} {key} is {reason}", path)
        found = self.read_json(path, f"{owner} {key}")
        return found and found[0]

    def resource(self, resource: dict, number: int):
        """(safe copy, real path, size) of `resource`, its schema and dialect inline; None when it is refused."""
        owner = f"resource '{resource.get('name', number)}'"
        path = resource.get("path")
        unsupported = [key for key in UNSUPPORTED if resource.get(key) not in (None, "no")]
        reason = name_refusal(path)
        if unsupported:
            return self.in_descriptor(
                unsupported[0],
                f"{owner} uses '{unsupported[0]}': one plain CSV file per resource is read",
                resource[unsupported[0]],
            )
        if reason:
            return self.in_descriptor("path", f"{owner} path is {reason}", path)
        if (
            resource.get("scheme", "file") != "file"
            or str(resource.get("format") or PurePosixPath(path).suffix[1:]).lower() != "csv"
        ):
            return self.in_descriptor("format", f"{owner} is not a local CSV file; only CSV files are read", path)
        vetted = self.vet(path, owner, MAX_FILE_BYTES)
        safe = self.standards(resource, "resource", f"{owner} ")
        for key in ("schema", "dialect"):
            if isinstance(resource.get(key), str):
                safe[key] = self.referenced(resource[key], key, owner)
                if safe[key] is None:
                    return None
            if isinstance(safe.get(key), dict):
                safe[key] = self.standards(safe[key], key, f"{owner} {key} ")
        fields = safe["schema"].get("fields") if isinstance(safe.get("schema"), dict) else None
        if isinstance(fields, list) and not all(isinstance(field, dict) for field in fields):
            return self.in_descriptor("fields", f"{owner} schema lists a field that is not an object written inline")
        return vetted and (safe, *vetted)

    def resources(self, descriptor: dict) -> list:
        """(safe copy, real path, size) for each resource that can be read; every other one is reported."""
        listed = descriptor.get("resources")
        if not isinstance(listed, list):
            self.in_descriptor("resources", "not a list of resources", listed)
        usable = []
        for number, resource in enumerate(listed if isinstance(listed, list) else []):
            if isinstance(resource, dict):
                usable.append(self.resource(resource, number))
            else:
                self.in_descriptor("resources", f"resource {number} is not an object written inline", resource)
        usable = [found for found in usable if found]
        total = sum(size for _, _, size in usable)
        if total > MAX_PACKAGE_BYTES:
            self.refuse(
                self.name,
                1,
                "resources",
                f"data files together exceed the {MAX_PACKAGE_BYTES:,}-byte limit; nothing was read",
                str(total),
            )
            return []
        return usable
