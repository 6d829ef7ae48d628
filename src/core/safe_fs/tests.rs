use super::*;

fn names_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[cfg(unix)]
pub(crate) fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

#[cfg(unix)]
fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn reads_at_most_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("f.txt");
    std::fs::write(&p, vec![b'x'; 100]).unwrap();
    assert_eq!(read_limited(&p, 100).unwrap().len(), 100);
    let e = read_limited(&p, 99).unwrap_err();
    assert!(
        matches!(
            e,
            ReadError::TooLarge {
                size: 100,
                limit: 99
            }
        ),
        "{e:?}"
    );
    assert!(matches!(
        read_limited(dir.path(), 100),
        Err(ReadError::IsFolder)
    ));
    assert!(matches!(
        read_limited(&dir.path().join("missing"), 100),
        Err(ReadError::Io(_))
    ));
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_refused_before_opening() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    mkfifo(&fifo);
    // No writer: opening it for reading would block for ever.
    let e = read_limited(&fifo, 1000).unwrap_err();
    assert!(
        matches!(e, ReadError::NotRegular(k) if k.contains("FIFO")),
        "{e}"
    );
    let zero = dir.path().join("zero.ron");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let e = read_limited(&zero, 1000).unwrap_err();
    assert!(matches!(e, ReadError::NotRegular("a device")), "{e}");
}

#[test]
fn sizes_say_mib_and_show_bytes_where_rounding_would_hide_the_excess() {
    let limit = 20 * MIB;
    assert_eq!(describe_limit(limit), "20 MiB");
    assert_eq!(
        describe_size(limit + 1, limit),
        format!("{} bytes", limit + 1)
    );
    assert_eq!(describe_size(22 * MIB + MIB / 2, limit), "22.5 MiB");
}

#[test]
fn writes_refuse_content_over_the_limit_and_accept_it_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("out.txt");
    write(&p, b"12345", &WriteOptions::plain(5)).unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"12345");
    let e = write(&p, b"123456", &WriteOptions::plain(5)).unwrap_err();
    assert!(matches!(
        e.kind,
        WriteErrorKind::TooLarge { size: 6, limit: 5 }
    ));
    assert!(e.to_string().starts_with(&p.display().to_string()), "{e}");
    assert_eq!(std::fs::read(&p).unwrap(), b"12345", "left as it was");
}

#[cfg(unix)]
#[test]
fn a_link_is_written_through_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.txt");
    std::fs::write(&real, "old").unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink("real.txt", &link).unwrap();
    let written = write(&link, b"new", &WriteOptions::plain(100)).unwrap();
    assert_eq!(written, dir.path().join("real.txt"));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "new");
    // A dangling link creates its target, as a shell's `>` does.
    let dangling = dir.path().join("dangling.txt");
    std::os::unix::fs::symlink("made.txt", &dangling).unwrap();
    write(&dangling, b"made", &WriteOptions::plain(100)).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("made.txt")).unwrap(),
        "made"
    );
}

#[cfg(unix)]
#[test]
fn what_is_not_a_regular_file_is_never_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let e = write(&fifo, b"x", &WriteOptions::plain(100)).unwrap_err();
    assert!(matches!(e.kind, WriteErrorKind::NotRegular(_)), "{e}");
    assert!(e.to_string().contains("FIFO"), "{e}");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let e = write(&folder, b"x", &WriteOptions::plain(100)).unwrap_err();
    assert!(e.to_string().contains("folder"), "{e}");
    let link_to_null = dir.path().join("null.txt");
    std::os::unix::fs::symlink("/dev/null", &link_to_null).unwrap();
    let e = write(&link_to_null, b"x", &WriteOptions::plain(100)).unwrap_err();
    assert!(
        matches!(e.kind, WriteErrorKind::NotRegular("a device")),
        "{e}"
    );
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );
}

#[test]
fn the_input_is_never_written_over_however_it_is_spelt() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("same.ron");
    std::fs::write(&input, "draft").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let spellings = [
        input.clone(),
        dir.path().join("sub/../same.ron"),
        dir.path().join("./same.ron"),
    ];
    let inputs = [input.as_path()];
    let options = WriteOptions {
        inputs: &inputs,
        ..WriteOptions::plain(100)
    };
    for out in &spellings {
        let e = write(out, b"exported", &options).unwrap_err();
        assert!(matches!(e.kind, WriteErrorKind::IsInput(_)), "{out:?}: {e}");
    }
    let hard = dir.path().join("hard.ron");
    std::fs::hard_link(&input, &hard).unwrap();
    assert!(write(&hard, b"exported", &options).is_err(), "a hard link");
    assert_eq!(std::fs::read_to_string(&input).unwrap(), "draft");
    // Another file is fine.
    write(&dir.path().join("other.txt"), b"exported", &options).unwrap();
}

