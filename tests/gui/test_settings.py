"""Declared settings: defaults, types, and the recent-stores list."""

from __future__ import annotations

import pytest

from ui import settings as cfg

pytestmark = pytest.mark.gui


def test_every_setting_has_its_default(settings) -> None:  # type: ignore[no-untyped-def]
    for setting in cfg.ALL:
        assert settings.get(setting) == setting.default


def test_values_round_trip_with_their_types(settings) -> None:  # type: ignore[no-untyped-def]
    settings.set(cfg.DIFF_SIDE_BY_SIDE, True)
    settings.set(cfg.LAST_STORE, "/tmp/a.sqlite")
    settings.sync()
    assert settings.get(cfg.DIFF_SIDE_BY_SIDE) is True
    assert settings.get(cfg.LAST_STORE) == "/tmp/a.sqlite"


def test_recent_stores_are_most_recent_first_and_bounded(settings) -> None:  # type: ignore[no-untyped-def]
    for i in range(cfg.MAX_RECENT + 3):
        settings.add_recent_store(f"/stores/{i}.sqlite")
    settings.add_recent_store("/stores/2.sqlite")
    recent = settings.get(cfg.RECENT_STORES)
    assert recent[0] == "/stores/2.sqlite"
    assert len(recent) == cfg.MAX_RECENT and len(set(recent)) == cfg.MAX_RECENT
