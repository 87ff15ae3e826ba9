"""`sitrep components`: every registered component by kind, plugins' included."""

from __future__ import annotations

import typer

from sitrep.cli._app import app
from sitrep.cli.options import PluginOption
from sitrep.registry import import_plugins


@app.command("components")
def components_cli(plugins: PluginOption = None) -> None:
    """List the stages (with what each needs and fills), event classifiers, export formats,
    input kinds and engines that can be named, built in or registered by a plugin.

    Example: sitrep components --plugin sitrep_acme
    """
    # The registries live with their components; listing them imports the stages (spaCy).
    from sitrep.extract.event_classifier import CLASSIFIERS
    from sitrep.pipeline import ENGINES
    from sitrep.read.readers import READERS
    from sitrep.stages import STAGES
    from sitrep.store.export import EXPORTERS

    import_plugins(tuple(plugins or ()))
    typer.echo("stages (name: needs -> fills):")
    for name in STAGES.names():
        stage = STAGES.get(name)
        typer.echo(f"  {name}: {', '.join(stage.requires) or '-'} -> {', '.join(stage.assigns)}")
    for registry in (CLASSIFIERS, EXPORTERS, READERS, ENGINES):
        typer.echo(f"{registry.kind}s (entry point group {registry.group}):")
        for name in registry.names():
            typer.echo(f"  {name}")
