//! What a service needs to rank by meaning: the store (embedded or server), the embedding model
//! if its files are present, and the sparse encoder, with one version stamp for all three.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use nexushr_embed::{Embedder, Precision, SparseEncoder, SparseVector};

use crate::{CollectionSpec, EdgeStore, StoreError, VectorStore};

/// Dimension recorded for collections made without a model (their points are sparse only).
const NO_MODEL_DIM: usize = 384;

#[derive(Clone)]
pub struct Vectors {
    pub store: Arc<dyn VectorStore>,
    pub embedder: Option<Arc<Embedder>>,
    pub sparse: SparseEncoder,
}

impl std::fmt::Debug for Vectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vectors").field("embedder", &self.embedder).finish_non_exhaustive()
    }
}

/// Where the vectors live and which model makes them.
#[derive(Debug, Clone, Default)]
pub struct VectorSettings {
    /// A Qdrant server's gRPC URL; unset: the embedded engine under `data_dir/vectors`.
    pub qdrant_url: Option<String>,
    pub qdrant_api_key: Option<String>,
    pub data_dir: PathBuf,
    /// The model directory; unset: [`Embedder::default_dir`].
    pub model_dir: Option<PathBuf>,
}

impl Vectors {
    /// Opens the store and loads the model. A missing model is not an error: ranking falls back
    /// to the sparse side, and [`Vectors::mode`] says so.
    pub fn open(settings: &VectorSettings) -> Result<Self, StoreError> {
        let store: Arc<dyn VectorStore> = match settings.qdrant_url.as_deref().filter(|u| !u.is_empty()) {
            #[cfg(feature = "remote")]
            Some(url) => Arc::new(crate::RemoteStore::connect(url, settings.qdrant_api_key.clone())?),
            #[cfg(not(feature = "remote"))]
            Some(_) => return Err(StoreError::NotBuilt("a Qdrant server (QDRANT_URL)")),
            None => Arc::new(EdgeStore::new(settings.data_dir.join("vectors"))?),
        };
        let dir = settings.model_dir.clone().unwrap_or_else(Embedder::default_dir);
        // A misspelt precision is a configuration error, not a missing model.
        let precision = Precision::from_env()
            .map_err(|e| StoreError::Invalid { field: "NEXUSHR_EMBED_PRECISION", reason: e.to_string() })?;
        Ok(Self { store, embedder: load_model(&dir, precision), sparse: SparseEncoder::default() })
    }

    /// A store and encoders given directly (tests, benchmarks).
    pub fn new(store: Arc<dyn VectorStore>, embedder: Option<Arc<Embedder>>) -> Self {
        Self { store, embedder, sparse: SparseEncoder::default() }
    }

    /// `"hybrid"` with the model, `"sparse-only"` without it.
    pub fn mode(&self) -> &'static str {
        if self.embedder.is_some() { "hybrid" } else { "sparse-only" }
    }

    /// The spec of a logical collection, stamped with the model and encoder versions.
    pub fn spec(&self, name: &str) -> CollectionSpec {
        let (dim, model) = match &self.embedder {
            Some(e) => (e.dim(), e.version()),
            None => (NO_MODEL_DIM, "no-model".to_string()),
        };
        CollectionSpec {
            name: name.to_string(),
            dense_dim: dim,
            version: format!("{model}|{}", self.sparse.version()),
        }
    }

    /// Dense embeddings of `texts` (None without a model).
    pub fn embed<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Option<Vec<Vec<f32>>> {
        self.embedder.as_ref().map(|e| e.embed(texts))
    }

    pub fn sparse_document(&self, text: &str) -> SparseVector {
        self.sparse.encode_document(text)
    }

    pub fn sparse_query(&self, text: &str) -> SparseVector {
        self.sparse.encode_query(text)
    }
}

fn load_model(dir: &Path, precision: Precision) -> Option<Arc<Embedder>> {
    match Embedder::load_with(dir, precision) {
        Ok(e) => {
            tracing::info!(model = %e.version(), precision = e.precision().as_str(), dir = %dir.display(), "embedding model loaded");
            Some(Arc::new(e))
        }
        Err(e) => {
            tracing::warn!(error = %e, "no embedding model: ranking uses the sparse (lexical) side only");
            None
        }
    }
}

/// Built without the server client (`cargo test -p nexushr-vector-store --no-default-features`,
/// in the test command): a configured server is refused by name, never replaced by the
/// embedded engine.
#[cfg(all(test, not(feature = "remote")))]
mod without_remote {
    #[test]
    fn a_configured_server_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let settings = super::VectorSettings {
            qdrant_url: Some("http://127.0.0.1:6334".into()),
            data_dir: dir.path().to_path_buf(),
            ..Default::default()
        };
        let refused = super::Vectors::open(&settings).err().expect("refused");
        assert!(matches!(refused, crate::StoreError::NotBuilt(_)), "{refused}");
        assert!(refused.to_string().contains("QDRANT_URL"), "{refused}");
    }
}
