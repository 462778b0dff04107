"""What each measure counts by default and on what basis it is compared; shared by the validator's rules (which
must start without pandas) and the analysis."""

# The group a measure counts when the whole group is meant; other measures count North Korean troops.
GROUP_OF = {"territory_held_km2": "ua_forces", "settlements_held": "ua_forces", "territory_recaptured_km2": "ru_forces",
            "settlements_recaptured": "ru_forces", "engineers_deployed": "kpa_engineers", "builders_deployed": "kpa_builders"}
DEFAULT_GROUP = "kpa_troops"
# The basis on which each measure is compared: running totals grow, stocks go up and down, plans and waves stand apart.
BASIS_OF = {"troops_deployed": "cumulative", "troops_present": "stock", "troops_planned": "plan",
            "reinforcements_deployed": "increment", "killed": "cumulative", "wounded": "cumulative",
            "casualties": "cumulative", "missing": "cumulative", "captured": "cumulative", "returned_home": "cumulative",
            "engineers_deployed": "cumulative", "builders_deployed": "cumulative", "territory_held_km2": "stock",
            "settlements_held": "stock", "territory_recaptured_km2": "cumulative", "settlements_recaptured": "cumulative"}
