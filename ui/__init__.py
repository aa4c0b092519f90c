"""The PySide6 desktop client, a thin face over ``negotiator``."""
