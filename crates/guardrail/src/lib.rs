//! The compliance guardrail every interview question passes through, whatever its source (the
//! bundled bank, a tenant's own questions, an LLM).
//!
//! A question is blocked when it asks about a protected characteristic: age or birth date,
//! race or ethnicity, national origin, citizenship beyond work authorization, religion, sex or
//! gender identity, sexual orientation, marital or family status, pregnancy, disability or
//! health, genetic information, arrest records, union membership, plus political opinion and
//! physical appearance. Rules are per category, and a category names the jurisdictions where
//! its questions may not be asked, each with its source ([`Category::source`]). Three differ
//! between the countries: salary history (barred by US state and local laws, which NexusHR
//! applies across the US; lawful to ask in Brazil and Mexico), nationality (in the US only work
//! authorization may be asked; Brazilian and Mexican employers must count their foreign
//! workers) and criminal convictions (lawful under US federal law with an individualized
//! assessment; discriminatory in Brazil and Mexico unless the role requires it). The sources
//! are cited for review by the customer's counsel, not as legal advice.
//!
//! Matching runs on lowercased, accent-folded text, so "¿Estás embarazada?" and "estas
//! embarazada" meet the same rule. Patterns target questions *about the candidate*, so that
//! "health checks", "UNION ALL" or "accessibility for users with disabilities" pass.
//! `data/questions/redteam.json` holds 300+ phrasings, each barred exactly where it says; the bundled
//! bank must pass with fewer than 1% blocked (see tests).

use std::sync::OnceLock;

use regex::RegexSet;

/// Where the interview takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Jurisdiction {
    Us,
    Br,
    Mx,
}

impl Jurisdiction {
    pub const ALL: [Jurisdiction; 3] = [Jurisdiction::Us, Jurisdiction::Br, Jurisdiction::Mx];

    /// The ISO 3166-1 alpha-2 code.
    pub fn code(self) -> &'static str {
        match self {
            Self::Us => "US",
            Self::Br => "BR",
            Self::Mx => "MX",
        }
    }

    /// From an ISO 3166-1 alpha-2 code (case-insensitive).
    pub fn from_country(code: &str) -> Option<Self> {
        match code.to_ascii_uppercase().as_str() {
            "US" => Some(Self::Us),
            "BR" => Some(Self::Br),
            "MX" => Some(Self::Mx),
            _ => None,
        }
    }
}

/// A protected characteristic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Category {
    Age,
    RaceEthnicity,
    NationalOrigin,
    /// Born or naturalized: a distinction none of the three countries allows.
    Citizenship,
    /// Which nationality or citizenship the candidate holds.
    Nationality,
    Religion,
    SexGender,
    SexualOrientation,
    MaritalFamily,
    Pregnancy,
    DisabilityHealth,
    Genetic,
    ArrestRecord,
    /// Convictions and criminal-record certificates.
    CriminalRecord,
    /// What the candidate earns or earned (expectations may be asked).
    SalaryHistory,
    Union,
    Political,
    Appearance,
}

