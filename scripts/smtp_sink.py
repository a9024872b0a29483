"""A real SMTP server for the tests (aiosmtpd): STARTTLS and AUTH are required, as on a
submission port. Every message it accepts is written to a directory as <n>.eml (as received)
and <n>.json (envelope, Message-ID, subject, the decoded text and HTML parts), for the tests
to read back.

    smtp_sink.py certs DIR               makes DIR/ca.pem and a server certificate it signed
    smtp_sink.py serve DIR PORT          serves on 127.0.0.1:PORT with the certificates in DIR,
                                         writing messages to DIR/mail; prints "ready" once up

Login: comtem / comtem-smtp-test. Recipients at @rifiutato.invalid are refused (550).
"""

import email
import email.policy
import itertools
import json
import logging
import os
import signal
import ssl
import subprocess
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

# aiosmtpd logs a warning about its own deprecated API on every AUTH: nothing to act on.
logging.getLogger("mail.log").setLevel(logging.ERROR)

USER = b"comtem"
PASSWORD = b"comtem-smtp-test"
# Mailboxes at this domain do not exist: the server refuses them for good (550).
REFUSED_DOMAIN = "@rifiutato.invalid"


def make_certs(directory):
    """A private CA and a certificate for 127.0.0.1 and localhost signed by it (P-256)."""
    os.makedirs(directory, exist_ok=True)
    path = lambda name: os.path.join(directory, name)
    if os.path.exists(path("server.pem")):
        return

    def run(*args):
        subprocess.run(["openssl", *args], check=True, capture_output=True)

    run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", path("ca.key"))
    run("req", "-x509", "-new", "-key", path("ca.key"), "-subj", "/CN=COMTem test CA",
        "-days", "30", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", path("ca.pem"))
    run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", path("server.key"))
    run("req", "-new", "-key", path("server.key"), "-subj", "/CN=localhost",
        "-out", path("server.csr"))
    with open(path("server.ext"), "w") as ext:
        ext.write("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                  "extendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n")
    run("x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"), "-CAkey",
        path("ca.key"), "-CAcreateserial", "-days", "30", "-extfile", path("server.ext"),
        "-out", path("server.pem.tmp"))
    os.replace(path("server.pem.tmp"), path("server.pem"))


class Sink:
    """Writes each accepted message to `directory`, numbered in order of arrival."""

    def __init__(self, directory):
        self.directory = directory
        os.makedirs(directory, exist_ok=True)
        taken = [int(name.split(".")[0]) for name in os.listdir(directory)
                 if name.endswith(".json")]
        self.numbers = itertools.count(max(taken, default=0) + 1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.endswith(REFUSED_DOMAIN):
            return "550 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = message.get_body(("plain",))
        html = message.get_body(("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_to": envelope.rcpt_tos,
            "from": str(message["from"]),
            "to": str(message["to"]),
            "subject": str(message["subject"]),
            "reply_to": str(message["reply-to"]) if message["reply-to"] else None,
            "list_unsubscribe": message["list-unsubscribe"] and str(message["list-unsubscribe"]),
            "list_unsubscribe_post": message["list-unsubscribe-post"]
            and str(message["list-unsubscribe-post"]),
            "message_id": str(message["message-id"]),
            "text": text.get_content() if text else None,
            "html": html.get_content() if html else None,
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
        }
        number = next(self.numbers)
        base = os.path.join(self.directory, str(number))
        with open(base + ".eml", "wb") as raw:
            raw.write(envelope.original_content or envelope.content)
        with open(base + ".json.tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.replace(base + ".json.tmp", base + ".json")
        return "250 Message accepted"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (
        USER, PASSWORD)
    return AuthResult(success=ok)


def serve(directory, port):
    make_certs(directory)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(os.path.join(directory, "server.pem"),
                            os.path.join(directory, "server.key"))
    controller = Controller(
        Sink(os.path.join(directory, "mail")),
        hostname="127.0.0.1",
        port=port,
        server_hostname="localhost",
        tls_context=context,
        require_starttls=True,
        authenticator=authenticate,
        auth_required=True,
        auth_require_tls=True,
    )
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "certs":
        make_certs(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "serve":
        serve(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