#[test]
fn refusing_to_replace_keeps_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("q3.ron");
    std::fs::write(&p, "mine").unwrap();
    let options = WriteOptions {
        existing: Existing::Refuse,
        ..WriteOptions::draft(100)
    };
    let e = write(&p, b"new", &options).unwrap_err();
    assert!(matches!(e.kind, WriteErrorKind::Exists), "{e}");
    assert_eq!(std::fs::read_to_string(&p).unwrap(), "mine");
    assert!(!backup_path(&p).exists());
    write(&dir.path().join("fresh.ron"), b"new", &options).unwrap();
}

#[test]
fn stale_temporaries_of_ours_are_removed_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let eleven_minutes_ago = SystemTime::now() - Duration::from_secs(11 * 60);
    for name in [".pressroom-old1.tmp", ".pressroom-old2.tmp", "notes.tmp"] {
        let f = File::create(dir.path().join(name)).unwrap();
        f.set_modified(eleven_minutes_ago).unwrap();
    }
    std::fs::write(dir.path().join(".pressroom-fresh.tmp"), "another save").unwrap();
    write(&dir.path().join("d.ron"), b"x", &WriteOptions::draft(100)).unwrap();
    assert_eq!(
        names_in(dir.path()),
        vec![".pressroom-fresh.tmp", "d.ron", "notes.tmp"]
    );
}

#[test]
fn errors_name_the_target_not_the_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_folder = dir.path().join("file");
    std::fs::write(&not_a_folder, "").unwrap();
    let target = not_a_folder.join("out.txt");
    let e = write(&target, b"x", &WriteOptions::plain(100))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with(&target.display().to_string()), "{e}");
    assert!(!e.contains(TEMP_PREFIX), "{e}");
}

#[cfg(unix)]
#[test]
fn a_new_file_gets_the_umask_mode_and_a_replaced_one_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    // What the umask makes of 0666, as a plain create shows it.
    let plain = dir.path().join("plain");
    File::create(&plain).unwrap();
    set_mode(&plain, 0o640);
    if mode_of(&plain) != 0o640 {
        eprintln!("skipped: this file system does not keep Unix modes");
        return;
    }
    std::fs::remove_file(&plain).unwrap();
    File::create(&plain).unwrap();
    let p = dir.path().join("new.ron");
    write(&p, b"1", &WriteOptions::draft(100)).unwrap();
    assert_eq!(mode_of(&p), mode_of(&plain), "a new file: the umask's mode");
    for mode in [0o640, 0o664, 0o600, 0o444] {
        set_mode(&p, mode);
        write(&p, b"2", &WriteOptions::draft(100)).unwrap();
        assert_eq!(mode_of(&p), mode, "kept {mode:o}");
        assert_eq!(mode_of(&backup_path(&p)), mode, "the .bak too ({mode:o})");
    }
}

#[cfg(unix)]
#[test]
fn a_replaced_file_keeps_its_group_and_as_root_its_owner() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("shared.ron");
    std::fs::write(&p, "old").unwrap();
    let root = std::fs::metadata(&p).unwrap().uid() == 0;
    if !root {
        eprintln!("skipped: only root can give a file to another user and group");
        return;
    }
    std::os::unix::fs::chown(&p, Some(4321), Some(4322)).unwrap();
    set_mode(&p, 0o640);
    write(&p, b"new", &WriteOptions::draft(100)).unwrap();
    for f in [p.clone(), backup_path(&p)] {
        let m = std::fs::metadata(&f).unwrap();
        assert_eq!((m.uid(), m.gid()), (4321, 4322), "{f:?}");
        assert_eq!(mode_of(&f), 0o640, "{f:?}");
    }
}

#[cfg(unix)]
#[test]
fn a_file_with_hard_links_is_rewritten_in_place() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("q3.ron");
    std::fs::write(&p, "old content").unwrap();
    let other = dir.path().join("shared-name.ron");
    std::fs::hard_link(&p, &other).unwrap();
    let ino = std::fs::metadata(&p).unwrap().ino();
    write(&p, b"new", &WriteOptions::draft(100)).unwrap();
    assert_eq!(std::fs::metadata(&p).unwrap().ino(), ino);
    assert_eq!(std::fs::read_to_string(&other).unwrap(), "new");
    assert_eq!(std::fs::metadata(&p).unwrap().nlink(), 2);
    assert_eq!(
        std::fs::read_to_string(backup_path(&p)).unwrap(),
        "old content"
    );
}

#[cfg(unix)]
#[test]
fn private_files_are_0600_whatever_they_were() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("copy.ron");
    write(&p, b"1", &WriteOptions::private(100)).unwrap();
    assert_eq!(mode_of(&p), 0o600);
    set_mode(&p, 0o644);
    write(&p, b"2", &WriteOptions::private(100)).unwrap();
    assert_eq!(mode_of(&p), 0o600);
}
