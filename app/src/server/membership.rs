//! Logging in by password or by link, the email this sends, and the first admin.

use super::audit::entry;
use super::auth::sessions::{self, LoginMethod};
use super::auth::{passwords, throttle};
use super::clock::{rfc3339_now, unix_now};
use super::db::{self, outbox::Mail};
use super::request::throttle_source;
use super::state::AppState;
use super::tokens::{digest, secret_token};
use crate::domain::audit::AuditAction;
use crate::domain::person::{Email, Password, PersonId};
use crate::domain::validation::{Problem, Rejection};
use crate::error::AppError;
use crate::i18n::texts;

/// How long a login link stays valid.
const LINK_VALID_SECS: i64 = 30 * 60;

/// Logs in with email and password, throttled per address and per account; a wrong password for
/// an account is recorded in the audit log.
#[tracing::instrument(skip_all)]
pub async fn log_in(state: &AppState, email: &str, password: String) -> Result<(), AppError> {
    let limits = &state.settings.limits;
    throttle::attempt(
        &state.db,
        &format!("login:ip:{}", throttle_source(&state.settings)),
        limits.login_per_ip,
    )
    .await?;
    let Ok(email) = Email::parse(email) else {
        return Err(AppError::BadCredentials);
    };
    let account_key = login_account_key(&email);
    throttle::attempt(&state.db, &account_key, limits.login_per_account).await?;
    if password.chars().count() > Password::MAX_CHARS {
        return Err(AppError::BadCredentials);
    }
    let account = db::people::credentials(&state.db, &email).await?;
    let (person, stored) = match account {
        Some((person, stored)) => (Some(person), stored),
        None => (None, None),
    };
    match (passwords::verify(password, stored).await?, person) {
        (true, Some(person)) => {
            // Only failures should add up: a successful login starts the count again.
            db::throttle::clear(&state.db, &account_key).await?;
            sessions::start(state, &person, LoginMethod::Password).await?;
            Ok(())
        }
        (false, Some(person)) => {
            let failed = entry(state, &person, AuditAction::LoginFailed, &person.0);
            super::audit::record_alone(state, &failed).await?;
            Err(AppError::BadCredentials)
        }
        _ => Err(AppError::BadCredentials),
    }
}

/// The throttle key of `email`'s password checks (logins and password changes alike).
pub fn login_account_key(email: &Email) -> String {
    throttle::account_key("login", email.as_str())
}

/// Emails a one-time login link if the address belongs to an account. The answer is the same
/// either way, so it does not reveal who has signed up.
#[tracing::instrument(skip_all)]
pub async fn request_link(state: &AppState, email: &str) -> Result<(), AppError> {
    let limits = &state.settings.limits;
    throttle::attempt(
        &state.db,
        &format!("link:ip:{}", throttle_source(&state.settings)),
        limits.link_per_ip,
    )
    .await?;
    let email = Email::parse(email).map_err(|problem| {
        let mut echo = Rejection::default();
        echo.keep("email", email);
        rejected(echo, "email", problem)
    })?;
    throttle::attempt(
        &state.db,
        &throttle::account_key("link", email.as_str()),
        limits.link_per_account,
    )
    .await?;
    if let Some((person, _)) = db::people::credentials(&state.db, &email).await? {
        send_link(state, &person, &email).await?;
    }
    Ok(())
}

/// Logs in with a link's token, which then stops working.
#[tracing::instrument(skip_all)]
pub async fn redeem_link(state: &AppState, token: &str) -> Result<(), AppError> {
    let person = db::login_links::redeem(&state.db, &digest(token), unix_now())
        .await?
        .ok_or(AppError::LinkInvalid)?;
    sessions::start(state, &person, LoginMethod::Link).await?;
    Ok(())
}

async fn send_link(state: &AppState, person: &PersonId, email: &Email) -> Result<(), AppError> {
    let token = secret_token();
    let link = format!("{}/accedi/link/{token}", state.settings.public_url);
    let mail = Mail {
        recipient: email.as_str().to_owned(),
        subject: texts().mail_link_subject.to_owned(),
        body: (texts().mail_link_body)(&link),
        reply_to: None,
        unsubscribe: None,
    };
    db::login_links::insert_with_mail(
        &state.db,
        &digest(&token),
        person,
        unix_now() + LINK_VALID_SECS,
        &mail,
    )
    .await
}

fn invalid(rejection: Rejection) -> AppError {
    AppError::Invalid(Box::new(rejection))
}

fn rejected(mut echo: Rejection, field: &str, problem: Problem) -> AppError {
    echo.add(field, problem);
    invalid(echo)
}

/// Makes `email` a regional-staff admin, creating the person if needed, and returns a one-time
/// login link for them. Used by `comtem create-admin` before anyone can log in.
pub async fn bootstrap_admin(
    db: &super::db::Db,
    public_url: &str,
    email: &str,
    first_name: &str,
    last_name: &str,
) -> Result<String, AppError> {
    use crate::domain::role::{Role, RoleKind};
    use crate::domain::signup_form::{EnteChoice, Signup};
    let invalid_email = |problem| rejected(Rejection::default(), "email", problem);
    let signup = Signup {
        first_name: crate::domain::validation::line(first_name, crate::domain::person::NAME_MAX)
            .map_err(|problem| rejected(Rejection::default(), "nome", problem))?,
        last_name: crate::domain::validation::line(last_name, crate::domain::person::NAME_MAX)
            .map_err(|problem| rejected(Rejection::default(), "cognome", problem))?,
        email: Email::parse(email).map_err(invalid_email)?,
        ente: EnteChoice::Registered {
            code: REGION.to_owned(),
            name: String::new(),
        },
        job_title: texts().role_admin.to_owned(),
        communities: Vec::new(),
        password: None,
    };
    let enrolment = db::people::enrol(db, &signup, REGION, None, &rfc3339_now(), None).await?;
    let admin = Role::global(RoleKind::Admin);
    let mut tx = db.begin().await?;
    if db::roles::grant(&mut *tx, &enrolment.person, &admin, &rfc3339_now()).await? {
        let granted = db::audit::Entry::system(AuditAction::RoleGranted, &enrolment.person.0);
        db::audit::record(&mut tx, &granted.after(super::admin::role_code(&admin))).await?;
    }
    tx.commit().await?;
    let token = secret_token();
    let mut conn = db.acquire().await?;
    db::login_links::insert(
        &mut conn,
        &digest(&token),
        &enrolment.person,
        unix_now() + LINK_VALID_SECS,
    )
    .await?;
    Ok(format!("{public_url}/accedi/link/{token}"))
}

/// The registry code of the Region, the body of regional staff.
const REGION: &str = "regione-er";
