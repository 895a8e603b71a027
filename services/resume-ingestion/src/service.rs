//! `nexushr.resumes.v1.ResumeIngestion` over a [`ResumeStore`].
//!
//! Uploads stream in under a size limit; the file is parsed off the async runtime, a few at a
//! time, within a time bound. A file that cannot be read is answered with a typed error and
//! nothing is stored: UNSUPPORTED and MALFORMED files get `INVALID_ARGUMENT` (field `file`),
//! a file without text `FAILED_PRECONDITION`. Readable resumes are stored with their file and a
//! `ResumeParsed` event (without contact details) in one transaction.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use nexushr_events::{Event, topics};
use nexushr_platform::{invalid_argument, tenant_of};
use nexushr_proto::events::v1::{ResumeErased, ResumeParsed};
use nexushr_proto::resumes::v1 as pb;
use nexushr_proto::resumes::v1::upload_request::Part;
use nexushr_resume_parser::{Limits, Parse, ParseStatus};
use prost::Message;
use sha2::Digest;
use tokio::sync::Semaphore;
use tonic::{Request, Response, Status, Streaming};

use crate::convert::to_proto;
use crate::store::{Inserted, Record, ResumeStore, StoreError};

/// Longest metadata strings accepted.
const MAX_ID_CHARS: usize = 200;
const MAX_FILE_NAME_CHARS: usize = 255;
const DEFAULT_PAGE: i64 = 50;
const MAX_PAGE: i64 = 500;

#[derive(Debug, Clone, Copy)]
pub struct Config {
    pub limits: Limits,
    /// A parse that takes longer is abandoned and the upload refused.
    pub parse_timeout: Duration,
    /// How long an upload waits for a free parser before it is shed.
    pub queue_timeout: Duration,
    /// A client that sends nothing for this long loses its upload.
    pub idle_timeout: Duration,
    /// Parses run at once (the CPU cores, by default).
    pub parallel_parses: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            limits: Limits::default(),
            parse_timeout: Duration::from_secs(10),
            queue_timeout: Duration::from_secs(5),
            idle_timeout: Duration::from_secs(30),
            parallel_parses: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

#[derive(Clone)]
pub struct ResumeService {
    store: ResumeStore,
    config: Config,
    parsers: Arc<Semaphore>,
}

/// Storage failures are the server's: `INTERNAL`, logged here where they are handled.
fn internal(e: StoreError) -> Status {
    tracing::error!(error = %e, "resume store failed");
    Status::internal("the resume store failed; retry later")
}

fn now_ms() -> i64 {
    Utc::now().timestamp_millis()
}

fn timestamp(ms: i64) -> prost_types::Timestamp {
    prost_types::Timestamp { seconds: ms.div_euclid(1000), nanos: (ms.rem_euclid(1000) * 1_000_000) as i32 }
}

fn check_len(field: &str, value: &str, max: usize) -> Result<(), Status> {
    if value.chars().count() > max {
        return Err(invalid_argument(field, &format!("longer than {max} characters")));
    }
    if value.chars().any(char::is_control) {
        return Err(invalid_argument(field, "contains control characters"));
    }
    Ok(())
}

fn check_metadata(meta: &pb::UploadMetadata) -> Result<(), Status> {
    check_len("metadata.external_candidate_id", &meta.external_candidate_id, MAX_ID_CHARS)?;
    check_len("metadata.idempotency_key", &meta.idempotency_key, MAX_ID_CHARS)?;
    check_len("metadata.file_name", &meta.file_name, MAX_FILE_NAME_CHARS)?;
    check_len("metadata.content_type", &meta.content_type, MAX_ID_CHARS)
}

/// A parse that could not read the file, as the status the client gets.
fn refusal(p: &Parse) -> Option<Status> {
    let why = p.warnings.first().cloned().unwrap_or_default();
    match p.status {
        ParseStatus::Ok | ParseStatus::Partial => None,
        ParseStatus::Unsupported => Some(invalid_argument("file", &format!("unsupported: {why}"))),
        // The reason names the format: "malformed PDF: streams inflate past 52428800 bytes".
        ParseStatus::Malformed => Some(invalid_argument("file", &why)),
        ParseStatus::NoText => Some(Status::failed_precondition(format!(
            "file: no extractable text ({why}); a scanned image needs OCR before upload, nothing was stored"
        ))),
    }
}

fn to_resume(r: &Record) -> Result<pb::Resume, Status> {
    let parsed = pb::ParsedResume::decode(r.parsed.as_slice()).map_err(|e| {
        tracing::error!(resume = %r.id, error = %e, "stored parse does not decode");
        Status::internal("a stored parse is damaged")
    })?;
    Ok(pb::Resume {
        id: r.id.clone(),
        tenant_id: r.tenant.clone(),
        external_candidate_id: r.external_candidate_id.clone(),
        file_name: r.file_name.clone(),
        size_bytes: r.size_bytes as u64,
        sha256: r.sha256.clone(),
        parsed: Some(parsed),
        create_time: Some(timestamp(r.create_ms)),
        update_time: Some(timestamp(r.update_ms)),
    })
}

/// A resume was stored or parsed again: the event names it and carries no personal data, so an
/// erasure leaves nothing readable on the topic (consumers read the parse with GetResume).
fn parsed_event(tenant: &str, id: &str) -> Event {
    let payload = ResumeParsed { resume_id: id.to_string(), ..Default::default() };
    Event::new(topics::RESUMES, tenant, id, &payload, nexushr_telemetry::current_traceparent(), Utc::now())
}

impl ResumeService {
    pub fn new(store: ResumeStore, config: Config) -> Self {
        let parsers = Arc::new(Semaphore::new(config.parallel_parses.max(1)));
        Self { store, config, parsers }
    }

