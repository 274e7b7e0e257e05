"""Every CLI command, option and setting is documented; a new one without docs fails here."""
from pathlib import Path

import click

from rasid.cli.main import cli
from rasid.config import setting_help

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_command_and_option_is_in_cli_md():
    text = (DOCS / "CLI.md").read_text("utf-8")
    missing = []
    for param in cli.params:
        missing += [o for o in param.opts if o not in text]
    def walk(group, prefix):
        for name, cmd in group.commands.items():
            yield f"{prefix}{name}", cmd
            if isinstance(cmd, click.Group):
                yield from walk(cmd, f"{prefix}{name} ")

    for name, cmd in walk(cli, ""):
        if f"`rasid {name}" not in text:
            missing.append(f"command {name}")
        for param in cmd.params:
            if isinstance(param, click.Option):
                missing += [f"{name} {o}" for o in param.opts if o not in text]
    assert not missing, f"undocumented in docs/CLI.md: {missing}"


def test_every_setting_is_in_settings_md():
    text = (DOCS / "SETTINGS.md").read_text("utf-8")
    missing = [name for name in setting_help() if f"`{name}`" not in text]
    assert not missing, f"undocumented in docs/SETTINGS.md: {missing}"
