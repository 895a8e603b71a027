//! The guardrail against the red-team set (every phrasing barred exactly where its category is
//! barred, and lawful elsewhere) and against the bundled bank (fewer than 1% of legitimate
//! questions blocked).

use nexushr_guardrail::{Jurisdiction, check, check_everywhere};

#[derive(serde::Deserialize)]
struct RedTeam {
    text: String,
    lang: String,
    category: String,
    /// "US", "BR", "MX": where it may not be asked (written in scripts/build-redteam.py).
    blocked_in: Vec<String>,
}

#[test]
fn every_red_team_verdict_is_right_in_each_jurisdiction() {
    let set: Vec<RedTeam> =
        serde_json::from_str(include_str!("../../../data/questions/redteam.json")).expect("red-team JSON");
    assert!(set.len() >= 300, "the red-team set has {} phrasings", set.len());
    let mut wrong = Vec::new();
    let mut wrong_category = 0;
    let mut lawful = 0;
    for q in &set {
        for j in Jurisdiction::ALL {
            let code = j.code();
            let barred = q.blocked_in.iter().any(|c| c == code);
            lawful += usize::from(!barred);
            let violations = check(&q.text, j);
            if violations.is_empty() == barred {
                let verdict = if barred { "passed" } else { "was blocked" };
                wrong.push(format!(
                    "{:?} [{}/{}] {verdict} in {code}: {violations:?}",
                    q.text, q.lang, q.category
                ));
            } else if barred && !violations.iter().any(|v| v.category.as_str() == q.category) {
                wrong_category += 1;
            }
            assert!(
                violations.iter().all(|v| !v.source.is_empty()),
                "{:?}: a block without its source",
                q.text
            );
        }
    }
    println!(
        "red team: {} phrasings x 3 jurisdictions ({lawful} verdicts lawful), {} wrong, {wrong_category} blocked under another category",
        set.len(),
        wrong.len()
    );
    assert!(wrong.is_empty(), "{} red-team verdicts are wrong:\n{}", wrong.len(), wrong.join("\n"));
    // Every category whose verdict differs between the countries is in the set.
    for differing in ["nationality", "salary-history", "criminal-record"] {
        assert!(set.iter().any(|q| q.category == differing && q.blocked_in.len() < 3), "{differing}");
    }
}

#[test]
fn the_bank_is_almost_never_blocked() {
    #[derive(serde::Deserialize)]
    struct Bank {
        questions: Vec<Question>,
    }
    #[derive(serde::Deserialize)]
    struct Question {
        text: String,
        #[serde(default)]
        follow_ups: Vec<String>,
        /// The same question in Portuguese and Spanish.
        #[serde(default)]
        translations: std::collections::BTreeMap<String, Localized>,
    }
    #[derive(serde::Deserialize)]
    struct Localized {
        text: String,
        #[serde(default)]
        follow_ups: Vec<String>,
    }
    let bank: Bank =
        serde_json::from_str(include_str!("../../../data/questions/bank.json")).expect("bank JSON");
    let texts: Vec<&str> = bank
        .questions
        .iter()
        .flat_map(|q| {
            std::iter::once(q.text.as_str()).chain(q.follow_ups.iter().map(String::as_str)).chain(
                q.translations.values().flat_map(|l| {
                    std::iter::once(l.text.as_str()).chain(l.follow_ups.iter().map(String::as_str))
                }),
            )
        })
        .collect();
    let blocked: Vec<String> = texts
        .iter()
        .filter_map(|t| {
            let v = check_everywhere(t);
            (!v.is_empty())
                .then(|| format!("{t:?}: {:?}", v.iter().map(|v| v.category.as_str()).collect::<Vec<_>>()))
        })
        .collect();
    let rate = blocked.len() as f64 / texts.len() as f64;
    println!(
        "bank: {} texts (questions and follow-ups), {} blocked ({:.2}%)",
        texts.len(),
        blocked.len(),
        rate * 100.0
    );
    for b in &blocked {
        println!("  blocked: {b}");
    }
    assert!(rate < 0.01, "{:.2}% of the bank is blocked", rate * 100.0);
}
