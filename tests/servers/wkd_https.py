#!/usr/bin/env python3
"""A static HTTPS server for a Web Key Directory tree, as a practice's web
server would serve it: every file as application/octet-stream with
`Access-Control-Allow-Origin: *`, the query string (`?l=`) ignored, no
directory listings. With NAMES, also a name server on HOST port 53 that
knows only those names (A records pointing at HOST) and answers "no such
name" for every other one, as the Internet does for a host that does not
exist.

    wkd_https.py ROOT CERT KEY HOST PORT READY_FILE [NAMES...]

Writes READY_FILE once listening, logs each request to stderr.
"""

import functools
import http.server
import os
import socket
import ssl
import struct
import sys
import threading


class Handler(http.server.SimpleHTTPRequestHandler):
    def guess_type(self, path):
        return "application/octet-stream"

    def list_directory(self, path):
        self.send_error(404)
        return None

    def end_headers(self):
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()


def dns_answer(query, names, address):
    """The reply to one DNS query: A for a known name, nothing (but no
    error) for its other types, NXDOMAIN for any other name."""
    ident, flags = struct.unpack("!HH", query[:4])
    labels, i = [], 12
    while query[i] != 0:
        labels.append(query[i + 1 : i + 1 + query[i]].decode("ascii", "replace"))
        i += 1 + query[i]
    question = query[12 : i + 5]
    qtype = struct.unpack("!H", query[i + 1 : i + 3])[0]
    name = ".".join(labels).lower()
    rd = flags & 0x0100
    if name not in names:
        return struct.pack("!HHHHHH", ident, 0x8083 | rd, 1, 0, 0, 0) + question
    if qtype != 1:
        return struct.pack("!HHHHHH", ident, 0x8080 | rd, 1, 0, 0, 0) + question
    answer = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + socket.inet_aton(address)
    return struct.pack("!HHHHHH", ident, 0x8480 | rd, 1, 1, 0, 0) + question + answer


def serve_dns(host, names):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, 53))
    while True:
        query, peer = sock.recvfrom(512)
        try:
            sock.sendto(dns_answer(query, names, host), peer)
        except (IndexError, struct.error):
            continue


def main():
    root, cert, key, host, port, ready = sys.argv[1:7]
    names = {n.lower() for n in sys.argv[7:]}
    if names:
        threading.Thread(target=serve_dns, args=(host, names), daemon=True).start()
    handler = functools.partial(Handler, directory=root)
    server = http.server.ThreadingHTTPServer((host, int(port)), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    with open(ready + ".tmp", "w") as f:
        f.write(str(os.getpid()))
    os.rename(ready + ".tmp", ready)
    server.serve_forever()


if __name__ == "__main__":
    main()
