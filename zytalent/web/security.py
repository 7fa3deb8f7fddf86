"""Passwords, sessions, CSRF and login rate limits for the web layer."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import deque

SCRYPT = {"n": 2**14, "r": 8, "p": 1}


def hash_password(password: str) -> str:
    """scrypt with a random salt, as `scrypt$salt$hash` (hex)."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, dklen=32, **SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str | None) -> bool:
    if not stored or not stored.startswith("scrypt$"):
        return False
    _, salt, digest = stored.split("$")
    candidate = hashlib.scrypt(
        password.encode("utf-8"), salt=bytes.fromhex(salt), dklen=32, **SCRYPT
    )
    return hmac.compare_digest(candidate.hex(), digest)


def session_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def department_csrf(secret: str, token: str) -> str:
    """A department page's form token: bound to its link and the server's secret, so a
    page elsewhere cannot post to a department's link without having loaded it."""
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()[:32]


class RateLimit:
    """At most `attempts` failed logins per address in `seconds`."""

    def __init__(self, attempts: int = 5, seconds: float = 60.0) -> None:
        self.attempts, self.seconds = attempts, seconds
        self.failures: dict[str, deque[float]] = {}
        self.lock = threading.Lock()

    def blocked(self, address: str) -> bool:
        with self.lock:
            recent = self.failures.setdefault(address, deque())
            while recent and recent[0] < time.monotonic() - self.seconds:
                recent.popleft()
            return len(recent) >= self.attempts

    def failed(self, address: str) -> None:
        with self.lock:
            self.failures.setdefault(address, deque()).append(time.monotonic())
