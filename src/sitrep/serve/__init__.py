"""The REST API and the web page on a stored situation picture."""

from sitrep.serve.app import create_app

__all__ = ["create_app"]
