//! From an uploaded file to the files pages serve: recognised by its content, refused beyond the
//! limits before its pixels are decoded, resized into a few widths, turned upright, and
//! re-encoded from the pixels alone, so that no metadata (GPS first) survives.

use std::io::Cursor;

use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageError, ImageFormat, ImageReader, Limits, RgbImage};
use sha2::{Digest, Sha256};

use crate::domain::photo::{MAX_BYTES, MAX_PIXELS, PhotoProblem};

/// The widths pages choose from; a photo narrower than one is served at its own width instead.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// The JPEG quality of every file served.
const QUALITY: u8 = 82;

/// The most a decoder may allocate at once: a 50-megapixel photo in 8-bit RGBA fits, a
/// decompression bomb does not.
const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// The longest side a decoder accepts, checked from the header before decoding.
const MAX_SIDE: u32 = 16_000;

/// One width of a processed photo, ready to store and serve.
pub struct Rendition {
    /// The hash of the bytes, in the name it is served under: a new content gets a new name,
    /// so it can be cached for good.
    pub hash: String,
    pub width: u32,
    pub height: u32,
    pub jpeg: Vec<u8>,
}

/// What the content of `bytes` is, whatever the file's name says.
pub fn recognise(bytes: &[u8]) -> Result<ImageFormat, PhotoProblem> {
    const HEIF_BRANDS: [&[u8]; 8] = [
        b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
    ];
    match bytes {
        [] => Err(PhotoProblem::Empty),
        [0xFF, 0xD8, 0xFF, ..] => Ok(ImageFormat::Jpeg),
        [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => Ok(ImageFormat::Png),
        [
            b'R',
            b'I',
            b'F',
            b'F',
            _,
            _,
            _,
            _,
            b'W',
            b'E',
            b'B',
            b'P',
            ..,
        ] => Ok(ImageFormat::WebP),
        [_, _, _, _, b'f', b't', b'y', b'p', brand @ ..]
            if HEIF_BRANDS.iter().any(|heif| brand.starts_with(heif)) =>
        {
            Err(PhotoProblem::Heic)
        }
        _ => Err(PhotoProblem::NotAPhoto),
    }
}

/// The files to serve for the uploaded `bytes`, narrowest first.
pub fn process(bytes: &[u8]) -> Result<Vec<Rendition>, PhotoProblem> {
    if bytes.len() > MAX_BYTES {
        return Err(PhotoProblem::TooManyBytes);
    }
    let format = recognise(bytes)?;
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(problem_of)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoProblem::TooManyPixels);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let source = DynamicImage::from_decoder(decoder).map_err(problem_of)?;
    let mut renditions: Vec<Rendition> = Vec::new();
    let mut larger = source;
    // Widest first, each from the one before: a 12-megapixel photo is read in full once.
    for target in widths_for(upright_width(width, height, orientation))
        .into_iter()
        .rev()
    {
        let resized = resize_to(&larger, target, orientation);
        let mut upright = resized.clone();
        upright.apply_orientation(orientation);
        renditions.push(encode(&flatten(upright))?);
        larger = resized;
    }
    renditions.reverse();
    Ok(renditions)
}

/// The widths to serve for a photo `width` pixels wide once upright.
fn widths_for(width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|w| *w < width).collect();
    if widths.len() < WIDTHS.len() {
        widths.push(width);
    }
    widths
}

fn turns_sideways(orientation: Orientation) -> bool {
    use Orientation::{Rotate90, Rotate90FlipH, Rotate270, Rotate270FlipH};
    matches!(
        orientation,
        Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH
    )
}

fn upright_width(width: u32, height: u32, orientation: Orientation) -> u32 {
    if turns_sideways(orientation) {
        height
    } else {
        width
    }
}

/// `image` resized (before turning it upright) so that, upright, it is `target` pixels wide.
fn resize_to(image: &DynamicImage, target: u32, orientation: Orientation) -> DynamicImage {
    let (width, height) = (image.width(), image.height());
    let sideways = turns_sideways(orientation);
    let upright = if sideways { height } else { width };
    if upright == target {
        return image.clone();
    }
    let scale = |side: u32| {
        let scaled =
            (u64::from(side) * u64::from(target) + u64::from(upright) / 2) / u64::from(upright);
        u32::try_from(scaled.max(1)).unwrap_or(u32::MAX)
    };
    let (new_width, new_height) = if sideways {
        (scale(width), target)
    } else {
        (target, scale(height))
    };
    image.resize_exact(new_width, new_height, FilterType::CatmullRom)
}

/// Its pixels in 8-bit RGB, transparent parts on white.
fn flatten(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.into_rgb8();
    }
    let rgba = image.into_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over_white = |c: u8| {
            let blended = (u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255;
            u8::try_from(blended).unwrap_or(u8::MAX)
        };
        image::Rgb([over_white(r), over_white(g), over_white(b)])
    })
}

fn encode(pixels: &RgbImage) -> Result<Rendition, PhotoProblem> {
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, QUALITY)
        .encode_image(pixels)
        .map_err(problem_of)?;
    let digest = Sha256::digest(&jpeg);
    Ok(Rendition {
        hash: digest[..12].iter().map(|b| format!("{b:02x}")).collect(),
        width: pixels.width(),
        height: pixels.height(),
        jpeg,
    })
}

fn problem_of(error: ImageError) -> PhotoProblem {
    match error {
        ImageError::Limits(_) => PhotoProblem::TooManyPixels,
        ImageError::Unsupported(_) => PhotoProblem::NotAPhoto,
        _ => PhotoProblem::Damaged,
    }
}

#[cfg(test)]
mod tests;
