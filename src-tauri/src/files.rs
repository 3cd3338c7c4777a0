//! Writing the user's files safely.

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, synced and then renamed
/// over the target: the file is either the old one or the whole new one, never half written.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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
    result
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
