//! The demo's photos, drawn rather than downloaded: a meeting room with a screen, a table and
//! the people around it, different for every seed.

use image::{Rgb, RgbImage};

/// Width and height of a drawn photo, as a camera would take it (3:2).
const WIDTH: u32 = 1200;
const HEIGHT: u32 = 800;

/// What a scene shows.
pub struct Scene {
    pub wall: [u8; 3],
    /// Bars of the chart on the screen, 0-100.
    pub chart: &'static [u8],
    pub people: u32,
    pub seed: u32,
}

/// The scene drawn.
pub fn draw(scene: &Scene) -> RgbImage {
    let mut image = RgbImage::from_fn(WIDTH, HEIGHT, |_, y| {
        let shade = |c: u8| c.saturating_sub(u8::try_from(y * 40 / HEIGHT).unwrap_or(0));
        if y < HEIGHT * 7 / 10 {
            Rgb(scene.wall.map(shade))
        } else {
            Rgb([110, 90, 70].map(shade))
        }
    });
    // Two windows on the left, the screen and its chart on the right.
    for left in [60, 260] {
        fill(&mut image, (left, 120), (150, 260), [190, 215, 235]);
    }
    fill(&mut image, (560, 90), (520, 300), [245, 245, 240]);
    let colours = [[0, 102, 204], [0, 153, 102], [217, 54, 79], [255, 153, 0]];
    for (n, height) in (0u32..).zip(scene.chart) {
        let bar_height = u32::from(*height) * 240 / 100;
        let colour = colours[usize::try_from(n).unwrap_or(0) % colours.len()];
        fill(
            &mut image,
            (600 + n * 70, 360 - bar_height),
            (45, bar_height),
            colour,
        );
    }
    // The people, behind the table: shoulders, then heads.
    let skins = [
        [241, 194, 167],
        [198, 134, 100],
        [141, 85, 56],
        [224, 172, 105],
    ];
    let shirts = [
        [40, 60, 120],
        [150, 40, 50],
        [60, 110, 70],
        [90, 90, 90],
        [200, 170, 60],
    ];
    for n in 0..scene.people {
        let pick = |len: usize| usize::try_from((n * 7 + scene.seed) % 97).unwrap_or(0) % len;
        let x = 120 + n * (960 / scene.people.max(1)) + (scene.seed * 13 + n * 29) % 40;
        ellipse(
            &mut image,
            (x + 45, 560),
            (70, 60),
            shirts[pick(shirts.len())],
        );
        ellipse(
            &mut image,
            (x + 45, 470),
            (32, 40),
            skins[pick(skins.len())],
        );
    }
    fill(&mut image, (40, 580), (1120, 70), [92, 64, 45]);
    fill(&mut image, (40, 650), (1120, 12), [60, 40, 30]);
    image
}

fn fill(image: &mut RgbImage, (left, top): (u32, u32), (width, height): (u32, u32), c: [u8; 3]) {
    for y in top..(top + height).min(HEIGHT) {
        for x in left..(left + width).min(WIDTH) {
            image.put_pixel(x, y, Rgb(c));
        }
    }
}

fn ellipse(image: &mut RgbImage, (cx, cy): (u32, u32), (rx, ry): (u32, u32), c: [u8; 3]) {
    for y in cy.saturating_sub(ry)..(cy + ry).min(HEIGHT) {
        for x in cx.saturating_sub(rx)..(cx + rx).min(WIDTH) {
            let (dx, dy) = (f64::from(x) - f64::from(cx), f64::from(y) - f64::from(cy));
            if (dx / f64::from(rx)).powi(2) + (dy / f64::from(ry)).powi(2) <= 1.0 {
                image.put_pixel(x, y, Rgb(c));
            }
        }
    }
}
