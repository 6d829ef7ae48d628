//! The one way Pressroom reads and writes the user's files.
//!
//! Reading: the file type is checked before the file is opened (links are followed, then
//! only regular files are read), the file is opened so that a FIFO swapped in meanwhile
//! cannot block, and at most `limit + 1` bytes are read, whatever the file claims its size is.
//!
//! Writing: a link is written through to its target (atomically there); an existing target
//! that is not a regular file is refused, and so is a target that is one of the command's
//! inputs, however its path is spelt; content over the size limit is refused (whatever
//! Pressroom writes it can read back); stale temporary files of our own naming are removed;
//! an overwritten file keeps its mode, group (and owner, where allowed) and so does its
//! `.bak`; a file with more than one hard link is rewritten in place so the links stay one
//! file. Every error names the target, never the temporary file.

use std::fmt;
use std::fs::{File, Metadata};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// Temporary files are named `.pressroom-XXXXXX.tmp`, beside their target.
pub const TEMP_PREFIX: &str = ".pressroom-";
pub const TEMP_SUFFIX: &str = ".tmp";
/// A temporary file of ours older than this was left by a save that was killed.
pub const STALE_AFTER: Duration = Duration::from_secs(10 * 60);

const MIB: u64 = 1024 * 1024;

/// A size for people: "21.3 MiB", or bytes when rounding would hide that it is over `limit`.
pub fn describe_size(n: u64, limit: u64) -> String {
    let shown = format!("{:.1}", n as f64 / MIB as f64);
    let limit_shown = format!("{:.1}", limit as f64 / MIB as f64);
    if n > limit && shown == limit_shown {
        format!("{n} bytes")
    } else {
        format!("{shown} MiB")
    }
}

/// A limit for people: "20 MiB".
pub fn describe_limit(limit: u64) -> String {
    if limit.is_multiple_of(MIB) {
        format!("{} MiB", limit / MIB)
    } else {
        format!("{limit} bytes")
    }
}

/// What kind of thing stands at a path that is not a regular file.
pub fn kind_of(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    IsFolder,
    /// Exists, but is a FIFO, a device, a socket...: never opened.
    NotRegular(&'static str),
    /// Larger than the limit (the size, or at least the bytes read when it grew).
    TooLarge {
        size: u64,
        limit: u64,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {}", plain(e)),
            ReadError::IsFolder => write!(f, "is a folder, not a file"),
            ReadError::NotRegular(kind) => {
                write!(f, "is {kind}, not a regular file; it was not read")
            }
            ReadError::TooLarge { size, limit } => write!(
                f,
                "is {}; files over {} are refused",
                describe_size(*size, *limit),
                describe_limit(*limit)
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Opens a file for reading without blocking on a FIFO (on Unix), and checks, on the open
/// file itself, that it is a regular file (links are followed).
pub fn open_regular(path: &Path) -> Result<(File, Metadata), ReadError> {
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::IsFolder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta)));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO put in its place between the check and the open must not block the open.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::IsFolder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta)));
    }
    Ok((file, meta))
}

/// Reads a regular file (following links) of at most `limit` bytes: the type is checked
/// before opening, and no more than `limit + 1` bytes are ever read.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// Whether an existing target may be replaced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Replace it (Save, export).
    Replace,
    /// Refuse if anything is there (`new -o`, `import -o` without `--force`).
    Refuse,
}

/// The rules for one write.
#[derive(Clone, Debug)]
pub struct WriteOptions<'a> {
    /// Content larger than this is refused (nothing is written).
    pub limit: u64,
    /// Files that must never be written over: the command's inputs.
    pub inputs: &'a [&'a Path],
    pub existing: Existing,
    /// Keep the previous content as `NAME.bak` (same mode, group and owner).
    pub backup: bool,
    /// Only the user may read it (mode 0600), new or not: recovery copies.
    pub private: bool,
}

impl WriteOptions<'_> {
    /// A draft: a `.bak` of what it replaces.
    pub fn draft(limit: u64) -> WriteOptions<'static> {
        WriteOptions {
            limit,
            inputs: &[],
            existing: Existing::Replace,
            backup: true,
            private: false,
        }
    }

    /// An export, a profile, a setting: replaced atomically, no `.bak`.
    pub fn plain(limit: u64) -> WriteOptions<'static> {
        WriteOptions {
            backup: false,
            ..WriteOptions::draft(limit)
        }
    }

    /// A recovery copy: mode 0600 whatever the umask.
    pub fn private(limit: u64) -> WriteOptions<'static> {
        WriteOptions {
            private: true,
            ..WriteOptions::plain(limit)
        }
    }
}

/// Why a file was not written. It names the target (the file the user asked for).
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub kind: WriteErrorKind,
}

