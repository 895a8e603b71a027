//! The HTTP/JSON gateway of `nexushr serve` (default 127.0.0.1:8080): the same services as
//! gRPC for dashboards and clients that cannot speak it, the same API keys
//! (`Authorization: Bearer KEY`), an OpenAPI document, Prometheus `/metrics` and the dashboard.
//!
//! Handlers call the services in process with the caller's tenant, exactly as the gRPC
//! interceptor would; gRPC statuses become HTTP statuses with a JSON body.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, MatchedPath, Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use nexushr_catalog_store::{PageSpec, RoleFilter, RoleStore};
use nexushr_catalog_wire::{role_from, role_to};
use nexushr_domain::Tenant;
use nexushr_platform::ApiKeys;
use nexushr_proto::catalog::v1::{self as cpb, role_catalog_server::RoleCatalog};
use nexushr_proto::questions::v1::{self as qpb, question_generation_server::QuestionGeneration};
use nexushr_proto::resumes::v1::{self as rpb, resume_ingestion_server::ResumeIngestion};
use nexushr_question_generation::convert::{loop_stage_from, loop_stage_to};
use nexushr_question_generation::engine::LoopStage;
use nexushr_question_generation::service::QuestionService;
use nexushr_resume_ingestion::ResumeService;
use nexushr_role_catalog::CatalogService;
use serde_json::{Value, json};
use tonic::{Code, Status};

const DASHBOARD: &str = include_str!("dashboard.html");
const OPENAPI: &str = include_str!("openapi.json");

/// Requests by route and status, with their total seconds, and upload outcomes.
#[derive(Default)]
struct Metrics {
    requests: Mutex<BTreeMap<(String, u16), (u64, f64)>>,
    uploads: Mutex<BTreeMap<String, u64>>,
}

pub(crate) struct Gateway {
    pub(crate) roles: Arc<dyn RoleStore>,
    /// Role changes go through the catalog's service (validation, events, the search index).
    pub(crate) catalog: CatalogService,
    pub(crate) resumes: ResumeService,
    pub(crate) questions: QuestionService,
    pub(crate) keys: ApiKeys,
    pub(crate) pool: sqlx::AnyPool,
    pub(crate) max_upload_bytes: usize,
    metrics: Metrics,
}

impl Gateway {
    pub(crate) fn new(
        roles: Arc<dyn RoleStore>,
        catalog: CatalogService,
        resumes: ResumeService,
        questions: QuestionService,
        keys: ApiKeys,
        pool: sqlx::AnyPool,
        max_upload_bytes: usize,
    ) -> Self {
        Self { roles, catalog, resumes, questions, keys, pool, max_upload_bytes, metrics: Metrics::default() }
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
            Code::DeadlineExceeded => StatusCode::GATEWAY_TIMEOUT,
            Code::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let body = json!({ "code": format!("{:?}", self.0.code()), "message": self.0.message() });
        (status, Json(body)).into_response()
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

fn tenant(gw: &Gateway, headers: &HeaderMap) -> Result<Tenant, ApiError> {
    Ok(gw.keys.authenticate(&tonic::metadata::MetadataMap::from_headers(headers.clone()))?)
}

/// A request to a service as the gRPC interceptor would hand it over.
pub(crate) fn as_tenant<T>(tenant: &Tenant, message: T) -> tonic::Request<T> {
    let mut req = tonic::Request::new(message);
    req.extensions_mut().insert(tenant.clone());
    req
}

pub(crate) fn router(gw: Shared) -> Router {
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
        .layer(axum::middleware::from_fn_with_state(gw.clone(), record))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(gw)
}

/// Counts every request by route and status, with its latency.
async fn record(State(gw): State<Shared>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |p| p.as_str().to_string());
    let started = Instant::now();
    let response = next.run(req).await;
    let took = started.elapsed().as_secs_f64();
    nexushr_metrics::global()
        .histogram(
            "nexushr_http_request_duration_seconds",
            "HTTP gateway latency in seconds, by route.",
            &[("route", &route)],
        )
        .observe(took);
    let mut requests = gw.metrics.requests.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let entry = requests.entry((route, response.status().as_u16())).or_default();
    entry.0 += 1;
    entry.1 += took;
    response
}

async fn metrics(State(gw): State<Shared>) -> Response {
    let mut out = String::new();
    out.push_str("# HELP nexushr_http_requests_total HTTP requests by route and status.\n# TYPE nexushr_http_requests_total counter\n");
    let requests = gw.metrics.requests.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone();
    for ((route, status), (count, _)) in &requests {
        out.push_str(&format!(
            "nexushr_http_requests_total{{route=\"{route}\",status=\"{status}\"}} {count}\n"
        ));
    }
    out.push_str("# HELP nexushr_http_request_seconds_sum Seconds spent answering, by route.\n# TYPE nexushr_http_request_seconds_sum counter\n");
    for ((route, status), (_, seconds)) in &requests {
        out.push_str(&format!(
            "nexushr_http_request_seconds_sum{{route=\"{route}\",status=\"{status}\"}} {seconds:.6}\n"
        ));
    }
    out.push_str("# HELP nexushr_resume_uploads_total Uploads by parse outcome.\n# TYPE nexushr_resume_uploads_total counter\n");
    for (outcome, count) in
        gw.metrics.uploads.lock().unwrap_or_else(std::sync::PoisonError::into_inner).iter()
    {
        out.push_str(&format!("nexushr_resume_uploads_total{{outcome=\"{outcome}\"}} {count}\n"));
    }
    // Event lag: rows the relay (or the in-process consumers' compaction) has not moved yet.
    let pending: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE topic NOT LIKE '%.dlq'")
        .fetch_one(&gw.pool)
        .await
        .unwrap_or(-1);
    let dead: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE topic LIKE '%.dlq'")
        .fetch_one(&gw.pool)
        .await
        .unwrap_or(-1);
    out.push_str(&format!(
        "# HELP nexushr_outbox_events Events in the outbox log not yet compacted or relayed.\n# TYPE nexushr_outbox_events gauge\nnexushr_outbox_events {pending}\n\
         # HELP nexushr_dead_letters Events that went to a dead-letter topic.\n# TYPE nexushr_dead_letters gauge\nnexushr_dead_letters {dead}\n"
    ));
    // The gRPC servers, event consumers and relays of this process.
    out.push_str(&nexushr_platform::metrics::render());
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], out).into_response()
}

