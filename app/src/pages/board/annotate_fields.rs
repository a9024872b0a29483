//! The parts of the new-annotation form that depend on the kind.

use leptos::prelude::*;

use super::annotate::AnnotateForm;
use super::annotate_view::field_error;
use super::context::board_context;
use crate::components::form_field::FieldError;
use crate::domain::board::{AnnotationKind, ItemRef};
use crate::domain::community::CommunitySlug;
use crate::domain::plan::edit::Part;
use crate::i18n::board_texts;

/// The radio buttons of the kind.
#[component]
pub fn KindChoice(form: AnnotateForm) -> impl IntoView {
    let t = board_texts();
    let radios = AnnotationKind::ALL
        .iter()
        .map(|&kind| {
            let id = format!("annotazione-tipo-{}", kind.code());
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        name="tipo"
                        id=id.clone()
                        value=kind.code()
                        prop:checked=move || form.kind.get() == kind
                        on:change=move |_| {
                            form.kind.set(kind);
                            form.keep();
                        }
                    />
                    <label for=id>{(t.kind)(kind)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="board-kinds">
            <legend>{t.kind_legend}</legend>
            {radios}
        </fieldset>
    }
}

/// The objective or action of another plan that a synergy links to, grouped by community.
#[component]
pub fn SynergyField(form: AnnotateForm, community: CommunitySlug) -> impl IntoView {
    let t = board_texts();
    let error = field_error(form, "sinergia");
    let groups: Vec<(String, Vec<(ItemRef, String)>)> = board_context().view.with_untracked(|v| {
        v.plans
            .iter()
            .filter(|plan| plan.community != community)
            .map(|plan| {
                let content = &plan.content;
                let item = |id: &crate::domain::plan::ItemId, part: Part, title: &str| {
                    let target = ItemRef {
                        community: plan.community.clone(),
                        item: id.clone(),
                    };
                    let label = content.label(part, id);
                    (target, (t.synergy_option)(&plan.name, &label, title))
                };
                let objectives = content
                    .objectives
                    .iter()
                    .map(|o| item(&o.id, Part::Objectives, &o.title));
                let actions = content
                    .actions
                    .iter()
                    .map(|a| item(&a.id, Part::Actions, &a.title));
                (plan.name.clone(), objectives.chain(actions).collect())
            })
            .collect()
    });
    let targets: Vec<ItemRef> = groups
        .iter()
        .flat_map(|(_, items)| items.iter().map(|(target, _)| target.clone()))
        .collect();
    let mut index = 0;
    let groups = groups
        .into_iter()
        .map(|(name, items)| {
            let options = items
                .into_iter()
                .map(|(target, label)| {
                    let value = index.to_string();
                    index += 1;
                    let selected = move || form.synergy.with(|s| s.as_ref() == Some(&target));
                    view! {
                        <option value=value prop:selected=selected>
                            {label}
                        </option>
                    }
                })
                .collect_view();
            view! { <optgroup label=name>{options}</optgroup> }
        })
        .collect_view();
    let choose = move |ev| {
        let chosen = event_target_value(&ev).parse::<usize>().ok();
        form.synergy
            .set(chosen.and_then(|i| targets.get(i).cloned()));
        form.keep();
    };
    view! {
        <div class="form-group" class:has-error=move || error.with(Option::is_some)>
            <label for="annotazione-sinergia">{t.synergy_label}</label>
            <FieldError id="annotazione-sinergia-errore".to_owned() error />
            <select
                id="annotazione-sinergia"
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                aria-describedby=move || {
                    error.with(Option::is_some).then_some("annotazione-sinergia-errore")
                }
                on:change=choose
            >
                <option value="" prop:selected=move || form.synergy.with(Option::is_none)>
                    {t.synergy_choose}
                </option>
                {groups}
            </select>
        </div>
    }
}

/// The title of a proposal and the other communities it involves (`community`, named `name`,
/// always does).
#[component]
pub fn ProposalFields(form: AnnotateForm, community: CommunitySlug, name: String) -> impl IntoView {
    let t = board_texts();
    let title_error = field_error(form, "titolo");
    let communities_error = field_error(form, "comunita");
    let others: Vec<(CommunitySlug, String)> = board_context().view.with_untracked(|v| {
        v.plans
            .iter()
            .filter(|plan| plan.community != community)
            .map(|plan| (plan.community.clone(), plan.name.clone()))
            .collect()
    });
    let boxes = others
        .into_iter()
        .map(|(slug, name)| {
            let id = format!("annotazione-comunita-{slug}");
            let on = {
                let slug = slug.clone();
                move || form.communities.with(|c| c.contains(&slug))
            };
            let toggle = move |ev| {
                let checked = event_target_checked(&ev);
                form.communities.update(|c| {
                    c.retain(|s| *s != slug);
                    if checked {
                        c.push(slug.clone());
                    }
                });
                form.keep();
            };
            view! {
                <div class="checkbox">
                    <input type="checkbox" id=id.clone() prop:checked=on on:change=toggle />
                    <label for=id>{name}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:has-error=move || title_error.with(Option::is_some)>
            <label for="annotazione-titolo">{t.proposal_title}</label>
            <FieldError id="annotazione-titolo-errore".to_owned() error=title_error />
            <input
                id="annotazione-titolo"
                type="text"
                aria-invalid=move || title_error.with(Option::is_some).then_some("true")
                aria-describedby=move || {
                    title_error.with(Option::is_some).then_some("annotazione-titolo-errore")
                }
                prop:value=move || form.title.get()
                on:input=move |ev| {
                    form.title.set(event_target_value(&ev));
                    form.keep();
                }
            />
        </div>
        <fieldset
            class="form-group checkbox-group"
            class:has-error=move || communities_error.with(Option::is_some)
            id="annotazione-comunita"
            tabindex="-1"
            aria-describedby="annotazione-comunita-aiuto"
        >
            <legend>{t.proposal_communities}</legend>
            <p id="annotazione-comunita-aiuto" class="form-hint">
                {(t.proposal_communities_hint)(&name)}
            </p>
            <FieldError id="annotazione-comunita-errore".to_owned() error=communities_error />
            {boxes}
        </fieldset>
    }
}
