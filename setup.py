"""The packaging steps pyproject.toml cannot declare, run while the wheel is
built so no built file is committed:

- the Qt translations (resources/translations/*.qm) compiled from their sources
  (*.ts) by Qt's lrelease (from PySide6-Essentials, a build requirement);
- the demo as a ready store (resources/demo/demo.sqlite) built from the demo
  sources by the core itself, so `negotiator --demo` copies it at start
  instead of importing three Word files (the core's own dependencies are build
  requirements for that)."""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ui.translations import compile_translations  # noqa: E402  (Qt-free; the checkout's own code)

TRANSLATIONS = Path("resources", "translations")
DEMO_STORE = Path("resources", "demo", "demo.sqlite")


class BuildPyWithTranslations(build_py):
    """build_py, then one .qm per .ts in the build folder."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:  # an editable install uses the checkout: ui/ compiles them on first use
            compile_translations(TRANSLATIONS, Path(self.build_lib, TRANSLATIONS))
            # An editable install (a checkout) builds its demo store once on first use instead.
            from negotiator.demo import build_demo_store

            build_demo_store(Path(self.build_lib, DEMO_STORE))

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        built = Path(self.build_lib, TRANSLATIONS)
        qms = [] if self.editable_mode else [str(built / ts.with_suffix(".qm").name) for ts in self._sources()]
        demo = [] if self.editable_mode else [str(Path(self.build_lib, DEMO_STORE))]
        return super().get_outputs(include_bytecode) + qms + demo

    def get_source_files(self) -> list[str]:
        # The .ts are left out of the wheel (pyproject.toml) but the sdist needs them.
        return super().get_source_files() + [ts.as_posix() for ts in self._sources()]

    @staticmethod
    def _sources() -> list[Path]:
        return sorted(TRANSLATIONS.glob("*.ts"))


setup(cmdclass={"build_py": BuildPyWithTranslations})
