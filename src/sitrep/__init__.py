"""sitrep: turn raw news pages into a sourced, geolocated, queryable situation picture."""

__version__ = "0.1.0"
