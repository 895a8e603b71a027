//! The HTTP/JSON gateway and the dashboard: the services' gRPC API as JSON for dashboards and
//! clients that cannot speak gRPC, an OpenAPI document, Prometheus `/metrics`.
//!
//! It holds no store and no key list: every request becomes a gRPC call to role catalog, resume
//! ingestion or question generation, carrying the caller's `Authorization` (which the service
//! checks, as for any gRPC client) and the trace context; gRPC statuses become HTTP statuses with
//! a JSON body. The `gateway` binary runs it on its own against the services' addresses;
//! `nexushr serve` runs it against its own gRPC port.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, MatchedPath, Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use nexushr_catalog_wire::{role_from, role_to};
use nexushr_proto::catalog::v1::{self as cpb, role_catalog_client::RoleCatalogClient};
use nexushr_proto::questions::v1::{self as qpb, question_generation_client::QuestionGenerationClient};
use nexushr_proto::resumes::v1::{self as rpb, resume_ingestion_client::ResumeIngestionClient};
use serde_json::{Value, json};
use tonic::transport::{Channel, Endpoint};
use tonic::{Code, Status};
use tracing::Instrument;

mod parsed;

const DASHBOARD: &str = include_str!("dashboard.html");
const OPENAPI: &str = include_str!("openapi.json");

/// Largest gRPC answer the gateway reads (a page of kits).
const MAX_ANSWER_BYTES: usize = 64 * 1024 * 1024;
/// The longest a service may take to answer one call (an upload's parse, a kit with the LLM):
/// past it the caller gets 504.
const UPSTREAM_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);
/// Upload chunks sent to resume ingestion.
const UPLOAD_CHUNK: usize = 256 * 1024;

/// More metric lines for `/metrics`: `nexushr serve` adds its event pipeline's.
pub type ExtraMetrics = Box<dyn Fn() -> Pin<Box<dyn Future<Output = String> + Send>> + Send + Sync>;

/// Where the services answer: each a gRPC channel (a replicated service's may balance over
/// several addresses).
#[derive(Clone)]
pub struct Upstreams {
    pub catalog: Channel,
    pub resumes: Channel,
    pub questions: Channel,
}

impl Upstreams {
    /// Channels to `http://host:port` addresses, each a comma-separated list for a service with
    /// replicas; connected on first use, so the gateway starts before the services.
    pub fn connect(catalog: &str, resumes: &str, questions: &str) -> Result<Self, UpstreamError> {
        Ok(Self { catalog: channel(catalog)?, resumes: channel(resumes)?, questions: channel(questions)? })
    }

    /// One channel for all three: `nexushr serve`'s own gRPC port.
    pub fn one(url: &str) -> Result<Self, UpstreamError> {
        let c = channel(url)?;
        Ok(Self { catalog: c.clone(), resumes: c.clone(), questions: c })
    }
}

#[derive(Debug, thiserror::Error)]
#[error("service address {url:?}: {reason}")]
pub struct UpstreamError {
    url: String,
    reason: String,
}

fn channel(urls: &str) -> Result<Channel, UpstreamError> {
    let endpoints = urls
        .split(',')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(|url| {
            Endpoint::from_shared(url.to_string())
                .map(|e| e.connect_timeout(std::time::Duration::from_secs(5)).timeout(UPSTREAM_TIMEOUT))
                .map_err(|e| UpstreamError { url: url.into(), reason: e.to_string() })
        })
        .collect::<Result<Vec<_>, _>>()?;
    match endpoints.len() {
        0 => Err(UpstreamError { url: urls.into(), reason: "no address".into() }),
        1 => Ok(endpoints.into_iter().next().map(|e| e.connect_lazy()).expect("one endpoint")),
        _ => Ok(Channel::balance_list(endpoints.into_iter())),
    }
}

pub struct Gateway {
    catalog: RoleCatalogClient<Channel>,
    resumes: ResumeIngestionClient<Channel>,
    questions: QuestionGenerationClient<Channel>,
    max_upload_bytes: usize,
    extra_metrics: Option<ExtraMetrics>,
}