impl Category {
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Age => "age",
            Category::RaceEthnicity => "race-ethnicity",
            Category::NationalOrigin => "national-origin",
            Category::Citizenship => "citizenship",
            Category::Nationality => "nationality",
            Category::Religion => "religion",
            Category::SexGender => "sex-gender",
            Category::SexualOrientation => "sexual-orientation",
            Category::MaritalFamily => "marital-family",
            Category::Pregnancy => "pregnancy",
            Category::DisabilityHealth => "disability-health",
            Category::Genetic => "genetic",
            Category::ArrestRecord => "arrest-record",
            Category::CriminalRecord => "criminal-record",
            Category::SalaryHistory => "salary-history",
            Category::Union => "union",
            Category::Political => "political",
            Category::Appearance => "appearance",
        }
    }

    /// The jurisdictions where a question of this category may not be asked.
    pub fn jurisdictions(self) -> &'static [Jurisdiction] {
        use Jurisdiction::{Br, Mx, Us};
        match self {
            Category::Nationality | Category::SalaryHistory => &[Us],
            Category::CriminalRecord => &[Br, Mx],
            _ => &[Us, Br, Mx],
        }
    }

    /// Why this category may or may not be asked in `j`: the law (or, where none applies to
    /// private employers, NexusHR's policy) the rule follows.
    pub fn source(self, j: Jurisdiction) -> &'static str {
        use Jurisdiction::{Br, Mx, Us};
        match (self, j) {
            (Category::Age, Us) => "ADEA, 29 U.S.C. § 623",
            (Category::Age, Br) => "Lei 9.029/1995, art. 1 (idade)",
            (Category::Age, Mx) => "LFT art. 133 fr. I; LFPED art. 1 fr. III (edad)",
            (Category::RaceEthnicity, Us) => "Title VII, 42 U.S.C. § 2000e-2",
            (Category::RaceEthnicity, Br) => "Lei 7.716/1989; Lei 9.029/1995, art. 1 (raça, cor, etnia)",
            (Category::RaceEthnicity, Mx) => {
                "LFT art. 3; LFPED art. 1 fr. III (origen étnico, color de piel)"
            }
            (Category::NationalOrigin, Us) => "Title VII, 42 U.S.C. § 2000e-2 (national origin)",
            (Category::NationalOrigin, Br) => "Lei 9.029/1995, art. 1 (origem)",
            (Category::NationalOrigin, Mx) => "LFT art. 3; LFPED art. 1 fr. III (origen nacional)",
            (Category::Citizenship, Us) => "8 U.S.C. § 1324b (citizenship status)",
            (Category::Citizenship, Br) => {
                "Constituição art. 12 § 2 (no distinction between born and naturalized Brazilians)"
            }
            (Category::Citizenship, Mx) => "Constitución art. 1; LFPED art. 1 fr. III (origen nacional)",
            (Category::Nationality, Us) => {
                "8 U.S.C. § 1324b(a)(1)(B): only authorization to work may be asked (Form I-9, after an offer)"
            }
            (Category::Nationality, Br) => {
                "may be asked: CLT arts. 352-358 (proportion of Brazilian workers an employer must keep)"
            }
            (Category::Nationality, Mx) => {
                "may be asked: LFT art. 7 (at least 90% of an employer's workers must be Mexican)"
            }
            (Category::Religion, Us) => "Title VII, 42 U.S.C. § 2000e-2",
            (Category::Religion, Br) => "Constituição art. 5 VI and VIII; Lei 9.029/1995",
            (Category::Religion, Mx) => "LFT art. 3; LFPED art. 1 fr. III (religión)",
            (Category::SexGender, Us) => "Title VII; Bostock v. Clayton County, 590 U.S. 644 (2020)",
            (Category::SexGender, Br) => "Lei 9.029/1995, art. 1; CLT art. 373-A",
            (Category::SexGender, Mx) => "LFT arts. 3 and 133 fr. I; LFPED art. 1 fr. III (sexo, género)",
            (Category::SexualOrientation, Us) => "Title VII; Bostock v. Clayton County, 590 U.S. 644 (2020)",
            (Category::SexualOrientation, Br) => "STF, ADO 26 and MI 4733 (2019)",
            (Category::SexualOrientation, Mx) => "LFT art. 3; LFPED art. 1 fr. III (preferencias sexuales)",
            (Category::MaritalFamily, Us) => {
                "EEOC guidance on caregiver discrimination under Title VII (NexusHR policy)"
            }
            (Category::MaritalFamily, Br) => "Lei 9.029/1995, art. 1 (estado civil, situação familiar)",
            (Category::MaritalFamily, Mx) => "LFT art. 133 fr. I; LFPED art. 1 fr. III (estado civil)",
            (Category::Pregnancy, Us) => "Pregnancy Discrimination Act, 42 U.S.C. § 2000e(k)",
            (Category::Pregnancy, Br) => "Lei 9.029/1995, art. 2; CLT art. 373-A IV",
            (Category::Pregnancy, Mx) => "LFT art. 133 fr. XIV",
            (Category::DisabilityHealth, Us) => {
                "ADA, 42 U.S.C. § 12112(d)(2) (no disability inquiry before an offer)"
            }
            (Category::DisabilityHealth, Br) => "Lei 13.146/2015, art. 34 § 3",
            (Category::DisabilityHealth, Mx) => {
                "LFT art. 133 fr. I; LFPED art. 1 fr. III (discapacidad, salud)"
            }
            (Category::Genetic, Us) => "GINA, 42 U.S.C. § 2000ff-1(b)",
            (Category::Genetic, Br) => "Lei 9.029/1995, art. 1; Constituição art. 5 X",
            (Category::Genetic, Mx) => "LFPED art. 1 fr. III (características genéticas)",
            (Category::ArrestRecord, Us) => {
                "EEOC Enforcement Guidance 915.002 (2012): an arrest does not show conduct"
            }
            (Category::ArrestRecord, Br) => "TST, IRR-243000-58.2013.5.13.0023 (2017)",
            (Category::ArrestRecord, Mx) => "LFPED art. 1 fr. III (antecedentes penales)",
            (Category::CriminalRecord, Us) => {
                "may be asked under federal law with an individualized assessment (EEOC Enforcement \
                 Guidance 915.002, 2012); state and local fair-chance laws may bar it before an offer"
            }
            (Category::CriminalRecord, Br) => {
                "TST, IRR-243000-58.2013.5.13.0023 (2017): discriminatory unless the law or the role requires it"
            }
            (Category::CriminalRecord, Mx) => "LFPED art. 1 fr. III (antecedentes penales)",
            (Category::SalaryHistory, Us) => {
                "state and local salary-history bans (Cal. Lab. Code § 432.3; N.Y. Lab. Law § 194-a; \
                 Mass. Gen. Laws c. 149 § 105A), applied by NexusHR across the US"
            }
            (Category::SalaryHistory, Br) => "may be asked: no federal rule bars it",
            (Category::SalaryHistory, Mx) => "may be asked: no federal rule bars it",
            (Category::Union, Us) => "NLRA, 29 U.S.C. § 158(a)(1) and (3)",
            (Category::Union, Br) => "Constituição art. 8 V",
            (Category::Union, Mx) => "LFT arts. 133 fr. IV and 357",
            (Category::Political, Us) => {
                "NexusHR policy (some states bar it, e.g. Cal. Lab. Code §§ 1101-1102)"
            }
            (Category::Political, Br) => "Constituição art. 5 VIII",
            (Category::Political, Mx) => "LFPED art. 1 fr. III (opiniones)",
            (Category::Appearance, Us) => {
                "NexusHR policy (some places bar it, e.g. N.Y.C. Admin. Code § 8-107)"
            }
            (Category::Appearance, Br) => "Lei 9.029/1995, art. 1",
            (Category::Appearance, Mx) => "LFPED art. 1 fr. III",
        }
    }
}

