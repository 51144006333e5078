#!/usr/bin/env python3
"""A loopback key server for carepost's tests: WKD, VKS and HKP over HTTPS
(and HKP over plain HTTP on a second port), from a directory.

    keyserver.py DIR CERT.pem KEY.pem

DIR/files/HOST/PATH is served for GET HOST/PATH (HOST from the Host
header, PATH percent-decoded, query dropped); an HKP lookup is served from
DIR/files/HOST/pks/lookup/SEARCH (SEARCH lowercased). POSTs to
/vks/v1/upload and /vks/v1/request-verify are appended to DIR/uploads.jsonl
and answered from DIR/upload-answer.json / DIR/verify-answer.json.
DIR/faults.json maps "HOST/PATH" to a fault: garbage, huge (5 MiB,
streamed), redirect-http, redirect-loop, slow (no answer for 60 s), 500.
Prints "PORTS HTTPS HTTP" once listening.
"""
import http.server
import json
import os
import ssl
import sys
import threading
import time
import urllib.parse

ROOT = sys.argv[1]


def faults():
    try:
        with open(os.path.join(ROOT, "faults.json")) as f:
            return json.load(f)
    except FileNotFoundError:
        return {}


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def host(self):
        return (self.headers.get("Host") or "").rsplit(":", 1)[0].lower()

    def send(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        key = self.host() + path
        fault = faults().get(key)
        if fault == "garbage":
            return self.send(200, b"<html>this is not a key</html>\n" * 10)
        if fault == "huge":
            size = 5 * 1024 * 1024
            self.send_response(200)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            chunk = b"\x99" * 65536
            try:
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                pass
            return
        if fault == "redirect-http":
            return self.send(302, headers=[("Location", "http://" + self.host() + self.path)])
        if fault == "redirect-loop":
            return self.send(302, headers=[("Location", self.path)])
        if fault == "slow":
            time.sleep(60)
            return self.send(200, b"")
        if fault == "500":
            return self.send(500, b"internal error")
        if path == "/pks/lookup":
            query = urllib.parse.parse_qs(url.query)
            search = query.get("search", [""])[0].lower()
            path = "/pks/lookup/" + search
        file = os.path.normpath(os.path.join(ROOT, "files", self.host() + path))
        if not file.startswith(os.path.join(ROOT, "files")) or not os.path.isfile(file):
            return self.send(404, b"not found")
        with open(file, "rb") as f:
            body = f.read()
        self.send(200, body, [("Content-Type", "application/octet-stream")])

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        path = urllib.parse.urlsplit(self.path).path
        name = {"/vks/v1/upload": "upload-answer.json", "/vks/v1/request-verify": "verify-answer.json"}.get(path)
        if name is None:
            return self.send(404, b"not found")
        with open(os.path.join(ROOT, "uploads.jsonl"), "a") as f:
            f.write(json.dumps({"path": path, "body": json.loads(body or b"null")}) + "\n")
        try:
            with open(os.path.join(ROOT, name), "rb") as f:
                answer = f.read()
        except FileNotFoundError:
            answer = json.dumps({"key_fpr": "", "status": {}, "token": "test-token"}).encode()
        self.send(200, answer, [("Content-Type", "application/json")])


def serve(server):
    server.serve_forever()


def main():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[2], sys.argv[3])
    https = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    https.daemon_threads = True
    https.socket = context.wrap_socket(https.socket, server_side=True)
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    plain.daemon_threads = True
    for server in (https, plain):
        threading.Thread(target=serve, args=(server,), daemon=True).start()
    print("PORTS %d %d" % (https.server_address[1], plain.server_address[1]), flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
