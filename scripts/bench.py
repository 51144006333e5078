#!/usr/bin/env python3
"""Speed and memory of `carepost send`/`open` against GnuPG, in one run.

Times sign+encrypt and decrypt+verify of random files (1 KiB, 1 MiB,
256 MiB by default) and of a 64 MiB compressible text, for:
  carepost (release build), gpg with its defaults (zlib compression),
  gpg --compress-algo none.
Prints the median wall time of several runs, throughput, peak RSS, and the
ratio carepost/gpg-uncompressed (> 1 means carepost is faster). The runs of
all tools are interleaved, round by round, so that a slower moment of the
machine weighs on each of them alike.

Usage: scripts/bench.py [--runs N] [--sizes 1K,1M,256M,1G] [--keep]
                        [--backend rust|nettle|openssl] [--keychain]
                        [--carepost BINARY]
Needs: python3, gpg, cargo, GNU time (for peak RSS). Uses only temporary
directories; never your own GnuPG or carepost home. `--backend` builds
carepost with another Sequoia crypto backend (into target/bench-BACKEND;
nettle and openssl need their -dev packages and libclang) to compare
backends in the same run as gpg.

By default carepost reads its passphrase from a file, as a user-chosen
passphrase: unlocking the key then costs OpenPGP's full S2K stretching
(about 45 ms) on every command. `--keychain` measures the default set-up
instead: a generated passphrase in the OS keychain (a private D-Bus
session with gnome-keyring, started for the run), lightly stretched.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PASSPHRASE = "benchmark passphrase, not secret"


def parse_size(text):
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper()
    if text[-1] in units:
        return int(text[:-1]) * units[text[-1]]
    return int(text)


def human(n):
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size:
            return f"{n / size:g} {unit}"
    return f"{n} B"


TIME = shutil.which("time") or ("/usr/bin/time" if os.path.exists("/usr/bin/time") else None)


def run(cmd, env=None):
    """Runs cmd; returns (seconds, peak RSS in KiB or None).

    Peak RSS comes from GNU time (Debian package `time`): a child forked
    from this Python process would inherit Python's own peak in its
    rusage, so Python cannot measure it directly.
    """
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile(mode="r") as rss_file:
        wrapped = [TIME, "-f", "%M", "-o", rss_file.name, *cmd] if TIME else cmd
        start = time.perf_counter()
        code = subprocess.run(wrapped, env=env, stdout=subprocess.DEVNULL, stderr=err).returncode
        elapsed = time.perf_counter() - start
        if code != 0:
            err.seek(0)
            sys.exit(f"command failed ({code}): {' '.join(cmd)}\n{err.read().decode(errors='replace')}")
        text = rss_file.read().strip().splitlines()
        return elapsed, int(text[-1]) if TIME and text else None


def interleaved(cases, runs):
    """Runs every case once per round, for `runs` rounds, so that carepost
    and gpg see the same machine: a slower minute (another process, the
    disk flushing) slows both, not one. Returns {name: (median seconds,
    peak RSS)}. Each case is (command, env, cleanup before each run)."""
    samples = {name: ([], []) for name in cases}
    for _ in range(runs):
        for name, (cmd, env, cleanup) in cases.items():
            if cleanup:
                cleanup()
            seconds, peak = run(cmd, env=env)
            samples[name][0].append(seconds)
            samples[name][1].append(peak or 0)
    return {name: (statistics.median(t), max(p)) for name, (t, p) in samples.items()}


def median_run(make_cmd, runs, env=None, cleanup=None):
    times, peaks = [], []
    for i in range(runs):
        if cleanup:
            cleanup()
        seconds, peak = run(make_cmd(i), env=env)
        times.append(seconds)
        peaks.append(peak or 0)
    return statistics.median(times), max(peaks)


def make_inputs(work, sizes):
    inputs = []
    for size in sizes:
        path = os.path.join(work, f"random-{human(size).replace(' ', '')}.bin")
        with open(path, "wb") as f:
            left = size
            while left:
                chunk = min(left, 1 << 20)
                f.write(os.urandom(chunk))
                left -= chunk
        inputs.append(("random", size, path))
    # Compressible text: structured lines as in a lab export.
    path = os.path.join(work, "text-64MiB.txt")
    size = 64 << 20
    with open(path, "w") as f:
        written, n = 0, 0
        while written < size:
            line = f"{n:09d};2026-11-{n % 28 + 1:02d};HbA1c;{40 + n % 17} mmol/mol;ref 20-42;lab Utrecht\n"
            f.write(line)
            written += len(line)
            n += 1
    inputs.append(("text", os.path.getsize(path), path))
    return inputs


def email_case(cp, g, work, env, runs, size=None):
    """Peak RSS of `open X.eml` with one attachment (25 MiB: what most mail
    providers accept), next to gpg decrypting the same document sent as a
    file, and to carepost opening that file."""
    size = size or (25 << 20)
    doc = os.path.join(work, "scan.pdf")
    with open(doc, "wb") as f:
        f.write(b"%PDF-1.7\n" + os.urandom(size - 9))
    eml = os.path.join(work, "mail.eml")
    subprocess.run(cp("sender", "send", doc, "--to", "receiver", "--eml", eml), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    in_dir = os.path.join(work, "mail-in")

    def clean():
        shutil.rmtree(in_dir, ignore_errors=True)
        os.mkdir(in_dir)
    t_mail, rss_mail = median_run(lambda i: cp("receiver", "open", eml, "-o", in_dir), runs, cleanup=clean)
    out_dir = os.path.join(work, "mail-out")
    os.makedirs(out_dir, exist_ok=True)
    subprocess.run(cp("sender", "send", doc, "--to", "patient", "-o", out_dir), check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sealed = os.path.join(out_dir, os.listdir(out_dir)[0])
    t_file, rss_file = median_run(lambda i: cp("sender", "open", sealed, "-o", in_dir), runs, cleanup=clean)
    ct = os.path.join(work, "mail-gpg.pgp")
    subprocess.run(g("-u", "bench@example.org", "-r", "bench@example.org", "-o", ct, "-se", doc), env=env, check=True)
    t_gpg, rss_gpg = median_run(lambda i: g("-o", os.path.join(work, "mail-gpg.out"), "--decrypt", ct), runs, env=env)
    print(f"\nemail with one {human(size)} attachment ({human(os.path.getsize(eml))} .eml); target: carepost open "
          f"under 64 MiB peak RSS")
    for label, t, rss in (("carepost open .eml", t_mail, rss_mail), ("carepost open .pgp", t_file, rss_file),
                          ("gpg --decrypt .pgp", t_gpg, rss_gpg)):
        print(f"  {label:<20}{t:>8.3f} s{rss / 1024:>9.1f} MiB peak RSS")
    # gpg cannot open an email; it decrypts the same document, signed and
    # encrypted as a file, in the same run.
    print(f"  carepost .eml / gpg: time {t_mail / t_gpg:.2f}x, peak RSS {rss_mail / max(rss_gpg, 1):.2f}x; "
          f"target {'met' if rss_mail < 64 << 10 else 'NOT met'} ({rss_mail / 1024:.1f} MiB)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="1K,1M,256M")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--backend", choices=["rust", "nettle", "openssl"], default="rust",
                        help="Sequoia crypto backend to build carepost with (default: rust, the shipped one)")
    parser.add_argument("--email", type=parse_size, default=25 << 20, metavar="SIZE",
                        help="also open an email with one attachment of SIZE (default 25M, 0 to skip)")
    parser.add_argument("--keychain", action="store_true",
                        help="use a generated passphrase in a keychain started for the run (the default set-up)")
    parser.add_argument("--carepost", metavar="BINARY",
                        help="measure this carepost binary instead of building one (e.g. an older build, to "
                             "compare start-up against gpg in the same conditions)")
    args = parser.parse_args()
    sizes = [parse_size(s) for s in args.sizes.split(",")]

    base = os.environ.get("CARGO_TARGET_DIR") or os.path.join(ROOT, "target")
    if args.backend == "rust":
        build, target = [], base
    else:
        target = os.path.join(base, f"bench-{args.backend}")
        build = ["--no-default-features", "--features", f"crypto-{args.backend}", "--target-dir", target]
    if not os.environ.get("CAREPOST_BENCH_KEYRING") and not args.carepost:
        subprocess.run(["cargo", "build", "--release", "--quiet", *build], cwd=ROOT, check=True)
    if args.keychain and not os.environ.get("CAREPOST_BENCH_KEYRING"):
        # Re-run inside a private D-Bus session with an unlocked
        # gnome-keyring, so that the user's own keychain is never touched.
        script = ('eval "$(printf bench | gnome-keyring-daemon --unlock --components=secrets)" >/dev/null; '
                  'eval "$(gnome-keyring-daemon --start --components=secrets)" >/dev/null; '
                  'exec "$@"')
        private = tempfile.mkdtemp(prefix="carepost-bench-keyring-")
        os.mkdir(os.path.join(private, "runtime"), 0o700)
        env = dict(os.environ, CAREPOST_BENCH_KEYRING="1", HOME=private,
                   XDG_RUNTIME_DIR=os.path.join(private, "runtime"))
        for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "DBUS_SESSION_BUS_ADDRESS"):
            env.pop(var, None)
        code = subprocess.run(["dbus-run-session", "--", "sh", "-c", script, "sh", sys.executable, *sys.argv],
                              env=env).returncode
        shutil.rmtree(private, ignore_errors=True)
        sys.exit(code)
    carepost = os.path.abspath(args.carepost) if args.carepost else os.path.join(target, "release", "carepost")
    print(f"carepost {'at ' + carepost if args.carepost else 'built with the ' + args.backend + ' backend'}; "
          f"passphrase from "
          f"{'a keychain started for this run' if args.keychain else 'a file (full S2K stretching)'}", flush=True)
    gpg = shutil.which("gpg")
    if not gpg:
        sys.exit("gpg is needed for the comparison")

    work = tempfile.mkdtemp(prefix="carepost-bench-")
    try:
        env = dict(os.environ, GNUPGHOME=os.path.join(work, "gnupg"), CAREPOST_LANG="en")
        os.mkdir(env["GNUPGHOME"], 0o700)
        pw = os.path.join(work, "passphrase")
        with open(pw, "w") as f:
            f.write(PASSPHRASE + "\n")
        os.chmod(pw, 0o600)

        def cp(home, *rest):
            if args.keychain:
                return [carepost, "--home", os.path.join(work, home), *rest]
            return [carepost, "--home", os.path.join(work, home), "--no-keychain", "--passphrase-file", pw, *rest]

        def g(*rest):
            return [gpg, "--batch", "--yes", "--quiet", "--pinentry-mode", "loopback", "--passphrase", "",
                    "--trust-model", "always", *rest]

        # Two carepost users who verified each other, and a gpg key pair
        # that the sender also has as a verified contact. Messages to the
        # gpg key are SEIPDv1 (what every patient's software reads);
        # carepost-to-carepost messages are SEIPDv2.
        subprocess.run(g("--quick-gen-key", "Bench <bench@example.org>", "future-default", "default", "1y"),
                       env=env, check=True, stderr=subprocess.DEVNULL)
        gpg_cert = os.path.join(work, "gpg.asc")
        with open(gpg_cert, "wb") as f:
            f.write(subprocess.run(g("--armor", "--export", "bench@example.org"), env=env, check=True,
                                   capture_output=True).stdout)
        gpg_fpr = subprocess.run(g("--with-colons", "--list-keys", "bench@example.org"), env=env, check=True,
                                 capture_output=True, text=True).stdout
        gpg_fpr = [l.split(":")[9] for l in gpg_fpr.splitlines() if l.startswith("fpr:")][0]
        for home, name in (("sender", "Sender"), ("receiver", "Receiver")):
            subprocess.run(cp(home, "init", "--name", name, "--email", f"{home}@example.org"), check=True,
                           stdout=subprocess.DEVNULL)
            subprocess.run(cp(home, "export-key", "-o", os.path.join(work, f"{home}.asc")), check=True,
                           stdout=subprocess.DEVNULL)
        for home, other in (("sender", "receiver"), ("receiver", "sender")):
            subprocess.run(cp(home, "contact", "add", other, "--key-file", os.path.join(work, f"{other}.asc")),
                           check=True, stdout=subprocess.DEVNULL)
            fpr = subprocess.run(cp(other, "--json", "whoami"), check=True, capture_output=True, text=True).stdout
            fpr = fpr.split('"fingerprint": "')[1].split('"')[0]
            subprocess.run(cp(home, "contact", "verify", other, "--fingerprint", fpr), check=True,
                           stdout=subprocess.DEVNULL)
        subprocess.run(cp("sender", "contact", "add", "patient", "--key-file", gpg_cert), check=True,
                       stdout=subprocess.DEVNULL)
        subprocess.run(cp("sender", "contact", "verify", "patient", "--fingerprint", gpg_fpr), check=True,
                       stdout=subprocess.DEVNULL)

        inputs = make_inputs(work, sizes)
        out_dir = os.path.join(work, "out")
        in_dir = os.path.join(work, "in")

        def fresh(dir_):
            def clean():
                shutil.rmtree(dir_, ignore_errors=True)
                os.mkdir(dir_)
            return clean

        rows = []
        for kind, size, path in inputs:
            label = f"{kind} {human(size)}"
            runs = args.runs if size < (512 << 20) else 1
            # What the decryption runs open, made once by each tool's own
            # encryption: SEIPDv1 to a gpg user (opened by the sender's own
            # copy), SEIPDv2 between carepost users, and gpg's own.
            made = {}
            for name, to in (("v1", "patient"), ("v2", "receiver")):
                dest = os.path.join(work, f"sealed-{name}")
                fresh(dest)()
                subprocess.run(cp("sender", "send", path, "--to", to, "-o", dest), check=True,
                               stdout=subprocess.DEVNULL)
                made[name] = os.path.join(dest, os.listdir(dest)[0])
            for variant, extra in (("gpg", []), ("gpg -z0", ["--compress-algo", "none"])):
                made[variant] = os.path.join(work, f"{variant.replace(' ', '')}.pgp")
                subprocess.run(g(*extra, "-u", "bench@example.org", "-r", "bench@example.org", "-o",
                                 made[variant], "-se", path), env=env, check=True)
            gpg_out = os.path.join(work, "gpg.out")
            gpg_enc = os.path.join(work, "gpg-enc.pgp")
            cases = {
                "carepost enc": (cp("sender", "send", path, "--to", "patient", "-o", out_dir), None, fresh(out_dir)),
                "carepost dec": (cp("sender", "open", made["v1"], "-o", in_dir), None, fresh(in_dir)),
                "carepost v2 enc": (cp("sender", "send", path, "--to", "receiver", "-o", out_dir), None,
                                    fresh(out_dir)),
                "carepost v2 dec": (cp("receiver", "open", made["v2"], "-o", in_dir), None, fresh(in_dir)),
            }
            for variant, extra in (("gpg", []), ("gpg -z0", ["--compress-algo", "none"])):
                cases[f"{variant} enc"] = (g(*extra, "-u", "bench@example.org", "-r", "bench@example.org", "-o",
                                             gpg_enc, "-se", path), env, None)
                cases[f"{variant} dec"] = (g("-o", gpg_out, "--decrypt", made[variant]), env, None)
            rows.append((label, size, interleaved(cases, runs)))
            shutil.rmtree(in_dir, ignore_errors=True)

        print(f"\n{'input':<16}{'tool':<14}{'enc s':>9}{'enc MiB/s':>11}{'enc RSS':>10}"
              f"{'dec s':>9}{'dec MiB/s':>11}{'dec RSS':>10}")
        for label, size, result in rows:
            for tool in ("carepost", "carepost v2", "gpg", "gpg -z0"):
                te, re_ = result[f"{tool} enc"]
                td, rd = result[f"{tool} dec"]
                mib = size / (1 << 20)
                print(f"{label:<16}{tool:<14}{te:>9.3f}{mib / te:>11.1f}{re_ / 1024:>8.1f}Mi"
                      f"{td:>9.3f}{mib / td:>11.1f}{rd / 1024:>8.1f}Mi")
        if args.email:
            email_case(cp, g, work, env, args.runs, args.email)

        print("\nratio = gpg -z0 time / carepost time (above 1: carepost is faster)")
        for label, size, result in rows:
            enc = result["gpg -z0 enc"][0] / result["carepost enc"][0]
            dec = result["gpg -z0 dec"][0] / result["carepost dec"][0]
            enc_d = result["gpg enc"][0] / result["carepost enc"][0]
            print(f"{label:<16} encrypt {enc:5.2f}   decrypt {dec:5.2f}   (vs gpg default: encrypt {enc_d:5.2f})")
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
