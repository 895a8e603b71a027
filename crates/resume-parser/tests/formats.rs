//! Whole documents in every format the parser reads, and hostile ones it must refuse.

use std::io::Write;

use nexushr_resume_parser::{Format, Limits, ParseStatus, parse};

fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in entries {
        w.start_file(*name, opts).expect("entry");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn docx(body: &str) -> Vec<u8> {
    let doc = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="x"><w:body>{body}</w:body></w:document>"#
    );
    zip(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", doc.as_bytes())])
}

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

const RESUME: [&str; 6] = [
    "Ana Paula Souza",
    "ana.souza@example.com | (11) 98765-4321",
    "Experiência Profissional",
    "Desenvolvedora Backend — Acme &amp; Co",
    "jan. 2020 – atual",
    "Formação Acadêmica",
];

#[test]
fn skills_are_mapped_to_the_taxonomy() {
    let text = "Ana Souza\nSkills\nGolang, k8s, Postgres, Kafka\nExperience\nBuilt Go services on Kubernetes";
    let p = parse(text.as_bytes(), &Limits::default());
    let names: Vec<&str> = p.skills.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Go", "Kubernetes", "PostgreSQL", "Kafka"]);
    let go = &p.skills[0];
    assert_eq!((go.raw.as_str(), go.evidence.len()), ("Golang", 2));
    assert_eq!(&p.text[go.evidence[1].0..go.evidence[1].1], "Go");
}

#[test]
fn a_job_since_a_year_runs_to_today_through_the_whole_parse() {
    // R41: "Huddlewave Inc. | Staff SRE | Since 2022" heading a plain-text resume's first job.
    let text = "Marcus Okafor\nmarcus@example.com\n\nEXPERIENCE\n\n\
        Huddlewave Inc. | Staff Site Reliability Engineer | Since 2022\n\
        Video platform, ~20M monthly participants. Remote.\n\
        \u{2022} Defined SLOs for join success; failures down from 0.9% to 0.25%.\n\n\
        First Carolina Bancorp | Senior SRE | 2016 - 2021\n\
        \u{2022} Ran the Kubernetes estate.\n";
    let p = parse(text.as_bytes(), &Limits::default());
    let jobs: Vec<(Option<&str>, bool)> =
        p.work.iter().map(|w| (w.employer.as_ref().map(|e| e.value.as_str()), w.period.current)).collect();
    assert_eq!(
        jobs,
        [(Some("Huddlewave Inc."), true), (Some("First Carolina Bancorp"), false)],
        "{:#?}",
        p.work
    );
}

#[test]
fn docx_paragraphs_become_lines() {
    let body: String = RESUME.iter().map(|l| para(l)).collect();
    let p = parse(&docx(&body), &Limits::default());
    assert_eq!((p.format, p.status), (Format::Docx, ParseStatus::Ok), "{:?}", p.warnings);
    assert!(p.text.contains("Desenvolvedora Backend — Acme & Co\njan. 2020 – atual"), "{}", p.text);
    assert_eq!(p.contact.name.map(|n| n.value).as_deref(), Some("Ana Paula Souza"));
    assert_eq!(p.sections.len(), 2);
}

#[test]
fn docx_text_boxes_are_lines_and_drawing_settings_are_not_text() {
    // LibreOffice's export of a theme: a section title anchoring a text box, its position in
    // `wp:` elements, and the box's text again in a VML fallback.
    let anchored = r#"<w:p><w:r><w:t xml:space="preserve">Education </w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH><wp:align>left</wp:align></wp:positionH><wp:positionV><wp:posOffset>635</wp:posOffset></wp:positionV><wps:txbx><w:txbxContent><w:p><w:r><w:t>Developer who spent five years in IT support.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>Developer who spent five years in IT support.</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#;
    let body = format!(
        "{}{}{anchored}{}",
        para("Carlos Mendez"),
        para("carlos@example.com"),
        para("San Antonio College")
    );
    let p = parse(&docx(&body), &Limits::default());
    assert!(!p.text.contains("left635"), "{}", p.text);
    assert_eq!(p.text.matches("five years in IT support").count(), 1, "{}", p.text);
    assert!(p.text.contains("Education\n"), "{}", p.text);
    assert!(p.sections.iter().any(|s| s.header == "Education"), "{:?}", p.sections);
}

#[test]
fn odt_paragraphs_become_lines() {
    let body: String = RESUME.iter().map(|l| format!("<text:p>{l}</text:p>")).collect();
    let content = format!(
        r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text>{body}</office:text></office:body></office:document-content>"#
    );
    let odt =
        zip(&[("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", content.as_bytes())]);
    let p = parse(&odt, &Limits::default());
    assert_eq!((p.format, p.status), (Format::Odt, ParseStatus::Ok), "{:?}", p.warnings);
    assert!(p.text.starts_with("Ana Paula Souza\n"));
}

#[test]
fn zip_bombs_are_malformed_not_inflated() {
    let zeros = vec![b'a'; 60 * 1024 * 1024];
    let bomb = zip(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", &zeros)]);
    assert!(bomb.len() < 1024 * 1024, "a small file: {} bytes", bomb.len());
    let p = parse(&bomb, &Limits::default());
    assert_eq!(p.status, ParseStatus::Malformed, "{:?}", p.warnings);
    assert!(p.warnings[0].contains("inflates past"), "{:?}", p.warnings);
}

#[test]
fn too_many_entries_is_malformed() {
    let names: Vec<String> = (0..2_100).map(|i| format!("f{i}")).collect();
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    entries.push(("word/document.xml", b"<w:document/>"));
    let p = parse(&zip(&entries), &Limits::default());
    assert_eq!(p.status, ParseStatus::Malformed);
}

#[test]
fn billion_laughs_is_refused() {
    let xml = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"#;
    let file = zip(&[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", xml.as_bytes())]);
    let p = parse(&file, &Limits::default());
    assert_eq!(p.status, ParseStatus::Malformed, "{:?}", p.warnings);
}

#[test]
fn deep_nesting_is_refused() {
    let body = format!("{}x{}", "<w:r>".repeat(5_000), "</w:r>".repeat(5_000));
    let p = parse(&docx(&body), &Limits::default());
    assert_eq!(p.status, ParseStatus::Malformed);
}

#[test]
fn nothing_is_invented() {
    let empty = parse(b"", &Limits::default());
    assert_eq!(empty.status, ParseStatus::NoText);
    let png = parse(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", &Limits::default());
    assert_eq!((png.format, png.status), (Format::Image, ParseStatus::NoText));
    let noise: Vec<u8> = (0u32..4096).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(parse(&noise, &Limits::default()).status, ParseStatus::Unsupported);
    let pdf = parse(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", &Limits::default());
    assert_eq!(pdf.status, ParseStatus::Malformed, "a PDF cut after its header has nothing to read");
    let truncated = docx(&para("Ana"));
    assert_eq!(parse(&truncated[..truncated.len() / 2], &Limits::default()).status, ParseStatus::Malformed);
}

#[test]
fn oversized_input_is_refused() {
    let big = vec![b'a'; 11 * 1024 * 1024];
    assert_eq!(parse(&big, &Limits::default()).status, ParseStatus::Unsupported);
}