#[derive(serde::Deserialize)]
struct RoleQuery {
    q: Option<String>,
    limit: Option<usize>,
}

async fn list_roles(State(gw): State<Shared>, headers: HeaderMap, Query(q): Query<RoleQuery>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let limit = q.limit.unwrap_or(50).clamp(1, 200);
    let store_error = |e: nexushr_catalog_store::StoreError| {
        tracing::error!(error = %e, "role store failed");
        ApiError(Status::internal("the role store failed"))
    };
    let roles: Vec<Value> = match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(text) => {
            if text.chars().count() > 200 {
                return Err(nexushr_platform::invalid_argument("q", "longer than 200 characters").into());
            }
            let terms: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
            gw.roles
                .search(&tenant.id, &terms, limit)
                .await
                .map_err(store_error)?
                .into_iter()
                .map(|h| summary(&h.role))
                .collect()
        }
        None => {
            let page = PageSpec { size: limit, after: None };
            gw.roles
                .list(&tenant.id, &RoleFilter::default(), &page)
                .await
                .map_err(store_error)?
                .0
                .iter()
                .map(summary)
                .collect()
        }
    };
    Ok(Json(json!({ "roles": roles })))
}

fn summary(role: &nexushr_domain::Role) -> Value {
    json!({ "slug": role.spec.slug, "title": role.spec.title, "category": role.spec.category, "summary": role.spec.summary })
}

async fn get_role(State(gw): State<Shared>, headers: HeaderMap, Path(slug): Path<String>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    Ok(Json(with_etag(&role_by_slug(&gw, &tenant, &slug).await?)))
}

#[derive(serde::Deserialize)]
struct NewRole {
    #[serde(flatten)]
    spec: nexushr_domain::RoleSpec,
    /// private (the default: seen only by the caller's tenant) or global (admin keys only).
    #[serde(default)]
    visibility: String,
}

/// A role as the catalog answered it, in the JSON `GET /v1/roles/{slug}` gives.
fn role_json(wire: &cpb::Role) -> ApiResult {
    let role = role_from(wire)
        .map_err(|e| Status::internal(format!("the catalog answered a bad role: {}", e.reason)))?;
    Ok(Json(with_etag(&role)))
}

/// A role as JSON with its etag, which `If-Match` sends back to change or delete it.
fn with_etag(role: &nexushr_domain::Role) -> Value {
    let mut json = serde_json::to_value(role).unwrap_or(Value::Null);
    if let Value::Object(fields) = &mut json {
        fields.insert("etag".into(), Value::String(role.etag()));
    }
    json
}

/// The role `slug` as the caller sees it, or NOT_FOUND.
async fn role_by_slug(gw: &Gateway, tenant: &Tenant, slug: &str) -> Result<nexushr_domain::Role, ApiError> {
    match gw.roles.get_by_slug(&tenant.id, slug).await {
        Ok(Some(role)) => Ok(role),
        Ok(None) => Err(Status::not_found(format!("role {slug}")).into()),
        Err(e) => {
            tracing::error!(error = %e, "role store failed");
            Err(Status::internal("the role store failed").into())
        }
    }
}

