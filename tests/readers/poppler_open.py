#!/usr/bin/python3
"""poppler through its GLib library (poppler-glib, what GNOME's document
viewers, Evince and Papers, use) as a test driver: open one PDF with a
password, as the viewer would, and say what it found, as one JSON document
on stdout:

    {"ok", "error", "detail", "pages", "text_page1",
     "attachments": [{"name", "size", "sha256"}]}

"error" is null when the file opened, "password" when poppler needs a
password and the one given (or none) does not open the file, "other" for
any other failure; "detail" says more for a human.

poppler's command-line tools (pdfinfo, pdftotext, pdfdetach) read at most
32 bytes of -upw: a longer password is cut and refused. The library takes
the whole password, so this driver is how poppler is tested with
carepost's passwords. It needs Debian's python3-gi and gir1.2-poppler-0.18,
hence Debian's own python3 (/usr/bin/python3).

Usage: poppler_open.py FILE [--password-stdin | PASSWORD]
With --password-stdin the password is the first line of standard input (so
that it need not be on the command line); with neither, the file is opened
without a password.
"""

import hashlib
import json
import os
import sys

import gi

gi.require_version("Poppler", "0.18")
from gi.repository import GLib, Poppler  # noqa: E402


def read_password(arg):
    if arg is None:
        return None
    if arg != "--password-stdin":
        return arg
    line = sys.stdin.buffer.readline().decode("utf-8")
    return line.rstrip("\r\n")


def attachment_bytes(attachment):
    chunks = []

    def save(buffer, _count, *_data):
        chunks.append(bytes(buffer))
        return True

    if not attachment.save_to_callback(save, None):
        raise RuntimeError("poppler could not read attachment %r" % attachment.name)
    return b"".join(chunks)


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: poppler_open.py FILE [--password-stdin | PASSWORD]", file=sys.stderr)
        return 2
    path = argv[1]
    password = read_password(argv[2] if len(argv) == 3 else None)
    result = {
        "ok": False,
        "error": None,
        "detail": None,
        "pages": 0,
        "text_page1": "",
        "attachments": [],
    }
    # From a file, as a viewer opens it. (poppler 22.12's new_from_bytes
    # crashes on a wrong password.)
    uri = GLib.filename_to_uri(os.path.abspath(path), None)
    try:
        document = Poppler.Document.new_from_file(uri, password)
    except GLib.Error as e:
        if e.matches(Poppler.error_quark(), Poppler.Error.ENCRYPTED):
            result["error"] = "password"
        else:
            result["error"] = "other"
        result["detail"] = e.message
        print(json.dumps(result))
        return 1
    try:
        result["pages"] = document.get_n_pages()
        result["text_page1"] = document.get_page(0).get_text() or ""
        for attachment in document.get_attachments():
            content = attachment_bytes(attachment)
            result["attachments"].append(
                {
                    "name": attachment.name,
                    "size": len(content),
                    "sha256": hashlib.sha256(content).hexdigest(),
                }
            )
        result["ok"] = True
        code = 0
    except Exception as e:  # any failure after opening is a reader failure
        result["error"] = "other"
        result["detail"] = "%s: %s" % (type(e).__name__, e)
        code = 1
    print(json.dumps(result))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