impl Gateway {
    pub fn new(upstreams: Upstreams, max_upload_bytes: usize) -> Self {
        Self {
            catalog: RoleCatalogClient::new(upstreams.catalog).max_decoding_message_size(MAX_ANSWER_BYTES),
            resumes: ResumeIngestionClient::new(upstreams.resumes)
                .max_decoding_message_size(MAX_ANSWER_BYTES),
            questions: QuestionGenerationClient::new(upstreams.questions)
                .max_decoding_message_size(MAX_ANSWER_BYTES),
            max_upload_bytes,
            extra_metrics: None,
        }
    }

    /// Adds `extra`'s lines to `/metrics`.
    pub fn with_extra_metrics(mut self, extra: ExtraMetrics) -> Self {
        self.extra_metrics = Some(extra);
        self
    }
}

type Shared = Arc<Gateway>;

/// A gRPC status as an HTTP response: the code's HTTP twin and `{"code", "message"}`.
struct ApiError(Status);

impl From<Status> for ApiError {
    fn from(s: Status) -> Self {
        Self(s)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match self.0.code() {
            Code::InvalidArgument | Code::OutOfRange => StatusCode::BAD_REQUEST,
            Code::Unauthenticated => StatusCode::UNAUTHORIZED,
            Code::PermissionDenied => StatusCode::FORBIDDEN,
            Code::NotFound => StatusCode::NOT_FOUND,
            Code::AlreadyExists | Code::Aborted => StatusCode::CONFLICT,
            Code::FailedPrecondition => StatusCode::UNPROCESSABLE_ENTITY,
            Code::ResourceExhausted => StatusCode::TOO_MANY_REQUESTS,
            // The channel's own timeout ends a call as CANCELLED.
            Code::DeadlineExceeded | Code::Cancelled => StatusCode::GATEWAY_TIMEOUT,
            Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let body = json!({ "code": format!("{:?}", self.0.code()), "message": self.0.message() });
        (status, Json(body)).into_response()
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

/// The headers a call carries on to the service: the caller's credentials (a service key's
/// tenant too), never anything else the client sent.
const FORWARDED: [header::HeaderName; 2] =
    [header::AUTHORIZATION, header::HeaderName::from_static("x-nexushr-tenant")];

/// A gRPC request for `message` on behalf of the HTTP caller: its credentials and the current
/// trace context.
fn call<T>(headers: &HeaderMap, message: T) -> tonic::Request<T> {
    let mut forwarded = HeaderMap::new();
    for name in FORWARDED {
        if let Some(value) = headers.get(&name) {
            forwarded.insert(name, value.clone());
        }
    }
    let mut req = tonic::Request::new(message);
    *req.metadata_mut() = tonic::metadata::MetadataMap::from_headers(forwarded);
    nexushr_telemetry::inject_grpc_metadata(req.metadata_mut());
    req
}

/// The HTTP API, the OpenAPI document, `/metrics`, `/healthz` and the dashboard.
pub fn router(gw: Shared) -> Router {
    let limit = gw.max_upload_bytes + 64 * 1024;
    Router::new()
        .route("/", get(|| async { Html(DASHBOARD) }))
        .route("/openapi.json", get(|| async { ([(header::CONTENT_TYPE, "application/json")], OPENAPI) }))
        .route("/healthz", get(|| async { "ok" }))
        .route("/metrics", get(metrics))
        .route("/v1/roles", get(list_roles).post(create_role))
        .route("/v1/roles/{slug}", get(get_role).patch(update_role).delete(delete_role))
        .route("/v1/resumes", post(upload).get(list_resumes))
        .route("/v1/resumes/{id}", get(get_resume).delete(delete_resume))
        .route("/v1/candidates/{id}", axum::routing::delete(erase_candidate))
        .route("/v1/kits", post(generate).get(list_kits))
        .route("/v1/kits/{id}", get(get_kit))
        .route("/v1/kits/{id}/feedback", post(record_feedback))
        .route("/v1/kits/{id}/scorecards", post(record_scorecard))
        .route("/v1/kits/{id}/outcome", post(record_outcome))
        .route("/v1/calibration/{role}", get(get_calibration))
        .route("/v1/learning-sharing", get(get_sharing).put(set_sharing))
        .route("/v1/loops", post(plan_loop))
        .layer(axum::middleware::from_fn(record))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(gw)
}

/// Counts every request by route and status, with its latency.
async fn record(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let started = Instant::now();
    let span = tracing::info_span!("http.request", method = %req.method(), route = %route);
    let response = next.run(req).instrument(span).await;
    let registry = nexushr_metrics::global();
    registry
        .histogram(
            "nexushr_http_request_duration_seconds",
            "HTTP gateway latency in seconds, by route.",
            &[("route", &route)],
        )
        .observe(started.elapsed().as_secs_f64());
    registry
        .counter(
            "nexushr_http_requests_total",
            "HTTP requests by route and status.",
            &[("route", &route), ("status", response.status().as_str())],
        )
        .inc();
    response
}

/// Prometheus `/metrics`: this process's registry (the gateway's requests, and in `nexushr serve`
/// the services', consumers' and relays'), after any extra lines.
async fn metrics(State(gw): State<Shared>) -> Response {
    let mut out = match &gw.extra_metrics {
        Some(extra) => extra().await,
        None => String::new(),
    };
    out.push_str(&nexushr_metrics::global().render());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], out).into_response()
}

#[derive(serde::Deserialize)]
struct RoleQuery {
    q: Option<String>,
    limit: Option<usize>,
}

async fn list_roles(State(gw): State<Shared>, headers: HeaderMap, Query(q): Query<RoleQuery>) -> ApiResult {
    let limit = q.limit.unwrap_or(50).clamp(1, 200);
    let roles: Vec<Value> = match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => {
            if text.chars().count() > 200 {
                return Err(nexushr_platform::invalid_argument("q", "longer than 200 characters").into());
            }
            let req = cpb::SearchRolesRequest {
                query: text.to_string(),
                limit: Some(limit.min(100) as i32),
                mode: cpb::SearchMode::Lexical as i32,
                locale: String::new(),
            };
            let found = gw.catalog.clone().search_roles(call(&headers, req)).await?.into_inner();
            found.hits.iter().filter_map(|h| h.role.as_ref()).map(summary).collect()
        }
        None => {
            let page = nexushr_proto::common::v1::PageRequest {
                page_size: Some(limit as i32),
                page_token: String::new(),
            };
            let req = cpb::ListRolesRequest { page: Some(page), ..Default::default() };
            let listed = gw.catalog.clone().list_roles(call(&headers, req)).await?.into_inner();
            listed.roles.iter().map(summary).collect()
        }
    };
    Ok(Json(json!({ "roles": roles })))
}

