import pytest

from rasid.config import ConfigError, Settings, load_settings, setting_help


def test_defaults():
    s = load_settings(env={})
    assert s == Settings() and s.stages[0] == "clean"


def test_layers_file_env_overrides(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text('[rasid]\nmax_bytes = 10\nstages = ["clean", "tokens"]\n')
    s = load_settings(f, env={"RASID_MAX_BYTES": "20", "RASID_PROGRESS": "no"})
    assert s.max_bytes == 20 and s.stages == ["clean", "tokens"] and s.progress is False
    assert load_settings(f, env={}, max_bytes=5).max_bytes == 5


def test_bad_settings_are_named(tmp_path):
    f = tmp_path / "c.toml"
    f.write_text("colour = 1\n")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(f, env={})
    f.write_text("max_bytes = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings(f, env={})
    with pytest.raises(ConfigError, match="expected int"):
        load_settings(env={"RASID_MAX_BYTES": "lots"})
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "missing.toml", env={})


def test_every_setting_has_help():
    assert all(len(h) > 10 for h in setting_help().values())
