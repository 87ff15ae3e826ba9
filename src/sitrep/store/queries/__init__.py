"""The store's reads, one module per question, each with the typed row it answers with.

Every module takes a `Database` and a `QueryFilter` and returns a page of rows (`Rows`)
whose shape is a `TypedDict` declared beside its query; the API's response models are
those same rows (`sitrep.serve.app`), so a row is described once. `SqlStore`'s read
methods delegate here, so the CLI, the library, the API and the page ask the same query.
`sql` holds the helpers they share (filters, keyset pages, parameter binding).
"""
