//! Writing the user's files safely.

use std::io::Write;
use std::path::Path;

/// The list, in the data folder, of the temporary files exports are being written through: one
/// a kill interrupted is removed at the next start ([`clean_pending`]).
pub const PENDING_FILE: &str = "pending-writes";

/// Writes `bytes` to `path` through a temporary file in the same folder, synced and then renamed
/// over the target: the file is either the old one or the whole new one, never half written.
/// The temporary file is listed in `data_dir`'s [`PENDING_FILE`] while it exists.
pub fn write_atomically(path: &Path, bytes: &[u8], data_dir: &Path) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("export");
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let tmp = dir.join(format!(".{name}.{}-{nanos}.tmp", std::process::id()));
    let pending = data_dir.join(PENDING_FILE);
    // Best effort: a data folder that cannot be written must not stop an export elsewhere.
    // Absolute: the app that cleans it up later does not stand where a command line did.
    let listed = std::path::absolute(&tmp).unwrap_or_else(|_| tmp.clone());
    let _ = note_pending(&pending, &listed);
    let result = (|| {
        // create_new: never through a symlink or over a file someone put at that name.
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    let _ = forget_pending(&pending, |line| Path::new(line) == listed);
    result
}

/// Adds `tmp` to the pending list (synced: a kill right after must find it there).
fn note_pending(pending: &Path, tmp: &Path) -> std::io::Result<()> {
    if let Some(dir) = pending.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(pending)?;
    writeln!(file, "{}", tmp.display())?;
    file.sync_all()
}

/// Removes from the pending list the lines `gone` says are done with.
fn forget_pending(pending: &Path, mut gone: impl FnMut(&str) -> bool) -> std::io::Result<()> {
    let text = std::fs::read_to_string(pending)?;
    let kept: Vec<&str> = text.lines().filter(|l| !l.is_empty() && !gone(l)).collect();
    if kept.is_empty() {
        std::fs::remove_file(pending)
    } else {
        std::fs::write(pending, kept.join("\n") + "\n")
    }
}

/// The process id in a temporary file's name as [`write_atomically`] makes them
/// (`.<name>.<pid>-<nanos>.tmp`), if it is one.
fn writer_of(tmp: &Path) -> Option<u32> {
    let name = tmp.file_name()?.to_str()?;
    let inner = name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (_, stamp) = inner.rsplit_once('.')?;
    let (pid, nanos) = stamp.split_once('-')?;
    nanos.parse::<u32>().ok()?;
    pid.parse().ok()
}

/// Whether the process that made a temporary file may still be writing it: on Linux, whether
/// that process is alive; elsewhere, whether the file changed in the last ten minutes.
fn still_writing(pid: u32, tmp: &Path) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    std::fs::metadata(tmp)
        .and_then(|m| m.modified())
        .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() < 600))
}

/// At start: removes the temporary files of exports a kill interrupted (listed in the data
/// folder's [`PENDING_FILE`], named as [`write_atomically`] names them, their writer gone), and
/// a restore's copy (`*.restoring`) left in the data folder. Nothing else is ever removed: a
/// line that does not name such a file is dropped from the list and the file left alone.
/// Returns what was removed.
pub fn clean_pending(data_dir: &Path) -> Vec<std::path::PathBuf> {
    let mut removed = Vec::new();
    let pending = data_dir.join(PENDING_FILE);
    let _ = forget_pending(&pending, |line| {
        let tmp = Path::new(line);
        match writer_of(tmp) {
            Some(pid) if still_writing(pid, tmp) => false,
            Some(_) => {
                if std::fs::remove_file(tmp).is_ok() {
                    removed.push(tmp.to_path_buf());
                }
                true
            }
            None => true,
        }
    });
    if let Ok(entries) = std::fs::read_dir(data_dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.to_string_lossy().ends_with(".restoring") && std::fs::remove_file(&path).is_ok()
            {
                removed.push(path);
            }
        }
    }
    removed
}

/// The most an import file may hold. Margin's own W3C export of 10,000 highlights with notes is
/// a few MiB; anything far bigger is not an export, and is refused before it is read.
pub const MAX_IMPORT_BYTES: u64 = 32 * 1024 * 1024;

/// Refuses a path inside Margin's data folder (the database, its WAL and journal, backups):
/// exports and anything else the user saves go elsewhere, so no write can land on the store.
/// The folder and the path's own folder are compared as the file system resolves them, so a
/// symlink or `..` does not get round it.
pub fn refuse_data_dir(path: &Path, data_dir: &Path) -> margin_core::Result<()> {
    let Ok(data) = std::fs::canonicalize(data_dir) else {
        return Ok(()); // no data folder yet: nothing of Margin's to protect
    };
    let parent = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let inside = |p: &Path| std::fs::canonicalize(p).is_ok_and(|c| c.starts_with(&data));
    if inside(parent) || inside(path) {
        return Err(margin_core::Error::InvalidInput(format!(
            "{} is in Margin's data folder ({}), where only Margin writes; choose a file elsewhere",
            path.display(),
            data.display()
        )));
    }
    Ok(())
}

