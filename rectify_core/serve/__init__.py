"""``rectify serve``: the HTTP service and upload page (optional extra ``rectify[serve]``).

Starlette on uvicorn.  See :mod:`rectify_core.serve.app` for the routes and docs/serve.md for
deployment; nothing here is imported unless the service is started.
"""

from __future__ import annotations

from typing import Any


def run(host: str, port: int, cfg: Any, log_level: str = "info") -> None:
    """Serve until interrupted (uvicorn, one process; conversions run in worker processes)."""
    try:
        import uvicorn
    except ImportError:
        from ..errors import UsageError

        raise UsageError("rectify serve needs the serve extra: pip install 'rectify[serve]'") from None
    from .app import create_app

    uvicorn.run(create_app(cfg), host=host, port=port, log_level=log_level, server_header=False,
                proxy_headers=False)


__all__ = ["run"]
