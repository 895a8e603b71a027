//! Conversions between the wire types of `nexushr.catalog.v1` and the domain, validating on the
//! way in: bad input becomes a `ValidationError` naming the field. The catalog converts at its
//! gRPC edge; consumers of `RoleChanged` (question generation's copy of the catalog) read the
//! role the event carries with [`role_from`].

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use nexushr_domain::{
    CareerLevel, Demand, Faq, LocalizedText, PayPeriod, Role, RoleSpec, SalaryBand, Seniority, Skill,
    SkillKind, StandardIds, TenantId, ValidationError,
};
use nexushr_proto::catalog::v1 as pb;
use nexushr_proto::common::v1 as common;

fn enum_value<T>(field: &str, raw: i32, decode: impl Fn(i32) -> Option<T>) -> Result<T, ValidationError> {
    decode(raw).ok_or_else(|| ValidationError::new(field, format!("unknown enum value {raw}")))
}

fn demand_from(field: &str, raw: i32) -> Result<Demand, ValidationError> {
    Ok(match enum_value(field, raw, |v| pb::DemandLevel::try_from(v).ok())? {
        pb::DemandLevel::Unspecified => Demand::Unspecified,
        pb::DemandLevel::Low => Demand::Low,
        pb::DemandLevel::Moderate => Demand::Moderate,
        pb::DemandLevel::High => Demand::High,
        pb::DemandLevel::VeryHigh => Demand::VeryHigh,
    })
}

fn demand_to(d: Demand) -> pb::DemandLevel {
    match d {
        Demand::Unspecified => pb::DemandLevel::Unspecified,
        Demand::Low => pb::DemandLevel::Low,
        Demand::Moderate => pb::DemandLevel::Moderate,
        Demand::High => pb::DemandLevel::High,
        Demand::VeryHigh => pb::DemandLevel::VeryHigh,
    }
}

fn skill_kind_from(field: &str, raw: i32) -> Result<SkillKind, ValidationError> {
    Ok(match enum_value(field, raw, |v| pb::SkillKind::try_from(v).ok())? {
        pb::SkillKind::Unspecified | pb::SkillKind::Skill => SkillKind::Skill,
        pb::SkillKind::Knowledge => SkillKind::Knowledge,
        pb::SkillKind::Tool => SkillKind::Tool,
        pb::SkillKind::Language => SkillKind::Language,
    })
}

fn skill_kind_to(k: SkillKind) -> pb::SkillKind {
    match k {
        SkillKind::Skill => pb::SkillKind::Skill,
        SkillKind::Knowledge => pb::SkillKind::Knowledge,
        SkillKind::Tool => pb::SkillKind::Tool,
        SkillKind::Language => pb::SkillKind::Language,
    }
}

pub fn seniority_from(field: &str, raw: i32) -> Result<Seniority, ValidationError> {
    use common::Seniority as S;
    Ok(match enum_value(field, raw, |v| S::try_from(v).ok())? {
        S::Unspecified => Seniority::Unspecified,
        S::Intern => Seniority::Intern,
        S::Junior => Seniority::Junior,
        S::Mid => Seniority::Mid,
        S::Senior => Seniority::Senior,
        S::Staff => Seniority::Staff,
        S::Principal => Seniority::Principal,
        S::Manager => Seniority::Manager,
        S::Executive => Seniority::Executive,
    })
}

pub fn seniority_to(s: Seniority) -> common::Seniority {
    use common::Seniority as S;
    match s {
        Seniority::Unspecified => S::Unspecified,
        Seniority::Intern => S::Intern,
        Seniority::Junior => S::Junior,
        Seniority::Mid => S::Mid,
        Seniority::Senior => S::Senior,
        Seniority::Staff => S::Staff,
        Seniority::Principal => S::Principal,
        Seniority::Manager => S::Manager,
        Seniority::Executive => S::Executive,
    }
}

fn period_from(field: &str, raw: i32) -> Result<PayPeriod, ValidationError> {
    match enum_value(field, raw, |v| pb::PayPeriod::try_from(v).ok())? {
        pb::PayPeriod::Unspecified => Err(ValidationError::new(field, "must be HOUR, MONTH or YEAR")),
        pb::PayPeriod::Hour => Ok(PayPeriod::Hour),
        pb::PayPeriod::Month => Ok(PayPeriod::Month),
        pb::PayPeriod::Year => Ok(PayPeriod::Year),
    }
}

