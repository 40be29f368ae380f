//! Writing an output file safely: never over the catalog's own files, and
//! atomically, so that a failed or interrupted write leaves the old file whole.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Why an output was not written, said as a sentence (exit status 2).
pub(crate) type WriteError = String;

/// Refuses `output` when it is one of `inputs` (the catalog's root file and the
/// files it includes): the same file by canonical path, through a symbolic link, or,
/// on Unix, a hard link. An output that does not exist yet compares by its canonical
/// directory and file name.
pub(crate) fn refuse_input(
    output: &Path,
    inputs: &[PathBuf],
    what: &str,
) -> Result<(), WriteError> {
    let Some(target) = canonical_target(output) else {
        // Its directory does not exist either: it cannot be an input, and the write
        // reports the missing directory.
        return Ok(());
    };
    for input in inputs {
        if same_file(&target, input) {
            return Err(format!(
                "{}: refusing to write {what} over the catalog's input {}; choose another file",
                output.display(),
                input.display()
            ));
        }
    }
    Ok(())
}

/// The canonical path `output` names: itself when it exists (symbolic links
/// resolved), else its canonical directory joined with its file name.
fn canonical_target(output: &Path) -> Option<PathBuf> {
    if let Ok(path) = fs::canonicalize(output) {
        return Some(path);
    }
    let name = output.file_name()?;
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(parent).ok()?.join(name))
}

fn same_file(target: &Path, input: &Path) -> bool {
    let Ok(input) = fs::canonicalize(input) else {
        // `<stdin>`, or an include that could not be read: nothing on disk to protect.
        return false;
    };
    if input == target {
        return true;
    }
    same_inode(target, &input)
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

/// Writes `text` to `path` atomically: into a new temporary file in the same
/// directory, flushed to disk, then renamed over `path`. A symbolic link is written
/// through (its target is replaced, the link kept), and an existing file keeps its
/// permissions.
pub(crate) fn write_atomically(path: &Path, text: &str) -> Result<(), WriteError> {
    let fail = |e: io::Error| format!("{}: cannot write: {e}", path.display());
    let target = match fs::canonicalize(path) {
        Ok(existing) => existing,
        Err(e) if e.kind() == io::ErrorKind::NotFound => path.to_owned(),
        Err(e) => return Err(fail(e)),
    };
    if target.is_dir() {
        return Err(fail(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a directory",
        )));
    }
    let permissions = fs::metadata(&target).ok().map(|m| m.permissions());
    let (temp, mut file) = create_temp(&target).map_err(fail)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .and_then(|()| match permissions {
            Some(permissions) => fs::set_permissions(&temp, permissions),
            None => Ok(()),
        })
        .and_then(|()| fs::rename(&temp, &target));
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(fail(e));
    }
    Ok(())
}

/// A new file beside `target`, named after it so that a leftover is recognisable.
fn create_temp(target: &Path) -> io::Result<(PathBuf, File)> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = target.file_name().unwrap_or_default();
    let mut attempt = 0u32;
    loop {
        let mut temp_name = OsString::from(".");
        temp_name.push(name);
        temp_name.push(format!(".{}.{attempt}.tmp", std::process::id()));
        let temp = dir.join(temp_name);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir()
            .join(format!("errors-cli-output-{}", std::process::id()))
            .join(name);
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn an_input_is_refused_by_any_name() {
        let dir = scratch("refuse");
        let input = dir.join("a.toml");
        fs::write(&input, "x").unwrap();
        let inputs = [input.clone()];
        let err = refuse_input(&dir.join("./a.toml"), &inputs, "the reference").unwrap_err();
        assert!(err.contains("refusing to write the reference"), "{err}");
        assert!(refuse_input(&dir.join("b.toml"), &inputs, "x").is_ok());
        assert!(refuse_input(&dir.join("no/such/dir/a.toml"), &inputs, "x").is_ok());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&input, dir.join("link.toml")).unwrap();
            assert!(refuse_input(&dir.join("link.toml"), &inputs, "x").is_err());
            fs::hard_link(&input, dir.join("hard.toml")).unwrap();
            assert!(refuse_input(&dir.join("hard.toml"), &inputs, "x").is_err());
        }
    }

    #[test]
    fn writes_replace_whole_files_and_leave_no_temporary() {
        let dir = scratch("atomic");
        let out = dir.join("out.md");
        write_atomically(&out, "first").unwrap();
        write_atomically(&out, "second").unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "second");
        let names: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, [OsString::from("out.md")]);

        let err = write_atomically(&dir, "x").unwrap_err();
        assert!(err.contains("cannot write"), "{err}");
        let err = write_atomically(&dir.join("missing/out.md"), "x").unwrap_err();
        assert!(err.contains("cannot write"), "{err}");

        #[cfg(unix)]
        {
            let link = dir.join("link.md");
            std::os::unix::fs::symlink(&out, &link).unwrap();
            write_atomically(&link, "through").unwrap();
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(fs::read_to_string(&out).unwrap(), "through");
        }
    }
}
