#!/usr/bin/env python3
"""The Python reference for crates/embed: sentence-transformers on PyTorch (CPU).

  embed-reference.py fixture OUT.json        reference vectors and token ids for the parity test
  embed-reference.py bench SENTENCES OUT.json  time encoding SENTENCES (one per line); write
                                             {"seconds": [...], "peak_rss_mib": .., "vectors": [..]}

The model is read from $NEXUSHR_MODEL_DIR (scripts/fetch-data.sh model puts it in the cache).
Run it with scripts/bench-embed.sh, which installs sentence-transformers into a cache venv.
"""
import json
import os
import resource
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
from sentence_transformers import SentenceTransformer  # noqa: E402
import torch  # noqa: E402

PARITY = [
    "Built a payments API in Rust and Go, serving 20k requests per second on Kubernetes.",
    "Led the migration from a monolith to event-driven services on Kafka and PostgreSQL.",
    "Tell me about a time you disagreed with a teammate about a design decision.",
    "How would you design idempotent consumers for an at-least-once message broker?",
    "Desenvolvi microsserviços em Java com Spring Boot e migrei o banco para PostgreSQL.",
    "Lideré la migración de servicios a la nube y reduje los costos en un 30 %.",
    "Café, naïve façade — résumé with ÀCCÉNTS and MiXeD case!",
    "C++/C# & Node.js (v18) — k8s, CI/CD, REST/gRPC; 99.99% uptime.",
    "数据 工程师 with 5 years of experience 😀 in Python",
    "",
    "a",
    "supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis",
    "Server-side API engineer with PostgreSQL and Kafka",
    " ".join(["Designed, implemented and operated distributed systems at scale."] * 40),
    "Senior backend developer: Python, Django, Celery, Redis, AWS (EC2, S3, Lambda), Terraform.",
    "Mentored four junior engineers and introduced code review guidelines.",
]


def load():
    model_dir = os.environ.get("NEXUSHR_MODEL_DIR") or os.path.expanduser(
        "~/.cache/nexushr/data/models/all-MiniLM-L6-v2"
    )
    return SentenceTransformer(model_dir, device="cpu")


def fixture(out):
    model = load()
    vectors = model.encode(PARITY, normalize_embeddings=True)
    ids = [model.tokenizer(s, truncation=True, max_length=model.max_seq_length)["input_ids"] for s in PARITY]
    doc = {
        "model": "all-MiniLM-L6-v2",
        "reference": f"sentence-transformers {__import__('sentence_transformers').__version__}, torch {torch.__version__}",
        "sentences": PARITY,
        "token_ids": ids,
        "vectors": [[round(float(x), 7) for x in v] for v in vectors],
    }
    with open(out, "w") as f:
        json.dump(doc, f)


def bench(path, out):
    sentences = [line.rstrip("\n") for line in open(path, encoding="utf-8") if line.strip()]
    model = load()
    model.encode(sentences[:64])  # warm-up
    seconds = []
    for _ in range(3):
        start = time.perf_counter()
        vectors = model.encode(sentences, batch_size=32, normalize_embeddings=True)
        seconds.append(time.perf_counter() - start)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with open(out, "w") as f:
        json.dump({"seconds": seconds, "threads": torch.get_num_threads(), "peak_rss_mib": peak,
                   "vectors": [[float(x) for x in v] for v in vectors]}, f)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "fixture":
        fixture(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "bench":
        bench(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
