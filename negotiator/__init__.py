"""Negotiator's core: store, import, alignment and diff, positions, export.

Never imports Qt: the desktop client in ``ui/`` sits on top of it.
"""

__version__ = "0.1.0"
