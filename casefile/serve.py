"""`casefile serve`: the terminal app in a web browser, through textual-serve.

Each browser tab runs `casefile open CASE` in a process of its own; textual-serve relays its
screen over a websocket. It binds the loopback address unless told otherwise, so the usual
way in from another machine is an SSH tunnel.
"""

from __future__ import annotations

import getpass
import importlib.util
import ipaddress
import os
import shlex
import socket
import sys
from pathlib import Path

PIP_LINE = "pip install 'textual-serve>=1.1,<2'"


class ServeError(Exception):
    """A one-line, user-facing reason the server cannot start."""


def served_command(case: Path, python: str | None = None) -> str:
    """The shell command textual-serve runs per browser tab: `casefile open CASE`, through
    this very interpreter so the served app is the same install as the server."""
    argv = [python or sys.executable, "-m", "casefile", "open", str(Path(case).resolve())]
    return shlex.join(argv)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def public_url(host: str, port: int) -> str:
    """The address the browser is told to use (for the page and its websocket)."""
    if host in ("0.0.0.0", "::", ""):  # every interface: name the machine
        host = socket.gethostname()
    elif ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}"


def _ssh_target() -> str:
    """user@host as someone on their own machine would type it to reach this one."""
    conn = os.environ.get("SSH_CONNECTION", "").split()
    host = conn[2] if len(conn) == 4 else socket.gethostname()  # the address they used
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    return f"{user}@{host}"


def ssh_line(port: int, target: str | None = None) -> str:
    """The tunnel that makes this machine's loopback port the reader's own."""
    return f"ssh -L {port}:127.0.0.1:{port} {target or _ssh_target()}"


def reach_lines(host: str, port: int, url: str, target: str | None = None) -> list[str]:
    """What to print so a reader can get to the served app."""
    if is_loopback(host):
        return [
            f"Serving on {url} (this machine only). To use it from your own machine, run there:",
            f"  {ssh_line(port, target)}",
            f"then open http://127.0.0.1:{port} in its browser. Ctrl+C stops the server.",
        ]
    return [
        f"Serving on {url}. Ctrl+C stops the server.",
        f"Warning: anyone who can reach {host}:{port} can read this case; "
        "the default, 127.0.0.1, with an SSH tunnel is safer.",
    ]


def check_port(host: str, port: int) -> None:
    """Fail now, in one line, if the address is taken, rather than after the banner."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as err:
        raise ServeError(f"cannot listen on {host}: {err.strerror or err}") from None
    family, kind, proto, _, addr = infos[0]
    with socket.socket(family, kind, proto) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            s.bind(addr)
        except OSError as err:
            raise ServeError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None


def available() -> bool:
    return importlib.util.find_spec("textual_serve") is not None


def serve(case: Path, host: str, port: int, url: str, title: str) -> None:
    """Run the server until Ctrl+C or SIGTERM."""
    if not available():
        raise ServeError(f"serving needs textual-serve, which is not installed: {PIP_LINE}")
    from textual_serve.server import Server

    server = Server(served_command(case), host=host, port=port, title=title, public_url=url)
    try:
        server.serve()
    except OSError as err:
        raise ServeError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
