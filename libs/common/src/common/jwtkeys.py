"""RSA signing keys: generate, load, and publish as JWKS. The private key never leaves the gateway."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ALGORITHM = "RS256"


def generate_private_key_pem() -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _b64(number: int) -> str:
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def public_jwk(private_pem: bytes) -> dict[str, str]:
    """The public half as a JWK whose `kid` is its RFC 7638 thumbprint."""
    key = serialization.load_pem_private_key(private_pem, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("Khóa ký phải là khóa RSA")
    numbers = key.public_key().public_numbers()
    members = {"e": _b64(numbers.e), "kty": "RSA", "n": _b64(numbers.n)}
    thumbprint = hashlib.sha256(json.dumps(members, separators=(",", ":"), sort_keys=True).encode()).digest()
    kid = base64.urlsafe_b64encode(thumbprint).rstrip(b"=").decode()
    return {**members, "kid": kid, "alg": ALGORITHM, "use": "sig"}


def jwks(*private_pems: bytes) -> dict[str, Any]:
    return {"keys": [public_jwk(pem) for pem in private_pems]}


def ensure_key_files(directory: Path) -> tuple[Path, Path]:
    """Create (once) a private key and its JWKS in `directory`; used by the one-machine launcher and tests."""
    directory.mkdir(parents=True, exist_ok=True)
    private_path, jwks_path = directory / "jwt-private.pem", directory / "jwks.json"
    if not private_path.exists():
        private_path.write_bytes(generate_private_key_pem())
        private_path.chmod(0o600)
    jwks_path.write_text(json.dumps(jwks(private_path.read_bytes()), indent=2))
    return private_path, jwks_path
