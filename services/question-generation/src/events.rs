//! Reacting to resume events: a parsed resume is prepared for ranking ahead of time; an erased
//! one loses everything derived from it. Both are idempotent (an upsert and a delete).
//!
//! A `ResumeParsed` event names the resume; it is read from resume ingestion ([`ResumeSource`]).
//! A run of them (a bulk upload) is read and embedded in one batch by
//! `precompute`, then each is stored by `handle`, in order.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use nexushr_events::{Event, EventHandler, HandlerError};
use nexushr_proto::events::v1::{ResumeErased, ResumeParsed};

use crate::resumes::{ResumeSource, SourceError};
use crate::service::QuestionService;
use crate::store::Prepared;
use nexushr_domain::candidate::Candidate;

pub struct ResumeEvents {
    service: QuestionService,
    source: Arc<dyn ResumeSource>,
    /// Preparations `precompute` made for the run being handled, by event id: taken by `handle`.
    ready: Mutex<HashMap<String, Prepared>>,
}

impl ResumeEvents {
    pub fn new(service: QuestionService, source: Arc<dyn ResumeSource>) -> Self {
        Self { service, source, ready: Mutex::new(HashMap::new()) }
    }

    fn ready(&self) -> std::sync::MutexGuard<'_, HashMap<String, Prepared>> {
        self.ready.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The resume a ResumeParsed event names: carried by events of earlier versions, else read
    /// from resume ingestion (`None`: the resume is gone since).
    async fn candidate_of(
        &self,
        event: &Event,
        parsed: &ResumeParsed,
    ) -> Result<Option<Candidate>, SourceError> {
        #[allow(deprecated)] // earlier versions' events carried the parse
        if let Some(carried) = parsed.parsed.as_ref() {
            return Ok(Some(crate::convert::candidate(carried)));
        }
        self.source.candidate(&event.envelope.tenant_id, &parsed.resume_id).await
    }

    /// [`ResumeEvents::candidate_of`], waiting out resume ingestion's unavailability (a restart, a
    /// rollout) for up to [`SOURCE_PATIENCE`]: the event is then left to the delivery policy's
    /// retries and dead letters, and meanwhile the partition waits, in order.
    async fn candidate_patiently(
        &self,
        event: &Event,
        parsed: &ResumeParsed,
    ) -> Result<Option<Candidate>, SourceError> {
        let deadline = std::time::Instant::now() + SOURCE_PATIENCE;
        let mut pause = std::time::Duration::from_millis(200);
        loop {
            match self.candidate_of(event, parsed).await {
                Err(SourceError::Unavailable(e)) if std::time::Instant::now() + pause < deadline => {
                    tracing::warn!(error = %e, resume = %parsed.resume_id, "resume ingestion unavailable, waiting");
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(std::time::Duration::from_secs(5));
                }
                other => return other,
            }
        }
    }
}

/// How long one delivery of a ResumeParsed event waits for resume ingestion to come back.
const SOURCE_PATIENCE: std::time::Duration = std::time::Duration::from_secs(30);

fn resume_parsed(event: &Event) -> Result<Option<ResumeParsed>, HandlerError> {
    event.payload::<ResumeParsed>().map_err(|e| HandlerError::Permanent(e.to_string()))
}

#[async_trait::async_trait]
impl EventHandler for ResumeEvents {
    /// Reads the resumes of a run of ResumeParsed events and embeds them in one batch.
    async fn precompute(&self, events: &[&Event]) {
        let mut ids = Vec::new();
        let mut candidates = Vec::new();
        for event in events {
            let Ok(Some(parsed)) = resume_parsed(event) else { continue };
            // What cannot be read now is read again, and reported, by `handle`.
            if let Ok(Some(candidate)) = self.candidate_of(event, &parsed).await {
                ids.push(event.envelope.event_id.clone());
                candidates.push(candidate);
            }
        }
        // One alone is prepared by `handle`, as it would be without a run.
        if candidates.len() < 2 {
            return;
        }
        match self.service.preparations(candidates).await {
            Ok(prepared) => {
                let mut ready = self.ready();
                // What an earlier run left (a shutdown between precompute and handle) goes.
                ready.clear();
                ready.extend(ids.into_iter().zip(prepared));
            }
            Err(e) => tracing::warn!(error = %e, "batch preparation failed; preparing one by one"),
        }
    }

    async fn handle(&self, event: &Event) -> Result<(), HandlerError> {
        let tenant = event.envelope.tenant_id.as_str();
        if let Some(parsed) = resume_parsed(event)? {
            let metrics = nexushr_metrics::global();
            let in_flight = metrics.gauge(
                "nexushr_preparations_in_flight",
                "Parsed resumes this process is preparing for ranking right now (reading, embedding and storing).",
                &[],
            );
            let _preparing = in_flight.track();
            let started = std::time::Instant::now();
            let resume_id = parsed.resume_id.clone();
            let ready = self.ready().remove(&event.envelope.event_id);
            let stored = match ready {
                Some(prepared) => self.service.store_prepared(tenant, &resume_id, &prepared).await,
                None => match self.candidate_patiently(event, &parsed).await {
                    Ok(Some(candidate)) => self.service.prepare(tenant, &resume_id, candidate).await,
                    // Deleted or erased since: its ResumeErased event follows on the same key.
                    Ok(None) => return Ok(()),
                    Err(e @ SourceError::Unavailable(_)) => {
                        return Err(HandlerError::Retryable(e.to_string()));
                    }
                    Err(e @ SourceError::Refused(_)) => return Err(HandlerError::Permanent(e.to_string())),
                },
            };
            stored.map_err(|e| HandlerError::Retryable(e.to_string()))?;
            metrics
                .histogram(
                    "nexushr_preparation_duration_seconds",
                    "Time to prepare one parsed resume for ranking once its event is handled (the batch embedding of a run of events is done before, and not in it).",
                    &[],
                )
                .observe(started.elapsed().as_secs_f64());
            return Ok(());
        }
        if let Some(erased) =
            event.payload::<ResumeErased>().map_err(|e| HandlerError::Permanent(e.to_string()))?
        {
            return self
                .service
                .erase(tenant, &erased.resume_id)
                .await
                .map_err(|e| HandlerError::Retryable(e.to_string()));
        }
        Ok(()) // other resume events are not ours
    }
}
