#!/usr/bin/env python3
"""N distinct resume files for the bulk-ingestion benchmark, from the committed corpus sample.

  make_corpus.py N OUT

Cycles through every document of tests/corpus/sample (PDF from LaTeX, Typst, RenderCV,
Chromium and LibreOffice; DOCX, ODT, HTML, Markdown, plain text; en, pt-BR, es-MX) and makes
copy i a different person: in the formats whose text is stored as is (text, Markdown, HTML,
and the XML inside DOCX and ODT) the name, email and phone of the document's source person
are replaced by a generated person's (where a layout does not show the email as written, a
comment, or in plain text a contact line, keeps the copy distinct; a DOCX or ODT copy also
carries a zip comment); a PDF's text sits in compressed, font-encoded streams,
so a PDF copy keeps its person and differs by a comment after its end (a distinct file, as a
re-upload of the same document would be). Deterministic: the same N gives the same files.
"""
import io
import unicodedata
import json
import random
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests/corpus/sample"

FIRST = {
    "en": ["James", "Olivia", "Noah", "Emma", "Liam", "Ava", "Ethan", "Mia", "Lucas", "Harper", "Mason", "Ella"],
    "pt": ["João", "Mariana", "Pedro", "Beatriz", "Gabriel", "Larissa", "Rafael", "Camila", "Thiago", "Juliana"],
    "es": ["Sofía", "Mateo", "Valentina", "Santiago", "Regina", "Diego", "Ximena", "Emiliano", "Renata", "Leonardo"],
}
LAST = {
    "en": ["Walker", "Bennett", "Hayes", "Foster", "Brooks", "Reed", "Coleman", "Price", "Howard", "Sullivan"],
    "pt": ["Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Carvalho", "Almeida", "Ribeiro", "Gomes"],
    "es": ["García", "Hernández", "López", "Martínez", "Ramírez", "Torres", "Flores", "Rivera", "Morales", "Cruz"],
}


def ascii_slug(text):
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", ".")


def person(i, lang):
    rng = random.Random(i)
    first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
    name = f"{first} {last}"
    email = f"{ascii_slug(first)}.{ascii_slug(last)}{i}@example.com"
    digits = f"{rng.randrange(10**7, 10**8)}"
    phone = {"en": f"+1 (555) {digits[:3]}-{digits[3:7]}", "pt": f"(11) 9{digits[:4]}-{digits[4:]}",
             "es": f"+52 55 {digits[:4]} {digits[4:]}"}[lang]
    return name, email, phone


def swap(text, old, new):
    for key in ("name", "email", "phone"):
        if old.get(key):
            text = text.replace(old[key], new[key])
            if key == "name":
                text = text.replace(old[key].upper(), new[key].upper())
    return text


def varied(path, data, old, new, i):
    suffix = path.suffix.lower()
    if suffix in (".txt", ".md", ".html"):
        text = swap(data.decode("utf-8"), old, new)
        # Where a layout does not show the email as written, the copy is kept distinct by a
        # comment (a contact line in plain text).
        if new["email"] not in text:
            text += f"\n<!-- nexushr bulk copy {i} -->\n" if suffix != ".txt" else f"\n{new['email']}\n"
        return text.encode("utf-8")
    if suffix in (".docx", ".odt"):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            dst.comment = f"nexushr bulk copy {i}".encode()
            for item in src.infolist():
                body = src.read(item.filename)
                if item.filename.endswith(".xml"):
                    body = swap(body.decode("utf-8"), old, new).encode("utf-8")
                # ODT wants its mimetype first and stored; infolist keeps the order.
                kind = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
                dst.writestr(item, body, compress_type=kind)
        return out.getvalue()
    return data + f"\n% nexushr bulk copy {i}\n".encode()


def main():
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    files = json.loads((SAMPLE / "manifest.json").read_text())["files"]
    files.sort(key=lambda f: f["file"])
    sources = {}
    for i in range(n):
        entry = files[i % len(files)]
        path = SAMPLE / entry["file"]
        source = (SAMPLE / entry["source"]).resolve()
        if source not in sources:
            sources[source] = json.loads(source.read_text())["basics"]
        basics = sources[source]
        lang = entry["lang"] if entry["lang"] in FIRST else "en"
        name, email, phone = person(i, lang)
        new = {"name": name, "email": email, "phone": phone}
        data = varied(path, path.read_bytes(), basics, new, i)
        (out / f"{i:05d}-{path.name}").write_bytes(data)
    print(f"{n} resumes from {len(files)} documents in {out}")


if __name__ == "__main__":
    main()
