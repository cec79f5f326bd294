"""Block every outbound connection except loopback, and record what was attempted.

Patches the socket entry points every client library ends up in (``socket.connect``,
``connect_ex``, ``create_connection``, ``getaddrinfo``), so a library that phones home
fails loudly here instead of silently needing the network in production.
"""

from __future__ import annotations

import errno
import ipaddress
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

_LOCAL_NAMES = {"", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def is_loopback_host(host: object) -> bool:
    if host is None:
        return True  # getaddrinfo(None, port): the local wildcard
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    name = str(host).strip("[]").lower()
    if name in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name.split("%")[0]).is_loopback
    except ValueError:
        return False


def _address_host(address: Any) -> object:
    if isinstance(address, tuple) and address:
        return address[0]
    return address


@dataclass
class NetGuard:
    """What was attempted while the guard was on."""

    blocked: list[str] = field(default_factory=list)
    loopback: int = 0

    def summary(self) -> str:
        return (
            f"offline guard: {len(self.blocked)} non-loopback connection attempts "
            f"({self.loopback} loopback allowed){': ' + ', '.join(self.blocked) if self.blocked else ''}"
        )


@contextmanager
def offline() -> Iterator[NetGuard]:
    guard = NetGuard()
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_create = socket.create_connection
    real_getaddrinfo = socket.getaddrinfo

    def check(what: str, host: object) -> bool:
        if is_loopback_host(host):
            guard.loopback += 1
            return True
        guard.blocked.append(f"{what}({host!r})")
        return False

    def connect(self: socket.socket, address: Any) -> None:
        if self.family == getattr(socket, "AF_UNIX", None) or check(
            "connect", _address_host(address)
        ):
            return real_connect(self, address)
        raise OSError(errno.ENETUNREACH, f"network blocked by the offline test: {address!r}")

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family == getattr(socket, "AF_UNIX", None) or check(
            "connect_ex", _address_host(address)
        ):
            return real_connect_ex(self, address)
        return errno.ENETUNREACH

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if check("create_connection", _address_host(address)):
            return real_create(address, *args, **kwargs)
        raise OSError(errno.ENETUNREACH, f"network blocked by the offline test: {address!r}")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if check("getaddrinfo", host):
            return real_getaddrinfo(host, *args, **kwargs)
        raise socket.gaierror(socket.EAI_NONAME, f"name lookup blocked: {host!r}")

    patches: list[tuple[Any, str, Callable[..., Any]]] = [
        (socket.socket, "connect", connect),
        (socket.socket, "connect_ex", connect_ex),
        (socket, "create_connection", create_connection),
        (socket, "getaddrinfo", getaddrinfo),
    ]
    saved = [(obj, name, getattr(obj, name)) for obj, name, _ in patches]
    for obj, name, fn in patches:
        setattr(obj, name, fn)
    try:
        yield guard
    finally:
        for obj, name, fn in saved:
            setattr(obj, name, fn)
