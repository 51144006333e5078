//! The scheduled purge: a systemd user timer on Linux (hourly), and the
//! equivalent instructions elsewhere. Purging needs no passphrase, so the
//! timer runs unattended.

use crate::error::{Error, Result};
use crate::home::Home;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What installing or removing the timer did.
#[derive(Debug, Clone, Serialize)]
pub struct TimerReport {
    /// Unit files written or removed.
    pub files: Vec<PathBuf>,
    /// Whether systemd accepted the change (`systemctl --user …`).
    pub activated: bool,
    /// Why not, or what to do by hand (other platforms).
    pub note: Option<String>,
}

/// A short name for this home's units, so several homes can each have one.
pub fn unit_name(home: &Home) -> String {
    let digest = crate::hashing::sha256_of(&mut home.root().to_string_lossy().as_bytes())
        .map(|(hex, _)| hex)
        .unwrap_or_default();
    format!("carepost-purge-{}", &digest[..8])
}

/// Where systemd looks for a user's own units.
pub fn unit_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))
        .map(|config| config.join("systemd").join("user"))
}

/// Quotes one word for a systemd `ExecStart=` line.
fn systemd_quote(word: &str) -> String {
    let escaped = word.replace('\\', "\\\\").replace('"', "\\\"").replace('%', "%%").replace('$', "$$");
    format!("\"{escaped}\"")
}

/// The service and timer unit files, as text, for this home's own timer
/// (`purge --install-timer`).
pub fn unit_files(program: &Path, home: &Home) -> (String, String) {
    units(&[
        systemd_quote(&program.to_string_lossy()),
        "--home".into(),
        systemd_quote(&home.root().to_string_lossy()),
        "--no-keychain".into(),
        "purge".into(),
        "--quiet".into(),
    ])
}

/// The same units for a package to ship (`carepost-purge.service` and
/// `.timer` in systemd's user unit folder): they purge the default home of
/// whichever user enables them.
pub fn packaged_unit_files(program: &Path) -> (String, String) {
    units(&[systemd_quote(&program.to_string_lossy()), "--no-keychain".into(), "purge".into(), "--quiet".into()])
}

/// One definition of the schedule and the hardening, whoever installs it.
fn units(exec: &[String]) -> (String, String) {
    let exec = exec.join(" ");
    // No PrivateTmp=: documents sent or opened with `-o /tmp/…` must stay
    // visible to the purge, or it would take them for gone and forget them.
    let service = format!(
        "[Unit]\n\
         Description=carepost: delete documents whose retention has ended\n\
         \n\
         [Service]\n\
         Type=oneshot\n\
         ExecStart={exec}\n\
         Nice=10\n\
         NoNewPrivileges=yes\n"
    );
    let timer = "[Unit]\n\
         Description=carepost: hourly purge of expired documents\n\
         \n\
         [Timer]\n\
         OnCalendar=hourly\n\
         Persistent=true\n\
         RandomizedDelaySec=5min\n\
         \n\
         [Install]\n\
         WantedBy=timers.target\n"
        .to_owned();
    (service, timer)
}

/// The `systemctl` to ask. Debug builds (the test suite) honour
/// `CAREPOST_SYSTEMCTL`, so that tests never touch a real user session.
fn systemctl_program() -> std::ffi::OsString {
    #[cfg(debug_assertions)]
    if let Some(program) = std::env::var_os("CAREPOST_SYSTEMCTL") {
        return program;
    }
    "systemctl".into()
}

fn systemctl(args: &[&str]) -> std::result::Result<(), String> {
    let output =
        Command::new(systemctl_program()).arg("--user").args(args).output().map_err(|e| crate::error::io_reason(&e))?;
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}

/// Whether this home's timer unit is installed.
pub fn installed(home: &Home) -> bool {
    // Unit files on disk prove nothing: only what systemd says is enabled.
    cfg!(target_os = "linux")
        && unit_dir().is_some_and(|dir| dir.join(format!("{}.timer", unit_name(home))).exists())
        && systemctl(&["is-enabled", "--quiet", &format!("{}.timer", unit_name(home))]).is_ok()
}

