#!/usr/bin/env python3
"""A real SMTP server on loopback for the tests (aiosmtpd, from PyPI).

Every message it accepts is written as one JSON file into FOLDER before the server answers 250:
the envelope (mail_from, rcpt_tos), the headers and body as Python's email package reads them
(subject decoded from RFC 2047, body decoded from its transfer encoding and charset), and the
raw message. Prints the port it listens on, then serves until it is terminated.

    python3 scripts/lib/smtp-sink.py FOLDER [--auth USER:PASSWORD]
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import socket
import threading
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Recorder:
    def __init__(self, folder):
        self.folder = folder

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message["from"]),
            "to": str(message["to"]),
            "subject": str(message["subject"]),
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "transfer_encoding": str(message["content-transfer-encoding"]),
            "body": message.get_content(),
            "raw": raw.decode("utf-8", "replace"),
        }
        name = os.path.join(self.folder, "%s.json" % uuid.uuid4().hex)
        with open(name + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.replace(name + ".tmp", name)
        return "250 OK"


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("folder")
    parser.add_argument("--auth", help="USER:PASSWORD the server requires (AUTH PLAIN or LOGIN, no TLS)")
    args = parser.parse_args()
    options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticate(server, session, envelope, mechanism, data):
            ok = data is not None and data.login == user.encode() and data.password == password.encode()
            return AuthResult(success=ok, handled=False)

        options = {"authenticator": authenticate, "auth_required": True, "auth_require_tls": False}
    controller = Controller(Recorder(args.folder), hostname="127.0.0.1", port=free_port(), **options)
    controller.start()
    print(controller.port, flush=True)
    stop = threading.Event()
    # A parent's worker thread may start us with these blocked (libdispatch's threads do).
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.2):
        pass
    controller.stop()


if __name__ == "__main__":
    main()
