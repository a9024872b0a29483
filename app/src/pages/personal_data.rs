//! `/profilo/dati`: everything COMTem keeps about the signed-in person and everything they
//! wrote, readable, with the JSON download of the same.

mod writings;

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_meta::Title;
use serde::{Deserialize, Serialize};

use super::board::threads::when::italian_moment;
use crate::api::communities::list_communities;
use crate::api::personal_data::my_personal_data;
use crate::components::loaded_page::loaded_page;
use crate::domain::community::CommunitySlug;
use crate::domain::italian_time::ItalianTime;
use crate::domain::personal_data::{Account, PersonalData};
use crate::i18n::{personal_data_texts, plan_texts, texts};

/// The signed-in person's data; visitors are asked to log in.
#[component]
pub fn PersonalDataPage() -> impl IntoView {
    let data = Resource::new(
        || (),
        |_| async {
            let data = my_personal_data().await?;
            let names = list_communities()
                .await?
                .into_iter()
                .map(|c| (c.slug, c.name))
                .collect::<HashMap<_, _>>();
            Ok((data, Names(names)))
        },
    );
    let t = personal_data_texts();
    view! {
        <Title text=format!("{} · {}", t.title, texts().site_name) />
        {loaded_page(data, |(data, names)| view! { <Data data names /> })}
    }
}

/// Communities' names by slug.
#[derive(Clone, Serialize, Deserialize)]
struct Names(HashMap<CommunitySlug, String>);

impl Names {
    /// The community's name, or its slug if it is gone.
    fn of(&self, slug: &CommunitySlug) -> String {
        self.0
            .get(slug)
            .cloned()
            .unwrap_or_else(|| slug.as_str().to_owned())
    }
}

#[component]
fn Data(data: PersonalData, names: Names) -> impl IntoView {
    let t = personal_data_texts();
    let memberships = data
        .memberships
        .iter()
        .map(|m| {
            let until = m.until.as_deref().map(italian_moment);
            (t.membership)(
                &names.of(&m.community),
                &italian_moment(&m.from),
                until.as_deref(),
            )
        })
        .map(|line| line.into_any())
        .collect();
    let roles = data
        .roles
        .iter()
        .map(|r| match CommunitySlug::parse(&r.community) {
            Ok(slug) => format!("{} ({})", r.role.label(), names.of(&slug)),
            Err(_) => r.role.label().to_owned(),
        })
        .map(|line| line.into_any())
        .collect();
    let sessions = data
        .sessions
        .iter()
        .map(|s| {
            let at = |unix| plan_texts().long_date(&ItalianTime::at(unix).minute());
            (t.session)(&at(s.started), &at(s.last_used)).into_any()
        })
        .collect();
    let attendance = data
        .attendance
        .iter()
        .map(|a| {
            view! { <a href=format!("/incontri/{}", a.meeting)>{a.title.clone()}</a> }.into_any()
        })
        .collect();
    view! {
        <div class="container section narrow personal-data">
            <h1>{t.title}</h1>
            <p>{t.lead}</p>
            <p class="actions">
                <a
                    class="btn btn-outline-primary"
                    href="/profilo/dati.json"
                    download="comtem-miei-dati.json"
                >
                    {t.download}
                </a>
                " "
                <a href="/profilo">{t.back}</a>
            </p>
            <AccountFacts account=data.account.clone() />
            <Listing id="dati-comunita" title=t.memberships items=memberships />
            <Listing id="dati-ruoli" title=t.roles items=roles />
            <Listing id="dati-sessioni" title=t.sessions items=sessions />
            <Listing id="dati-incontri" title=t.attendance items=attendance />
            <writings::Writings data names />
        </div>
    }
}

#[component]
fn AccountFacts(account: Account) -> impl IntoView {
    let t = personal_data_texts();
    let facts = [
        (t.first_name, account.first_name),
        (t.last_name, account.last_name),
        (t.email, account.email),
        (t.job_title, account.job_title),
        (t.ente, account.ente.unwrap_or_default()),
        (t.created, italian_moment(&account.created_at)),
    ];
    let privacy = (t.privacy)(
        &account.privacy_version,
        &italian_moment(&account.privacy_accepted_at),
    );
    view! {
        <section aria-labelledby="dati-account">
            <h2 id="dati-account">{t.account}</h2>
            <dl class="facts">
                {facts
                    .into_iter()
                    .map(|(term, value)| {
                        view! {
                            <dt>{term}</dt>
                            <dd>{value}</dd>
                        }
                    })
                    .collect_view()}
            </dl>
            <p>{privacy}</p>
        </section>
    }
}

/// A titled list of `items`, or a line saying there is none.
#[component]
fn Listing(id: &'static str, title: &'static str, items: Vec<AnyView>) -> impl IntoView {
    let body = if items.is_empty() {
        view! { <p class="muted">{personal_data_texts().none}</p> }.into_any()
    } else {
        view! {
            <ul class="personal-data-list">
                {items.into_iter().map(|item| view! { <li>{item}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {body}
        </section>
    }
}