/// Why a question was blocked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Violation {
    pub category: Category,
    /// The rule's pattern, for audit.
    pub rule: &'static str,
    /// The law (or policy) the block follows in the jurisdiction checked.
    pub source: &'static str,
}

const RULES: &[(Category, &str)] = &[
    // Age
    (Category::Age, r"\bhow old are you\b"),
    (Category::Age, r"\byour (age|birth ?date|date of birth|birthday|birth year)\b"),
    (Category::Age, r"\b(what|which|in what) year (were you born|did you (finish|graduate))"),
    (Category::Age, r"\bwhen were you born\b"),
    (Category::Age, r"\b(graduate from|finish|finished) high school\b"),
    (Category::Age, r"\b(too|a bit too|very) (old|young)\b"),
    (Category::Age, r"\b(planning|plan|plans|going|intend|intending) to retire\b|\bclose to retirement\b"),
    (Category::Age, r"\bgiven your age\b"),
    (
        Category::Age,
        r"\bquantos anos voce tem\b|\b(sua|seu) idade\b|\bque ano voce nasceu\b|\bdata de nascimento\b",
    ),
    (Category::Age, r"\b(velh[oa]|jovem|nov[oa]) demais\b|\bmuito jovem\b|\baposentar\b|\bensino medio\b"),
    (Category::Age, r"\bcuantos anos tienes\b|\bque edad\b|\bque ano naciste\b|\bfecha de nacimiento\b"),
    (
        Category::Age,
        r"\bdemasiado (mayor|joven)\b|\bmuy joven\b|\bjubilar|\bterminaste la preparatoria\b|\bcon tu edad\b",
    ),
    // Race and ethnicity
    (
        Category::RaceEthnicity,
        r"\byour race\b|\bwhat race\b|\bracial group\b|\bethnic(ity| background| group| origin)?\b",
    ),
    (Category::RaceEthnicity, r"\bhispanic or latino\b|\bblack or white\b"),
    (
        Category::RaceEthnicity,
        r"\bsua raca\b|\bque raca\b|\bcor de pele\b|\betnia\b|\borigem etnica\b|\bnegro ou branco\b",
    ),
    (
        Category::RaceEthnicity,
        r"\btu raza\b|\borigen etnico\b|\b(eres|origen) indigena\b|\bcolor de piel\b|\bgrupo etnico\b",
    ),
    // National origin
    (Category::NationalOrigin, r"\bwhere are you (originally )?from\b|\bwhere were you born\b"),
    (
        Category::NationalOrigin,
        r"\bcountry (are )?your parents\b|\byour parents (lived|come from|are from)\b",
    ),
    (
        Category::NationalOrigin,
        r"\byour (first|native|mother) (language|tongue)\b|\benglish your first language\b",
    ),
    (Category::NationalOrigin, r"\byour accent\b"),
    (Category::NationalOrigin, r"\bde onde voce e\b|\bonde voce nasceu\b|\bpais sao seus pais\b"),
    (Category::NationalOrigin, r"\bseu sotaque\b|\blingua materna\b|\bvoce e estrangeir|\bseus pais moram\b"),
    (Category::NationalOrigin, r"\bde donde eres\b|\bdonde naciste\b|\bpais son tus padres\b"),
    (Category::NationalOrigin, r"\btu acento\b|\blengua materna\b|\beres extranjer|\bviven tus padres\b"),
    // Citizenship: born or naturalized (never); which one the candidate holds (not in the US,
    // where only work authorization may be asked)
    (
        Category::Citizenship,
        r"\bnaturali[sz]|\bborn a citizen\b|\bcitizen by birth\b|\bbecome a citizen\b|\bbecame a citizen\b",
    ),
    (Category::Citizenship, r"\bbrasileir[oa] nat[oa]\b|\bpor nacimiento\b"),
    (
        Category::Nationality,
        r"\b(us|u\.s\.|american) citizen\b|\bcitizen of (this|another|any other) country\b|\bare you a citizen\b",
    ),
    (Category::Nationality, r"\byour (nationality|citizenship)\b|\bgreen card\b|\bdual citizen"),
    (
        Category::Nationality,
        r"\bcidada[o] brasileir[oa]\b|\bsua (nacionalidade|cidadania)\b|\bcidadania de outro\b",
    ),
    (
        Category::Nationality,
        r"\bciudadan[oa] mexican[oa]\b|\btu (nacionalidad|ciudadania)\b|\botra (nacionalidad|ciudadania)\b",
    ),
    // Religion
    (
        Category::Religion,
        r"\byour (religion|religious|faith)\b|\bgo to church\b|\breligious (holidays|reasons)\b",
    ),
    (Category::Religion, r"\bare you religious\b|\bdo you pray\b|\bchurch do you\b|\bbelieve in god\b"),
    (
        Category::Religion,
        r"\bsua religiao\b|\bvai a igreja\b|\bvoce e religios|\bferiados religiosos\b|\bacredita em deus\b|\bculto\b",
    ),
    (
        Category::Religion,
        r"\btu religion\b|\bvas a la iglesia\b|\beres religios|\bfiestas religiosas\b|\bcrees en dios\b|\bque iglesia\b",
    ),
    // Sex and gender identity
    (
        Category::SexGender,
        r"\ba man or a woman\b|\bmale or female\b|\byour (gender|sex)\b|\bgender do you identify\b",
    ),
    (
        Category::SexGender,
        r"\btransgender\b|\bpronouns at birth\b|\bwould a (man|woman) be better\b|\bborn a (man|woman)\b",
    ),
    (Category::SexGender, r"\bgender reassignment\b"),
    (
        Category::SexGender,
        r"\bhomem ou mulher\b|\bseu genero\b|\btransgener|\bseu sexo\b|\bum homem nao seria\b|\bgenero voce se identifica\b",
    ),
    (
        Category::SexGender,
        r"\bhombre o mujer\b|\btu genero\b|\btu sexo\b|\bmejor un hombre\b|\bgenero te identificas\b",
    ),
    // Sexual orientation
    (
        Category::SexualOrientation,
        r"\bare you (gay|straight|lesbian|bisexual)\b|\bsexual orientation\b|\bsame-sex partner\b",
    ),
    (Category::SexualOrientation, r"\bboyfriend or a girlfriend\b|\bpartner a man or a woman\b"),
    (
        Category::SexualOrientation,
        r"\bvoce e (gay|hetero|lesbica|bissexual)|\borientacao sexual\b|\bnamorado ou namorada\b|\bparceiro e homem ou mulher\b",
    ),
    (
        Category::SexualOrientation,
        r"\beres (gay|heterosexual|lesbiana|bisexual)|\borientacion sexual\b|\bnovio o novia\b|\bpareja es hombre o mujer\b",
    ),
    // Marital and family status
    (
        Category::MaritalFamily,
        r"\bare you (married|single|divorced)\b|\bdo you have (any )?(children|kids)\b",
    ),
    (
        Category::MaritalFamily,
        r"\bplan to have (kids|children)\b|\bcare of your children\b|\byour (husband|wife|spouse)\b",
    ),
    (Category::MaritalFamily, r"\bhow many (kids|children)\b|\bstart a family\b|\bfamily obligations\b"),
    (
        Category::MaritalFamily,
        r"\bvoce e (casad|solteir|divorciad)|\btem filhos\b|\bter filhos\b|\bcuida dos seus filhos\b",
    ),
    (
        Category::MaritalFamily,
        r"\bseu marido\b|\bsua esposa\b|\bquantos filhos\b|\bformar familia\b|\bsua familia atrapalh",
    ),
    (
        Category::MaritalFamily,
        r"\b(estas|eres) (casad|solter|divorciad)|\btienes hijos\b|\btener hijos\b|\bcuida a tus hijos\b",
    ),
    (
        Category::MaritalFamily,
        r"\btu (esposo|esposa|marido)\b|\bcuantos hijos\b|\bformar una familia\b|\bobligaciones familiares\b",
    ),
    // Pregnancy
    (Category::Pregnancy, r"\bpregnan|\bmaternity leave\b|\byou are expecting\b"),
    (Category::Pregnancy, r"\bgravid|\bengravidar\b|\blicenca.maternidade\b"),
    (Category::Pregnancy, r"\bembarazad|\bembarazo\b|\bembarazarte\b|\blicencia de maternidad\b"),
    // Disability and health
    (
        Category::DisabilityHealth,
        r"\b(do|did) you have (any )?(disabilit|medical|health|physical|mental|chronic)",
    ),
    (
        Category::DisabilityHealth,
        r"\bany disabilities\b|\bsick days\b|\bon any medication\b|\b(treated|treatment) for\b",
    ),
    (
        Category::DisabilityHealth,
        r"\bmental illness\b|\bserious illness\b|\brehab\b|\bworkers'? comp|\bimpairments?\b",
    ),
    (Category::DisabilityHealth, r"\byour (health|medical history)\b|\bhealth like\b"),
    (
        Category::DisabilityHealth,
        r"\bdeficiencia\b|\bproblema de saude\b|\bremedio\b|\bdepressao\b|\bfaltas por doenca\b",
    ),
    (
        Category::DisabilityHealth,
        r"\bdoenca cronica\b|\bsua saude\b|\btratamento psiquiatrico\b|\blimitacao fisica\b|\bafastou pelo inss\b",
    ),
    (
        Category::DisabilityHealth,
        r"\bdiscapacidad\b|\bproblema de salud\b|\bmedicamento\b|\bdepresion\b|\bincapacidad",
    ),
    (
        Category::DisabilityHealth,
        r"\benfermedad cronica\b|\btu salud\b|\btratamiento psiquiatrico\b|\blimitacion fisica\b",
    ),
    // Genetic information
    (
        Category::Genetic,
        r"\bruns? in your family\b|\bgenetic test|\bfamily medical history\b|\bhereditary\b|\bdna test\b",
    ),
    (Category::Genetic, r"\byour parents have\b.*\bdisease\b"),
    (
        Category::Genetic,
        r"\b(cancer|doenca)\b.*\bna sua familia\b|\bteste genetico\b|\bhistorico medico da sua familia\b|\bhereditaria\b|\bseus pais tiveram\b",
    ),
    (
        Category::Genetic,
        r"\b(cancer|enfermedad(es)?)\b.*\ben tu familia\b|\bprueba genetica\b|\bhistorial medico de tu familia\b|\bhereditarias?\b|\btus padres tuvieron\b",
    ),
    // Arrest records
    (
        Category::ArrestRecord,
        r"\barrested\b|\bdetained by the police\b|\btaken into custody\b|\barrest record\b|\bin jail\b",
    ),
    (Category::ArrestRecord, r"\bfoi pres[oa]\b|\bdetido pela policia\b|\bpassagem pela policia\b"),
    (
        Category::ArrestRecord,
        r"\barrestado\b|\bte han arrestado\b|\bdetenido por la policia\b|\ben la carcel\b",
    ),
    // Criminal convictions and record certificates
    (
        Category::CriminalRecord,
        r"\bconvicted\b|\bconvictions?\b|\bcriminal (record|history|background)\b|\bfelon(y|ies)\b|\bin prison\b",
    ),
    (
        Category::CriminalRecord,
        r"\bantecedentes criminais\b|\bficha criminal\b|\bcondenad[oa] (criminalmente|por)\b|\besteve pres[oa]\b",
    ),
    (Category::CriminalRecord, r"\bantecedentes penales\b|\bsentenciad[oa]\b|\bcondenad[oa] por\b"),
    // Salary history (expectations may be asked)
    (
        Category::SalaryHistory,
        r"\b(current|previous|last|prior|present) (salary|pay|compensation|wage)\b|\bsalary history\b",
    ),
    (
        Category::SalaryHistory,
        r"\bhow much (do|did) you (make|earn|get paid)\b|\bwhat (do|did) you (make|earn) (a|an|per|each) (year|month|hour)\b",
    ),
    (
        Category::SalaryHistory,
        r"\bquanto voce (ganha|ganhava|recebe|recebia)\b|\b(seu )?(ultimo|atual) salario\b|\bsalario (atual|anterior)\b",
    ),
    (
        Category::SalaryHistory,
        r"\bcuanto (ganas|ganabas|cobras|cobrabas)\b|\b(tu )?(ultimo|actual) (salario|sueldo)\b|\b(salario|sueldo) (actual|anterior)\b",
    ),
    // Union membership
    (
        Category::Union,
        r"\b(labor|trade) union\b|\bmember of a union\b|\bunion organizer\b|\babout unions\b|\bunioniz",
    ),
    (Category::Union, r"\bsindica|\bgreve\b|\bhuelga\b"),
    // Political opinion
    (
        Category::Political,
        r"\bwho did you vote\b|\bpolitical (party|views|opinions?)\b|\bdemocrat or a republican\b",
    ),
    (
        Category::Political,
        r"\bem quem voce votou\b|\bpartido politico\b|\bposicao politica\b|\bde esquerda ou de direita\b",
    ),
    (Category::Political, r"\bpor quien votaste\b|\bideas politicas\b|\bde izquierda o de derecha\b"),
    // Physical appearance
    (Category::Appearance, r"\bhow much do you weigh\b|\bhow tall are you\b|\byour weight\b|\btattoos?\b"),
    (
        Category::Appearance,
        r"\bquanto voce pesa\b|\bsua altura\b|\btatuage|\bcuanto pesas\b|\bcuanto mides\b|\btatuajes?\b",
    ),
];

