#!/usr/bin/env python3
"""Writes tests/corpus/bad/: hostile and broken resume files, each named for what it is.

Every file must get a typed status (UNSUPPORTED, MALFORMED or NO_TEXT) from the parser within its
time bound; `crates/resume-parser/tests/hostile.rs` checks that. Files named `ok-*` are valid
documents with a misleading extension: they must parse. The 50 MiB file is made by the test.
"""
import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests/corpus/bad"
rng = random.Random(20261128)


def write(name: str, data: bytes) -> None:
    (OUT / name).write_bytes(data)


def zip_bytes(entries, method=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for name, data in entries:
            z.writestr(name, data)
    return buf.getvalue()


def docx(document_xml: bytes) -> bytes:
    return zip_bytes([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", document_xml)])


DOC = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Ana Souza</w:t></w:r></w:p><w:p><w:r><w:t>Experience</w:t></w:r></w:p></w:body></w:document>'
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]/Contents 4 0 R>>endobj\n4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 72 712 Td (Ana Souza) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    # Empty and blank.
    write("empty.txt", b"")
    write("whitespace-only.txt", b" \n\t\n   \n")
    write("nul-bytes.bin", b"\0" * 4096)
    # Random bytes of several sizes.
    for n in (16, 1024, 65536):
        write(f"random-{n}.bin", bytes(rng.getrandbits(8) for _ in range(n)))
    # PDFs: truncated, encrypted, malformed, image-only, wrong extension.
    write("truncated.pdf", PDF[: len(PDF) // 3])
    write("encrypted.pdf", PDF.replace(b"trailer<</Root 1 0 R>>", b"trailer<</Root 1 0 R/Encrypt 5 0 R>>"))
    write("malformed-xref.pdf", b"%PDF-1.7\nxref\n0 999999999\ntrailer<<>>\nstartxref\n-5\n%%EOF")
    write("header-only.pdf", b"%PDF-1.7\n")
    write("image-only.pdf", b"%PDF-1.4\n1 0 obj<</Type/XObject/Subtype/Image/Width 1/Height 1/BitsPerComponent 8/ColorSpace/DeviceGray/Length 1>>stream\n\xff\nendstream endobj\n%%EOF")
    write("ok-pdf-named.docx", PDF)
    bomb = zlib.compress(bytes(200 * 1024 * 1024), 9)
    write("flate-bomb.pdf", b"%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/Contents 4 0 R>>endobj\n4 0 obj<</Length %d/Filter/FlateDecode>>stream\n" % len(bomb) + bomb + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    write("self-drawing-form.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/Resources<</XObject<</X 5 0 R>>>>/Contents 4 0 R>>endobj\n4 0 obj<</Length 6>>stream\n/X Do\nendstream endobj\n5 0 obj<</Type/XObject/Subtype/Form/Resources<</XObject<</X 5 0 R>>>>/Length 23>>stream\n/X Do /X Do /X Do /X Do\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    write("page-tree-loop.pdf", b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[2 0 R 3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Pages/Kids[2 0 R]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    flood = zlib.compress(b"q Q " * 3_000_000, 9)
    write("operator-flood.pdf", b"%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/Contents 4 0 R>>endobj\n4 0 obj<</Length %d/Filter/FlateDecode>>stream\n" % len(flood) + flood + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    write("deep-pdf-arrays.pdf", b"%PDF-1.4\n1 0 obj " + b"[" * 100000 + b"\n%%EOF")
    # Images: a scan has no text layer.
    write("scan.png", b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0) + b"\0" * 4)
    write("scan.jpg", b"\xff\xd8\xff\xe0\0\x10JFIF\0" + bytes(64) + b"\xff\xd9")
    write("scan.gif", b"GIF89a" + bytes(32))
    write("scan.tiff", b"II*\0" + bytes(32))
    # Zip bombs and broken archives.
    write("zip-bomb-docx.docx", docx(b"a" * (80 * 1024 * 1024)))
    write("zip-bomb-odt.odt", zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x>" + b"b" * (80 * 1024 * 1024) + b"</x>")]))
    write("many-entries.docx", zip_bytes([(f"f{i}", b"") for i in range(3000)] + [("word/document.xml", DOC)], zipfile.ZIP_STORED))
    write("docx-without-document.docx", zip_bytes([("[Content_Types].xml", b"<Types/>"), ("word/other.xml", DOC)]))
    write("odt-without-content.odt", zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text")]))
    write("truncated.docx", docx(DOC)[:200])
    write("plain-zip.zip", zip_bytes([("notes.txt", b"hello")]))
    write("corrupt-deflate.docx", docx(DOC).replace(zlib.compress(DOC)[2:12], bytes(10)) if zlib.compress(DOC)[2:12] in docx(DOC) else docx(DOC)[:-60] + bytes(60))
    nested = zip_bytes([("inner.zip", zip_bytes([("word/document.xml", DOC)]))])
    write("nested-zip.docx", nested)
    # XML attacks inside office files.
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
    ) + b']><w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    write("billion-laughs.docx", docx(laughs))
    write("external-entity.docx", docx(b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document><w:t>&x;</w:t></w:document>'))
    write("deep-xml.docx", docx(b"<w:document>" + b"<w:r>" * 20000 + b"x" + b"</w:r>" * 20000 + b"</w:document>"))
    write("broken-xml.docx", docx(b"<w:document><w:body><w:p><w:t>Ana</w:p></w:document"))
    write("undefined-entity.docx", docx(b"<w:document><w:p><w:t>&nope;</w:t></w:p></w:document>"))
    write("billion-laughs-odt.odt", zip_bytes([("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", laughs)]))
    # RTF.
    write("deep-rtf.rtf", b"{\\rtf1" + b"{" * 50000 + b"x")
    write("rtf-only-tables.rtf", b"{\\rtf1{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red0\\green0\\blue0;}}")
    write("rtf-binary-garbage.rtf", b"{\\rtf1 " + bytes(rng.getrandbits(8) for _ in range(2048)))
    # Markup with nothing in it.
    write("html-no-text.html", b"<!DOCTYPE html><html><head><script>alert(1)</script><style>p{}</style></head><body><img src=x></body></html>")
    write("html-unclosed-script.html", b"<html><body><script>" + b"x" * 100000)
    write("html-deep.html", b"<html><body>" + b"<div>" * 100000 + b"</body></html>")
    # Binary formats we do not read.
    write("legacy-word.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(rng.getrandbits(8) for _ in range(4096)))
    write("executable.exe", b"MZ\x90\0" + bytes(rng.getrandbits(8) for _ in range(4096)))
    write("gzip.gz", zlib.compress(b"resume" * 1000))
    write("utf16-no-bom.txt", "Ana Souza".encode("utf-16-le") * 50)
    # Valid documents behind a misleading extension: detection goes by content.
    write("ok-docx-named.pdf", docx(DOC))
    write("ok-text-named.docx", b"Ana Souza\nExperience\nAcme 2020 - 2021\n")
    write("ok-utf16-bom.txt", "Ana Souza\nExperiência\nAcme 2020 - 2021\n".encode("utf-16"))
    write("ok-html-named.txt", b"<html><body><p>Ana Souza</p><h2>Experience</h2></body></html>")
    print(f"{len(list(OUT.iterdir()))} files in {OUT}")


if __name__ == "__main__":
    main()
