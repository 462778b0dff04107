"""Checks beyond frictionless' types and constraints: foreign keys, bounds, stated_as, dates, citations, urls,
text hygiene, duplicates.

Each check takes the raw tables (`{resource: [row dict, ...]}`, every cell a string, each row carrying
its spreadsheet line number under LINE) and yields Problems. Cells that frictionless already rejected
(bad numbers or dates) are skipped here, so one mistake is reported once.
"""
import math
import re
import unicodedata
from datetime import date
from urllib.parse import urlsplit

from dprk_kursk.descriptor import referenced_table
from dprk_kursk.measures import BASIS_OF, GROUP_OF
from dprk_kursk.problems import Problem
from dprk_kursk.stated import read_stated

LINE = "__line__"
WINDOW_START = date(2024, 6, 1)
NEAR_DAYS = 2  # one statement relayed by outlets on different days is still one claim
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FORMULA_START = ("=", "+", "-", "@")
LOW_SET = {"at_least", "more_than"}
HIGH_SET = {"up_to", "less_than"}
UNIT_OF = {"territory_held_km2": "km2", "territory_recaptured_km2": "km2",
           "settlements_held": "settlements", "settlements_recaptured": "settlements"}
# What each measure may count, and on what basis (see the data dictionary for the meanings).
KPA = {"kpa_troops", "kpa_combat_troops", "kpa_engineers", "kpa_builders", "kpa_engineers_builders"}
COUNTED_FOR = {measure: {group} for measure, group in GROUP_OF.items()}
BASIS_FOR = {measure: {basis} for measure, basis in BASIS_OF.items() if basis != "cumulative"}  # a total may be counted otherwise
NOT_BASIS = {"stock": {"troops_deployed", "killed", "wounded", "casualties", "missing", "returned_home",
                       "territory_recaptured_km2", "settlements_recaptured"}}
NEEDS_CLAIMANT = {"statement", "confirmation", "intelligence"}
PLACEHOLDER_TITLE = re.compile(r"^\(.*\)$|not shown|headline unknown|untitled|^n/?a$", re.IGNORECASE)
SAME_SOURCE_SIMILARITY = 0.3  # two events of one day and one page, summaries this alike: one happening
SAME_PLACE_SIMILARITY = 0.12  # two events of one day, category and place, summaries this alike: one happening
STANDS = "active"


def as_number(text):
    try:
        return float(text) if text != "" else None
    except ValueError:
        return None


def as_date(text):
    try:
        return date.fromisoformat(text) if ISO_DATE.fullmatch(text) else None
    except ValueError:
        return None


