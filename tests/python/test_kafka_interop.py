"""NexusHR events on Kafka, read and written by an independent client (confluent-kafka).

Needs a Kafka-protocol broker at NEXUSHR_TEST_KAFKA_BROKERS (default 127.0.0.1:9092) and, for
the poison test, PostgreSQL at NEXUSHR_TEST_DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/test). The broker need not auto-create topics: the server
creates its own through the admin API, the poison test creates its topics itself.

  a. the bundled roles a Kafka-mode `nexushr serve` relays to nexushr.roles.v1 decode as
     EventEnvelope/RoleChanged with key and headers matching the envelope;
  b. a CreateRole carrying a W3C traceparent yields a CREATED event continuing that trace;
  c. `nexushr-events-fault-consumer` dead-letters a garbage record (bytes unchanged, dlq-error
     header) and applies the valid RoleChanged next to it exactly once;
  d. after EraseCandidate, nothing on nexushr.resumes.v1 or its dead-letter topic, and no row
     of any table of the server's database (resume ingestion's and question generation's, once
     question generation applied the erasure), holds the candidate's contact details, work
     history or ATS id (events name resumes by id only); question generation had prepared the
     resume and made a kit from it before the erasure.
"""

from __future__ import annotations

import os
import secrets
import signal
import sqlite3
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import grpc
import pytest

from conftest import DATA_DIRS, built_binary
from confluent_kafka import Consumer, KafkaError, KafkaException, Producer
from confluent_kafka.admin import AdminClient, NewTopic

REPO = Path(__file__).resolve().parents[2]
ROLES_TOPIC = "nexushr.roles.v1"
ROLE_CHANGED = "nexushr.events.v1.RoleChanged"
TIMEOUT = 15  # seconds per gRPC call
# Group joins on a young broker can take several seconds; the relay needs time for 77 roles.
CONSUME_TIMEOUT_S = 90.0
POISON_TIMEOUT_S = 60.0
BUNDLED_MIN_ROLES = 41
OUTBOX_MIGRATION = REPO / "crates/events/migrations/postgres/20261128100000_outbox.sql"


# --- helpers ------------------------------------------------------------------------------


def headers_of(msg) -> dict[str, bytes]:
    """Record headers as a dict (the last value wins on a repeated name)."""
    return {k: v for k, v in (msg.headers() or [])}


def wait_for_topics(brokers: str, topics: list[str], timeout: float = 30.0) -> None:
    admin = AdminClient({"bootstrap.servers": brokers})
    deadline = time.monotonic() + timeout
    missing = list(topics)
    while time.monotonic() < deadline:
        md = admin.list_topics(timeout=10)
        missing = [t for t in topics if t not in md.topics or md.topics[t].error is not None]
        if not missing:
            return
        time.sleep(0.5)
    pytest.fail(f"topics {missing} not in broker {brokers} metadata after {timeout:.0f}s", pytrace=False)


def consume_until(
    brokers: str,
    topic: str,
    done: Callable[[list], bool],
    timeout: float = CONSUME_TIMEOUT_S,
    what: str = "",
    tick: Callable[[], None] | None = None,
    context: Callable[[], str] | None = None,
) -> list:
    """Reads `topic` from the earliest offset with a fresh consumer group until `done(records)`.

    Returns every record read (confluent_kafka Message objects without errors). `tick` runs
    after every poll (to fail early); `context()` is appended to the failure message. Fails
    with what was seen when `done` never holds within `timeout`.
    """
    group = f"nexushr-pytest-{uuid.uuid4().hex[:12]}"
    consumer = Consumer(
        {
            "bootstrap.servers": brokers,
            "group.id": group,
            "auto.offset.reset": "earliest",
            "enable.auto.commit": False,
            "session.timeout.ms": 30000,
        }
    )
    records: list = []
    errors: list[str] = []
    assigned: list[str] = []
    consumer.subscribe(
        [topic], on_assign=lambda _c, parts: assigned.extend(f"{p.topic}[{p.partition}]" for p in parts)
    )
    started = time.monotonic()
    try:
        while time.monotonic() - started < timeout:
            msg = consumer.poll(0.5)
            if tick is not None:
                tick()
            if msg is None:
                continue
            if msg.error():
                # Transient (unknown topic while metadata settles, coordinator moves...).
                errors.append(str(msg.error()))
                continue
            records.append(msg)
            if done(records):
                return records
        if done(records):
            return records
    finally:
        consumer.close()
    pytest.fail(
        f"{what or 'condition'} not met reading {topic} (group {group}) within {timeout:.0f}s: "
        f"{len(records)} records read; partitions assigned: {assigned or 'none'}; "
        f"errors: {errors[-5:] or 'none'}" + (f"\n{context()}" if context else ""),
        pytrace=False,
    )