fn summary(role: &cpb::Role) -> Value {
    json!({ "slug": role.slug, "title": role.title, "category": role.category, "summary": role.summary })
}

async fn get_role(State(gw): State<Shared>, headers: HeaderMap, Path(slug): Path<String>) -> ApiResult {
    role_json(&role_by_slug(&gw, &headers, &slug).await?)
}

#[derive(serde::Deserialize)]
struct NewRole {
    #[serde(flatten)]
    spec: nexushr_domain::RoleSpec,
    /// private (the default: seen only by the caller's tenant) or global (admin keys only).
    #[serde(default)]
    visibility: String,
}

/// A role the catalog answered, as the domain's role.
fn domain_role(wire: &cpb::Role) -> Result<nexushr_domain::Role, ApiError> {
    role_from(wire)
        .map_err(|e| Status::internal(format!("the catalog answered a bad role: {}", e.reason)).into())
}

/// The `If-Match` header's etag, if the caller sent one.
fn if_match(headers: &HeaderMap) -> Result<Option<String>, ApiError> {
    match headers.get(header::IF_MATCH).map(|v| v.to_str()) {
        Some(Ok(etag)) => Ok(Some(etag.to_string())),
        Some(Err(_)) => Err(nexushr_platform::invalid_argument("If-Match", "is not ASCII").into()),
        None => Ok(None),
    }
}

