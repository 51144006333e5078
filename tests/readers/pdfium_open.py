#!/usr/bin/env python3
"""PDFium (the PDF engine of Chrome and Edge, from the pypdfium2 package) as
a test driver: open one PDF with a password, as the browser would, and say
what it found, as one JSON document on stdout:

    {"ok", "error", "detail", "pages", "text_page1",
     "attachments": [{"name", "size", "sha256"}]}

"error" is null when the file opened, "password" when PDFium refused the
password given or needed one (PDFium reports both as FPDF_ERR_PASSWORD),
and "other" for any other failure; "detail" says more for a human.

Usage: pdfium_open.py FILE [--password-stdin | PASSWORD]
With --password-stdin the password is the first line of standard input (so
that it need not be on the command line); with neither, the file is opened
without a password.
"""

import hashlib
import json
import sys

import pypdfium2
import pypdfium2.raw as pdfium_c


def read_password(arg):
    if arg is None:
        return None
    if arg != "--password-stdin":
        return arg
    line = sys.stdin.buffer.readline().decode("utf-8")
    return line.rstrip("\r\n")


def main(argv):
    if len(argv) not in (2, 3):
        print("usage: pdfium_open.py FILE [--password-stdin | PASSWORD]", file=sys.stderr)
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
    with open(path, "rb") as f:
        data = f.read()
    try:
        pdf = pypdfium2.PdfDocument(data, password=password)
    except pypdfium2.PdfiumError as e:
        if getattr(e, "err_code", None) == pdfium_c.FPDF_ERR_PASSWORD:
            result["error"] = "password"
        else:
            result["error"] = "other"
        result["detail"] = str(e)
        print(json.dumps(result))
        return 1
    try:
        result["pages"] = len(pdf)
        page = pdf[0]
        textpage = page.get_textpage()
        result["text_page1"] = textpage.get_text_bounded()
        textpage.close()
        page.close()
        for index in range(pdf.count_attachments()):
            attachment = pdf.get_attachment(index)
            content = bytes(attachment.get_data())
            result["attachments"].append(
                {
                    "name": attachment.get_name(),
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
    finally:
        pdf.close()
    print(json.dumps(result))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