def decode_role_changed(pb, msg):
    """(envelope, RoleChanged or None) of a record of nexushr.roles.v1."""
    env = pb.events.EventEnvelope.FromString(msg.value())
    change = None
    if env.event_type == ROLE_CHANGED:
        change = pb.events.RoleChanged.FromString(env.payload)
    return env, change


def fault_consumer_binary() -> Path:
    return built_binary(
        "NEXUSHR_FAULT_CONSUMER_BIN",
        "nexushr-events-fault-consumer",
        "cargo build -p nexushr-events --bin nexushr-events-fault-consumer",
    )


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kafka_catalog(pb, kafka_server_addr):
    """A RoleCatalog stub on the Kafka-mode server."""
    ch = grpc.insecure_channel(kafka_server_addr)
    try:
        grpc.channel_ready_future(ch).result(timeout=15)
    except grpc.FutureTimeoutError:
        pytest.fail(f"gRPC channel to {kafka_server_addr} not ready within 15s", pytrace=False)
    yield pb.catalog_grpc.RoleCatalogStub(ch)
    ch.close()


@pytest.fixture
def pg_schema():
    """A fresh PostgreSQL schema with the fault consumer's tables; yields its DATABASE_URL."""
    import psycopg

    base = os.environ.get("NEXUSHR_TEST_DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/test"
    schema = f"nexushr_pytest_{uuid.uuid4().hex[:16]}"
    try:
        conn = psycopg.connect(base, autocommit=True, connect_timeout=10)
    except psycopg.Error as e:
        pytest.fail(f"PostgreSQL at {base}: {e}", pytrace=False)
    with conn:
        conn.execute(f"CREATE SCHEMA {schema}")
        conn.execute(f"SET search_path TO {schema}")
        # The outbox tables exactly as the Rust migration creates them (processed_events...).
        conn.execute(OUTBOX_MIGRATION.read_text())
        conn.execute("CREATE TABLE fault_totals (total BIGINT NOT NULL, applied BIGINT NOT NULL)")
        conn.execute("INSERT INTO fault_totals VALUES (0, 0)")
        conn.execute("CREATE TABLE fault_deliveries (event_id TEXT NOT NULL)")
    sep = "&" if "?" in base else "?"
    url = f"{base}{sep}options=-c%20search_path%3D{schema}"
    yield url
    with psycopg.connect(base, autocommit=True, connect_timeout=10) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


# --- a. bundled roles ---------------------------------------------------------------------


def test_bundled_roles_on_kafka(kafka_server_addr, kafka_brokers, pb):
    wait_for_topics(kafka_brokers, [ROLES_TOPIC, f"{ROLES_TOPIC}.dlq"])
    role_ids: set[str] = set()

    def done(records) -> bool:
        msg = records[-1]
        env, change = decode_role_changed(pb, msg)
        if change is not None:
            role_ids.add(change.role_id)
        return len(role_ids) >= BUNDLED_MIN_ROLES

    records = consume_until(
        kafka_brokers, ROLES_TOPIC, done, what=f">= {BUNDLED_MIN_ROLES} distinct RoleChanged role ids"
    )

    for msg in records:
        where = f"{msg.topic()}[{msg.partition()}]@{msg.offset()}"
        env, change = decode_role_changed(pb, msg)
        assert env.event_type == ROLE_CHANGED, f"{where}: event_type {env.event_type!r}"
        assert change is not None
        assert env.event_id, f"{where}: empty event_id"
        assert change.role_id, f"{where}: empty role_id"
        assert env.aggregate_id == change.role_id, (where, env.aggregate_id, change.role_id)
        assert msg.key() == env.aggregate_id.encode(), (where, msg.key(), env.aggregate_id)
        hdrs = headers_of(msg)
        assert hdrs.get("event-id") == env.event_id.encode(), (where, hdrs, env.event_id)
        assert hdrs.get("event-type") == ROLE_CHANGED.encode(), (where, hdrs)
        # Empty envelope fields are left out of the headers.
        for name, value in (("tenant-id", env.tenant_id), ("traceparent", env.traceparent)):
            if value:
                assert hdrs.get(name) == value.encode(), (where, name, hdrs, value)
            else:
                assert name not in hdrs, (where, name, hdrs)
        assert env.HasField("occurred_at"), f"{where}: no occurred_at"
    assert len(role_ids) >= BUNDLED_MIN_ROLES, len(role_ids)


# --- b. CreateRole with a traceparent -----------------------------------------------------


def test_create_role_event_continues_trace(kafka_catalog, kafka_brokers, pb):
    trace_id = secrets.token_hex(16)
    traceparent = f"00-{trace_id}-{secrets.token_hex(8)}-01"
    slug = f"python-kafka-{uuid.uuid4().hex[:10]}"
    role = kafka_catalog.CreateRole(
        pb.catalog.CreateRoleRequest(
            role=pb.catalog.Role(slug=slug, title="Python Kafka Interop", category="Technology")
        ),
        metadata=[("traceparent", traceparent)],
        timeout=TIMEOUT,
    )
    assert role.id, role
    assert role.slug == slug, role.slug

    def mine(msg):
        if msg.key() != role.id.encode():
            return None
        env, change = decode_role_changed(pb, msg)
        if change is not None and change.role_id == role.id:
            return env, change
        return None

    records = consume_until(
        kafka_brokers,
        ROLES_TOPIC,
        lambda recs: mine(recs[-1]) is not None,
        what=f"a RoleChanged for the new role {role.id}",
    )
    msg = records[-1]
    env, change = mine(msg)
    assert change.change == pb.events.CHANGE_KIND_CREATED, pb.events.ChangeKind.Name(change.change)
    assert change.slug == slug, change.slug
    assert env.aggregate_id == role.id, env.aggregate_id
    prefix = f"00-{trace_id}-"
    assert env.traceparent.startswith(prefix), (
        f"envelope.traceparent {env.traceparent!r} does not continue trace {trace_id} "
        f"(sent {traceparent})"
    )
    hdrs = headers_of(msg)
    header_tp = hdrs.get("traceparent", b"").decode()
    assert header_tp.startswith(prefix), (
        f"traceparent header {header_tp!r} does not continue trace {trace_id}; headers {hdrs}"
    )
    assert hdrs.get("event-id") == env.event_id.encode(), hdrs
    assert hdrs.get("event-type") == ROLE_CHANGED.encode(), hdrs


# --- c. poison record ---------------------------------------------------------------------


def test_poison_record_dead_lettered(kafka_brokers, pb, pg_schema, tmp_path):
    import psycopg

    binary = fault_consumer_binary()
    topic = f"nexushr.pytest-poison-{uuid.uuid4().hex[:12]}"
    dlq = f"{topic}.dlq"

    admin = AdminClient({"bootstrap.servers": kafka_brokers})
    futures = admin.create_topics(
        [NewTopic(t, num_partitions=3, replication_factor=1) for t in (topic, dlq)],
        operation_timeout=15,
        request_timeout=30,
    )
    for name, fut in futures.items():
        try:
            fut.result(timeout=30)
        except KafkaException as e:
            pytest.fail(f"create topic {name}: {e}", pytrace=False)
    wait_for_topics(kafka_brokers, [topic, dlq])

    log_path = tmp_path / "fault-consumer.log"
    log = open(log_path, "w+b")
    group = f"nexushr-pytest-fault-{uuid.uuid4().hex[:12]}"
    cmd = [str(binary), "consume", kafka_brokers, topic, group, pg_schema]
    proc = subprocess.Popen(
        cmd,
        env={**os.environ, "RUST_LOG": os.environ.get("RUST_LOG", "info")},
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )

    def consumer_log() -> str:
        log.flush()
        return log_path.read_text(errors="replace")[-6000:]

    def check_alive() -> None:
        if proc.poll() is not None:
            pytest.fail(
                f"fault consumer exited with {proc.returncode}\ncommand: {' '.join(cmd)}\n"
                f"--- log ---\n{consumer_log()}",
                pytrace=False,
            )

    try:
        # 0x07 first: field 0 with wire type 7 is no valid protobuf, whatever follows.
        garbage = b"\x07" + secrets.token_bytes(63)
        role_id = str(uuid.uuid4())
        event_id = str(uuid.uuid4())
        env = pb.events.EventEnvelope(
            event_id=event_id,
            event_type=ROLE_CHANGED,
            tenant_id="pytest",
            schema_version=1,
            aggregate_id=role_id,
            payload=pb.events.RoleChanged(
                role_id=role_id, slug="ok", change=pb.events.CHANGE_KIND_CREATED, version=7
            ).SerializeToString(),
        )
        env.occurred_at.GetCurrentTime()

        delivery_errors: list[str] = []

        def on_delivery(err, msg):
            if err is not None:
                delivery_errors.append(f"{msg.topic()}: {err}")

        producer = Producer({"bootstrap.servers": kafka_brokers, "acks": "all"})
        producer.produce(topic, value=garbage, key=b"poison", on_delivery=on_delivery)
        producer.produce(
            topic,
            value=env.SerializeToString(),
            key=role_id.encode(),
            headers=[("event-id", event_id.encode()), ("event-type", ROLE_CHANGED.encode())],
            on_delivery=on_delivery,
        )
        left = producer.flush(30)
        assert left == 0 and not delivery_errors, (
            f"produce to {topic}: {left} undelivered, errors {delivery_errors}"
        )
        deadline = time.monotonic() + POISON_TIMEOUT_S

        # The dead letter: same bytes, with the error in a header.
        dead = consume_until(
            kafka_brokers,
            dlq,
            lambda recs: recs[-1].value() == garbage,
            timeout=max(deadline - time.monotonic(), 1.0),
            what="the garbage record on the dead-letter topic",
            tick=check_alive,
            context=lambda: f"--- fault consumer log ---\n{consumer_log()}",
        )
        letter = dead[-1]
        hdrs = headers_of(letter)
        assert hdrs.get("dlq-error"), f"dead letter without a dlq-error header: {hdrs}"
        assert hdrs.get("dlq-source-topic") == topic.encode(), hdrs
        assert letter.key() == b"poison", f"dead letter key {letter.key()!r}"
        assert all(r.value() != env.SerializeToString() for r in dead), (
            "the valid RoleChanged was dead-lettered too: "
            f"{[headers_of(r) for r in dead if r.value() == env.SerializeToString()]}"
        )

        # The valid event: applied once.
        totals = None
        with psycopg.connect(pg_schema, autocommit=True, connect_timeout=10) as conn:
            while True:
                totals = conn.execute("SELECT total, applied FROM fault_totals").fetchone()
                if totals == (7, 1):
                    break
                check_alive()
                if time.monotonic() > deadline:
                    pytest.fail(
                        f"fault_totals is {totals}, not (7, 1), {POISON_TIMEOUT_S:.0f}s after "
                        f"producing\n--- fault consumer log ---\n{consumer_log()}",
                        pytrace=False,
                    )
                time.sleep(0.5)
            deliveries = [r[0] for r in conn.execute("SELECT event_id FROM fault_deliveries")]
            claimed = conn.execute(
                "SELECT consumer, event_id FROM processed_events"
            ).fetchall()
        assert deliveries and set(deliveries) == {event_id}, deliveries
        assert claimed == [("fault-test", event_id)], claimed
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)
        log.close()