/// A role as the catalog answered it, in the JSON `GET /v1/roles/{slug}` gives: its fields and
/// the etag `If-Match` sends back to change or delete it at this version.
fn role_json(wire: &cpb::Role) -> ApiResult {
    let mut json = serde_json::to_value(domain_role(wire)?).unwrap_or(Value::Null);
    if let Value::Object(fields) = &mut json {
        fields.insert("etag".into(), Value::String(wire.etag.clone()));
    }
    Ok(Json(json))
}

/// The role `slug` as the caller sees it, or NOT_FOUND.
async fn role_by_slug(gw: &Gateway, headers: &HeaderMap, slug: &str) -> Result<cpb::Role, ApiError> {
    let req = cpb::GetRoleRequest {
        key: Some(cpb::get_role_request::Key::Slug(slug.into())),
        locale: String::new(),
    };
    Ok(gw.catalog.clone().get_role(call(headers, req)).await?.into_inner())
}

/// Creates a role (private to the caller's tenant unless `visibility` is global).
async fn create_role(State(gw): State<Shared>, headers: HeaderMap, Json(body): Json<NewRole>) -> ApiResult {
    let mut wire = role_to(&nexushr_domain::Role::new(body.spec, None, chrono::Utc::now()), "en");
    wire.id.clear();
    wire.visibility = match body.visibility.as_str() {
        "" | "private" => cpb::Visibility::Private as i32,
        "global" => cpb::Visibility::Global as i32,
        _ => return Err(nexushr_platform::invalid_argument("visibility", "private or global").into()),
    };
    let req = cpb::CreateRoleRequest { role: Some(wire) };
    role_json(&gw.catalog.clone().create_role(call(&headers, req)).await?.into_inner())
}

/// Changes the fields the body names (a JSON object of role fields); with `If-Match: ETAG`, only
/// if the role is still at that version.
async fn update_role(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Json(body): Json<serde_json::Map<String, Value>>,
) -> ApiResult {
    let current = role_by_slug(&gw, &headers, &slug).await?;
    let patch: nexushr_domain::RoleSpec = serde_json::from_value(Value::Object(body.clone()))
        .map_err(|e| nexushr_platform::invalid_argument("body", &e.to_string()))?;
    let mut wire = role_to(&nexushr_domain::Role { spec: patch, ..domain_role(&current)? }, "en");
    wire.etag = if_match(&headers)?.unwrap_or(current.etag);
    let req = cpb::UpdateRoleRequest {
        role: Some(wire),
        update_mask: Some(prost_types::FieldMask { paths: body.keys().cloned().collect() }),
    };
    role_json(&gw.catalog.clone().update_role(call(&headers, req)).await?.into_inner())
}

/// Deletes a role the caller may write; with `If-Match: ETAG`, only at that version.
async fn delete_role(State(gw): State<Shared>, headers: HeaderMap, Path(slug): Path<String>) -> ApiResult {
    let current = role_by_slug(&gw, &headers, &slug).await?;
    let req = cpb::DeleteRoleRequest { id: current.id, etag: if_match(&headers)?.unwrap_or_default() };
    gw.catalog.clone().delete_role(call(&headers, req)).await?;
    Ok(Json(json!({ "deleted": true })))
}

#[derive(serde::Deserialize)]
struct UploadQuery {
    file_name: Option<String>,
    candidate: Option<String>,
    idempotency_key: Option<String>,
}

/// The stored resume and its parse (fields with their confidences), as resume ingestion answers it.
fn resume_view(resume: &rpb::Resume) -> Value {
    json!({
        "id": resume.id,
        "file_name": resume.file_name,
        "external_candidate_id": resume.external_candidate_id,
        "size_bytes": resume.size_bytes,
        "sha256": resume.sha256,
        "parse": resume.parsed.as_ref().map(parsed::to_json),
    })
}

