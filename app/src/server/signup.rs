//! Signing up. A signup is only a request until the owner of the address follows the link mailed
//! to it: nobody is logged in, nothing is stored in people or signups, nothing counts. Every
//! address gets the same answer; a known one gets a mail listing the communities asked for.

use super::auth::sessions::{self, LoginMethod};
use super::auth::{passwords, throttle};
use super::clock::{rfc3339_now, unix_now};
use super::db::outbox::Mail;
use super::db::pending_signups::{Filing, SignupRequest};
use super::db::{self, Db};
use super::request::{cookie, cookie_header, cookie_name, set_cookie, throttle_source};
use super::state::AppState;
use super::tokens::{digest, secret_token};
use crate::domain::community::CommunitySlug;
use crate::domain::person::{Email, PersonId};
use crate::domain::signup_form::{EnteChoice, Signup, SignupForm};
use crate::domain::validation::Rejection;
use crate::error::AppError;
use crate::i18n::texts;
use crate::server::failure::Context;

/// How long a confirmation link stays valid.
const CONFIRM_VALID_SECS: i64 = 24 * 60 * 60;
/// Requests, confirmed or not, are removed this long after they were made.
pub const KEEP_REQUESTS_SECS: i64 = 7 * 24 * 60 * 60;
/// The cookie that tells the browser that signed up: only there does the password chosen at
/// signup take effect, so whoever signs up with someone else's address never sets its password.
const BROWSER_COOKIE: &str = "comtem_signup";

/// What following a confirmation link did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirmation {
    /// A new account, now logged in.
    Joined,
    /// The communities asked for were added to a known account, now logged in.
    Added,
}

/// Validates a signup and mails its owner the link that confirms it.
#[tracing::instrument(skip_all)]
pub async fn sign_up(state: &AppState, form: &SignupForm) -> Result<(), AppError> {
    if sessions::current(state).await?.is_some() {
        return Err(AppError::AlreadyLoggedIn);
    }
    let limits = &state.settings.limits;
    let ip_key = format!("signup:ip:{}", throttle_source(&state.settings));
    throttle::attempt(&state.db, &ip_key, limits.signup_per_ip).await?;
    let signup = form.validate().map_err(invalid)?;
    let account_key = throttle::account_key("signup", signup.email.as_str());
    throttle::attempt(&state.db, &account_key, limits.signup_per_account).await?;
    // A registered body is checked now, so the form can point at it; a proposed one is only
    // stored once the signup is confirmed.
    if let EnteChoice::Registered { .. } = signup.ente
        && let Err(problem) = super::enti::code_for(&state.db, &signup.ente).await?
    {
        let mut echo = form.echo();
        echo.add("ente_nome", problem);
        return Err(invalid(echo));
    }
    let password_hash = match &signup.password {
        Some(password) => Some(passwords::hash(password).await?),
        None => None,
    };
    let known = db::people::credentials(&state.db, &signup.email).await?;
    let token = secret_token();
    let link = format!("{}/iscriviti/conferma/{token}", state.settings.public_url);
    let mail = match known {
        None => new_address_mail(&signup.email, &link),
        Some((person, _)) => {
            let asked = not_joined(&state.db, &person, &signup.communities).await?;
            if asked.is_empty() {
                let mail = nothing_new_mail(&signup.email, &state.settings.public_url);
                let mut conn = state.db.acquire().await?;
                return db::outbox::enqueue(&mut conn, &mail).await;
            }
            known_address_mail(&signup.email, &asked, &link)
        }
    };
    let now = unix_now();
    let browser = browser_token(state);
    let filing = Filing {
        token_hash: &digest(&token),
        browser_hash: &digest(&browser),
        email: signup.email.as_str(),
        created_at: now,
        expires_at: now + CONFIRM_VALID_SECS,
    };
    let request = SignupRequest {
        first_name: signup.first_name,
        last_name: signup.last_name,
        job_title: signup.job_title,
        ente: signup.ente,
        communities: signup.communities,
        password_hash,
    };
    db::pending_signups::insert_with_mail(&state.db, &filing, &request, &mail).await
}

