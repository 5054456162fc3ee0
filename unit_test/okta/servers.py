"""Tiny scripted servers on 127.0.0.1 for transport tests: exact bytes on the wire, nothing else.

Why not requests-mock: a truncated body, a TLS handshake with a plain-http port or an untrusted
certificate, and a proxy's CONNECT only happen on a real socket. Each server answers every
connection with the next scripted reply (the last one repeats), records what it received, and is
stopped by the `with` block that started it.
"""

import contextlib
import datetime
import ipaddress
import socket
import ssl
import threading

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def reply(status: str = "200 OK", body: bytes = b"{}", length: int | None = None, headers=()) -> bytes:
    """An HTTP/1.1 answer; `length` larger than the body makes it a truncated one."""
    lines = [
        "HTTP/1.1 " + status,
        "Content-Type: application/json",
        "Connection: close",
        "Content-Length: %d" % (len(body) if length is None else length),
        *headers,
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class Server:
    """Answers each connection with the next scripted reply; `requests` holds the request heads.

    `eager` answers as soon as any bytes arrive, as an HTTP server does to a TLS handshake.
    """

    def __init__(self, replies, tls_context=None, eager=False):
        self.replies, self.tls_context, self.eager = list(replies), tls_context, eager
        self.requests, self.connections = [], 0
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(8)
        self.port = self._listener.getsockname()[1]
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        self._listener.close()
        self._thread.join(5)

    def _serve(self):
        while True:
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            with conn:
                self.connections += 1
                self._answer(conn)

    def _answer(self, conn):
        conn.settimeout(5)
        try:
            if self.tls_context is not None:
                conn = self.tls_context.wrap_socket(conn, server_side=True)
            head = conn.recv(65536).decode("latin-1") if self.eager else _read_head(conn)
            if head:
                self.requests.append(head)
                answer = self.replies[min(len(self.requests), len(self.replies)) - 1]
                conn.sendall(answer)
        except (OSError, ssl.SSLError):  # the client gave up on the handshake: that is the test's point
            return


def _read_head(conn) -> str:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next(
        (int(line.split(b":", 1)[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0
    )
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head.decode("latin-1")


def closed_port() -> int:
    """A 127.0.0.1 port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def tls_server(replies, directory):
    """A TLS server on 127.0.0.1 with a fresh self-signed certificate for 127.0.0.1; yields
    (server, path of the certificate as a CA bundle)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "okta-test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_path, key_path)
    with Server(replies, tls_context=context) as server:
        yield server, str(cert_path)
