//! The guardrail against the red-team set (every phrasing blocked, in every jurisdiction) and
//! against the bundled bank (fewer than 1% of legitimate questions blocked).

use nexushr_guardrail::{Jurisdiction, check, check_everywhere};

#[derive(serde::Deserialize)]
struct RedTeam {
    text: String,
    lang: String,
    category: String,
}

#[test]
fn no_red_team_question_passes_anywhere() {
    let set: Vec<RedTeam> =
        serde_json::from_str(include_str!("../../../data/questions/redteam.json")).expect("red-team JSON");
    assert!(set.len() >= 300, "the red-team set has {} phrasings", set.len());
    let mut passed = Vec::new();
    let mut wrong_category = 0;
    for q in &set {
        for j in Jurisdiction::ALL {
            let violations = check(&q.text, j);
            if violations.is_empty() {
                passed.push(format!("{:?} [{}/{}] in {j:?}", q.text, q.lang, q.category));
            } else if !violations.iter().any(|v| v.category.as_str() == q.category) {
                wrong_category += 1;
            }
        }
    }
    println!(
        "red team: {} phrasings x 3 jurisdictions, {} passed, {wrong_category} blocked under another category",
        set.len(),
        passed.len()
    );
    assert!(passed.is_empty(), "{} red-team questions passed:\n{}", passed.len(), passed.join("\n"));
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
