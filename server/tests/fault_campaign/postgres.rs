//! A database of the campaign's own on the PostgreSQL server at 127.0.0.1:5432
//! (`COMTEM_TEST_POSTGRES_URL` to use another), dropped at the end.

use sqlx::{Connection, Executor};

/// A database made for one test.
pub struct Scratch {
    admin_url: String,
    name: String,
    /// Where the database is, for a server or a pool.
    pub url: String,
    /// The PostgreSQL server's address, for a proxy to stand in front of.
    pub host: std::net::SocketAddr,
}

impl Scratch {
    /// Creates an empty database named after `purpose` and this process.
    pub async fn create(purpose: &str) -> Self {
        let admin_url = std::env::var("COMTEM_TEST_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let name = format!("comtem_campaign_{purpose}_{}", std::process::id());
        admin(&admin_url, &format!("CREATE DATABASE {name}")).await;
        let (base, _) = admin_url.rsplit_once('/').expect("a database path");
        let authority = base.rsplit_once('@').map_or(base, |(_, host)| host);
        let authority = authority.trim_start_matches("postgres://");
        let host = tokio::net::lookup_host(authority)
            .await
            .expect("the PostgreSQL address")
            .next()
            .expect("an address");
        let url = format!("{base}/{name}");
        Self {
            admin_url,
            name,
            url,
            host,
        }
    }

    /// `url` with its host and port replaced by `addr` (a proxy's).
    pub fn url_through(&self, addr: std::net::SocketAddr) -> String {
        self.url.replace(&self.host_text(), &addr.to_string())
    }

    fn host_text(&self) -> String {
        let (base, _) = self.url.rsplit_once('/').expect("a database path");
        let authority = base.rsplit_once('@').map_or(base, |(_, host)| host);
        authority.trim_start_matches("postgres://").to_owned()
    }

    /// Drops the database, whoever is still connected.
    pub async fn drop_now(self) {
        let sql = format!("DROP DATABASE {} WITH (FORCE)", self.name);
        admin(&self.admin_url, &sql).await;
    }
}

async fn admin(url: &str, sql: &str) {
    sqlx::any::install_default_drivers();
    let mut admin = sqlx::AnyConnection::connect(url).await.expect("PostgreSQL");
    admin
        .execute(sqlx::AssertSqlSafe(sql.to_owned()))
        .await
        .expect("done");
}