async fn upload(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<UploadQuery>,
    body: Bytes,
) -> ApiResult {
    let meta = rpb::UploadMetadata {
        external_candidate_id: q.candidate.unwrap_or_default(),
        idempotency_key: q.idempotency_key.unwrap_or_default(),
        file_name: q.file_name.unwrap_or_default(),
        content_type: headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect(),
        size_bytes: body.len() as u64,
    };
    let mut parts = vec![rpb::UploadRequest { part: Some(rpb::upload_request::Part::Metadata(meta)) }];
    parts.extend(
        body.chunks(UPLOAD_CHUNK)
            .map(|c| rpb::UploadRequest { part: Some(rpb::upload_request::Part::Chunk(c.to_vec())) }),
    );
    let result = gw.resumes.clone().upload(call(&headers, tokio_stream::iter(parts))).await;
    let outcome = match &result {
        Ok(_) => "stored".to_string(),
        Err(s) => format!("{:?}", s.code()),
    };
    nexushr_metrics::global()
        .counter("nexushr_resume_uploads_total", "Uploads by parse outcome.", &[("outcome", &outcome)])
        .inc();
    Ok(Json(resume_view(&result?.into_inner())))
}

async fn get_resume(State(gw): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    let resume = gw.resumes.clone().get_resume(call(&headers, rpb::GetResumeRequest { id })).await?;
    Ok(Json(resume_view(&resume.into_inner())))
}

/// Erases every resume of an ATS candidate; the body is the erasure receipt.
async fn erase_candidate(State(gw): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    let req = rpb::EraseCandidateRequest { external_candidate_id: id };
    let r = gw.resumes.clone().erase_candidate(call(&headers, req)).await?.into_inner();
    Ok(Json(json!({
        "external_candidate_id": r.external_candidate_id,
        "resume_ids": r.resume_ids,
        "removed": r.removed.iter().map(|e| json!({ "store": e.store, "what": e.what, "count": e.count })).collect::<Vec<_>>(),
        "erased_at": r.erased_at.map(|t| t.seconds),
        "pending": r.pending,
    })))
}

async fn delete_resume(State(gw): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    gw.resumes.clone().delete_resume(call(&headers, rpb::DeleteResumeRequest { id })).await?;
    Ok(Json(json!({ "erased": true })))
}

#[derive(serde::Deserialize)]
struct GenerateBody {
    role: String,
    resume_id: String,
    count: Option<i32>,
    /// en, pt-BR or es-MX; empty: the resume's.
    #[serde(default)]
    language: String,
    /// US, BR or MX for the guardrail; empty: all.
    #[serde(default)]
    jurisdiction: String,
    #[serde(default)]
    exclude_question_ids: Vec<String>,
    /// screen, technical, onsite or final; empty: none.
    #[serde(default)]
    stage: String,
    /// intern … executive; empty: read from the resume.
    #[serde(default)]
    seniority: String,
    /// Shares of behavioral and technical questions in [0, 1].
    mix: Option<MixBody>,
    /// Ask the configured LLM for extra tailored questions.
    #[serde(default)]
    use_llm: bool,
}

#[derive(serde::Deserialize)]
struct MixBody {
    #[serde(default)]
    behavioral: f32,
    #[serde(default)]
    technical: f32,
}

/// A stage's outcome by its name in request bodies.
const OUTCOMES: [(&str, qpb::StageOutcome); 3] = [
    ("advanced", qpb::StageOutcome::Advanced),
    ("rejected", qpb::StageOutcome::Rejected),
    ("withdrew", qpb::StageOutcome::Withdrew),
];

/// The wire value of an enum named in a request body: 0 for empty, and for an unknown name a
/// value no enum has, which the service refuses with INVALID_ARGUMENT naming the field.
fn named<E: Copy + Into<i32>>(name: &str, all: &[(&str, E)]) -> i32 {
    if name.is_empty() {
        return 0;
    }
    all.iter().find(|(n, _)| *n == name).map_or(99, |(_, e)| (*e).into())
}

