"""The photo tests' independent tool (Pillow): makes the files a phone or a hostile client would
upload, and reads back what the server serves.

    photo_tool.py make DIR     writes the upload fixtures into DIR
    photo_tool.py camera DIR N writes N photos of 12 megapixels with a camera's noise into DIR
    photo_tool.py read FILE    prints JSON: format, size, every metadata block and EXIF tag
                               found, and the colours at the top and the bottom of the middle
"""

import json
import os
import sys

from PIL import Image, ImageDraw
from PIL.ExifTags import GPS, IFD, Base
from PIL.PngImagePlugin import PngInfo

# Enough for the bombs below to be written; the server, not Pillow, must refuse them.
Image.MAX_IMAGE_PIXELS = None


def halves(width, height):
    """Red on the left half, blue on the right, and a few shapes so it compresses like a photo."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    draw = ImageDraw.Draw(image)
    draw.rectangle([width // 2, 0, width, height], fill=(30, 30, 200))
    for n in range(12):
        x, y = (n * 97) % width, (n * 53) % height
        draw.ellipse([x, y, x + width // 10, y + height // 10], outline=(240, 240, 240), width=3)
    return image


def phone_exif(orientation):
    exif = Image.Exif()
    exif[Base.Make] = "Telefono"
    exif[Base.Model] = "Modello di Nicolò D'Alì"
    exif[Base.Orientation] = orientation
    exif[Base.Artist] = "Nicolò D'Alì"
    exif.get_ifd(IFD.Exif)[Base.DateTimeOriginal] = "2024:05:06 10:30:00"
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[GPS.GPSLatitudeRef] = "N"
    gps[GPS.GPSLatitude] = (44.0, 29.0, 54.6)
    gps[GPS.GPSLongitudeRef] = "E"
    gps[GPS.GPSLongitude] = (11.0, 20.0, 32.4)
    return exif


XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
       b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="44,29.91N"/>'
       b'</rdf:RDF></x:xmpmeta>')


def make(directory):
    os.makedirs(directory, exist_ok=True)
    path = lambda name: os.path.join(directory, name)
    # Taken with the phone on its side: stored 1200 x 800, to be turned a quarter clockwise.
    halves(1200, 800).save(path("ruotata-con-gps.jpg"), quality=90, exif=phone_exif(6), xmp=XMP)
    info = PngInfo()
    info.add_text("Author", "Nicolò D'Alì")
    halves(900, 600).save(path("schermata.png"), pnginfo=info, exif=phone_exif(1))
    halves(700, 500).save(path("foto.webp"), quality=80, exif=phone_exif(1))
    with open(path("finta.jpg"), "wb") as fake:
        fake.write(b"<script>alert('Nicol\xc3\xb2')</script>; DROP TABLE photos;--")
    with open(path("iphone.heic"), "wb") as heic:
        heic.write(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + b"\0" * 64)
    open(path("vuota.jpg"), "wb").close()
    # Decompression bombs: a few hundred kilobytes that would decode to hundreds of megabytes.
    Image.new("1", (20000, 20000)).save(path("bomba.png"), optimize=True)
    Image.new("1", (15000, 15000)).save(path("bomba-quadrata.png"), optimize=True)


def camera(directory, count):
    """4000 x 3000 JPEGs as a phone saves them (quality 92): shapes under sensor noise, which is
    what makes real photos weigh what they do."""
    os.makedirs(directory, exist_ok=True)
    for n in range(int(count)):
        scene = halves(4000, 3000).rotate(n * 7, fillcolor=(90, 110, 90))
        noise = Image.effect_noise((4000, 3000), 24).convert("RGB")
        Image.blend(scene, noise, 0.25).save(os.path.join(directory, f"camera-{n + 1}.jpg"),
                                            quality=92)


def read(file):
    with Image.open(file) as image:
        image.load()
        exif = image.getexif()
        tags = {Base(tag).name if tag in Base._value2member_map_ else str(tag): str(value)
                for tag, value in exif.items()}
        rgb = image.convert("RGB")
        width, height = image.size
        print(json.dumps({
            "format": image.format,
            "width": width,
            "height": height,
            "info": sorted(image.info.keys()),
            "exif": tags,
            "gps": dict(exif.get_ifd(IFD.GPSInfo)) != {},
            "top": rgb.getpixel((width // 2, height // 4)),
            "bottom": rgb.getpixel((width // 2, 3 * height // 4)),
        }))


if __name__ == "__main__":
    {"make": make, "camera": camera, "read": read}[sys.argv[1]](*sys.argv[2:])
