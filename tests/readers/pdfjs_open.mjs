// pdf.js (the viewer built into Firefox, from the pdfjs-dist package) as a
// test driver: open one PDF with a password, as the browser would, and say
// what it found, as one JSON document on stdout:
//   {"ok", "error", "detail", "pages", "text_page1",
//    "attachments": [{"name", "size", "sha256"}]}
// "error" is null when the file opened, "password" when pdf.js asked for a
// password or refused the one given (the two cases the patient sees as
// "type the password"), and "other" for any other failure; "detail" says
// more for a human.
//
// Usage: node pdfjs_open.mjs FILE [--password-stdin | PASSWORD]
// With --password-stdin the password is the first line of standard input
// (so that it need not be on the command line); with neither, the file is
// opened without a password.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";

function finish(result, code) {
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exitCode = code;
}

function readPassword(arg) {
  if (arg === undefined) {
    return undefined;
  }
  if (arg !== "--password-stdin") {
    return arg;
  }
  const input = readFileSync(0, "utf8");
  const end = input.search(/\r?\n/);
  return end === -1 ? input : input.slice(0, end);
}

async function main() {
  const [file, passwordArg] = process.argv.slice(2);
  if (file === undefined || process.argv.length > 4) {
    process.stderr.write("usage: node pdfjs_open.mjs FILE [--password-stdin | PASSWORD]\n");
    process.exitCode = 2;
    return;
  }
  const result = {
    ok: false,
    error: null,
    detail: null,
    pages: 0,
    text_page1: "",
    attachments: [],
  };
  const password = readPassword(passwordArg);
  const data = new Uint8Array(readFileSync(file));
  const params = {
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  };
  if (password !== undefined) {
    params.password = password;
  }
  let doc;
  try {
    // Without an onPassword callback, pdf.js rejects with a
    // PasswordException when the password is missing or wrong (a viewer
    // would ask the user again).
    doc = await pdfjs.getDocument(params).promise;
  } catch (e) {
    if (e && e.name === "PasswordException") {
      result.error = "password";
      result.detail =
        e.code === pdfjs.PasswordResponses.INCORRECT_PASSWORD
          ? "incorrect password"
          : "a password is needed";
    } else {
      result.error = "other";
      result.detail = String(e && e.message ? e.message : e);
    }
    finish(result, 1);
    return;
  }
  try {
    result.pages = doc.numPages;
    const page = await doc.getPage(1);
    const content = await page.getTextContent();
    result.text_page1 = content.items
      .map((item) => (item.str ?? "") + (item.hasEOL ? "\n" : ""))
      .join("");
    const attachments = (await doc.getAttachments()) ?? {};
    for (const [key, attachment] of Object.entries(attachments)) {
      const bytes = attachment.content;
      result.attachments.push({
        name: attachment.filename ?? key,
        size: bytes.length,
        sha256: createHash("sha256").update(bytes).digest("hex"),
      });
    }
    result.ok = true;
    finish(result, 0);
  } catch (e) {
    result.error = "other";
    result.detail = String(e && e.message ? e.message : e);
    finish(result, 1);
  } finally {
    await doc.destroy();
  }
}

await main();