fn period_to(p: PayPeriod) -> pb::PayPeriod {
    match p {
        PayPeriod::Hour => pb::PayPeriod::Hour,
        PayPeriod::Month => pb::PayPeriod::Month,
        PayPeriod::Year => pb::PayPeriod::Year,
    }
}

fn date_from(field: &str, d: Option<&common::Date>) -> Result<NaiveDate, ValidationError> {
    let d = d.ok_or_else(|| ValidationError::new(field, "is required"))?;
    let (m, day) = (u32::try_from(d.month).unwrap_or(0), u32::try_from(d.day).unwrap_or(0));
    NaiveDate::from_ymd_opt(d.year, m, day.max(1))
        .filter(|_| (1900..=2200).contains(&d.year))
        .ok_or_else(|| ValidationError::new(field, format!("{}-{}-{} is not a date", d.year, d.month, d.day)))
}

fn date_to(d: NaiveDate) -> common::Date {
    common::Date { year: d.year(), month: d.month() as i32, day: d.day() as i32 }
}

pub fn timestamp(t: DateTime<Utc>) -> prost_types::Timestamp {
    prost_types::Timestamp { seconds: t.timestamp(), nanos: t.timestamp_subsec_nanos() as i32 }
}

fn band_from(i: usize, b: &pb::SalaryBand) -> Result<SalaryBand, ValidationError> {
    let f = format!("role.salary_bands[{i}]");
    Ok(SalaryBand {
        country: b.country.clone(),
        currency: b.currency.clone(),
        min_minor: b.min_minor,
        max_minor: b.max_minor,
        p10_minor: b.p10_minor,
        p25_minor: b.p25_minor,
        p50_minor: b.p50_minor,
        p75_minor: b.p75_minor,
        p90_minor: b.p90_minor,
        period: period_from(&format!("{f}.period"), b.period)?,
        as_of: date_from(&format!("{f}.as_of"), b.as_of.as_ref())?,
        source: b.source.clone(),
    })
}

fn faq_from(f: &pb::Faq) -> Faq {
    Faq { question: f.question.clone(), answer: f.answer.clone() }
}

fn faq_to(f: &Faq) -> pb::Faq {
    pb::Faq { question: f.question.clone(), answer: f.answer.clone() }
}

/// The client-settable part of a wire role, checked field by field (not yet `validate`d).
pub fn spec_from(r: &pb::Role) -> Result<RoleSpec, ValidationError> {
    let skills = r
        .skills
        .iter()
        .enumerate()
        .map(|(i, s)| {
            Ok(Skill {
                name: s.name.clone(),
                taxonomy_id: s.taxonomy_id.clone(),
                kind: skill_kind_from(&format!("role.skills[{i}].kind"), s.kind)?,
                essential: s.essential,
            })
        })
        .collect::<Result<_, ValidationError>>()?;
    let career_path = r
        .career_path
        .iter()
        .enumerate()
        .map(|(i, l)| {
            Ok(CareerLevel {
                order: l.order,
                title: l.title.clone(),
                role_slug: Some(l.role_slug.clone()).filter(|s| !s.is_empty()),
                seniority: seniority_from(&format!("role.career_path[{i}].seniority"), l.seniority)?,
            })
        })
        .collect::<Result<_, ValidationError>>()?;
    let salary_bands = r
        .salary_bands
        .iter()
        .enumerate()
        .map(|(i, b)| band_from(i, b))
        .collect::<Result<_, ValidationError>>()?;
    let ids = r.standard_ids.clone().unwrap_or_default();
    Ok(RoleSpec {
        slug: r.slug.clone(),
        title: r.title.clone(),
        category: r.category.clone(),
        demand: demand_from("role.demand", r.demand)?,
        summary: r.summary.clone(),
        responsibilities: r.responsibilities.clone(),
        requirements: r.requirements.clone(),
        skills,
        day_in_the_life: r.day_in_the_life.clone(),
        career_path,
        top_tools: r.top_tools.clone(),
        faq: r.faq.iter().map(faq_from).collect(),
        interview_questions: r.interview_questions.clone(),
        standard_ids: StandardIds { onet_soc: ids.onet_soc, isco08: ids.isco08, esco_uri: ids.esco_uri },
        salary_bands,
        localized: r
            .localized
            .iter()
            .map(|(tag, t)| {
                (
                    tag.clone(),
                    LocalizedText {
                        title: t.title.clone(),
                        summary: t.summary.clone(),
                        responsibilities: t.responsibilities.clone(),
                        requirements: t.requirements.clone(),
                        day_in_the_life: t.day_in_the_life.clone(),
                        faq: t.faq.iter().map(faq_from).collect(),
                        interview_questions: t.interview_questions.clone(),
                        career_path_titles: t.career_path_titles.clone(),
                    },
                )
            })
            .collect(),
    })
}