    pub fn store(&self) -> &ResumeStore {
        &self.store
    }

    /// Parses on a blocking thread, at most `parallel_parses` at once, within the time bound.
    pub async fn parse(&self, bytes: Arc<Vec<u8>>) -> Result<Parse, Status> {
        let _permit = tokio::time::timeout(self.config.queue_timeout, self.parsers.clone().acquire_owned())
            .await
            .map_err(|_| Status::resource_exhausted("every parser is busy; retry with backoff"))?
            .map_err(|_| Status::unavailable("the service is shutting down"))?;
        let limits = self.config.limits;
        let job = tokio::task::spawn_blocking(move || nexushr_resume_parser::parse(&bytes, &limits));
        match tokio::time::timeout(self.config.parse_timeout, job).await {
            Ok(Ok(parse)) => Ok(parse),
            Ok(Err(e)) => {
                tracing::error!(error = %e, "parser task failed");
                Err(Status::internal("the parser failed on this file"))
            }
            Err(_) => Err(invalid_argument(
                "file",
                &format!("parsing took longer than {} ms", self.config.parse_timeout.as_millis()),
            )),
        }
    }

    async fn receive(
        &self,
        stream: &mut Streaming<pb::UploadRequest>,
    ) -> Result<(pb::UploadMetadata, Vec<u8>), Status> {
        let max = self.config.limits.max_input_bytes;
        let idle = self.config.idle_timeout;
        let meta = match next_message(stream, idle, "upload data").await?.and_then(|m| m.part) {
            Some(Part::Metadata(m)) => m,
            _ => {
                return Err(invalid_argument(
                    "metadata",
                    "the first message must carry the upload's metadata",
                ));
            }
        };
        check_metadata(&meta)?;
        if meta.size_bytes > max as u64 {
            return Err(invalid_argument(
                "metadata.size_bytes",
                &format!("{} bytes is above the {max} byte limit", meta.size_bytes),
            ));
        }
        let mut bytes = Vec::with_capacity((meta.size_bytes as usize).min(max));
        while let Some(message) = next_message(stream, idle, "upload data").await? {
            match message.part {
                Some(Part::Chunk(chunk)) => {
                    if bytes.len() + chunk.len() > max {
                        return Err(invalid_argument(
                            "chunk",
                            &format!("the file is larger than the {max} byte limit"),
                        ));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Some(Part::Metadata(_)) => return Err(invalid_argument("metadata", "sent twice")),
                None => {}
            }
        }
        Ok((meta, bytes))
    }

    /// Parses and stores one file received whole (gRPC Upload after streaming, or the HTTP
    /// gateway): refused files get their typed status and nothing is stored.
    pub async fn ingest(
        &self,
        tenant: &str,
        meta: &pb::UploadMetadata,
        bytes: Vec<u8>,
    ) -> Result<pb::Resume, Status> {
        check_metadata(meta)?;
        let max = self.config.limits.max_input_bytes;
        if bytes.len() > max {
            return Err(invalid_argument("file", &format!("the file is larger than the {max} byte limit")));
        }
        let sha256 = format!("{:x}", sha2::Sha256::digest(&bytes));
        let bytes = Arc::new(bytes);
        let parse = self.parse(bytes.clone()).await?;
        if let Some(refused) = refusal(&parse) {
            tracing::info!(status = ?parse.status, format = ?parse.format, "upload refused");
            return Err(refused);
        }
        let parsed = to_proto(&parse);
        let now = now_ms();
        let id = uuid::Uuid::now_v7().to_string();
        tracing::Span::current().record("resume", id.as_str());
        let record = Record {
            id: id.clone(),
            tenant: tenant.to_string(),
            external_candidate_id: meta.external_candidate_id.clone(),
            idempotency_key: meta.idempotency_key.clone(),
            file_name: meta.file_name.clone(),
            content_type: meta.content_type.clone(),
            size_bytes: bytes.len() as i64,
            sha256,
            status: format!("{:?}", parse.status).to_uppercase(),
            parsed: parsed.encode_to_vec(),
            create_ms: now,
            update_ms: now,
        };
        let event = parsed_event(&record.tenant, &id);
        match self.store.insert(&record, &bytes, &event).await.map_err(internal)? {
            Inserted::New(r) => to_resume(&r),
            Inserted::Existing(r) if r.sha256 == record.sha256 => to_resume(&r),
            Inserted::Existing(_) => {
                Err(Status::already_exists("metadata.idempotency_key: used before for a different file"))
            }
        }
    }

    /// One item of an UploadBatch: its resume, or why it was refused (as Upload's status).
    async fn batch_item(&self, tenant: &str, item: pb::UploadBatchItem) -> pb::UploadBatchResult {
        use pb::upload_batch_result::Outcome;
        let stored = match (check_len("item_id", &item.item_id, MAX_ID_CHARS), &item.metadata) {
            (Err(status), _) => Err(status),
            (Ok(()), None) => Err(invalid_argument("metadata", "required")),
            (Ok(()), Some(meta)) => self.ingest(tenant, meta, item.content).await,
        };
        let outcome = match stored {
            Ok(resume) => Outcome::Resume(resume),
            Err(status) => Outcome::Refused(pb::UploadRefusal {
                code: nexushr_platform::code_name(status.code()),
                message: status.message().to_string(),
            }),
        };
        pb::UploadBatchResult { item_id: item.item_id, outcome: Some(outcome) }
    }

    /// The largest file an upload may carry.
    pub fn max_input_bytes(&self) -> usize {
        self.config.limits.max_input_bytes
    }

    /// Erases a resume (the gRPC DeleteResume); `false` when there was none.
    pub async fn erase(&self, tenant: &str, id: &str) -> Result<bool, Status> {
        self.store.erase(tenant, id, &erased_event(tenant, id)).await.map_err(internal)
    }
}

/// The `ResumeErased` event of resume `id`: its consumers drop everything derived from it.
fn erased_event(tenant: &str, id: &str) -> Event {
    let payload = ResumeErased { resume_id: id.to_string(), erased_at: Some(timestamp(now_ms())) };
    Event::new(topics::RESUMES, tenant, id, &payload, nexushr_telemetry::current_traceparent(), Utc::now())
}

/// The items of an UploadBatch stream; a transport error or `idle` without a message ends it
/// with that status.
fn batch_items(
    input: Streaming<pb::UploadBatchItem>,
    idle: Duration,
) -> impl futures::Stream<Item = Result<pb::UploadBatchItem, Status>> {
    futures::stream::unfold(Some(input), move |input| async move {
        let mut input = input?;
        match next_message(&mut input, idle, "batch item").await {
            Ok(Some(item)) => Some((Ok(item), Some(input))),
            Ok(None) => None,
            Err(status) => Some((Err(status), None)),
        }
    })
}

/// The next message of a client stream, or `DEADLINE_EXCEEDED` (no `what` for so long) when
/// the client goes quiet.
async fn next_message<T>(stream: &mut Streaming<T>, idle: Duration, what: &str) -> Result<Option<T>, Status> {
    tokio::time::timeout(idle, stream.message())
        .await
        .map_err(|_| Status::deadline_exceeded(format!("no {what} for {} s", idle.as_secs())))?
}

fn resume_id(field: &str, id: &str) -> Result<(), Status> {
    if id.is_empty() {
        return Err(invalid_argument(field, "required"));
    }
    check_len(field, id, MAX_ID_CHARS)
}

#[tonic::async_trait]
impl pb::resume_ingestion_server::ResumeIngestion for ResumeService {
    #[tracing::instrument(skip_all, fields(tenant, resume))]
    async fn upload(
        &self,
        req: Request<Streaming<pb::UploadRequest>>,
    ) -> Result<Response<pb::Resume>, Status> {
        let tenant = tenant_of(&req)?;
        tracing::Span::current().record("tenant", tenant.id.as_str());
        let mut stream = req.into_inner();
        let (meta, bytes) = self.receive(&mut stream).await?;
        self.ingest(tenant.id.as_str(), &meta, bytes).await.map(Response::new)
    }

    type UploadBatchStream =
        std::pin::Pin<Box<dyn futures::Stream<Item = Result<pb::UploadBatchResult, Status>> + Send>>;

    /// Items are taken from the stream only as their results are sent, at most
    /// `parallel_parses` in progress: a slow reader holds the sender back (flow control), and
    /// nothing queues without bound. Each item runs on its own task, so it finishes (and frees
    /// its parser) even while the client is not reading.
    #[tracing::instrument(skip_all, fields(tenant))]
    async fn upload_batch(
        &self,
        req: Request<Streaming<pb::UploadBatchItem>>,
    ) -> Result<Response<Self::UploadBatchStream>, Status> {
        use futures::StreamExt;
        use tracing::Instrument;
        let tenant = tenant_of(&req)?.id.as_str().to_string();
        let span = tracing::Span::current();
        span.record("tenant", tenant.as_str());
        let service = self.clone();
        let results = batch_items(req.into_inner(), self.config.idle_timeout)
            .map(move |item| {
                let (service, tenant) = (service.clone(), tenant.clone());
                let task = tokio::spawn(
                    async move { Ok(service.batch_item(&tenant, item?).await) }.instrument(span.clone()),
                );
                async move { task.await.unwrap_or_else(|_| Err(Status::internal("an upload task failed"))) }
            })
            .buffered(self.config.parallel_parses.max(1));
        Ok(Response::new(Box::pin(results)))
    }

    async fn get_resume(&self, req: Request<pb::GetResumeRequest>) -> Result<Response<pb::Resume>, Status> {
        let tenant = tenant_of(&req)?;
        let id = &req.get_ref().id;
        resume_id("id", id)?;
        match self.store.get(tenant.id.as_str(), id).await.map_err(internal)? {
            Some(r) => Ok(Response::new(to_resume(&r)?)),
            None => Err(Status::not_found(format!("resume {id}"))),
        }
    }

    async fn list_resumes(
        &self,
        req: Request<pb::ListResumesRequest>,
    ) -> Result<Response<pb::ListResumesResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let req = req.into_inner();
        check_len("external_candidate_id", &req.external_candidate_id, MAX_ID_CHARS)?;
        let page = req.page.unwrap_or_default();
        let size = match page.page_size {
            None => DEFAULT_PAGE,
            Some(n) if n <= 0 || i64::from(n) > MAX_PAGE => {
                return Err(invalid_argument("page.page_size", &format!("must be between 1 and {MAX_PAGE}")));
            }
            Some(n) => i64::from(n),
        };
        check_len("page.page_token", &page.page_token, MAX_ID_CHARS)?;
        let before = (!page.page_token.is_empty()).then_some(page.page_token.as_str());
        let mut rows = self
            .store
            .list(tenant.id.as_str(), &req.external_candidate_id, before, size + 1)
            .await
            .map_err(internal)?;
        let more = rows.len() as i64 > size;
        rows.truncate(size as usize);
        let next = if more { rows.last().map(|r| r.id.clone()).unwrap_or_default() } else { String::new() };
        Ok(Response::new(pb::ListResumesResponse {
            resumes: rows.iter().map(to_resume).collect::<Result<_, _>>()?,
            page: Some(nexushr_proto::common::v1::PageResponse { next_page_token: next }),
        }))
    }

    async fn reparse(&self, req: Request<pb::ReparseRequest>) -> Result<Response<pb::Resume>, Status> {
        let tenant = tenant_of(&req)?;
        let tenant = tenant.id.as_str();
        let id = req.get_ref().id.clone();
        resume_id("id", &id)?;
        let record = self.store.get(tenant, &id).await.map_err(internal)?;
        let file = self.store.file(tenant, &id).await.map_err(internal)?;
        let (Some(record), Some(file)) = (record, file) else {
            return Err(Status::not_found(format!("resume {id}")));
        };
        let parse = self.parse(Arc::new(file)).await?;
        if let Some(refused) = refusal(&parse) {
            return Err(refused);
        }
        let parsed = to_proto(&parse);
        let event = parsed_event(tenant, &id);
        let status = format!("{:?}", parse.status).to_uppercase();
        let now = now_ms();
        if !self
            .store
            .update_parse(tenant, &id, &status, &parsed.encode_to_vec(), now, &event)
            .await
            .map_err(internal)?
        {
            return Err(Status::not_found(format!("resume {id}")));
        }
        let updated = Record { status, parsed: parsed.encode_to_vec(), update_ms: now, ..record };
        Ok(Response::new(to_resume(&updated)?))
    }

    async fn delete_resume(
        &self,
        req: Request<pb::DeleteResumeRequest>,
    ) -> Result<Response<pb::DeleteResumeResponse>, Status> {
        let tenant = tenant_of(&req)?;
        let id = &req.get_ref().id;
        resume_id("id", id)?;
        if !self.erase(tenant.id.as_str(), id).await? {
            return Err(Status::not_found(format!("resume {id}")));
        }
        Ok(Response::new(pb::DeleteResumeResponse {}))
    }

    async fn erase_candidate(
        &self,
        req: Request<pb::EraseCandidateRequest>,
    ) -> Result<Response<pb::ErasureReceipt>, Status> {
        let tenant = tenant_of(&req)?;
        let candidate = req.into_inner().external_candidate_id;
        if candidate.is_empty() {
            return Err(invalid_argument("external_candidate_id", "required"));
        }
        check_len("external_candidate_id", &candidate, MAX_ID_CHARS)?;
        let tenant = tenant.id.as_str();
        let erased = self
            .store
            .erase_candidate(tenant, &candidate, |id| erased_event(tenant, id))
            .await
            .map_err(internal)?;
        let from = |store: &str, what: &str, count: u64| pb::ErasedFrom {
            store: store.into(),
            what: what.into(),
            count: i64::try_from(count).unwrap_or(i64::MAX),
        };
        // Events on the resumes topic name resumes by id only: none of them holds anything of
        // the candidate, so Kafka keeps nothing to erase.
        let pending = if erased.ids.is_empty() {
            Vec::new()
        } else {
            vec![format!(
                "question-generation: prepared resumes, their vectors, kits, scorecards and notes, on the {} ResumeErased events (every replica within a second of delivery)",
                erased.ids.len()
            )]
        };
        Ok(Response::new(pb::ErasureReceipt {
            external_candidate_id: candidate,
            removed: vec![
                from("resume-ingestion database", "parsed resumes", erased.resumes),
                from("resume-ingestion database", "original files", erased.files),
                from("resume-ingestion outbox", "events not yet relayed", erased.undelivered),
            ],
            resume_ids: erased.ids,
            erased_at: Some(timestamp(now_ms())),
            pending,
        }))
    }
}