/// Creates a role (private to the caller's tenant unless `visibility` is global).
async fn create_role(State(gw): State<Shared>, headers: HeaderMap, Json(body): Json<NewRole>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let mut wire = role_to(&nexushr_domain::Role::new(body.spec, None, chrono::Utc::now()), "en");
    wire.id.clear();
    wire.visibility = match body.visibility.as_str() {
        "" | "private" => cpb::Visibility::Private as i32,
        "global" => cpb::Visibility::Global as i32,
        _ => return Err(nexushr_platform::invalid_argument("visibility", "private or global").into()),
    };
    let req = cpb::CreateRoleRequest { role: Some(wire) };
    role_json(&gw.catalog.create_role(as_tenant(&tenant, req)).await?.into_inner())
}

/// Changes the fields the body names (a JSON object of role fields); with `If-Match: ETAG`, only
/// if the role is still at that version.
async fn update_role(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Json(body): Json<serde_json::Map<String, Value>>,
) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let current = role_by_slug(&gw, &tenant, &slug).await?;
    let patch: nexushr_domain::RoleSpec = serde_json::from_value(Value::Object(body.clone()))
        .map_err(|e| nexushr_platform::invalid_argument("body", &e.to_string()))?;
    let mut wire = role_to(&nexushr_domain::Role { spec: patch, ..current.clone() }, "en");
    wire.etag = match headers.get(header::IF_MATCH).map(|v| v.to_str()) {
        Some(Ok(etag)) => etag.to_string(),
        Some(Err(_)) => return Err(nexushr_platform::invalid_argument("If-Match", "is not ASCII").into()),
        None => current.etag(),
    };
    let req = cpb::UpdateRoleRequest {
        role: Some(wire),
        update_mask: Some(prost_types::FieldMask { paths: body.keys().cloned().collect() }),
    };
    role_json(&gw.catalog.update_role(as_tenant(&tenant, req)).await?.into_inner())
}

/// Deletes a role the caller may write; with `If-Match: ETAG`, only at that version.
async fn delete_role(State(gw): State<Shared>, headers: HeaderMap, Path(slug): Path<String>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let current = role_by_slug(&gw, &tenant, &slug).await?;
    let etag = match headers.get(header::IF_MATCH).map(|v| v.to_str()) {
        Some(Ok(etag)) => etag.to_string(),
        Some(Err(_)) => return Err(nexushr_platform::invalid_argument("If-Match", "is not ASCII").into()),
        None => String::new(),
    };
    let req = cpb::DeleteRoleRequest { id: current.id, etag };
    gw.catalog.delete_role(as_tenant(&tenant, req)).await?;
    Ok(Json(json!({ "deleted": true })))
}

#[derive(serde::Deserialize)]
struct UploadQuery {
    file_name: Option<String>,
    candidate: Option<String>,
    idempotency_key: Option<String>,
}

/// The stored resume and its parse (fields with their confidences).
async fn resume_view(gw: &Gateway, resume: &rpb::Resume) -> Value {
    let file =
        gw.resumes.store().file(&resume.tenant_id, &resume.id).await.ok().flatten().unwrap_or_default();
    let parse = gw.resumes.parse(Arc::new(file)).await.ok();
    json!({
        "id": resume.id,
        "file_name": resume.file_name,
        "external_candidate_id": resume.external_candidate_id,
        "size_bytes": resume.size_bytes,
        "sha256": resume.sha256,
        "parse": parse.map(|p| serde_json::to_value(&p).unwrap_or(Value::Null)),
    })
}

async fn upload(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Query(q): Query<UploadQuery>,
    body: Bytes,
) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
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
    let result = gw.resumes.ingest(tenant.id.as_str(), &meta, body.to_vec()).await;
    let outcome = match &result {
        Ok(_) => "stored".to_string(),
        Err(s) => format!("{:?}", s.code()),
    };
    *gw.metrics
        .uploads
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .entry(outcome)
        .or_default() += 1;
    Ok(Json(resume_view(&gw, &result?).await))
}

async fn get_resume(State(gw): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let resume = gw.resumes.get_resume(as_tenant(&tenant, rpb::GetResumeRequest { id })).await?.into_inner();
    Ok(Json(resume_view(&gw, &resume).await))
}

/// Erases every resume of an ATS candidate; the body is the erasure receipt.
async fn erase_candidate(State(gw): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let req = rpb::EraseCandidateRequest { external_candidate_id: id };
    let r = gw.resumes.erase_candidate(as_tenant(&tenant, req)).await?.into_inner();
    Ok(Json(json!({
        "external_candidate_id": r.external_candidate_id,
        "resume_ids": r.resume_ids,
        "removed": r.removed.iter().map(|e| json!({ "store": e.store, "what": e.what, "count": e.count })).collect::<Vec<_>>(),
        "erased_at": r.erased_at.map(|t| t.seconds),
        "pending": r.pending,
    })))
}

