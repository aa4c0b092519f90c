"""Qt item models of the client; each holds plain rows loaded by ``ui.operations``."""

import ui.qtcompat  # noqa: F401  (binding bug work-around, before any Qt use)
