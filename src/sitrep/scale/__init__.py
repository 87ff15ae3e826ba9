"""Running the pipeline at scale: input guards, a local worker pool, the one-worker reader
process and a Ray engine.

`sitrep.pipeline.process_paths` chooses the engine; nothing here is needed to
analyse one article in-process, and Ray is imported only when asked for.
"""
