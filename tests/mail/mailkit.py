"""Builds and inspects emails for carepost's mail tests with Python's own
`email` package: an independent MIME composer and parser. OpenPGP work is
done by gpg, called from the Rust test; this script only does MIME.

Usage: python3 mailkit.py COMMAND ARGS (see each function)."""

import email
import email.policy
import json
import sys
from email.encoders import encode_7or8bit
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText

SMTP = email.policy.SMTP  # CRLF line endings, as on the wire


def attachments(specs):
    """PATH:NAME:TYPE triples (NAME and TYPE may be empty)."""
    for spec in specs:
        path, name, ctype = spec.split(":", 2)
        with open(path, "rb") as f:
            data = f.read()
        yield data, name or None, ctype or "application/octet-stream"


def inner_mixed(out, sender, to, subject, text, *specs):
    """A multipart/mixed with protected headers, as Thunderbird encrypts."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = "<thunderbird-mirror@ziekenhuis.example>"
    msg.set_content(text)
    for data, name, ctype in attachments(specs):
        maintype, subtype = ctype.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if not msg.is_multipart():
        msg.make_mixed()
    msg.set_param("protected-headers", "v1")
    with open(out, "wb") as f:
        f.write(msg.as_bytes(policy=SMTP))


def signed(out, part_path, sig_path):
    """multipart/signed around an already serialized part and its detached
    signature, byte for byte (the signed bytes must not change)."""
    with open(part_path, "rb") as f:
        part = f.read()
    with open(sig_path, "rb") as f:
        sig = f.read()
    b = "signed-boundary-7f3a"
    body = (
        f'Content-Type: multipart/signed; micalg=pgp-sha256;\r\n protocol="application/pgp-signature";\r\n boundary="{b}"\r\n\r\n'
        f"--{b}\r\n"
    ).encode() + part + (
        f"\r\n--{b}\r\nContent-Type: application/pgp-signature; name=\"signature.asc\"\r\n\r\n"
    ).encode() + sig.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n") + f"\r\n--{b}--\r\n".encode()
    with open(out, "wb") as f:
        f.write(body)


def pgp_mime(out, sender, to, subject, encrypted_path, autocrypt=""):
    """The outer RFC 3156 message around an armored OpenPGP message."""
    with open(encrypted_path, "rb") as f:
        armored = f.read()
    outer = MIMEMultipart("encrypted", protocol="application/pgp-encrypted", policy=SMTP)
    outer["From"] = sender
    outer["To"] = to
    outer["Subject"] = subject
    if autocrypt:
        outer["Autocrypt"] = autocrypt
    outer.preamble = "This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)"
    version = MIMEApplication(b"Version: 1\r\n", "pgp-encrypted", _encoder=encode_7or8bit, policy=SMTP)
    version["Content-Description"] = "PGP/MIME version identification"
    payload = MIMEApplication(armored, "octet-stream", _encoder=encode_7or8bit, policy=SMTP)
    payload.add_header("Content-Disposition", "inline", filename="encrypted.asc")
    outer.attach(version)
    outer.attach(payload)
    with open(out, "wb") as f:
        f.write(outer.as_bytes(policy=SMTP))


def plain(out, sender, to, subject, text_path, *specs):
    """A plain message; attachments as GpgOL/Kleopatra users attach files."""
    with open(text_path, "r", encoding="utf-8") as f:
        text = f.read()
    msg = MIMEMultipart("mixed", policy=SMTP) if specs else MIMEText(text, "plain", "utf-8", policy=SMTP)
    if specs:
        msg.attach(MIMEText(text, "plain", "utf-8", policy=SMTP))
        for data, name, ctype in attachments(specs):
            part = MIMEApplication(data, ctype.split("/", 1)[1], policy=SMTP)
            part.add_header("Content-Disposition", "attachment", filename=name)
            msg.attach(part)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    with open(out, "wb") as f:
        f.write(msg.as_bytes(policy=SMTP))


def outer_report(eml, encrypted_out):
    """What a mail program sees outside the encryption; writes the
    encrypted part to ENCRYPTED_OUT."""
    with open(eml, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    parts = list(msg.iter_parts())
    with open(encrypted_out, "wb") as f:
        f.write(parts[1].get_payload(decode=True))
    print(json.dumps({
        "content_type": msg.get_content_type(),
        "protocol": msg.get_param("protocol"),
        "subject": msg["Subject"],
        "from": msg["From"],
        "to": [a.addr_spec for a in msg["To"].addresses],
        "message_id": msg["Message-ID"],
        "autocrypt": msg["Autocrypt"],
        "preamble": msg.preamble,
        "parts": [p.get_content_type() for p in parts],
        "version": parts[0].get_payload(decode=True).decode().strip(),
        "defects": [str(d) for d in msg.defects],
    }))


def inner_report(inner, out_dir):
    """The decrypted inner MIME: headers, parts, and each attachment's
    bytes written to OUT_DIR/attachment-N."""
    with open(inner, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    found = []
    text = None
    for part in msg.iter_parts():
        if part.get_content_disposition() == "attachment":
            n = len(found)
            with open(f"{out_dir}/attachment-{n}", "wb") as f:
                f.write(part.get_payload(decode=True))
            found.append({"filename": part.get_filename(), "content_type": part.get_content_type()})
        elif part.get_content_type() == "text/plain" and text is None:
            text = part.get_content()
    print(json.dumps({
        "content_type": msg.get_content_type(),
        "hp": msg.get_param("hp"),
        "protected_headers": msg.get_param("protected-headers"),
        "subject": msg["Subject"],
        "from": msg["From"],
        "message_id": msg["Message-ID"],
        "hp_outer": msg.get_all("HP-Outer"),
        "text": text,
        "attachments": found,
        "defects": [str(d) for d in msg.defects],
    }))


def wrap(out, genuine, text_path, position):
    """A genuine PGP/MIME message as one part of a new multipart/mixed,
    with unencrypted text before it (POSITION "before": EFAIL-style
    wrapping) or after it ("after": a mailing list's footer)."""
    with open(genuine, "rb") as f:
        orig = email.message_from_binary_file(f, policy=SMTP)
    with open(text_path, "r", encoding="utf-8") as f:
        text = f.read()
    outer = MIMEMultipart("mixed", policy=SMTP)
    for name in ("From", "To", "Subject", "Message-ID"):
        if orig[name]:
            outer[name] = orig[name]
    for name in set(orig.keys()):
        if not name.lower().startswith("content-"):
            del orig[name]
    added = MIMEText(text, "plain", "utf-8", policy=SMTP)
    for part in [added, orig] if position == "before" else [orig, added]:
        outer.attach(part)
    with open(out, "wb") as f:
        f.write(outer.as_bytes(policy=SMTP))


def many(out, sender, to, count):
    """An inner multipart/mixed with COUNT small attachments."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = "Many"
    msg.set_content("Many attachments.\n")
    for n in range(int(count)):
        msg.add_attachment(f"attachment {n}\n".encode(), maintype="application", subtype="octet-stream", filename=f"a{n}.txt")
    with open(out, "wb") as f:
        f.write(msg.as_bytes(policy=SMTP))


if __name__ == "__main__":
    globals()[sys.argv[1].replace("-", "_")](*sys.argv[2:])