fn rules() -> &'static RegexSet {
    static SET: OnceLock<RegexSet> = OnceLock::new();
    SET.get_or_init(|| {
        RegexSet::new(RULES.iter().map(|(_, p)| *p)).expect("guardrail rules are valid regexes")
    })
}

/// Lowercased, accent-folded, with Spanish opening marks and curly quotes made plain.
pub fn normalize(text: &str) -> String {
    // Most questions are plain ASCII: lowercasing bytes is all they need.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars()
        .flat_map(char::to_lowercase)
        .map(nexushr_domain::deaccent)
        .map(|c| match c {
            '¿' | '¡' => ' ',
            '\u{2019}' | '\u{2018}' => '\'',
            other => other,
        })
        .collect()
}

/// Every rule `text` breaks, in any jurisdiction (normalized and matched once).
fn violations(text: &str) -> impl Iterator<Item = (Category, &'static str)> {
    rules().matches(&normalize(text)).into_iter().map(|i| RULES[i])
}

/// The rules `text` breaks in `jurisdiction`; empty when it may be asked.
pub fn check(text: &str, jurisdiction: Jurisdiction) -> Vec<Violation> {
    violations(text)
        .filter(|(category, _)| category.jurisdictions().contains(&jurisdiction))
        .map(|(category, rule)| Violation { category, rule, source: category.source(jurisdiction) })
        .collect()
}

