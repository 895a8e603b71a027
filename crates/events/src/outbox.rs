//! The transactional outbox and the bookkeeping of consumers, on SQLite or PostgreSQL.

use std::collections::BTreeMap;

use prost::Message;
use sqlx::{Any, AnyPool, Row, Transaction};

use crate::{Event, EventError};

/// An outbox row: its position in the log, the event and any extra headers.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored {
    pub seq: i64,
    pub event: Event,
    pub headers: BTreeMap<String, String>,
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The outbox columns an insert writes, in the order [`bind_event`] binds them.
const INSERT_INTO: &str =
    "INSERT INTO outbox (topic, aggregate_id, event_id, envelope, headers, created_ms) VALUES ";
const COLUMNS: usize = 6;

type AnyQuery<'q> = sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>;

fn bind_event<'q>(query: AnyQuery<'q>, event: &Event, headers: String, now: i64) -> AnyQuery<'q> {
    query
        .bind(event.topic.clone())
        .bind(event.envelope.aggregate_id.clone())
        .bind(event.envelope.event_id.clone())
        .bind(event.envelope.encode_to_vec())
        .bind(headers)
        .bind(now)
}

fn insert_query<'q>(sql: &'q str, event: &Event, headers: &BTreeMap<String, String>) -> AnyQuery<'q> {
    bind_event(
        sqlx::query(sql),
        event,
        serde_json::to_string(headers).unwrap_or_else(|_| "{}".into()),
        now_ms(),
    )
}

fn insert_one() -> String {
    format!("{INSERT_INTO}{}", nexushr_db::values(1, COLUMNS))
}

/// Adds an event to the outbox inside the caller's transaction: it is published if and only if
/// the transaction commits.
pub async fn enqueue(tx: &mut Transaction<'_, Any>, event: &Event) -> Result<(), EventError> {
    insert_query(&insert_one(), event, &BTreeMap::new()).execute(&mut **tx).await?;
    Ok(())
}

/// Adds events to the outbox inside the caller's transaction, in order, a few statements for
/// all of them (one round trip to the database per [`ROWS_PER_STATEMENT`] events rather than one
/// each).
pub async fn enqueue_all(tx: &mut Transaction<'_, Any>, events: &[&Event]) -> Result<(), EventError> {
    for chunk in events.chunks(ROWS_PER_STATEMENT) {
        let sql = format!("{INSERT_INTO}{}", nexushr_db::values(chunk.len(), COLUMNS));
        let now = now_ms();
        let mut query = sqlx::query(&sql);
        for event in chunk {
            query = bind_event(query, event, "{}".into(), now);
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Rows written by one multi-row statement. SQLite finds a numbered parameter's name by a
/// linear scan, so binding costs grow with the square of the parameters in one statement.
pub const ROWS_PER_STATEMENT: usize = 32;

/// Adds an event outside any transaction (dead letters, direct publishes).
pub async fn insert(
    pool: &AnyPool,
    event: &Event,
    headers: &BTreeMap<String, String>,
) -> Result<(), EventError> {
    insert_query(&insert_one(), event, headers).execute(pool).await?;
    Ok(())
}

fn decode_row(row: &sqlx::any::AnyRow) -> Result<Stored, EventError> {
    let topic: String = row.try_get("topic")?;
    let bytes: Vec<u8> = row.try_get("envelope")?;
    let headers: String = row.try_get("headers")?;
    Ok(Stored {
        seq: row.try_get("seq")?,
        event: Event::decode(&topic, &bytes)?,
        headers: serde_json::from_str(&headers).unwrap_or_default(),
    })
}

/// Up to `limit` rows after `after`, in log order; only `topics` when given.
pub async fn fetch(
    pool: &AnyPool,
    after: i64,
    topics: Option<&[&str]>,
    limit: i64,
) -> Result<Vec<Stored>, EventError> {
    let mut sql = String::from("SELECT seq, topic, envelope, headers FROM outbox WHERE seq > $1");
    if let Some(topics) = topics {
        let list: Vec<String> = (0..topics.len()).map(|i| format!("${}", i + 2)).collect();
        sql.push_str(&format!(" AND topic IN ({})", list.join(", ")));
    }
    sql.push_str(&format!(" ORDER BY seq LIMIT {limit}"));
    let mut q = sqlx::query(&sql).bind(after);
    for t in topics.unwrap_or_default() {
        q = q.bind(t.to_string());
    }
    q.fetch_all(pool).await?.iter().map(decode_row).collect()
}

/// Deletes exactly the rows `seqs` (the relay, once Kafka acknowledged them). Not a range: with
/// concurrent writers a lower sequence number can commit after a higher one was published.
pub async fn delete(pool: &AnyPool, seqs: &[i64]) -> Result<u64, EventError> {
    let mut removed = 0;
    for chunk in seqs.chunks(500) {
        let list: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
        let sql = format!("DELETE FROM outbox WHERE seq IN ({})", list.join(", "));
        let mut q = sqlx::query(&sql);
        for seq in chunk {
            q = q.bind(*seq);
        }
        removed += q.execute(pool).await?.rows_affected();
    }
    Ok(removed)
}

/// Rows waiting in the outbox.
pub async fn pending(pool: &AnyPool) -> Result<i64, EventError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM outbox").fetch_one(pool).await?)
}

/// Records that `consumer` applied `event_id`, inside the handler's transaction. `false` means it
/// was applied before: skip the side effect.
pub async fn claim(
    tx: &mut Transaction<'_, Any>,
    consumer: &str,
    event_id: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO processed_events (consumer, event_id, processed_ms) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(consumer.to_string())
    .bind(event_id.to_string())
    .bind(now_ms())
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The last log position `group` has handled (0 before its first event).
pub async fn offset(pool: &AnyPool, group: &str) -> Result<i64, EventError> {
    let seq: Option<i64> = sqlx::query_scalar("SELECT seq FROM consumer_offsets WHERE group_id = $1")
        .bind(group.to_string())
        .fetch_optional(pool)
        .await?;
    Ok(seq.unwrap_or(0))
}

/// Stores `group`'s position; called only after the handler succeeded (or dead-lettered).
pub async fn commit(pool: &AnyPool, group: &str, seq: i64) -> Result<(), EventError> {
    sqlx::query(
        "INSERT INTO consumer_offsets (group_id, seq) VALUES ($1, $2) \
         ON CONFLICT (group_id) DO UPDATE SET seq = excluded.seq",
    )
    .bind(group.to_string())
    .bind(seq)
    .execute(pool)
    .await?;
    Ok(())
}

/// Drops log rows every registered group has passed (a range: SQLite's single writer makes
/// sequence order commit order in the embedded log), and rows older than `retention_ms`.
pub async fn compact(pool: &AnyPool, retention_ms: i64) -> Result<u64, EventError> {
    let min: Option<i64> =
        sqlx::query_scalar("SELECT MIN(seq) FROM consumer_offsets").fetch_one(pool).await?;
    let mut removed = 0;
    if let Some(min) = min {
        // Dead letters are read by no consumer group: they stay for an operator (and the
        // dead-letter gauge) until the retention below, not until the groups pass them.
        removed += sqlx::query("DELETE FROM outbox WHERE seq <= $1 AND topic NOT LIKE '%.dlq'")
            .bind(min)
            .execute(pool)
            .await?
            .rows_affected();
    }
    removed += sqlx::query("DELETE FROM outbox WHERE created_ms < $1")
        .bind(now_ms() - retention_ms)
        .execute(pool)
        .await?
        .rows_affected();
    Ok(removed)
}
