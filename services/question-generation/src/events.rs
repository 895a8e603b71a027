//! Reacting to resume events: a parsed resume is prepared for ranking ahead of time; an erased
//! one loses everything derived from it. Both are idempotent (an upsert and a delete).

use nexushr_events::{Event, EventHandler, HandlerError};
use nexushr_proto::events::v1::{ResumeErased, ResumeParsed};

use crate::service::QuestionService;

pub struct ResumeEvents {
    pub service: QuestionService,
}

#[async_trait::async_trait]
impl EventHandler for ResumeEvents {
    async fn handle(&self, event: &Event) -> Result<(), HandlerError> {
        let tenant = event.envelope.tenant_id.as_str();
        if let Some(parsed) =
            event.payload::<ResumeParsed>().map_err(|e| HandlerError::Permanent(e.to_string()))?
        {
            let resume = parsed
                .parsed
                .ok_or_else(|| HandlerError::Permanent("ResumeParsed without a parse".into()))?;
            return self
                .service
                .prepare(tenant, &parsed.resume_id, &resume)
                .await
                .map_err(|e| HandlerError::Retryable(e.to_string()));
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
