// MuPDF (mutool, the engine of many phone and desktop viewers) as a test
// driver for embedded files: open one PDF with a password and save every
// file of its EmbeddedFiles name tree, as MuPDF decodes it, into OUTDIR as
// 1.bin, 2.bin, ... Prints one JSON document on stdout:
//   {"ok", "error", "detail", "pages",
//    "attachments": [{"name", "size", "file"}]}
// "error" is null when the file opened, "password" when MuPDF needs a
// password and the one given (or none) does not open the file, "other" for
// any other failure. (MuPDF's script shell has no hash function: the
// caller hashes the saved files.)
//
// Usage: mutool run mupdf_attachments.js FILE OUTDIR [--password-stdin]
// With --password-stdin the password is the first line of standard input.

function finish(result) {
  print(JSON.stringify(result));
}

// MuPDF 1.21's get() gives undefined for a missing key, later versions a
// null object: both mean "absent".
function present(obj) {
  return obj !== undefined && obj !== null && !obj.isNull();
}

function get(obj, key) {
  return present(obj) ? obj.get(key) : undefined;
}

function walk(node, out, depth) {
  if (depth > 32) {
    throw new Error("name tree too deep");
  }
  var names = get(node, "Names");
  if (present(names) && names.isArray()) {
    for (var i = 0; i + 1 < names.length; i += 2) {
      out.push({ key: names.get(i).asString(), spec: names.get(i + 1) });
    }
  }
  var kids = get(node, "Kids");
  if (present(kids) && kids.isArray()) {
    for (var k = 0; k < kids.length; k++) {
      walk(kids.get(k), out, depth + 1);
    }
  }
}

function fileName(spec, key) {
  var fields = ["UF", "F"];
  for (var i = 0; i < fields.length; i++) {
    var value = get(spec, fields[i]);
    if (present(value) && value.isString()) {
      return value.asString();
    }
  }
  return key;
}

function main() {
  var result = { ok: false, error: null, detail: null, pages: 0, attachments: [] };
  if (scriptArgs.length < 2 || scriptArgs.length > 3) {
    result.error = "other";
    result.detail = "usage: mutool run mupdf_attachments.js FILE OUTDIR [--password-stdin]";
    finish(result);
    return;
  }
  var file = scriptArgs[0];
  var outdir = scriptArgs[1];
  var password = null;
  if (scriptArgs.length === 3) {
    if (scriptArgs[2] !== "--password-stdin") {
      result.error = "other";
      result.detail = "unknown option " + scriptArgs[2];
      finish(result);
      return;
    }
    password = readline();
    if (password === null || password === undefined) {
      password = "";
    }
  }
  var doc;
  try {
    doc = new Document(file);
  } catch (e) {
    result.error = "other";
    result.detail = String(e);
    finish(result);
    return;
  }
  if (doc.needsPassword()) {
    if (password === null || !doc.authenticatePassword(password)) {
      result.error = "password";
      result.detail = password === null ? "a password is needed" : "cannot authenticate password";
      finish(result);
      return;
    }
  }
  try {
    result.pages = doc.countPages();
    var found = [];
    var tree = get(get(get(doc.getTrailer(), "Root"), "Names"), "EmbeddedFiles");
    if (present(tree) && tree.isDictionary()) {
      walk(tree, found, 0);
    }
    for (var i = 0; i < found.length; i++) {
      var stream = get(get(found[i].spec, "EF"), "F");
      if (!present(stream) || !stream.isStream()) {
        throw new Error("embedded file " + (i + 1) + " has no stream");
      }
      var buffer = stream.readStream();
      var saved = outdir + "/" + (i + 1) + ".bin";
      buffer.save(saved);
      result.attachments.push({
        name: fileName(found[i].spec, found[i].key),
        size: buffer.length,
        file: saved,
      });
    }
    result.ok = true;
  } catch (e) {
    result.error = "other";
    result.detail = String(e);
  }
  finish(result);
}

main();