# --- d. erasure leaves nothing readable on Kafka -------------------------------------------

RESUMES_TOPIC = "nexushr.resumes.v1"


def table_holders(server_addr: str, needles: list[bytes]) -> list[tuple[str, str]]:
    """(table, needle) for every needle found in a row of any table of the server's database."""
    db = sqlite3.connect(f"file:{DATA_DIRS[server_addr] / 'nexushr.db'}?mode=ro", uri=True, timeout=10)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        assert {"ri_resumes", "qg_resumes", "qg_kits", "outbox"} <= set(tables), tables
        found = set()
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                blob = b"".join(v if isinstance(v, bytes) else str(v).encode() for v in row if v is not None)
                found |= {(table, n.decode()) for n in needles if n in blob}
        return sorted(found)
    finally:
        db.close()
RESUME_PARSED = "nexushr.events.v1.ResumeParsed"
RESUME_ERASED = "nexushr.events.v1.ResumeErased"


def test_erased_candidate_leaves_nothing_readable_on_kafka(kafka_server_addr, kafka_brokers, pb):
    token = secrets.token_hex(4)
    person = {
        "name": f"Valentina Quiroga{token}",
        "email": f"valentina.{token}@example.org",
        "phone": "+52 55 5123 4567",
        "employer": f"Logistica Serrana{token}",
        "line": f"Cut dispatch latency{token} from 9 s to 2 s with a Redis queue in Go",
    }
    candidate = f"ats-erase-{token}"
    text = (
        f"{person['name']}\n{person['email']} | {person['phone']}\n\nExperience\n\n"
        f"Backend Engineer \u2014 {person['employer']}\nMar 2021 \u2013 Present\n- {person['line']}\n"
        f"- Built the order API in Go and PostgreSQL for 40 stores.\n\nSkills\nGo, PostgreSQL, Redis, Docker\n"
    ).encode()
    ch = grpc.insecure_channel(kafka_server_addr)
    resumes = pb.resumes_grpc.ResumeIngestionStub(ch)
    messages = [
        pb.resumes.UploadRequest(
            metadata=pb.resumes.UploadMetadata(
                external_candidate_id=candidate, file_name="cv.txt", size_bytes=len(text)
            )
        ),
        pb.resumes.UploadRequest(chunk=text),
    ]
    uploaded = resumes.Upload(iter(messages), timeout=TIMEOUT)
    # The parse holds what the scan looks for, so a miss below is not a parse that lost it.
    assert person["employer"] in str(uploaded.parsed), uploaded.parsed

    def envelopes(records):
        return [pb.events.EventEnvelope.FromString(r.value()) for r in records if r.value()]

    def has(event_type):
        def done(records):
            return any(
                e.event_type == event_type and e.aggregate_id == uploaded.id for e in envelopes(records)
            )

        return done

    wait_for_topics(kafka_brokers, [RESUMES_TOPIC])
    consume_until(kafka_brokers, RESUMES_TOPIC, has(RESUME_PARSED), what="the ResumeParsed event")
    # Question generation read the parse the event names and prepared it: a kit by resume id
    # (Generate waits for a fresh upload's preparation).
    questions = pb.questions_grpc.QuestionGenerationStub(ch)
    kit = questions.Generate(
        pb.questions.GenerateRequest(role="backend-developer", resume_id=uploaded.id, count=5),
        timeout=TIMEOUT,
    )
    assert kit.resume_id == uploaded.id and kit.questions, kit
    needles = [v.encode() for v in person.values()] + [candidate.encode(), token.encode()]
    before = table_holders(kafka_server_addr, needles)
    assert {"ri_resumes", "ri_files"} & {table for table, _ in before}, before
    receipt = resumes.EraseCandidate(
        pb.resumes.EraseCandidateRequest(external_candidate_id=candidate), timeout=TIMEOUT
    )
    assert list(receipt.resume_ids) == [uploaded.id], receipt
    records = consume_until(kafka_brokers, RESUMES_TOPIC, has(RESUME_ERASED), what="the ResumeErased event")
    ours = [e for e in envelopes(records) if e.aggregate_id == uploaded.id]
    assert {e.event_type for e in ours} == {RESUME_PARSED, RESUME_ERASED}, ours
    for e in ours:
        if e.event_type == RESUME_PARSED:
            parsed = pb.events.ResumeParsed.FromString(e.payload)
            assert parsed == pb.events.ResumeParsed(resume_id=uploaded.id), parsed
    # Every byte of every record (key, value, headers) of the topic and its dead letters.
    admin = AdminClient({"bootstrap.servers": kafka_brokers})
    topics = [t for t in (RESUMES_TOPIC, f"{RESUMES_TOPIC}.dlq") if t in admin.list_topics(timeout=10).topics]
    for topic in topics:
        group = f"nexushr-pytest-scan-{uuid.uuid4().hex[:12]}"
        consumer = Consumer(
            {"bootstrap.servers": kafka_brokers, "group.id": group, "auto.offset.reset": "earliest",
             "enable.auto.commit": False}
        )
        consumer.subscribe([topic])
        scanned, idle_since = 0, time.monotonic()
        try:
            while time.monotonic() - idle_since < 5.0:
                msg = consumer.poll(0.5)
                if msg is None or msg.error():
                    continue
                idle_since = time.monotonic()
                scanned += 1
                blob = (msg.key() or b"") + (msg.value() or b"") + b"".join(v or b"" for _k, v in (msg.headers() or []))
                found = [n.decode() for n in needles if n in blob]
                assert not found, f"{topic} offset {msg.offset()} still holds {found}"
        finally:
            consumer.close()
        if topic == RESUMES_TOPIC:
            assert scanned >= 2, f"scanned {scanned} records of {topic}"
    # Question generation applied the erasure (its ResumeErased came over Kafka) ...
    deadline = time.monotonic() + 30
    while True:
        try:
            questions.Generate(
                pb.questions.GenerateRequest(role="backend-developer", resume_id=uploaded.id), timeout=TIMEOUT
            )
        except grpc.RpcError as e:
            assert e.code() == grpc.StatusCode.NOT_FOUND, e
            break
        assert time.monotonic() < deadline, "question generation still makes kits from the erased resume"
        time.sleep(0.2)
    # ... and no row of any table of the database holds anything of the candidate (before the
    # erasure the same scan found it).
    assert not table_holders(kafka_server_addr, needles), table_holders(kafka_server_addr, needles)
    db = sqlite3.connect(f"file:{DATA_DIRS[kafka_server_addr] / 'nexushr.db'}?mode=ro", uri=True, timeout=10)
    try:
        # Kit bodies are compressed, so a byte scan cannot see into them: the kit made above is gone.
        for table, column in (("ri_resumes", "id"), ("qg_resumes", "resume_id"), ("qg_kits", "resume_id")):
            (left,) = db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (uploaded.id,)).fetchone()
            assert left == 0, f"{table} still holds {left} rows of the erased resume"
    finally:
        db.close()
    ch.close()