#[derive(Debug)]
pub enum WriteErrorKind {
    Io(io::Error),
    /// The `.bak` could not be made, so the file was left alone.
    Backup(PathBuf, io::Error),
    /// Something that is not a regular file is there: a folder, a device, a FIFO, a socket.
    NotRegular(&'static str),
    /// The target is this input (the same file, however the path is spelt).
    IsInput(PathBuf),
    /// The target exists and the rules say not to replace it.
    Exists,
    TooLarge {
        size: u64,
        limit: u64,
    },
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.path.display();
        match &self.kind {
            WriteErrorKind::Io(e) => write!(f, "{p}: cannot write: {}", plain(e)),
            WriteErrorKind::Backup(bak, e) => write!(
                f,
                "{p}: not written, because its backup {} could not be made: {}",
                bak.display(),
                plain(e)
            ),
            WriteErrorKind::NotRegular(kind) => {
                write!(f, "{p}: is {kind}, not a regular file; it was left alone")
            }
            WriteErrorKind::IsInput(input) if input.as_path() == self.path => {
                write!(f, "{p}: is the input; refusing to write over it")
            }
            WriteErrorKind::IsInput(input) => write!(
                f,
                "{p}: is the input {}; refusing to write over it",
                input.display()
            ),
            WriteErrorKind::Exists => write!(
                f,
                "{p}: already exists; not overwriting it (--force replaces it and keeps a .bak)"
            ),
            WriteErrorKind::TooLarge { size, limit } => write!(
                f,
                "{p}: not written: it would be {}, and Pressroom reads files only up to {}",
                describe_size(*size, *limit),
                describe_limit(*limit)
            ),
        }
    }
}

impl std::error::Error for WriteError {}

impl From<WriteError> for io::Error {
    fn from(e: WriteError) -> io::Error {
        let kind = match &e.kind {
            WriteErrorKind::Io(io) | WriteErrorKind::Backup(_, io) => io.kind(),
            WriteErrorKind::NotRegular(_) | WriteErrorKind::IsInput(_) => {
                io::ErrorKind::InvalidInput
            }
            WriteErrorKind::Exists => io::ErrorKind::AlreadyExists,
            WriteErrorKind::TooLarge { .. } => io::ErrorKind::FileTooLarge,
        };
        io::Error::new(kind, e)
    }
}

/// An I/O error's own message, without the temporary file's path that `tempfile` adds.
fn plain(e: &io::Error) -> String {
    if let Some(inner) = e.get_ref()
        && let Some(source) = inner.source()
    {
        return source.to_string();
    }
    e.to_string()
}

