//! Where question generation reads the resume a `ResumeParsed` event names: the event carries no
//! personal data (so an erasure leaves nothing readable on Kafka), and the parse stays with resume
//! ingestion. Distributed mode calls its GetResume with a service key for the event's tenant
//! ([`GrpcResumes`]); the embedded `nexushr` reads it in process. Either way the contract's
//! `ParsedResume` becomes the domain's [`Candidate`] here, at the edge, and nothing else of it
//! (contact details included) goes further.

use nexushr_domain::candidate::Candidate;
use nexushr_proto::resumes::v1::{GetResumeRequest, Resume, resume_ingestion_client::ResumeIngestionClient};
use tonic::transport::Channel;
use tonic::{Code, Status};

#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// Worth another try: resume ingestion is down, busy or restarting.
    #[error("resume ingestion unavailable: {0}")]
    Unavailable(String),
    /// Will not work on a retry (a key it does not accept, a damaged parse).
    #[error("resume ingestion refused the read: {0}")]
    Refused(String),
}

/// Reads resumes for the tenant an event belongs to.
#[async_trait::async_trait]
pub trait ResumeSource: Send + Sync + 'static {
    /// `tenant`'s resume `id` as a kit is made from it; `None` when the resume is gone (deleted
    /// or erased after its event was written).
    async fn candidate(&self, tenant: &str, id: &str) -> Result<Option<Candidate>, SourceError>;
}

/// What GetResume answered, as a [`ResumeSource`] reports it (both adapters get a `Status`).
pub fn from_get_resume(answer: Result<Resume, Status>) -> Result<Option<Candidate>, SourceError> {
    match answer {
        Ok(resume) => Ok(resume.parsed.as_ref().map(crate::convert::candidate)),
        Err(s) if s.code() == Code::NotFound => Ok(None),
        Err(s) => match s.code() {
            Code::Unavailable
            | Code::ResourceExhausted
            | Code::DeadlineExceeded
            | Code::Aborted
            | Code::Internal
            | Code::Unknown
            | Code::Cancelled => Err(SourceError::Unavailable(format!("{:?}: {}", s.code(), s.message()))),
            code => Err(SourceError::Refused(format!("{code:?}: {}", s.message()))),
        },
    }
}

/// Resume ingestion over gRPC (distributed mode).
#[derive(Clone)]
pub struct GrpcResumes {
    client: ResumeIngestionClient<Channel>,
    key: Option<String>,
}

impl GrpcResumes {
    /// A client of the service at `url` (`http://host:port`), connecting on first use; `key` is
    /// a service key (`KEY=*:service`) of its `NEXUSHR_API_KEYS`, or none when it has no keys.
    pub fn new(url: &str, key: Option<String>) -> Result<Self, SourceError> {
        let channel = Channel::from_shared(url.to_string())
            .map_err(|e| SourceError::Refused(format!("resume_ingestion_url {url:?}: {e}")))?
            .connect_timeout(std::time::Duration::from_secs(5))
            .timeout(std::time::Duration::from_secs(10))
            .connect_lazy();
        // A parse may be as large as the largest upload's text.
        let client = ResumeIngestionClient::new(channel).max_decoding_message_size(64 * 1024 * 1024);
        Ok(Self { client, key: key.filter(|k| !k.is_empty()) })
    }
}

#[async_trait::async_trait]
impl ResumeSource for GrpcResumes {
    async fn candidate(&self, tenant: &str, id: &str) -> Result<Option<Candidate>, SourceError> {
        let mut req = tonic::Request::new(GetResumeRequest { id: id.to_string() });
        nexushr_platform::as_service(&mut req, self.key.as_deref(), tenant)
            .map_err(|s| SourceError::Refused(s.message().to_string()))?;
        from_get_resume(self.client.clone().get_resume(req).await.map(tonic::Response::into_inner))
    }
}
