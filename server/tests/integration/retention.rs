//! The daily purge: what has served its time goes, what may still be used stays; and a backup
//! of SQLite taken while the server writes opens as a complete database.

use app::server::db::{self, Db};
use app::server::retention::{KEEP_MAIL_SECS, KEEP_SHORT_SECS, cutoffs};
use app::server::settings::Settings;

use crate::support::{TestDb, person, unique_suffix};

on_both_databases!(the_purge_removes_what_served_its_time_only);

/// The moment the purge runs at, in Unix seconds.
const NOW: i64 = 1_800_000_000;

async fn count(db: &Db, table: &str) -> i64 {
    let query = format!("SELECT COUNT(*) FROM {table}");
    sqlx::query_scalar(sqlx::AssertSqlSafe(query))
        .fetch_one(db)
        .await
        .unwrap()
}

/// Runs `sql` with `texts` bound first, then `numbers`.
async fn insert(db: &Db, sql: &'static str, texts: &[&str], numbers: &[i64]) {
    let mut query = sqlx::query(sql);
    for text in texts {
        query = query.bind(text.to_string());
    }
    for number in numbers {
        query = query.bind(*number);
    }
    query.execute(db).await.unwrap();
}

async fn the_purge_removes_what_served_its_time_only(db: Db) {
    let settings = Settings::default();
    let ada = person(&db, "ada@comune.it", &["dati"]).await.0;
    let (idle, absolute) = (settings.session_idle_secs, settings.session_absolute_secs);
    let session = "INSERT INTO sessions (token_hash, person_id, created_at, last_seen_at) \
                   VALUES ($1, $2, $3, $4)";
    insert(&db, session, &["in-use", &ada], &[NOW - 60, NOW - 30]).await;
    insert(
        &db,
        session,
        &["idle", &ada],
        &[NOW - idle - 600, NOW - idle - 1],
    )
    .await;
    insert(
        &db,
        session,
        &["too-old", &ada],
        &[NOW - absolute - 1, NOW - 5],
    )
    .await;

    let link = "INSERT INTO login_links (token_hash, person_id, expires_at, used_at) \
                VALUES ($1, $2, $3, $4)";
    let day_ago = NOW - KEEP_SHORT_SECS - 1;
    insert(
        &db,
        "INSERT INTO login_links (token_hash, person_id, expires_at) VALUES ($1, $2, $3)",
        &["valid", &ada],
        &[NOW + 600],
    )
    .await;
    insert(
        &db,
        "INSERT INTO login_links (token_hash, person_id, expires_at) VALUES ($1, $2, $3)",
        &["expired", &ada],
        &[day_ago],
    )
    .await;
    insert(&db, link, &["used-long-ago", &ada], &[NOW + 600, day_ago]).await;

    let old = NOW - KEEP_MAIL_SECS - 1;
    let sent = "INSERT INTO outbox (id, recipient, subject, body, created_at, sent_at) \
                VALUES ($1, 'ada@comune.it', 'Oggetto', '', $2, $3)";
    let unsent = "INSERT INTO outbox (id, recipient, subject, body, created_at) \
                  VALUES ($1, 'ada@comune.it', 'Oggetto', 'Da inviare', $2)";
    insert(&db, unsent, &["waiting"], &[old]).await;
    insert(&db, sent, &["sent-long-ago"], &[old, old]).await;
    insert(&db, sent, &["sent-today"], &[NOW - 60, NOW - 60]).await;
    let failed = "INSERT INTO outbox (id, recipient, subject, body, created_at, failed_at) \
                  VALUES ($1, 'ada@comune.it', 'Oggetto', '', $2, $3)";
    insert(&db, failed, &["given-up-long-ago"], &[old, old]).await;

    let throttle = "INSERT INTO throttle (key, window_start, attempts) VALUES ($1, $2, 3)";
    insert(&db, throttle, &["login:ip:192.0.2.1"], &[NOW - 60]).await;
    insert(&db, throttle, &["login:ip:192.0.2.2"], &[day_ago]).await;

    let purged = db::retention::purge(&db, &cutoffs(&settings, NOW))
        .await
        .unwrap();
    assert_eq!(
        (
            purged.sessions,
            purged.login_links,
            purged.mails,
            purged.throttle_rows
        ),
        (2, 2, 2, 1)
    );
    let kept: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(kept, ["in-use"]);
    let kept: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM login_links")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(kept, ["valid"]);
    let mut kept: Vec<String> = sqlx::query_scalar("SELECT id FROM outbox")
        .fetch_all(&db)
        .await
        .unwrap();
    kept.sort();
    assert_eq!(
        kept,
        ["sent-today", "waiting"],
        "mail still to send is never purged"
    );
    assert_eq!(count(&db, "throttle").await, 1);
    let again = db::retention::purge(&db, &cutoffs(&settings, NOW))
        .await
        .unwrap();
    assert_eq!(again, Default::default(), "nothing twice");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_while_writing_restores_a_whole_database() {
    TestDb::sqlite()
        .await
        .run(|db| async move {
            let url = "sqlite:comtem.db";
            for n in 0..20 {
                person(&db, &format!("prima{n}@comune.it"), &["dati"]).await;
            }
            let writer = {
                let db = db.clone();
                tokio::spawn(async move {
                    for n in 0..200 {
                        person(&db, &format!("durante{n}@comune.it"), &["documenti"]).await;
                    }
                })
            };
            let file = std::env::temp_dir().join(format!("comtem-backup-{}.db", unique_suffix()));
            comtem::cli::backup(&db, url, &file).await.expect("backup");
            writer.await.unwrap();
            let again = comtem::cli::backup(&db, url, &file).await;
            assert!(
                again.unwrap_err().contains("esiste già"),
                "never overwrites"
            );

            // Restoring is opening the copy in place of the database.
            let restored = db::open(&format!("sqlite:{}", file.display()))
                .await
                .unwrap();
            let check: String = sqlx::query_scalar("PRAGMA integrity_check")
                .fetch_one(&restored)
                .await
                .unwrap();
            assert_eq!(check, "ok");
            let people = count(&restored, "people").await;
            let signups = count(&restored, "signups").await;
            assert!((20..=220).contains(&people), "{people} people in the copy");
            assert_eq!(
                signups, people,
                "each person with their signup: one consistent moment"
            );
            restored.close().await;
            let _ = std::fs::remove_file(&file);

            let postgres = comtem::cli::backup(&db, "postgres://x/y", &file).await;
            assert!(postgres.unwrap_err().contains("pg_dump"));
        })
        .await;
}