/// Reads a UTF-8 text file the user chose for an import, refusing what is not a regular file
/// (a device, a pipe, a folder) and anything over `max` bytes before reading it all.
pub fn read_import(path: &Path, max: u64) -> margin_core::Result<String> {
    use std::io::Read;
    let invalid = |why: String| margin_core::Error::InvalidInput(why);
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(invalid(format!("{} is not a file", path.display())));
    }
    let too_big = || {
        invalid(format!(
            "{} is over {} MiB: it is not an annotation export",
            path.display(),
            max / (1024 * 1024)
        ))
    };
    if meta.len() > max {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(max + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|_| invalid(format!("{} is not UTF-8 text", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "margin-files-{}-{}",
            std::process::id(),
            rand_suffix()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn rand_suffix() -> u128 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    }

    #[test]
    fn nothing_is_written_into_the_data_folder_however_it_is_named() {
        let root = temp();
        let data = root.join("data");
        std::fs::create_dir_all(data.join("backups")).unwrap();
        std::fs::write(data.join("margin.sqlite3"), b"db").unwrap();
        std::os::unix::fs::symlink(&data, root.join("link")).unwrap();
        for inside in [
            data.join("margin.sqlite3"),
            data.join("margin.sqlite3-wal"),
            data.join("backups/new.jsonld"),
            root.join("data/../data/x.md"),
            root.join("link/margin.sqlite3"),
        ] {
            let err = refuse_data_dir(&inside, &data).unwrap_err();
            assert_eq!(err.kind(), "invalid_input", "{}", inside.display());
            assert!(err.to_string().contains("data folder"));
        }
        std::os::unix::fs::symlink(data.join("margin.sqlite3"), root.join("points-at-db")).unwrap();
        assert!(
            refuse_data_dir(&root.join("points-at-db"), &data).is_err(),
            "a symlink to the database"
        );
        assert!(refuse_data_dir(&root.join("export.jsonld"), &data).is_ok());
        assert!(refuse_data_dir(&root.join("no/such/folder/x.md"), &data).is_ok());
        assert!(refuse_data_dir(&root.join("x.md"), &root.join("not-made-yet")).is_ok());
    }

    #[test]
    fn a_temporary_file_a_kill_left_is_removed_at_start_and_nothing_else() {
        let root = temp();
        let data = root.join("data");
        let out = root.join("exports");
        std::fs::create_dir_all(&out).unwrap();
        // A whole write leaves no temporary file and no pending list.
        write_atomically(&out.join("a.jsonld"), b"{}", &data).unwrap();
        assert_eq!(std::fs::read(out.join("a.jsonld")).unwrap(), b"{}");
        assert!(!data.join(PENDING_FILE).exists());
        assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
        // A kill between the two: the temporary file and its line stay behind.
        let dead = out.join(".b.jsonld.4000000000-12.tmp");
        let alive = out.join(format!(".c.jsonld.{}-13.tmp", std::process::id()));
        let theirs = out.join("notes.txt");
        for f in [&dead, &alive, &theirs] {
            std::fs::write(f, b"x").unwrap();
            note_pending(&data.join(PENDING_FILE), f).unwrap();
        }
        std::fs::write(data.join("margin.sqlite3.restoring"), b"half").unwrap();
        let removed = clean_pending(&data);
        assert_eq!(
            removed,
            vec![dead.clone(), data.join("margin.sqlite3.restoring")]
        );
        assert!(!dead.exists());
        assert!(
            alive.exists(),
            "a file its writer may still be writing was removed"
        );
        assert!(theirs.exists(), "a file Margin did not make was removed");
        let left = std::fs::read_to_string(data.join(PENDING_FILE)).unwrap();
        assert_eq!(left.trim(), alive.display().to_string());
    }

    #[test]
    fn an_import_file_is_a_bounded_regular_utf8_file() {
        let root = temp();
        let ok = root.join("ok.jsonld");
        std::fs::write(&ok, "{}").unwrap();
        assert_eq!(read_import(&ok, 10).unwrap(), "{}");
        let big = root.join("big.jsonld");
        std::fs::write(&big, vec![b' '; 11]).unwrap();
        assert!(read_import(&big, 10)
            .unwrap_err()
            .to_string()
            .contains("over"));
        let latin1 = root.join("latin1.jsonld");
        std::fs::write(&latin1, [0x7b, 0xe9, 0x7d]).unwrap();
        assert!(read_import(&latin1, 10)
            .unwrap_err()
            .to_string()
            .contains("UTF-8"));
        for not_a_file in [Path::new("/dev/zero"), root.as_path()] {
            let err = read_import(not_a_file, 10).unwrap_err();
            assert_eq!(err.kind(), "invalid_input");
            assert!(err.to_string().contains("is not a file"), "{err}");
        }
        assert_eq!(
            read_import(&root.join("missing"), 10).unwrap_err().kind(),
            "io"
        );
    }
}