/// A stored role on the wire; `locale` is the locale its text is in.
pub fn role_to(role: &Role, locale: &str) -> pb::Role {
    let s = &role.spec;
    pb::Role {
        id: role.id.clone(),
        slug: s.slug.clone(),
        title: s.title.clone(),
        category: s.category.clone(),
        demand: demand_to(s.demand) as i32,
        summary: s.summary.clone(),
        responsibilities: s.responsibilities.clone(),
        requirements: s.requirements.clone(),
        skills: s
            .skills
            .iter()
            .map(|k| pb::Skill {
                name: k.name.clone(),
                taxonomy_id: k.taxonomy_id.clone(),
                kind: skill_kind_to(k.kind) as i32,
                essential: k.essential,
            })
            .collect(),
        day_in_the_life: s.day_in_the_life.clone(),
        career_path: s
            .career_path
            .iter()
            .map(|l| pb::CareerLevel {
                order: l.order,
                title: l.title.clone(),
                role_slug: l.role_slug.clone().unwrap_or_default(),
                seniority: seniority_to(l.seniority) as i32,
            })
            .collect(),
        top_tools: s.top_tools.clone(),
        faq: s.faq.iter().map(faq_to).collect(),
        interview_questions: s.interview_questions.clone(),
        standard_ids: Some(pb::StandardIds {
            onet_soc: s.standard_ids.onet_soc.clone(),
            isco08: s.standard_ids.isco08.clone(),
            esco_uri: s.standard_ids.esco_uri.clone(),
        }),
        salary_bands: s
            .salary_bands
            .iter()
            .map(|b| pb::SalaryBand {
                country: b.country.clone(),
                currency: b.currency.clone(),
                min_minor: b.min_minor,
                max_minor: b.max_minor,
                p10_minor: b.p10_minor,
                p25_minor: b.p25_minor,
                p50_minor: b.p50_minor,
                p75_minor: b.p75_minor,
                p90_minor: b.p90_minor,
                period: period_to(b.period) as i32,
                as_of: Some(date_to(b.as_of)),
                source: b.source.clone(),
            })
            .collect(),
        localized: s
            .localized
            .iter()
            .map(|(tag, t)| {
                (
                    tag.clone(),
                    pb::LocalizedText {
                        title: t.title.clone(),
                        summary: t.summary.clone(),
                        responsibilities: t.responsibilities.clone(),
                        requirements: t.requirements.clone(),
                        day_in_the_life: t.day_in_the_life.clone(),
                        faq: t.faq.iter().map(faq_to).collect(),
                        interview_questions: t.interview_questions.clone(),
                        career_path_titles: t.career_path_titles.clone(),
                    },
                )
            })
            .collect(),
        visibility: if role.tenant.is_some() { pb::Visibility::Private } else { pb::Visibility::Global }
            as i32,
        tenant_id: role.tenant.as_ref().map(|t| t.to_string()).unwrap_or_default(),
        version: role.version,
        etag: role.etag(),
        create_time: Some(timestamp(role.created_at)),
        update_time: Some(timestamp(role.updated_at)),
        locale: locale.to_string(),
    }
}

fn time_from(field: &str, t: Option<&prost_types::Timestamp>) -> Result<DateTime<Utc>, ValidationError> {
    let t = t.ok_or_else(|| ValidationError::new(field, "is required"))?;
    DateTime::from_timestamp(t.seconds, t.nanos.max(0) as u32)
        .ok_or_else(|| ValidationError::new(field, "is out of range"))
}

/// A stored role read back from the wire (the body a `RoleChanged` event carries): the spec
/// as [`spec_from`] reads it plus the server-assigned id, owner, version and timestamps.
pub fn role_from(r: &pb::Role) -> Result<Role, ValidationError> {
    if r.id.is_empty() {
        return Err(ValidationError::new("role.id", "is required"));
    }
    let tenant = match r.tenant_id.as_str() {
        "" => None,
        t => Some(
            TenantId::parse(t).map_err(|_| ValidationError::new("role.tenant_id", "is not a tenant id"))?,
        ),
    };
    Ok(Role {
        id: r.id.clone(),
        tenant,
        spec: spec_from(r)?,
        version: r.version,
        created_at: time_from("role.create_time", r.create_time.as_ref())?,
        updated_at: time_from("role.update_time", r.update_time.as_ref())?,
    })
}
