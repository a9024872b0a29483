//! `/notifiche`: the signed-in person's notifications by day, newest first, unread marked, and
//! marking them all read.

use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::notifications::{MarkAllNotificationsRead, list_notifications};
use crate::components::loaded_page::loaded_page;
use crate::domain::italian_time::ItalianTime;
use crate::domain::notification::{Notification, NotificationList, by_day};
use crate::i18n::{notification_texts, plan_texts, texts};

/// The notifications; loaded again when the query says they were all marked read.
#[component]
pub fn NotificationsPage() -> impl IntoView {
    let query = use_query_map();
    let page = Resource::new(
        move || query.with(|q| q.get("lette")),
        |_| list_notifications(),
    );
    loaded_page(page, move |list| view! { <NotificationsView list /> })
}

#[component]
fn NotificationsView(list: NotificationList) -> impl IntoView {
    let t = notification_texts();
    let mark_all = ServerAction::<MarkAllNotificationsRead>::new();
    let marked = use_query_map().with_untracked(|q| q.get("lette").is_some());
    let days = by_day(&list.notifications)
        .into_iter()
        .map(|(day, items)| {
            let heading = format!("giorno-{day}");
            let items = items.into_iter().map(item).collect_view();
            view! {
                <section aria-labelledby=heading.clone()>
                    <h2 id=heading.clone()>{plan_texts().long_date(&day)}</h2>
                    <ul class="notification-list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <Title text=format!("{} · {}", t.title, texts().site_name) />
        <div class="container section narrow">
            <h1>{t.title}</h1>
            {marked
                .then(|| {
                    view! {
                        <p class="alert alert-success" role="status">
                            {t.marked}
                        </p>
                    }
                })}
            <p>{(t.unread_count)(list.unread)}</p>
            {(list.unread > 0)
                .then(|| {
                    view! {
                        <ActionForm action=mark_all>
                            <button type="submit" class="btn btn-outline">
                                {t.mark_all}
                            </button>
                        </ActionForm>
                    }
                })}
            {list.notifications.is_empty().then(|| view! { <p>{t.empty}</p> })}
            {days}
            <p>
                <a href="/profilo#notifiche">{t.preferences_link}</a>
            </p>
        </div>
    }
}

/// One notification: what it says, linking to its place, its time, and whether it is unread.
fn item(notification: &Notification) -> impl IntoView + use<> {
    let t = notification_texts();
    let time = ItalianTime::at(notification.created_at);
    let class = if notification.read {
        "notification"
    } else {
        "notification unread"
    };
    let unread = (!notification.read).then(|| {
        view! { <span class="badge">{t.unread}</span> }
    });
    view! {
        <li class=class>
            <a href=notification.href.clone()>{t.line(notification)}</a>
            " "
            {unread}
            <time datetime=time.field_value()>{time.clock()}</time>
        </li>
    }
}