/// The rules `text` breaks in any of the supported jurisdictions.
pub fn check_everywhere(text: &str) -> Vec<Violation> {
    violations(text)
        .filter_map(|(category, rule)| {
            let j = *category.jurisdictions().first()?;
            Some(Violation { category, rule, source: category.source(j) })
        })
        .collect()
}

/// Whether `text` may be asked in `jurisdiction`.
pub fn allowed(text: &str, jurisdiction: Jurisdiction) -> bool {
    !Blocked::of(text).in_jurisdiction(jurisdiction)
}

/// The jurisdictions in which a text may not be asked, worked out once so a text checked
/// ahead of time (a bank question) is not matched again on every use.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Blocked(u8);

impl Blocked {
    pub fn of(text: &str) -> Self {
        let bit = |j: Jurisdiction| 1u8 << (j as u8);
        Self(violations(text).flat_map(|(category, _)| category.jurisdictions()).fold(0, |m, &j| m | bit(j)))
    }

    pub fn in_jurisdiction(self, j: Jurisdiction) -> bool {
        self.0 & (1 << (j as u8)) != 0
    }

    /// Blocked in at least one supported jurisdiction.
    pub fn anywhere(self) -> bool {
        self.0 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lawful_questions_near_protected_words_pass() {
        for q in [
            "Are you legally authorized to work in the United States?",
            "Can you perform the essential functions of this job with or without reasonable accommodation?",
            "Are you over 18?",
            "How would you implement health checks for a service on Kubernetes?",
            "How would you retire a legacy service without downtime?",
            "When would you use UNION ALL instead of UNION in SQL?",
            "How do you make a web app accessible to users with disabilities?",
            "Tell me about a time you had to meet a strict deadline.",
            "What is the age of the oldest record you keep, and how do you expire data?",
            "Which design pattern family does the observer belong to?",
            "Você está autorizado a trabalhar no Brasil?",
            "¿Tienes permiso para trabajar en México?",
        ] {
            assert!(check_everywhere(q).is_empty(), "{q:?} was blocked: {:?}", check_everywhere(q));
        }
    }

    #[test]
    fn accents_case_and_marks_do_not_hide_a_question() {
        for q in ["¿ESTÁS EMBARAZADA?", "estas embarazada", "Você está GRÁVIDA?"] {
            assert_eq!(
                check(q, Jurisdiction::Mx).first().map(|v| v.category),
                Some(Category::Pregnancy),
                "{q}"
            );
        }
    }

    #[test]
    fn verdicts_differ_where_the_law_does_and_every_block_cites_its_source() {
        let cases = [
            ("What is your current salary?", [true, false, false]),
            ("Qual é a sua nacionalidade?", [true, false, false]),
            ("¿Tienes antecedentes penales?", [false, true, true]),
            ("Have you ever been arrested?", [true, true, true]),
            ("What are your salary expectations for this role?", [false, false, false]),
        ];
        for (q, barred) in cases {
            for (j, barred) in Jurisdiction::ALL.into_iter().zip(barred) {
                let v = check(q, j);
                assert_eq!(!v.is_empty(), barred, "{q:?} in {j:?}: {v:?}");
                assert!(v.iter().all(|v| v.source == v.category.source(j) && v.source.len() > 10), "{v:?}");
            }
        }
        assert!(Category::Nationality.source(Jurisdiction::Mx).contains("LFT art. 7"));
    }

    #[test]
    fn jurisdictions_parse_from_country_codes() {
        assert_eq!(Jurisdiction::from_country("br"), Some(Jurisdiction::Br));
        assert_eq!(Jurisdiction::from_country("DE"), None);
    }
}