async fn generate(State(gw): State<Shared>, headers: HeaderMap, Json(body): Json<GenerateBody>) -> ApiResult {
    use nexushr_proto::common::v1::Seniority as S;
    use qpb::InterviewStage as I;
    let stages =
        [("screen", I::Screen), ("technical", I::Technical), ("onsite", I::Onsite), ("final", I::Final)];
    let seniorities = [
        ("intern", S::Intern),
        ("junior", S::Junior),
        ("mid", S::Mid),
        ("senior", S::Senior),
        ("staff", S::Staff),
        ("principal", S::Principal),
        ("manager", S::Manager),
        ("executive", S::Executive),
    ];
    let req = qpb::GenerateRequest {
        role: body.role,
        candidate: Some(qpb::generate_request::Candidate::ResumeId(body.resume_id)),
        count: body.count,
        language: body.language,
        jurisdiction: body.jurisdiction,
        exclude_question_ids: body.exclude_question_ids,
        stage: named(&body.stage, &stages),
        seniority: named(&body.seniority, &seniorities),
        mix: body.mix.map(|m| qpb::Mix { behavioral: m.behavioral, technical: m.technical }),
        use_llm: body.use_llm,
    };
    let kit = gw.questions.clone().generate(call(&headers, req)).await?.into_inner();
    Ok(Json(kit_json(&kit)))
}

#[derive(serde::Deserialize)]
struct PageQuery {
    page_size: Option<i32>,
    #[serde(default)]
    page_token: String,
    /// Kits: of this role only.
    #[serde(default)]
    role: String,
    /// Kits: of this resume only.
    #[serde(default)]
    resume_id: String,
    /// Resumes: of this ATS candidate only.
    #[serde(default)]
    candidate: String,
}

impl PageQuery {
    fn page(&self) -> nexushr_proto::common::v1::PageRequest {
        nexushr_proto::common::v1::PageRequest {
            page_size: self.page_size,
            page_token: self.page_token.clone(),
        }
    }
}

/// The caller's kits, newest first, a page at a time.
async fn list_kits(State(gw): State<Shared>, headers: HeaderMap, Query(q): Query<PageQuery>) -> ApiResult {
    let req = qpb::ListKitsRequest {
        page: Some(q.page()),
        role_slug: q.role.clone(),
        resume_id: q.resume_id.clone(),
    };
    let listed = gw.questions.clone().list_kits(call(&headers, req)).await?.into_inner();
    Ok(Json(json!({
        "kits": listed.kits.iter().map(kit_json).collect::<Vec<_>>(),
        "next_page_token": listed.page.map(|p| p.next_page_token).unwrap_or_default(),
    })))
}

/// The caller's resumes, newest first, a page at a time: what was stored, not the parse.
async fn list_resumes(State(gw): State<Shared>, headers: HeaderMap, Query(q): Query<PageQuery>) -> ApiResult {
    let req = rpb::ListResumesRequest { page: Some(q.page()), external_candidate_id: q.candidate.clone() };
    let listed = gw.resumes.clone().list_resumes(call(&headers, req)).await?.into_inner();
    Ok(Json(json!({
        "resumes": listed.resumes.iter().map(|r| json!({
            "id": r.id,
            "file_name": r.file_name,
            "external_candidate_id": r.external_candidate_id,
            "size_bytes": r.size_bytes,
            "sha256": r.sha256,
            "created_at": r.create_time.as_ref().map(|t| t.seconds),
        })).collect::<Vec<_>>(),
        "next_page_token": listed.page.map(|p| p.next_page_token).unwrap_or_default(),
    })))
}

#[derive(serde::Deserialize)]
struct FeedbackBody {
    question_id: String,
    #[serde(default)]
    asked: bool,
    /// 1-5; 0 or absent when not rated.
    #[serde(default)]
    rating: i32,
    /// advanced, rejected or withdrew; absent when not known.
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    interviewer_id: String,
}