class Checker:
    """Runs every rule over one package's raw tables; `paths` maps resource name to its file as shown."""

    def __init__(self, tables, paths, fields, foreign_keys=None, today=None):
        self.tables, self.paths, self.fields = tables, paths, fields
        self.foreign_keys = foreign_keys or {}
        self.today = today or date.today()
        self.problems = []

    def report(self, resource, row, column, message, value=""):
        self.problems.append(Problem(self.paths[resource], row[LINE], column, message, str(value)))

    def run(self):
        for rule in (self.references, self.text_hygiene, self.finite, self.bounds, self.stated_as, self.units, self.status,
                     self.figure_dates, self.event_dates, self.source_dates, self.urls,
                     self.citations, self.claimant_names, self.duplicate_figures, self.figure_semantics,
                     self.event_claimants, self.duplicate_events, self.relays, self.source_titles, self.figure_links,
                     self.citation_pages):
            rule()
        return self.problems

    def rows(self, resource):
        return self.tables.get(resource, [])

    def rows_of(self, *resources):
        """(resource, row) for every row of the named tables, in turn."""
        return ((resource, row) for resource in resources for row in self.rows(resource))

    def references(self):
        """Foreign keys, one set lookup per cell: a value (empty cells aside) must exist in the referenced column."""
        for resource, keys in self.foreign_keys.items():
            for key in keys:
                target = referenced_table(key, resource)
                wanted, known = key["fields"], key["reference"]["fields"]
                if target in self.fields and self.fields[target] is None:
                    continue  # the table's schema is a file that could not be read, reported already
                names = {f.get("name") for f in self.fields.get(target, [])}
                if target not in self.fields or not set(known) <= names:
                    self.problems.append(Problem("datapackage.json", 1, "", f"foreign key {resource}.{','.join(wanted)} "
                                                 f"names {target}.{','.join(known)}, which does not exist"))
                    continue
                if target not in self.tables:
                    continue
                ids = {tuple(r.get(f, "") for f in known) for r in self.rows(target)}
                for row in self.rows(resource):
                    value = tuple(row.get(f, "") for f in wanted)
                    if "" not in value and value not in ids:
                        self.report(resource, row, wanted[0], f"no such id in {target}", ",".join(value))

    def text_hygiene(self):
        for resource, rows in self.tables.items():
            text_columns = [f["name"] for f in self.fields[resource] if f.get("type", "string") == "string"]
            for row in rows:
                for column in text_columns:
                    cell = row.get(column) or ""
                    if cell != cell.strip():
                        self.report(resource, row, column, "leading or trailing white space", cell)
                    if CONTROL.search(cell):
                        self.report(resource, row, column, "control or invisible character", cell)
                    if cell.startswith(FORMULA_START):
                        self.report(resource, row, column,
                                    "starts with = + - or @: a spreadsheet would run it as a formula", cell)

    def finite(self):
        for resource, row in self.rows_of("figures", "citations"):
            for column in ("value", "low", "high"):
                number = as_number(row.get(column, ""))
                if number is not None and not math.isfinite(number):
                    self.report(resource, row, column, "not a finite number", row[column])

    def bounds(self):
        for resource, row in self.rows_of("figures", "citations"):
            qualifier = row.get("qualifier", "")
            value, low, high = (as_number(row.get(c, "")) for c in ("value", "low", "high"))
            if value is None or not all(math.isfinite(n) for n in (value, low, high) if n is not None):
                continue
            wants_low = qualifier in LOW_SET or qualifier == "range"
            wants_high = qualifier in HIGH_SET or qualifier == "range"
            for column, bound, wanted in (("low", low, wants_low), ("high", high, wants_high)):
                if wanted and bound is None:
                    self.report(resource, row, column, f"qualifier {qualifier} needs {column} set", "")
                if not wanted and bound is not None and qualifier:
                    self.report(resource, row, column, f"qualifier {qualifier} takes no {column} bound", bound)
            if qualifier in LOW_SET and low is not None and low != value:
                self.report(resource, row, "low", f"qualifier {qualifier} needs low equal to value {value:g}", low)
            if qualifier in HIGH_SET and high is not None and high != value:
                self.report(resource, row, "high", f"qualifier {qualifier} needs high equal to value {value:g}", high)
            if qualifier == "range" and low is not None and high is not None:
                if not low < high:
                    self.report(resource, row, "low", f"range needs low below high {high:g}", low)
                elif not low <= value <= high:
                    self.report(resource, row, "value", f"value outside its range {low:g} to {high:g}", value)

    def stated_as(self):
        for resource, row in self.rows_of("figures", "citations"):
            phrase, qualifier = row.get("stated_as", ""), row.get("qualifier", "")
            value, low, high = (as_number(row.get(c, "")) for c in ("value", "low", "high"))
            if not phrase or value is None:
                continue
            said_qualifier, numbers = read_stated(phrase)
            if not numbers:
                self.report(resource, row, "stated_as", "states no number", phrase)
                continue
            if said_qualifier != qualifier:
                self.report(resource, row, "qualifier",
                            f"stated_as reads as {said_qualifier}, row says {qualifier}", phrase)
            expected = [low, high] if qualifier == "range" else [value]
            if qualifier in ("range",) and None in expected:
                continue
            if numbers[:len(expected)] != expected:
                shown = " to ".join(f"{n:g}" for n in expected)
                self.report(resource, row, "stated_as", f"does not state the row's number {shown}", phrase)

    def units(self):
        for row in self.rows("figures"):
            expected = UNIT_OF.get(row.get("measure", ""), "people")
            if row.get("measure") and row.get("unit") and row["unit"] != expected:
                self.report("figures", row, "unit", f"measure {row['measure']} is counted in {expected}", row["unit"])

    def status(self):
        for resource, key in (("figures", "figure_id"), ("events", "event_id")):
            for row in self.rows(resource):
                status, successor = row.get("status", ""), row.get("superseded_by", "")
                if status in ("corrected", "duplicate") and not successor:
                    self.report(resource, row, "superseded_by", f"a {status} row names the row that stands for it", "")
                if status not in ("corrected", "duplicate") and successor:
                    self.report(resource, row, "superseded_by", f"only a corrected or duplicate row names a successor (status {status})", successor)
                if successor and successor == row.get(key):
                    self.report(resource, row, "superseded_by", "a row cannot supersede itself", successor)

    def in_window(self, resource, row, column, precision="day"):
        """The cell's date, reported when the period it stands for (day, month or year) misses the window."""
        day = as_date(row.get(column, ""))
        period_end = day and {"year": date(day.year, 12, 31), "month": date(day.year, day.month, 28)}.get(precision, day)
        if day and not (period_end >= WINDOW_START and day <= self.today):
            self.report(resource, row, column,
                        f"outside the project's window {WINDOW_START} to {self.today}", row[column])
        return day

    def stored_at_precision(self, resource, row, column, precision):
        """A date of precision month or year must sit on the period's first day."""
        day = as_date(row.get(column, ""))
        if day and precision == "month" and day.day != 1:
            self.report(resource, row, column, "precision month is stored on the month's first day", day)
        if day and precision == "year" and (day.month, day.day) != (1, 1):
            self.report(resource, row, column, "precision year is stored on 1 January", day)

    def published_of(self):
        return {r.get("source_id"): as_date(r.get("published", "")) for r in self.rows("sources")}

    def figure_dates(self):
        published = self.published_of()
        for row in self.rows("figures"):
            reported = self.in_window("figures", row, "reported")
            as_of = self.in_window("figures", row, "as_of", row.get("as_of_precision", "day"))
            if reported and as_of and as_of > reported:
                self.report("figures", row, "as_of", f"after the day it was reported ({reported})", as_of)
            source_day = published.get(row.get("source_id"))
            if reported and source_day and reported > source_day:
                self.report("figures", row, "reported", f"after its source was published ({source_day})", reported)

    def event_dates(self):
        published = self.published_of()
        for row in self.rows("events"):
            day = self.in_window("events", row, "date", row.get("date_precision", "day"))
            end = as_date(row.get("end_date", ""))
            if day and end and end < day:
                self.report("events", row, "end_date", f"before the event's date ({day})", end)
            self.stored_at_precision("events", row, "date", row.get("date_precision"))
            for column in ("source_id", "date_source_id"):
                source_day = published.get(row.get(column))
                if day and source_day and day > source_day:
                    self.report("events", row, "date", f"after its source ({column}) was published ({source_day})", day)

    def source_dates(self):
        for row in self.rows("sources"):
            published = self.in_window("sources", row, "published")
            accessed = as_date(row.get("accessed", ""))
            if accessed and accessed > self.today:
                self.report("sources", row, "accessed", f"in the future (today is {self.today})", accessed)
            if published and accessed and accessed < published:
                self.report("sources", row, "accessed", f"before the page was published ({published})", accessed)

    def urls(self):
        seen = {}
        for row in self.rows("sources"):
            url = row.get("url", "")
            parts = urlsplit(url)
            if url and (parts.scheme not in ("http", "https") or "." not in parts.netloc or " " in url):
                self.report("sources", row, "url", "not a well-formed http(s) address", url)
                continue
            key = (parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/"), parts.query)
            if url and key in seen and seen[key][0] != url:
                self.report("sources", row, "url", f"same page as line {seen[key][1]} ({seen[key][0]})", url)
            seen.setdefault(key, (url, row[LINE]))

    def citations(self):
        if not {"figures", "events"} <= self.tables.keys():
            return  # a citing table that could not be read cites sources unseen
        cited = {r.get(column) for resource in ("figures", "events", "citations") for r in self.rows(resource)
                 for column in ("source_id", "date_source_id")}
        for row in self.rows("sources"):
            if row.get("source_id") and row["source_id"] not in cited:
                self.report("sources", row, "source_id", "no figure, citation or event cites this source", row["source_id"])

    def claimant_names(self):
        seen = {}
        for row in self.rows("claimants"):
            key = re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", row.get("name", "")).casefold())
            if key in seen:
                self.report("claimants", row, "name", f"same claimant as line {seen[key]} under another spelling", row["name"])
            seen.setdefault(key, row[LINE])

    def duplicate_figures(self):
        """The same claim twice: same claimant, measure, place and number, reported within NEAR_DAYS days."""
        seen = {}  # (claim, day number) -> the first line with that claim on that day
        columns = ("claimant_id", "measure", "counted", "scope", "basis", "place_id", "value", "low", "high")
        for row in self.rows("figures"):
            day = as_date(row.get("reported", ""))
            if row.get("status") != "active" or day is None:
                continue
            key, number = tuple(row.get(c, "") for c in columns), day.toordinal()
            twin = min((seen[key, near] for near in range(number - NEAR_DAYS, number + NEAR_DAYS + 1) if (key, near) in seen),
                       default=None)
            if twin:
                self.report("figures", row, "figure_id",
                            f"same claim (claimant, measure, group, scope, basis, place, number) as line {twin}, reported within {NEAR_DAYS} days", row.get("figure_id"))
            seen.setdefault((key, number), row[LINE])

    def figure_semantics(self):
        """What a figure counts, where and when: scope and part, counted group and basis fit the measure, dates fit the basis."""
        for row in self.rows("figures"):
            measure, counted, basis = row.get("measure", ""), row.get("counted", ""), row.get("basis", "")
            scope, part, precision = row.get("scope", ""), row.get("part", ""), row.get("as_of_precision", "")
            if scope == "part" and not part:
                self.report("figures", row, "part", "scope part needs part to name the part counted", "")
            if scope == "whole" and part:
                self.report("figures", row, "part", "scope whole takes no part", part)
            allowed = COUNTED_FOR.get(measure, KPA)
            if measure and counted and counted not in allowed:
                self.report("figures", row, "counted", f"measure {measure} counts {' or '.join(sorted(allowed))}", counted)
            if measure and basis and basis not in BASIS_FOR.get(measure, {basis}):
                self.report("figures", row, "basis", f"measure {measure} is a {' or '.join(sorted(BASIS_FOR[measure]))}", basis)
            if basis == "plan" and measure != "troops_planned" or measure in NOT_BASIS.get(basis, ()):
                self.report("figures", row, "basis", f"measure {measure} cannot be a {basis}", basis)
            as_of, start = row.get("as_of", ""), row.get("period_start", "")
            if precision == "undated" and (as_of or start):
                self.report("figures", row, "as_of_precision", "undated takes no as_of or period_start", as_of or start)
            if precision and precision != "undated" and not as_of:
                self.report("figures", row, "as_of", f"precision {precision} needs as_of set", "")
            if start and basis != "increment":
                self.report("figures", row, "period_start", f"only an increment has a period (basis {basis})", start)
            self.stored_at_precision("figures", row, "as_of", precision)
            self.stored_at_precision("figures", row, "period_start", precision)
            first, last = as_date(start), as_date(as_of)
            if first and last and first > last:
                self.report("figures", row, "period_start", f"after the period's end, as_of ({last})", first)

    def event_claimants(self):
        for row in self.rows("events"):
            if row.get("category") in NEEDS_CLAIMANT and not row.get("claimant_id"):
                self.report("events", row, "claimant_id", f"a {row['category']} event names who made it", "")

    def duplicate_events(self):
        """The same happening twice: two standing events of one day, from one page with like summaries, or of one
        category and place (or claimant) with summaries alike enough; two named claimants who differ are two events."""
        standing = [r for r in self.rows("events") if r.get("status") == STANDS and as_date(r.get("date", ""))]
        by_day = {}
        for row in standing:
            by_day.setdefault(row["date"], []).append(row)
        for rows in by_day.values():
            for i, later in enumerate(rows):
                for earlier in rows[:i]:
                    if same_happening(earlier, later):
                        self.report("events", later, "event_id",
                                    f"same happening as line {earlier[LINE]} ({earlier.get('event_id')}): same day, "
                                    "and same page or same category and place; mark one duplicate", later.get("event_id"))
                        break

    def relays(self):
        """Each relayed outlet is a canonical publisher name, and never the page's own publisher."""
        if "publishers" not in self.tables:
            return
        known = {r.get("publisher") for r in self.rows("publishers")}
        for row in self.rows("sources"):
            for name in filter(None, (n.strip() for n in row.get("relays", "").split(";"))):
                if name not in known:
                    self.report("sources", row, "relays", "not a name in publishers.csv", name)
                if name == row.get("publisher"):
                    self.report("sources", row, "relays", "names the page's own publisher", name)

    def source_titles(self):
        for row in self.rows("sources"):
            if PLACEHOLDER_TITLE.search(row.get("title", "")):
                self.report("sources", row, "title", "a placeholder, not a headline: leave empty when no copy shows it", row["title"])

    def figure_links(self):
        for row in self.rows("figure_links"):
            if row.get("figure_id") and row.get("figure_id") == row.get("related_id"):
                self.report("figure_links", row, "related_id", "a figure cannot relate to itself", row["related_id"])


    def citation_pages(self):
        """A citation is a further page: not the figure's own, and not published before the statement was made."""
        figures = {r.get("figure_id"): r for r in self.rows("figures")}
        published = self.published_of()
        for row in self.rows("citations"):
            figure = figures.get(row.get("figure_id"))
            if figure is None:
                continue
            if row.get("source_id") == figure.get("source_id"):
                self.report("citations", row, "source_id", "the figure's own page (figures.source_id), not a further one", row["source_id"])
            page_day, said = published.get(row.get("source_id")), as_date(figure.get("reported", ""))
            if page_day and said and page_day < said:
                self.report("citations", row, "source_id", f"page published {page_day}, before the statement ({said})", row["source_id"])


def words(text: str) -> set:
    return {w for w in re.findall(r"[a-z0-9]+", text.casefold()) if len(w) > 3}


def similarity(a: str, b: str) -> float:
    """Share of the longer words two summaries have in common (Jaccard)."""
    first, second = words(a), words(b)
    return len(first & second) / len(first | second) if first | second else 0.0


def same_happening(a: dict, b: dict) -> bool:
    claimants = a.get("claimant_id", ""), b.get("claimant_id", "")
    if all(claimants) and claimants[0] != claimants[1]:
        return False
    alike = similarity(a.get("summary", ""), b.get("summary", ""))
    if a.get("source_id") == b.get("source_id") and alike >= SAME_SOURCE_SIMILARITY:
        return True
    same_speaker = bool(claimants[0]) and claimants[0] == claimants[1]
    same_place = a.get("place_id") == b.get("place_id")
    return a.get("category") == b.get("category") and (same_speaker or same_place and alike >= SAME_PLACE_SIMILARITY)

