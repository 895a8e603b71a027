//! `nexushr roles …`: the catalog for people, read straight from the configured store.

use clap::Subcommand;
use nexushr_catalog_store::{PageSpec, RoleFilter, RoleStore};
use nexushr_domain::{Locale, PayPeriod, Role, TenantId};
use nexushr_platform::Settings;

#[derive(Subcommand)]
pub(crate) enum RolesCommand {
    /// List roles, optionally filtered.
    List {
        #[arg(long, default_value = "")]
        category: String,
        #[arg(long, default_value = "")]
        skill: String,
        /// ISO 3166-1 alpha-2: only roles with salary data there.
        #[arg(long, default_value = "")]
        country: String,
        #[arg(long, default_value_t = 100)]
        limit: usize,
    },
    /// Show one role by slug.
    Get {
        slug: String,
        /// en, pt-BR, es-MX, …
        #[arg(long, default_value = "en")]
        locale: String,
        /// Print the role as JSON.
        #[arg(long)]
        json: bool,
    },
}

pub(crate) async fn run(
    store: &dyn RoleStore,
    settings: &Settings,
    command: RolesCommand,
) -> anyhow::Result<()> {
    let viewer = TenantId::parse(settings.default_tenant.clone())?;
    match command {
        RolesCommand::List { category, skill, country, limit } => {
            let filter = RoleFilter { category, skill, country: country.to_uppercase() };
            let mut page = PageSpec::parse(Some(limit.clamp(1, 500) as i64), "", 0)?;
            let mut shown = 0;
            println!("{:<44} {:<44} {:<28} SALARY DATA", "SLUG", "TITLE", "CATEGORY");
            while shown < limit {
                let (roles, next) = store.list(&viewer, &filter, &page).await?;
                for r in roles.iter().take(limit - shown) {
                    println!(
                        "{:<44} {:<44} {:<28} {}",
                        r.spec.slug,
                        r.spec.title,
                        r.spec.category,
                        r.countries().join(",")
                    );
                    shown += 1;
                }
                match next {
                    Some(cursor) => page.after = Some(cursor),
                    None => break,
                }
            }
            println!("{shown} roles");
        }
        RolesCommand::Get { slug, locale, json } => {
            let role = store
                .get_by_slug(&viewer, &slug)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no role with slug {slug:?}: try `nexushr roles list`"))?;
            let (role, _) = role.localized(&Locale::parse(&locale)?);
            if json {
                println!("{}", serde_json::to_string_pretty(&role)?);
            } else {
                print_role(&role);
            }
        }
    }
    Ok(())
}

fn money(minor: i64) -> String {
    let units = minor / 100;
    let s = units.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn print_role(role: &Role) {
    let s = &role.spec;
    println!("{}  ({}, {:?} demand)", s.title, s.category, s.demand);
    println!("{}\n", s.summary);
    let ids = &s.standard_ids;
    println!("O*NET-SOC {}  ISCO-08 {}  ESCO {}", ids.onet_soc, ids.isco08, ids.esco_uri);
    println!("\nSalaries");
    for b in &s.salary_bands {
        let period = match b.period {
            PayPeriod::Hour => "hour",
            PayPeriod::Month => "month",
            PayPeriod::Year => "year",
        };
        let median = b.p50_minor.map(|m| format!(", median {}", money(m))).unwrap_or_default();
        println!(
            "  {} {} {}–{} a {period}{median} (as of {}, {})",
            b.country,
            b.currency,
            money(b.min_minor),
            money(b.max_minor),
            b.as_of,
            b.source
        );
    }
    let section = |title: &str, items: &[String]| {
        if !items.is_empty() {
            println!("\n{title}");
            for i in items {
                println!("  • {i}");
            }
        }
    };
    section("Key responsibilities", &s.responsibilities);
    section("Requirements", &s.requirements);
    if !s.day_in_the_life.is_empty() {
        println!("\nDay in the life\n  {}", s.day_in_the_life);
    }
    let ladder: Vec<String> = s.career_path.iter().map(|l| l.title.clone()).collect();
    if !ladder.is_empty() {
        println!("\nCareer path\n  {}", ladder.join(" → "));
    }
    if !s.top_tools.is_empty() {
        println!("\nTop tools\n  {}", s.top_tools.join(", "));
    }
    // The skills a kit cites as "Key skill: ..." are on the page: essential first.
    let (essential, optional): (Vec<_>, Vec<_>) = s.skills.iter().partition(|k| k.essential);
    let names = |ks: &[&nexushr_domain::role::Skill]| {
        ks.iter().map(|k| k.name.as_str()).collect::<Vec<_>>().join(", ")
    };
    if !essential.is_empty() {
        println!("\nKey skills\n  {}", names(&essential));
    }
    if !optional.is_empty() {
        println!("\nAlso valued\n  {}", names(&optional));
    }
    section("Interview questions", &s.interview_questions);
    if !s.faq.is_empty() {
        println!("\nFAQ");
        for f in &s.faq {
            println!("  Q: {}\n  A: {}", f.question, f.answer);
        }
    }
}