/// Follows a confirmation link: creates the account (or adds the communities to the known one)
/// and logs its owner in. The password chosen at signup is kept only in the browser that chose
/// it; elsewhere the account logs in by link until a password is set from the profile.
#[tracing::instrument(skip_all)]
pub async fn confirm(state: &AppState, token: &str) -> Result<Confirmation, AppError> {
    let confirmed = db::pending_signups::confirm(&state.db, &digest(token), unix_now())
        .await?
        .ok_or(AppError::ConfirmationInvalid)?;
    let email = Email::parse(&confirmed.email).context("reading a stored signup's email")?;
    let request = confirmed.request;
    let now = rfc3339_now();
    if let Some((person, _)) = db::people::credentials(&state.db, &email).await? {
        for community in &request.communities {
            db::signups::join_one(&state.db, &person, community, &now).await?;
        }
        sessions::start(state, &person, LoginMethod::Link).await?;
        return Ok(Confirmation::Added);
    }
    let ente_code = match super::enti::code_for(&state.db, &request.ente).await? {
        Ok(code) => code,
        Err(problem) => {
            tracing::warn!(?problem, "the body of a confirmed signup is gone");
            return Err(AppError::ConfirmationInvalid);
        }
    };
    let same_browser = cookie(&cookie_name(&state.settings, BROWSER_COOKIE))
        .is_some_and(|value| digest(&value) == confirmed.browser_hash);
    let password_hash = request.password_hash.filter(|_| same_browser);
    let signup = Signup {
        first_name: request.first_name,
        last_name: request.last_name,
        email,
        ente: request.ente,
        job_title: request.job_title,
        communities: request.communities,
        password: None,
    };
    let enrolment = db::people::enrol(
        &state.db,
        &signup,
        &ente_code,
        password_hash.as_deref(),
        &now,
        None,
    )
    .await?;
    sessions::start(state, &enrolment.person, LoginMethod::Link).await?;
    Ok(if enrolment.created {
        Confirmation::Joined
    } else {
        Confirmation::Added
    })
}

/// Removes, every hour, the requests older than [`KEEP_REQUESTS_SECS`].
pub fn spawn_cleanup(db: Db) {
    tokio::spawn(async move {
        while !db.is_closed() {
            let before = unix_now() - KEEP_REQUESTS_SECS;
            match db::pending_signups::remove_older_than(&db, before).await {
                Ok(0) => {}
                Ok(removed) => tracing::info!(removed, "old signup requests removed"),
                Err(error) => tracing::warn!(?error, "cannot remove old signup requests"),
            }
            tokio::time::sleep(std::time::Duration::from_secs(60 * 60)).await;
        }
    });
}

/// The communities of `asked` that `person` has not joined, by name.
async fn not_joined(
    db: &Db,
    person: &PersonId,
    asked: &[CommunitySlug],
) -> Result<Vec<String>, AppError> {
    let joined = db::signups::communities_of(db, person).await?;
    Ok(db::communities::list(db)
        .await?
        .into_iter()
        .filter(|community| asked.contains(&community.slug) && !joined.contains(&community.slug))
        .map(|community| community.name)
        .collect())
}

/// The browser's signup cookie, set now if it has none.
fn browser_token(state: &AppState) -> String {
    cookie(&cookie_name(&state.settings, BROWSER_COOKIE)).unwrap_or_else(|| {
        let token = secret_token();
        let header = cookie_header(&state.settings, BROWSER_COOKIE, &token, CONFIRM_VALID_SECS);
        set_cookie(&header);
        token
    })
}

fn new_address_mail(email: &Email, link: &str) -> Mail {
    Mail {
        recipient: email.as_str().to_owned(),
        subject: texts().mail_confirm_subject.to_owned(),
        body: (texts().mail_confirm_body)(link),
        reply_to: None,
        unsubscribe: None,
    }
}

fn known_address_mail(email: &Email, communities: &[String], link: &str) -> Mail {
    let list: Vec<String> = communities.iter().map(|name| format!("- {name}")).collect();
    Mail {
        recipient: email.as_str().to_owned(),
        subject: texts().mail_add_subject.to_owned(),
        body: (texts().mail_add_body)(&list.join("\n"), link),
        reply_to: None,
        unsubscribe: None,
    }
}

fn nothing_new_mail(email: &Email, public_url: &str) -> Mail {
    Mail {
        recipient: email.as_str().to_owned(),
        subject: texts().mail_nothing_new_subject.to_owned(),
        body: (texts().mail_nothing_new_body)(&format!("{public_url}/accedi")),
        reply_to: None,
        unsubscribe: None,
    }
}

fn invalid(rejection: Rejection) -> AppError {
    AppError::Invalid(Box::new(rejection))
}
