//! Parity with the Python reference (sentence-transformers on PyTorch): token ids equal and
//! vectors at cosine ≥ 0.999 in floats and ≥ 0.995 in int8, on sentences chosen to stress the
//! tokenizer (accents, CJK, emoji, punctuation, empty input, over-long input). The fixture was computed once with
//! `scripts/embed-reference.py fixture`; the model comes from `scripts/fetch-data.sh model`,
//! which the README's test command runs, so a missing model fails this test.

use nexushr_embed::{Embedder, Precision, cosine};

#[derive(serde::Deserialize)]
struct Fixture {
    sentences: Vec<String>,
    token_ids: Vec<Vec<u32>>,
    vectors: Vec<Vec<f32>>,
}

fn fixture() -> Fixture {
    serde_json::from_str(include_str!("fixtures/minilm-reference.json")).expect("fixture JSON")
}

fn embedder() -> Embedder {
    embedder_at(Precision::F32)
}

fn embedder_at(precision: Precision) -> Embedder {
    Embedder::load_with(&Embedder::default_dir(), precision).expect("the model (scripts/fetch-data.sh model)")
}

#[test]
fn tokens_match_the_reference_tokenizer() {
    let (fixture, embedder) = (fixture(), embedder());
    for (sentence, want) in fixture.sentences.iter().zip(&fixture.token_ids) {
        assert_eq!(&embedder.tokenizer().encode(sentence, nexushr_embed::MAX_TOKENS), want, "{sentence:?}");
    }
}

#[test]
fn vectors_match_the_reference_model() {
    matches_the_reference(&embedder(), 0.999);
}

/// Int8 where the CPU has AVX-512 VNNI (this machine kind has it; elsewhere the embedder falls
/// back to floats and this repeats the float test).
#[test]
fn int8_vectors_match_the_reference_model() {
    matches_the_reference(&embedder_at(Precision::Int8), 0.995);
}

fn matches_the_reference(embedder: &Embedder, min_cosine: f32) {
    let fixture = fixture();
    let batch = embedder.embed(&fixture.sentences);
    for ((sentence, want), got) in fixture.sentences.iter().zip(&fixture.vectors).zip(&batch) {
        let c = cosine(got, want);
        assert!(c >= min_cosine, "{:?}: cosine {c} for {sentence:?}", embedder.precision());
        let one = embedder.embed_one(sentence);
        assert!(cosine(&one, got) > 0.99999, "batched and single embeddings differ for {sentence:?}");
        let norm: f32 = got.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-4);
    }
    let related = cosine(&batch[0], &batch[12]);
    let unrelated = cosine(&batch[0], &batch[2]);
    assert!(related > unrelated, "an API sentence is closer to an API query than to a behavioral question");
}

#[test]
fn a_missing_model_directory_is_a_clear_error() {
    let err = Embedder::load(std::path::Path::new("/nonexistent/model")).unwrap_err();
    assert!(err.to_string().contains("scripts/fetch-data.sh model"), "{err}");
}
