"""The build reads its templates, assets and strings from the theme's custom_dir: without one
it stops, naming the setting (it used to fail with a TypeError from Path(None))."""

from __future__ import annotations

import pytest
from mkdocs.config.defaults import MkDocsConfig

from sitegen import material
from sitegen.errors import BuildInputError
from tests.conftest import ROOT


def a_config(theme: dict[str, str]) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(ROOT / "docs"), "theme": theme})
    failed, _ = config.validate()
    assert not failed, failed
    return config


def test_the_overrides_folder_is_the_themes_custom_dir() -> None:
    config = a_config({"name": "material", "custom_dir": str(ROOT / "overrides")})
    assert material.overrides_dir(config) == ROOT / "overrides"


def test_a_theme_without_custom_dir_stops_the_build_naming_the_setting() -> None:
    with pytest.raises(BuildInputError) as raised:
        material.overrides_dir(a_config({"name": "material"}))
    assert raised.value.where == "mkdocs.yml: theme.custom_dir"
    assert "custom_dir: overrides" in raised.value.fix