/// `purge --install-timer`.
pub fn install(home: &Home) -> Result<TimerReport> {
    let program = std::env::current_exe().map_err(|e| Error::io("io-resolve", "carepost", e))?;
    if !cfg!(target_os = "linux") {
        return Ok(TimerReport {
            files: Vec::new(),
            activated: false,
            note: Some(other_platform_hint(&program, home)),
        });
    }
    let dir = unit_dir().ok_or(Error::NoHomeDirectory)?;
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("io-create-dir", &dir, e))?;
    let name = unit_name(home);
    let (service, timer) = unit_files(&program, home);
    let service_path = dir.join(format!("{name}.service"));
    let timer_path = dir.join(format!("{name}.timer"));
    crate::home::write_atomic(&service_path, service.as_bytes(), true)?;
    crate::home::write_atomic(&timer_path, timer.as_bytes(), true)?;
    let unit = format!("{name}.timer");
    // Enabled is what systemd reports afterwards, not what `enable` said.
    let activation = systemctl(&["daemon-reload"])
        .and_then(|()| systemctl(&["enable", "--now", &unit]))
        .and_then(|()| systemctl(&["is-enabled", "--quiet", &unit]))
        .and_then(|()| systemctl(&["is-active", "--quiet", &unit]));
    if let Err(reason) = activation {
        // The unit files stay: the command in the hint uses them.
        return Err(Error::TimerNotEnabled {
            reason,
            command: format!("systemctl --user daemon-reload && systemctl --user enable --now {unit}"),
        });
    }
    Ok(TimerReport { files: vec![service_path, timer_path], activated: true, note: None })
}

/// `purge --uninstall-timer`.
pub fn uninstall(home: &Home) -> Result<TimerReport> {
    let Some(dir) = unit_dir().filter(|_| cfg!(target_os = "linux")) else {
        return Ok(TimerReport { files: Vec::new(), activated: false, note: None });
    };
    let name = unit_name(home);
    let stopped = systemctl(&["disable", "--now", &format!("{name}.timer")]);
    let mut files = Vec::new();
    for path in [dir.join(format!("{name}.timer")), dir.join(format!("{name}.service"))] {
        match std::fs::remove_file(&path) {
            Ok(()) => files.push(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io("io-write", &path, e)),
        }
    }
    let _ = systemctl(&["daemon-reload"]);
    Ok(TimerReport { files, activated: stopped.is_ok(), note: None })
}

fn other_platform_hint(program: &Path, home: &Home) -> String {
    let command = format!("{} --home {} --no-keychain purge --quiet", program.display(), home.root().display());
    if cfg!(target_os = "macos") {
        crate::tr!("timer-hint-macos", command = command)
    } else if cfg!(windows) {
        crate::tr!("timer-hint-windows", command = command)
    } else {
        crate::tr!("timer-hint-cron", command = command)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exec_lines_quote_spaces_percent_and_dollars() {
        let home = Home::locate(Some("/home/dr a/100%/$care".into())).unwrap();
        let (service, timer) = unit_files(Path::new("/usr/bin/carepost"), &home);
        assert!(service.contains(
            "ExecStart=\"/usr/bin/carepost\" --home \"/home/dr a/100%%/$$care\" --no-keychain purge --quiet"
        ));
        assert!(timer.contains("OnCalendar=hourly"));
        assert!(timer.contains("WantedBy=timers.target"));
    }

    #[test]
    fn packaged_units_purge_the_default_home_on_the_same_schedule() {
        let home = Home::locate(Some("/a".into())).unwrap();
        let (service, timer) = packaged_unit_files(Path::new("/usr/bin/carepost"));
        let (own_service, own_timer) = unit_files(Path::new("/usr/bin/carepost"), &home);
        assert!(service.contains("ExecStart=\"/usr/bin/carepost\" --no-keychain purge --quiet\n"));
        assert!(!service.contains("--home"));
        assert_eq!(timer, own_timer);
        let hardening =
            |text: &str| text.lines().filter(|l| !l.starts_with("ExecStart=")).collect::<Vec<_>>().join("\n");
        assert_eq!(hardening(&service), hardening(&own_service));
    }

    #[test]
    fn each_home_has_its_own_unit_name() {
        let a = Home::locate(Some("/a".into())).unwrap();
        let b = Home::locate(Some("/b".into())).unwrap();
        assert_ne!(unit_name(&a), unit_name(&b));
        assert!(unit_name(&a).starts_with("carepost-purge-"));
    }
}
