-- The transactional outbox. In distributed mode the relay moves rows to Kafka and deletes them;
-- in embedded mode it is the event log itself, read by in-process consumers.
CREATE TABLE IF NOT EXISTS outbox (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    topic        TEXT NOT NULL,
    aggregate_id TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    envelope     BLOB NOT NULL,
    -- JSON object of extra headers (dead letters carry the error here).
    headers      TEXT NOT NULL,
    created_ms   BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS outbox_topic_seq ON outbox (topic, seq);

-- Where each in-process consumer group is in the outbox log.
CREATE TABLE IF NOT EXISTS consumer_offsets (
    group_id TEXT PRIMARY KEY,
    seq      BIGINT NOT NULL
);

-- Events a consumer has applied, for idempotent handlers.
CREATE TABLE IF NOT EXISTS processed_events (
    consumer     TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    processed_ms BIGINT NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
