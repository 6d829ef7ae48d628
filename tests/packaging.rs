//! What a Linux desktop needs to show Pressroom: the icon in every size the `.deb`
//! installs, and a desktop entry that names it.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_file_the_deb_installs_is_there() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let deb = &manifest[manifest
        .find("[package.metadata.deb]")
        .expect("cargo deb metadata")..];
    let assets: Vec<&str> = deb
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[\"assets/"))
        .map(|l| l.split('"').next().unwrap())
        .collect();
    assert!(assets.len() >= 9, "{assets:?}");
    for a in assets {
        assert!(root().join("assets").join(a).is_file(), "{a} is missing");
    }
}

#[test]
fn the_desktop_entry_names_the_program_and_its_icon() {
    let entry = std::fs::read_to_string(root().join("assets/pressroom.desktop")).unwrap();
    let get = |key: &str| {
        entry
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or_else(|| panic!("no {key}"))
    };
    assert_eq!(entry.lines().next(), Some("[Desktop Entry]"));
    assert_eq!(get("Type"), "Application");
    assert_eq!(get("Name"), "Pressroom");
    assert_eq!(get("Icon"), "pressroom");
    assert!(get("Exec").starts_with("pressroom"));
    assert!(get("Categories").ends_with(';'));
    if let Ok(out) = std::process::Command::new("desktop-file-validate")
        .arg(root().join("assets/pressroom.desktop"))
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn the_icon_comes_in_the_sizes_desktops_ask_for() {
    for size in [16u32, 32, 48, 64, 128, 256, 512] {
        let p = root().join(format!("assets/icons/pressroom-{size}.png"));
        let bytes = std::fs::read(&p).unwrap();
        // PNG header, then the IHDR chunk's width and height.
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "{}", p.display());
        let w = u32::from_be_bytes(bytes[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(bytes[20..24].try_into().unwrap());
        assert_eq!((w, h), (size, size), "{}", p.display());
    }
}