async fn delete_resume(State(gw): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    gw.resumes.delete_resume(as_tenant(&tenant, rpb::DeleteResumeRequest { id })).await?;
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
    let tenant = tenant(&gw, &headers)?;
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
    let kit = gw.questions.generate(as_tenant(&tenant, req)).await?.into_inner();
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
    let tenant = tenant(&gw, &headers)?;
    let req = qpb::ListKitsRequest {
        page: Some(q.page()),
        role_slug: q.role.clone(),
        resume_id: q.resume_id.clone(),
    };
    let listed = gw.questions.list_kits(as_tenant(&tenant, req)).await?.into_inner();
    Ok(Json(json!({
        "kits": listed.kits.iter().map(kit_json).collect::<Vec<_>>(),
        "next_page_token": listed.page.map(|p| p.next_page_token).unwrap_or_default(),
    })))
}

/// The caller's resumes, newest first, a page at a time: what was stored, not the parse.
async fn list_resumes(State(gw): State<Shared>, headers: HeaderMap, Query(q): Query<PageQuery>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let req = rpb::ListResumesRequest { page: Some(q.page()), external_candidate_id: q.candidate.clone() };
    let listed = gw.resumes.list_resumes(as_tenant(&tenant, req)).await?.into_inner();
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
    let tenant = tenant(&gw, &headers)?;
    let req = qpb::RecordFeedbackRequest {
        kit_id,
        question_id: body.question_id,
        asked: body.asked,
        rating: body.rating,
        outcome: named(&body.outcome, &OUTCOMES),
        interviewer_id: body.interviewer_id,
    };
    gw.questions.record_feedback(as_tenant(&tenant, req)).await?;
    Ok(Json(json!({ "recorded": true })))
}

async fn get_kit(State(gw): State<Shared>, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let kit = gw.questions.get_kit(as_tenant(&tenant, qpb::GetKitRequest { id })).await?.into_inner();
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
    let tenant = tenant(&gw, &headers)?;
    let req = qpb::RecordScorecardRequest {
        kit_id,
        interviewer_id: body.interviewer_id,
        scores: body
            .scores
            .into_iter()
            .map(|s| qpb::QuestionScore { question_id: s.question_id, score: s.score, notes: s.notes })
            .collect(),
    };
    let done = gw.questions.record_scorecard(as_tenant(&tenant, req)).await?.into_inner();
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
    let tenant = tenant(&gw, &headers)?;
    let req = qpb::RecordOutcomeRequest { kit_id, outcome: named(&body.outcome, &OUTCOMES) };
    gw.questions.record_outcome(as_tenant(&tenant, req)).await?;
    Ok(Json(json!({ "outcome": body.outcome })))
}

async fn get_calibration(
    State(gw): State<Shared>,
    headers: HeaderMap,
    Path(role): Path<String>,
) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let report =
        gw.questions.get_calibration(as_tenant(&tenant, qpb::GetCalibrationRequest { role })).await?;
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
    let tenant = tenant(&gw, &headers)?;
    let s = gw.questions.get_learning_sharing(as_tenant(&tenant, qpb::GetLearningSharingRequest {})).await?;
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
    let tenant = tenant(&gw, &headers)?;
    let req = qpb::SetLearningSharingRequest { share: body.share };
    let s = gw.questions.set_learning_sharing(as_tenant(&tenant, req)).await?;
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

/// A loop stage's name (`system-design`), from its wire value; empty for none.
fn stage_name(stage: i32) -> &'static str {
    qpb::LoopStage::try_from(stage).ok().and_then(loop_stage_from).map_or("", LoopStage::as_str)
}

async fn plan_loop(State(gw): State<Shared>, headers: HeaderMap, Json(body): Json<LoopBody>) -> ApiResult {
    let tenant = tenant(&gw, &headers)?;
    let mut stages = Vec::with_capacity(body.stages.len());
    for name in &body.stages {
        // An unknown name reaches the service as an unknown enum value: INVALID_ARGUMENT there.
        let stage = LoopStage::ALL.into_iter().find(|s| s.as_str() == name);
        stages.push(stage.map_or(99, |s| loop_stage_to(s) as i32));
    }
    let req = qpb::PlanLoopRequest {
        role: body.role,
        candidate: Some(qpb::plan_loop_request::Candidate::ResumeId(body.resume_id)),
        stages,
        language: body.language,
        ..Default::default()
    };
    let planned = gw.questions.plan_loop(as_tenant(&tenant, req)).await?.into_inner();
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