/// Where writing to `path` really writes: symbolic links followed to their final target
/// (which need not exist yet: a dangling link is written through, as `echo >` does).
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut p = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(parent) if to.is_relative() => parent.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `NAME.bak` beside `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut bak = path.as_os_str().to_owned();
    bak.push(".bak");
    PathBuf::from(bak)
}

/// Removes our own temporary files (`.pressroom-*.tmp`, regular files) older than `age`
/// from `dir`: what killed saves left. Returns how many went.
pub fn remove_stale_temporaries(dir: &Path, age: Duration) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|d| d > age);
        if meta.is_file() && old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Whether two paths name the same existing regular file.
fn same_file(a: &Path, b: &Path) -> bool {
    // same_file opens both, so only regular files (a FIFO would block the open).
    let regular = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.is_file());
    regular(a) && regular(b) && same_file::is_same_file(a, b).unwrap_or(false)
}

/// Writes `bytes` to `path` by the rules in `options` (see the module's documentation).
/// Returns the file really written (the link's target when `path` is a link).
pub fn write(path: &Path, bytes: &[u8], options: &WriteOptions) -> Result<PathBuf, WriteError> {
    let fail = |kind| WriteError {
        path: path.to_path_buf(),
        kind,
    };
    if bytes.len() as u64 > options.limit {
        return Err(fail(WriteErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: options.limit,
        }));
    }
    let target = resolve_links(path).map_err(|e| fail(WriteErrorKind::Io(e)))?;
    let existing = match std::fs::metadata(&target) {
        Ok(m) if m.is_file() => Some(m),
        Ok(m) => return Err(fail(WriteErrorKind::NotRegular(kind_of(&m)))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(fail(WriteErrorKind::Io(e))),
    };
    if existing.is_some() {
        if let Some(input) = options.inputs.iter().find(|i| same_file(i, &target)) {
            return Err(fail(WriteErrorKind::IsInput(input.to_path_buf())));
        }
        if options.existing == Existing::Refuse {
            return Err(fail(WriteErrorKind::Exists));
        }
    }
    let dir = folder_of(&target);
    remove_stale_temporaries(&dir, STALE_AFTER);
    if let Some(meta) = &existing
        && options.backup
    {
        let bak = backup_path(&target);
        make_backup(&target, &bak, meta).map_err(|e| fail(WriteErrorKind::Backup(bak, e)))?;
    }
    if let Some(meta) = &existing
        && links(meta) > 1
    {
        // Replacing the file would split it from its other names: rewrite it in place
        // (its `.bak` is made already).
        return write_in_place(&target, bytes)
            .map(|()| target.clone())
            .map_err(|e| fail(WriteErrorKind::Io(e)));
    }
    let tmp = temp_beside(&dir, existing.as_ref(), options.private, |f| {
        f.write_all(bytes)
    })
    .map_err(|e| fail(WriteErrorKind::Io(e)))?;
    let persisted = match options.existing {
        Existing::Replace => tmp.persist(&target),
        Existing::Refuse => tmp.persist_noclobber(&target),
    };
    if let Err(e) = persisted {
        return Err(fail(match e.error.kind() {
            io::ErrorKind::AlreadyExists if options.existing == Existing::Refuse => {
                WriteErrorKind::Exists
            }
            _ => WriteErrorKind::Io(e.error),
        }));
    }
    sync_folder(&dir);
    Ok(target)
}

/// Writes `bytes` to `path` atomically (no `.bak`), giving the file the mode, group and
/// owner (where allowed) of the existing file `like`, whether `path` is new or replaced:
/// a draft's versions take the draft's own mode. Refused over `limit` and over anything
/// that is not a regular file.
pub fn write_like(
    path: &Path,
    bytes: &[u8],
    like: &Path,
    limit: u64,
) -> Result<PathBuf, WriteError> {
    let fail = |kind| WriteError {
        path: path.to_path_buf(),
        kind,
    };
    if bytes.len() as u64 > limit {
        return Err(fail(WriteErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit,
        }));
    }
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.is_file() => return Err(fail(WriteErrorKind::NotRegular(kind_of(&m)))),
        _ => {}
    }
    let like = std::fs::metadata(like).ok().filter(|m| m.is_file());
    let dir = folder_of(path);
    remove_stale_temporaries(&dir, STALE_AFTER);
    let tmp = temp_beside(&dir, like.as_ref(), false, |f| f.write_all(bytes))
        .map_err(|e| fail(WriteErrorKind::Io(e)))?;
    tmp.persist(path)
        .map_err(|e| fail(WriteErrorKind::Io(e.error)))?;
    sync_folder(&dir);
    Ok(path.to_path_buf())
}

/// A temporary file in `dir`, filled by `fill`, flushed to disk, with the mode (and owner
/// and group, where allowed) of `like` when replacing a file, else the umask's mode.
fn temp_beside(
    dir: &Path,
    like: Option<&Metadata>,
    private: bool,
    fill: impl FnOnce(&mut File) -> io::Result<()>,
) -> io::Result<tempfile::NamedTempFile> {
    // A new file gets what the umask allows of 0666, as editors do; a file being
    // replaced starts private and takes its mode below.
    #[cfg(unix)]
    let mode = if private || like.is_some() {
        0o600
    } else {
        0o666
    };
    // Opened here rather than by `tempfile_in`, whose errors name the temporary file.
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(TEMP_SUFFIX)
        .make_in(dir, |path| {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(mode);
            }
            options.open(path)
        })?;
    fill(tmp.as_file_mut())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if private {
            tmp.as_file()
                .set_permissions(std::fs::Permissions::from_mode(0o600))?;
        } else if let Some(meta) = like {
            keep_owner_and_mode(tmp.as_file(), meta)?;
        }
    }
    #[cfg(not(unix))]
    let _ = (like, private);
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Gives `file` the owner (where allowed: root), group (where the user is a member) and
/// mode of `meta`. The mode is set last, as a change of owner can clear set-id bits.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, meta: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        // A normal user cannot give a file away; keeping the group often is allowed.
        let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
    }
    file.set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777))
}

/// How many names (hard links) the file has; 1 where that cannot be known.
fn links(meta: &Metadata) -> u64 {
    #[cfg(unix)]
    {
        std::os::unix::fs::MetadataExt::nlink(meta)
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        1
    }
}

/// Copies `target` to `bak` atomically, with the same mode, group and owner.
fn make_backup(target: &Path, bak: &Path, meta: &Metadata) -> io::Result<()> {
    if let Ok(m) = std::fs::symlink_metadata(bak)
        && m.is_dir()
    {
        return Err(io::Error::other("it is a folder"));
    }
    let (mut from, _) = open_regular(target).map_err(|e| match e {
        ReadError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    })?;
    let dir = folder_of(bak);
    let tmp = temp_beside(&dir, Some(meta), false, |f| {
        io::copy(&mut from, f).map(|_| ())
    })?;
    tmp.persist(bak).map_err(|e| e.error)?;
    Ok(())
}

/// Rewrites a file's content in place (for a file with several hard links).
fn write_in_place(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut f = options.open(target)?;
    if !f.metadata()?.is_file() {
        return Err(io::Error::other("it is no longer a regular file"));
    }
    f.write_all(bytes)?;
    f.set_len(bytes.len() as u64)?;
    f.sync_all()
}

/// The rename is durable only once the folder itself is on disk.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
pub(crate) mod tests;
