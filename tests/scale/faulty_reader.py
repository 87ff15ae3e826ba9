"""A reader plugin for tests/scale/test_reader.py (`Settings(plugins=("faulty_reader",))`):
it takes the pages that start with "FAULT"; on "FAULT raise" it raises (a bug in a reader),
on "FAULT exit" it ends its process at once (a crash in native code, the OOM killer)."""

from __future__ import annotations

import os

from sitrep.read.readers import READERS
from sitrep.records import Article

EXIT_STATUS = 70


class FaultyReader:
    def accepts(self, data: bytes) -> bool:
        return data.startswith(b"FAULT")

    def read(self, text: str, article: Article) -> None:
        if text.startswith("FAULT exit"):
            os._exit(EXIT_STATUS)
        raise RuntimeError("a bug in this reader")


READERS.register("faulty", FaultyReader())
