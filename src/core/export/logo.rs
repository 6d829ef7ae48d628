//! The letterhead logo for EDGAR HTML and Word: read from the draft's path, and put in a
//! form each output takes. EDGAR takes only JPEG and GIF files that travel with the
//! submission: a JPEG or GIF is copied as it is; a PNG becomes a GIF when it has 256 colours
//! or fewer (a logo's flat colours and sharp edges stay exact, transparency kept) and a
//! JPEG otherwise (a photograph), on white. Word gets a PNG.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use crate::core::safe_fs::{self, ReadError};

use image::{DynamicImage, ImageFormat, RgbaImage};

use super::ExportError;

/// A logo read from disk: where it was found, its bytes and its format.
#[derive(Debug)]
pub struct Logo {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
    pub format: ImageFormat,
}

/// Reads the logo at `path` (relative paths against `base`). A placeholder such as
/// `[LOGO FILE]`, a file that does not exist or cannot be read, and a file that is not a
/// PNG, JPEG or GIF image are errors naming the path.
/// A letterhead logo is a few hundred kilobytes; anything past this is not one.
pub const LOGO_LIMIT: u64 = 20 * 1024 * 1024;

pub fn load(path: &str, base: Option<&Path>) -> Result<Logo, ExportError> {
    let err = |problem: String| ExportError::Logo {
        path: path.to_string(),
        problem,
    };
    if !crate::core::checks::find_placeholders(path).is_empty() {
        return Err(err(
            "is a placeholder; choose the logo's image file (Draft > Logo) or remove it".into(),
        ));
    }
    let mut full = PathBuf::from(path.trim());
    if full.is_relative()
        && let Some(base) = base
    {
        full = base.join(full);
    }
    // The one reader's rules: regular files only (a FIFO or a device is never opened),
    // and no more than the limit read.
    let where_ = if full.as_os_str() == path.trim() {
        String::new()
    } else {
        format!(" ({})", full.display())
    };
    let bytes = safe_fs::read_limited(&full, LOGO_LIMIT).map_err(|e| match e {
        ReadError::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
            err(format!("does not exist{where_}"))
        }
        other => err(format!("{other}{where_}")),
    })?;
    let format = match image::guess_format(&bytes) {
        Ok(f @ (ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::Gif)) => f,
        _ => return Err(err("is not a PNG, JPEG or GIF image".into())),
    };
    Ok(Logo {
        path: full,
        bytes,
        format,
    })
}

/// The logo as EDGAR takes it: `(extension, bytes)` with the extension "jpg" or "gif".
pub fn for_edgar(logo: &Logo) -> Result<(&'static str, Vec<u8>), ExportError> {
    match logo.format {
        ImageFormat::Jpeg => return Ok(("jpg", logo.bytes.clone())),
        ImageFormat::Gif => return Ok(("gif", logo.bytes.clone())),
        _ => {}
    }
    let mut rgba = decode(logo)?.into_rgba8();
    flatten_partial_alpha(&mut rgba);
    let mut out = Cursor::new(Vec::new());
    if few_colours(&rgba) {
        let (w, h) = rgba.dimensions();
        image::codecs::gif::GifEncoder::new(&mut out)
            .encode(rgba.as_raw(), w, h, image::ExtendedColorType::Rgba8)
            .map_err(|e| convert_error(logo, e))?;
        Ok(("gif", out.into_inner()))
    } else {
        let rgb = on_white(&rgba);
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
            .encode_image(&rgb)
            .map_err(|e| convert_error(logo, e))?;
        Ok(("jpg", out.into_inner()))
    }
}

/// The logo as a PNG for Word, with its size in pixels.
pub fn for_word(logo: &Logo) -> Result<(Vec<u8>, u32, u32), ExportError> {
    let img = decode(logo)?;
    let (w, h) = (img.width(), img.height());
    if logo.format == ImageFormat::Png {
        return Ok((logo.bytes.clone(), w, h));
    }
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, ImageFormat::Png)
        .map_err(|e| convert_error(logo, e))?;
    Ok((out.into_inner(), w, h))
}

fn decode(logo: &Logo) -> Result<DynamicImage, ExportError> {
    image::load_from_memory_with_format(&logo.bytes, logo.format).map_err(|e| ExportError::Logo {
        path: logo.path.display().to_string(),
        problem: format!("cannot be read as an image: {e}"),
    })
}

fn convert_error(logo: &Logo, e: image::ImageError) -> ExportError {
    ExportError::Logo {
        path: logo.path.display().to_string(),
        problem: format!("cannot be converted: {e}"),
    }
}