/// An interviewer's feedback on one question of a kit (a later one of theirs replaces it).
async fn record_feedback(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Path(kit_id): Path<String>,
    Json(body): Json<FeedbackBody>,
) -> ApiResult {
    let req = qpb::RecordFeedbackRequest {
        kit_id,
        question_id: body.question_id,
        asked: body.asked,
        rating: body.rating,
        outcome: named(&body.outcome, &OUTCOMES),
        interviewer_id: body.interviewer_id,
    };
    gw.questions.clone().record_feedback(call(&headers, req)).await?;
    Ok(Json(json!({ "recorded": true })))
}

async fn get_kit(State(gw): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    let kit = gw.questions.clone().get_kit(call(&headers, qpb::GetKitRequest { id })).await?.into_inner();
    Ok(Json(kit_json(&kit)))
}

#[derive(serde::Deserialize)]
struct ScoreBody {
    question_id: String,
    /// 1-4 on the question's rubric.
    score: i32,
    #[serde(default)]
    notes: String,
}

#[derive(serde::Deserialize)]
struct ScorecardBody {
    interviewer_id: String,
    scores: Vec<ScoreBody>,
}

async fn record_scorecard(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Path(kit_id): Path<String>,
    Json(body): Json<ScorecardBody>,
) -> ApiResult {
    let req = qpb::RecordScorecardRequest {
        kit_id,
        interviewer_id: body.interviewer_id,
        scores: body
            .scores
            .into_iter()
            .map(|s| qpb::QuestionScore { question_id: s.question_id, score: s.score, notes: s.notes })
            .collect(),
    };
    let done = gw.questions.clone().record_scorecard(call(&headers, req)).await?.into_inner();
    Ok(Json(json!({ "recorded": done.recorded })))
}

#[derive(serde::Deserialize)]
struct OutcomeBody {
    /// advanced, rejected or withdrew.
    outcome: String,
}

async fn record_outcome(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Path(kit_id): Path<String>,
    Json(body): Json<OutcomeBody>,
) -> ApiResult {
    let req = qpb::RecordOutcomeRequest { kit_id, outcome: named(&body.outcome, &OUTCOMES) };
    gw.questions.clone().record_outcome(call(&headers, req)).await?;
    Ok(Json(json!({ "outcome": body.outcome })))
}

async fn get_calibration(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Path(role): Path<String>,
) -> ApiResult {
    let report =
        gw.questions.clone().get_calibration(call(&headers, qpb::GetCalibrationRequest { role })).await?;
    let report = report.into_inner();
    let verdict = |v: i32| match qpb::CalibrationVerdict::try_from(v) {
        Ok(qpb::CalibrationVerdict::Discriminates) => "discriminates",
        Ok(qpb::CalibrationVerdict::Review) => "review",
        _ => "too-few",
    };
    Ok(Json(json!({
        "role_slug": report.role_slug,
        "min_candidates": report.min_candidates,
        "min_per_outcome": report.min_per_outcome,
        "min_pairs": report.min_pairs,
        "questions": report.questions.iter().map(|q| json!({
            "question_id": q.question_id,
            "text": q.text,
            "verdict": verdict(q.verdict),
            "candidates": q.candidates,
            "advanced": q.advanced,
            "rejected": q.rejected,
            "scores": q.scores,
            "discrimination": q.discrimination,
            "discrimination_low": q.discrimination_low,
            "discrimination_high": q.discrimination_high,
            "interviewer_pairs": q.interviewer_pairs,
            "exact_agreement": q.exact_agreement,
            "agreement": q.agreement,
        })).collect::<Vec<_>>(),
    })))
}

fn sharing_json(s: &qpb::LearningSharing) -> Value {
    json!({ "share": s.share, "updated_at": s.update_time.as_ref().map(|t| t.seconds) })
}

async fn get_sharing(State(gw): State<Shared>, headers: HeaderMap) -> ApiResult {
    let s =
        gw.questions.clone().get_learning_sharing(call(&headers, qpb::GetLearningSharingRequest {})).await?;
    Ok(Json(sharing_json(&s.into_inner())))
}

