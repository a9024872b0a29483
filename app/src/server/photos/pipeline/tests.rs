use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

use super::*;

/// A picture `width` × `height` in `format`: red on the left half, blue on the right.
fn picture(width: u32, height: u32, format: ImageFormat) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    });
    let mut bytes = Cursor::new(Vec::new());
    image.write_to(&mut bytes, format).unwrap();
    bytes.into_inner()
}

/// `jpeg` with an EXIF block saying it must be turned by `orientation` (1-8) to stand upright.
fn with_exif_orientation(jpeg: &[u8], orientation: u8) -> Vec<u8> {
    let tiff: Vec<u8> = [
        b"MM\0\x2A\0\0\0\x08".as_slice(),
        &[0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0],
        &[0, 0, 0, 0],
    ]
    .concat();
    let length = u16::try_from(2 + 6 + tiff.len()).unwrap().to_be_bytes();
    [
        &jpeg[..2],
        &[0xFF, 0xE1],
        &length,
        b"Exif\0\0",
        &tiff,
        &jpeg[2..],
    ]
    .concat()
}

fn decoded(rendition: &Rendition) -> RgbImage {
    image::load_from_memory_with_format(&rendition.jpeg, ImageFormat::Jpeg)
        .unwrap()
        .into_rgb8()
}

#[test]
fn the_content_says_what_a_file_is() {
    assert_eq!(
        recognise(&picture(8, 8, ImageFormat::Jpeg)),
        Ok(ImageFormat::Jpeg)
    );
    assert_eq!(
        recognise(&picture(8, 8, ImageFormat::Png)),
        Ok(ImageFormat::Png)
    );
    assert_eq!(
        recognise(&picture(8, 8, ImageFormat::WebP)),
        Ok(ImageFormat::WebP)
    );
    assert_eq!(recognise(b""), Err(PhotoProblem::Empty));
    let heic = b"\0\0\0\x18ftypheic\0\0\0\0mif1heic";
    assert_eq!(recognise(heic), Err(PhotoProblem::Heic));
    for other in [
        &b"GIF89a..."[..],
        b"<script>alert(1)</script>",
        b"%PDF-1.7",
        b"\0\0\0\x1cftypavif",
    ] {
        assert_eq!(recognise(other), Err(PhotoProblem::NotAPhoto), "{other:?}");
    }
}

#[test]
fn a_photo_is_served_in_the_widths_it_has() {
    let files = process(&picture(2000, 1000, ImageFormat::Png)).unwrap();
    let sizes: Vec<(u32, u32)> = files.iter().map(|f| (f.width, f.height)).collect();
    assert_eq!(sizes, [(480, 240), (960, 480), (1600, 800)]);
    let small = process(&picture(700, 350, ImageFormat::WebP)).unwrap();
    let sizes: Vec<(u32, u32)> = small.iter().map(|f| (f.width, f.height)).collect();
    assert_eq!(sizes, [(480, 240), (700, 350)]);
    let hashes: Vec<&str> = files.iter().map(|f| f.hash.as_str()).collect();
    assert!(hashes.iter().all(|h| h.len() == 24), "{hashes:?}");
    assert_ne!(hashes[0], hashes[1]);
    let again = process(&picture(2000, 1000, ImageFormat::Png)).unwrap();
    assert_eq!(
        again[0].hash, files[0].hash,
        "the same content, the same hash"
    );
}

#[test]
fn a_photo_is_turned_upright_and_keeps_no_metadata() {
    // Stored lying on its side (400 × 200, red on the left): orientation 6 says to turn it a
    // quarter clockwise, so upright it is 200 × 400 with red on top.
    let lying = with_exif_orientation(&picture(400, 200, ImageFormat::Jpeg), 6);
    assert!(lying.windows(4).any(|w| w == b"Exif"));
    let files = process(&lying).unwrap();
    assert_eq!((files[0].width, files[0].height), (200, 400));
    let upright = decoded(&files[0]);
    assert!(upright.get_pixel(100, 50)[0] > 150, "red on top");
    assert!(upright.get_pixel(100, 350)[2] > 150, "blue below");
    for file in &files {
        assert!(!file.jpeg.windows(4).any(|w| w == b"Exif"), "no EXIF left");
        assert!(!file.jpeg.windows(4).any(|w| w == b"http"), "no XMP left");
    }
}

#[test]
fn transparent_parts_become_white() {
    let image = RgbaImage::from_fn(10, 10, |x, _| {
        if x < 5 {
            Rgba([0, 0, 0, 0])
        } else {
            Rgba([0, 0, 0, 255])
        }
    });
    let mut bytes = Cursor::new(Vec::new());
    image.write_to(&mut bytes, ImageFormat::Png).unwrap();
    let files = process(&bytes.into_inner()).unwrap();
    let pixels = decoded(&files[0]);
    assert!(
        pixels.get_pixel(1, 5)[0] > 240,
        "white where it was transparent"
    );
    assert!(pixels.get_pixel(8, 5)[0] < 15, "black where it was opaque");
}

#[test]
fn damaged_oversized_and_lying_files_are_refused() {
    // Cut before its pixels. (A JPEG cut within them is shown as far as it goes, as browsers
    // do; an upload cut short in transfer is refused by the upload itself.)
    let jpeg = picture(300, 300, ImageFormat::Jpeg);
    assert_eq!(process(&jpeg[..200]).err(), Some(PhotoProblem::Damaged));
    let mut fake = b"\xFF\xD8\xFF".to_vec();
    fake.extend_from_slice(b"this is text named photo.jpg");
    assert_eq!(process(&fake).err(), Some(PhotoProblem::Damaged));
    let huge = vec![0xFF; MAX_BYTES + 1];
    assert_eq!(process(&huge).err(), Some(PhotoProblem::TooManyBytes));
}

#[test]
fn a_header_promising_too_many_pixels_is_refused_before_decoding() {
    // A PNG header claiming 20000 × 20000 pixels, with no pixel data behind it.
    let mut ihdr = b"IHDR".to_vec();
    ihdr.extend_from_slice(&20_000u32.to_be_bytes());
    ihdr.extend_from_slice(&20_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let crc = crc32(&ihdr);
    let png = [
        &b"\x89PNG\r\n\x1a\n"[..],
        &13u32.to_be_bytes(),
        &ihdr,
        &crc.to_be_bytes(),
    ]
    .concat();
    assert_eq!(process(&png).err(), Some(PhotoProblem::TooManyPixels));
}

/// The CRC-32 of PNG chunks.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for byte in bytes {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