/// Half-transparent pixels (anti-aliased edges) laid on white; fully transparent ones stay
/// so, since GIF has one transparent colour and nothing between.
fn flatten_partial_alpha(img: &mut RgbaImage) {
    for p in img.pixels_mut() {
        let a = p[3] as u32;
        if a != 0 && a != 255 {
            for c in 0..3 {
                p[c] = ((p[c] as u32 * a + 255 * (255 - a)) / 255) as u8;
            }
            p[3] = 255;
        }
    }
}

fn on_white(img: &RgbaImage) -> image::RgbImage {
    image::RgbImage::from_fn(img.width(), img.height(), |x, y| {
        let p = img.get_pixel(x, y);
        let a = p[3] as u32;
        image::Rgb([0, 1, 2].map(|c| ((p[c] as u32 * a + 255 * (255 - a)) / 255) as u8))
    })
}

/// 256 colours or fewer (transparent counted as one).
fn few_colours(img: &RgbaImage) -> bool {
    let mut seen = std::collections::HashSet::new();
    for p in img.pixels() {
        let key = if p[3] == 0 { [0; 4] } else { p.0 };
        if seen.insert(key) && seen.len() > 256 {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(img: &RgbaImage) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, ImageFormat::Png).unwrap();
        out.into_inner()
    }

    fn logo_of(bytes: Vec<u8>) -> Logo {
        Logo {
            path: "logo.png".into(),
            format: image::guess_format(&bytes).unwrap(),
            bytes,
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_logo_that_is_a_fifo_or_an_endless_device_is_refused_without_reading_it() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("logo.png");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let zero = dir.path().join("zero.png");
        std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
        for p in [&fifo, &zero] {
            let started = std::time::Instant::now();
            let e = load(p.to_str().unwrap(), None).unwrap_err().to_string();
            assert!(e.contains("not a regular file"), "{e}");
            assert!(started.elapsed().as_secs() < 5, "no hang");
        }
        let big = dir.path().join("big.png");
        std::fs::File::create(&big)
            .unwrap()
            .set_len(LOGO_LIMIT + 1)
            .unwrap();
        let e = load(big.to_str().unwrap(), None).unwrap_err().to_string();
        assert!(e.contains("MiB"), "{e}");
        let e = load("/no/such/logo.png", None).unwrap_err().to_string();
        assert_eq!(
            e, "logo '/no/such/logo.png' does not exist",
            "the path once"
        );
    }

    #[test]
    fn a_flat_png_becomes_a_gif_with_its_colours_and_transparency() {
        let img = RgbaImage::from_fn(40, 20, |x, _| {
            if x < 10 {
                image::Rgba([0, 0, 0, 0])
            } else if x < 30 {
                image::Rgba([0, 51, 153, 255])
            } else {
                image::Rgba([0, 51, 153, 128])
            }
        });
        let (ext, bytes) = for_edgar(&logo_of(png(&img))).unwrap();
        assert_eq!(ext, "gif");
        let back = image::load_from_memory(&bytes).unwrap().into_rgba8();
        assert_eq!(back.dimensions(), (40, 20));
        assert_eq!(back.get_pixel(0, 0)[3], 0, "transparent stays transparent");
        assert_eq!(back.get_pixel(20, 0).0, [0, 51, 153, 255], "exact colour");
        assert_eq!(
            back.get_pixel(35, 0).0,
            [127, 152, 203, 255],
            "half on white"
        );
    }

    #[test]
    fn a_photographic_png_becomes_a_jpeg() {
        let img = RgbaImage::from_fn(64, 64, |x, y| {
            image::Rgba([x as u8 * 4, y as u8 * 4, 7, 255])
        });
        let (ext, bytes) = for_edgar(&logo_of(png(&img))).unwrap();
        assert_eq!(ext, "jpg");
        assert_eq!(image::guess_format(&bytes).unwrap(), ImageFormat::Jpeg);
    }

    #[test]
    fn missing_placeholder_and_foreign_files_are_errors_naming_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let e = load("[LOGO FILE]", Some(dir.path())).err().unwrap();
        assert!(e.to_string().contains("[LOGO FILE]"), "{e}");
        let e = load("nope.png", Some(dir.path())).err().unwrap();
        assert!(
            e.to_string().contains("nope.png") && e.to_string().contains("does not exist"),
            "{e}"
        );
        std::fs::write(dir.path().join("logo.bmp"), b"BM not really").unwrap();
        let e = load("logo.bmp", Some(dir.path())).err().unwrap();
        assert!(e.to_string().contains("not a PNG, JPEG or GIF"), "{e}");
    }
}
