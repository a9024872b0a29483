//! `/amministrazione/registro`: the audit log for regional staff, newest first, filtered by a
//! GET form (so it works without JavaScript), a page at a time, and exported as CSV.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::audit_log;
use crate::components::data_table::DataTable;
use crate::components::loaded_page::loaded_page;
use crate::domain::audit::{AuditAction, AuditFilter, AuditPage, AuditQuery, AuditRecord};
use crate::domain::italian_time::ItalianTime;
use crate::i18n::{audit_texts, texts};

/// The page's address, which the filters and the pages add their query to.
const PATH: &str = "/amministrazione/registro";

/// The audit log page; loaded again when its query changes.
#[component]
pub fn AuditLogPage() -> impl IntoView {
    let query = use_query_map();
    let data = Resource::new(
        move || {
            query.with(|q| {
                let field = |key: &str| q.get(key).unwrap_or_default();
                AuditQuery {
                    azione: field("azione"),
                    chi: field("chi"),
                    dal: field("dal"),
                    al: field("al"),
                    pagina: field("pagina").parse().unwrap_or(1),
                }
            })
        },
        |q| audit_log(q.azione, q.chi, q.dal, q.al, q.pagina),
    );
    loaded_page(data, |page| view! { <AuditLogView page /> })
}

#[component]
fn AuditLogView(page: AuditPage) -> impl IntoView {
    let t = audit_texts();
    let AuditPage {
        filter,
        records,
        more,
    } = page;
    let csv = address("/amministrazione/registro.csv", &filter.query(1));
    let table = if records.is_empty() {
        view! { <p>{t.none}</p> }.into_any()
    } else {
        view! {
            <DataTable
                caption=(t.caption)(filter.page)
                headers=vec![
                    t.col_when,
                    t.col_action,
                    t.col_actor,
                    t.col_target,
                    t.col_before,
                    t.col_after,
                    t.col_address,
                ]
            >
                {records.into_iter().map(row).collect_view()}
            </DataTable>
        }
        .into_any()
    };
    view! {
        <Title text=format!("{} · {}", t.title, texts().site_name) />
        <div class="container section">
            <h1>{t.title}</h1>
            <p class="lead">{t.lead}</p>
            <p>
                <a href="/amministrazione">{t.back}</a>
            </p>
            <Filters filter=filter.clone() />
            <p>
                <a href=csv download="comtem-registro.csv" rel="external">
                    {t.export}
                </a>
            </p>
            {table}
            <Pages filter more />
        </div>
    }
}

/// The GET form of the filters.
#[component]
fn Filters(filter: AuditFilter) -> impl IntoView {
    let t = audit_texts();
    let day = |day: &Option<crate::domain::numbers::Day>| {
        day.as_ref()
            .map(|d| d.as_str().to_owned())
            .unwrap_or_default()
    };
    let options = AuditAction::ALL
        .iter()
        .map(|action| {
            view! {
                <option value=action.code() selected=filter.action == Some(*action)>
                    {(t.action)(*action)}
                </option>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="registro-filtri">
            <h2 id="registro-filtri">{t.filters}</h2>
            <form method="get" action=PATH class="form">
                <div class="form-group">
                    <label for="registro-azione">{t.field_action}</label>
                    <select id="registro-azione" name="azione">
                        <option value="" selected=filter.action.is_none()>
                            {t.any_action}
                        </option>
                        {options}
                    </select>
                </div>
                <div class="form-group">
                    <label for="registro-chi">{t.field_actor}</label>
                    <input
                        id="registro-chi"
                        type="search"
                        name="chi"
                        value=filter.actor.clone()
                        aria-describedby="registro-chi-aiuto"
                    />
                    <small id="registro-chi-aiuto" class="form-text">
                        {t.field_actor_hint}
                    </small>
                </div>
                <div class="form-group">
                    <label for="registro-dal">{t.field_from}</label>
                    <input id="registro-dal" type="date" name="dal" value=day(&filter.from) />
                </div>
                <div class="form-group">
                    <label for="registro-al">{t.field_to}</label>
                    <input id="registro-al" type="date" name="al" value=day(&filter.to) />
                </div>
                <button type="submit" class="btn btn-primary">
                    {t.filter_button}
                </button>
                " "
                <a href=PATH>{t.clear}</a>
            </form>
        </section>
    }
}

/// One row of the table.
fn row(record: AuditRecord) -> impl IntoView {
    let t = audit_texts();
    let actor = match (record.actor_name, record.actor_id) {
        (Some(name), _) => name,
        (None, Some(id)) => id,
        (None, None) => t.system.to_owned(),
    };
    let when = ItalianTime::at(record.at).minute();
    view! {
        <tr>
            <td>{when}</td>
            <td>{(t.action)(record.action)}</td>
            <td>{actor}</td>
            <td>{record.target_name.unwrap_or(record.target)}</td>
            <td>{record.before.unwrap_or_default()}</td>
            <td>{record.after.unwrap_or_default()}</td>
            <td>{record.address}</td>
        </tr>
    }
}

/// Links to the newer and the older page, when there are.
#[component]
fn Pages(filter: AuditFilter, more: bool) -> impl IntoView {
    let t = audit_texts();
    let page = filter.page;
    let newer = (page > 1).then(|| {
        let href = address(PATH, &filter.query(page - 1));
        view! {
            <a href=href rel="prev">
                {t.newer}
            </a>
        }
    });
    let older = more.then(|| {
        let href = address(PATH, &filter.query(page + 1));
        view! {
            <a href=href rel="next">
                {t.older}
            </a>
        }
    });
    (newer.is_some() || older.is_some()).then(|| {
        view! {
            <nav aria-label=t.pages class="pager">
                {newer}
                " "
                {older}
            </nav>
        }
    })
}

/// `path` with `query`, if any.
fn address(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}