#[derive(serde::Deserialize)]
struct SharingBody {
    share: bool,
}

async fn set_sharing(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Json(body): Json<SharingBody>,
) -> ApiResult {
    let req = qpb::SetLearningSharingRequest { share: body.share };
    let s = gw.questions.clone().set_learning_sharing(call(&headers, req)).await?;
    Ok(Json(sharing_json(&s.into_inner())))
}

#[derive(serde::Deserialize)]
struct LoopBody {
    role: String,
    resume_id: String,
    /// screen, technical, system-design, behavioral; empty: all four.
    #[serde(default)]
    stages: Vec<String>,
    #[serde(default)]
    language: String,
}

/// Loop stages by their names in request and response bodies.
const LOOP_STAGES: [(&str, qpb::LoopStage); 4] = [
    ("screen", qpb::LoopStage::Screen),
    ("technical", qpb::LoopStage::Technical),
    ("system-design", qpb::LoopStage::SystemDesign),
    ("behavioral", qpb::LoopStage::Behavioral),
];

/// A loop stage's name (`system-design`), from its wire value; empty for none.
fn stage_name(stage: i32) -> &'static str {
    LOOP_STAGES.iter().find(|(_, s)| *s as i32 == stage).map_or("", |(n, _)| n)
}

async fn plan_loop(State(gw): State<Shared>, headers: HeaderMap, Json(body): Json<LoopBody>) -> ApiResult {
    // An unknown name reaches the service as an unknown enum value: INVALID_ARGUMENT there.
    let stages = body.stages.iter().map(|name| named(name, &LOOP_STAGES)).collect();
    let req = qpb::PlanLoopRequest {
        role: body.role,
        candidate: Some(qpb::plan_loop_request::Candidate::ResumeId(body.resume_id)),
        stages,
        language: body.language,
        ..Default::default()
    };
    let planned = gw.questions.clone().plan_loop(call(&headers, req)).await?.into_inner();
    Ok(Json(json!({
        "language": planned.language,
        "kits": planned.kits.iter().map(|k| json!({
            "stage": stage_name(k.stage),
            "kit": k.kit.as_ref().map(kit_json),
        })).collect::<Vec<_>>(),
        "coverage": planned.coverage.iter().map(|c| json!({
            "requirement": c.requirement,
            "stage": stage_name(c.stage),
        })).collect::<Vec<_>>(),
    })))
}

/// An interview kit as JSON: ranked questions with why each was chosen and what a good answer holds.
fn kit_json(kit: &qpb::InterviewKit) -> Value {
    let questions: Vec<Value> = kit
        .questions
        .iter()
        .map(|q| {
            let bank = q.question.clone().unwrap_or_default();
            let rubric = bank.rubric.clone().unwrap_or_default();
            json!({
                "rank": q.rank,
                "text": q.text,
                "score": q.score,
                "kind": format!("{:?}", bank.kind()).to_lowercase(),
                "probe": format!("{:?}", q.probe()).to_lowercase(),
                "target": q.target.as_ref().map(|t| t.name.clone()),
                "rationale": q.rationale,
                "evidence": q.evidence.iter().map(|e| json!({
                    "resume_line": e.resume_span.as_ref().map(|s| s.text.clone()),
                    "role_requirement": e.role_requirement,
                })).collect::<Vec<_>>(),
                "rubric": {
                    "points": rubric.points,
                    "strong": rubric.strong,
                    "acceptable": rubric.acceptable,
                    "weak": rubric.weak,
                },
                "follow_ups": bank.follow_ups,
                "question_id": bank.id,
            })
        })
        .collect();
    json!({
        "id": kit.id,
        "role_slug": kit.role_slug,
        "resume_id": kit.resume_id,
        "questions": questions,
        "language": kit.language,
        "covered_requirements": kit.covered_requirements,
        "uncovered_requirements": kit.uncovered_requirements,
        "gaps": kit.gaps,
        "signals": kit.signals,
        "created_at": kit.create_time.as_ref().map(|t| t.seconds),
    })
}
