//! The texts of the cross-reading board page: columns, annotating, the live connection.

use crate::domain::board::AnnotationKind;

/// The interface text of the board page, in one language.
pub struct BoardTexts {
    pub nav_board: &'static str,
    pub title: fn(i32) -> String,
    pub kicker: &'static str,
    pub phase: fn(&str) -> String,
    pub read_only: &'static str,
    /// Shown without JavaScript, where the board can be read but not annotated.
    pub needs_script: &'static str,
    pub forbidden: &'static str,
    pub no_plans: &'static str,
    pub connection_label: &'static str,
    pub connection_live: &'static str,
    pub connection_connecting: &'static str,
    pub connection_reconnecting: &'static str,
    pub connection_offline: &'static str,
    pub connection_static: &'static str,
    pub presence_title: &'static str,
    pub presence_nobody: &'static str,
    pub presence_entry: fn(&str, Option<&str>) -> String,
    pub viewers_here: fn(&str) -> String,
    pub link_synergies: &'static str,
    pub link_integrated: &'static str,
    pub choose_plans: &'static str,
    pub choose_hint: &'static str,
    pub plan_select: &'static str,
    pub plan_option: fn(&str, usize) -> String,
    pub open_count: fn(usize) -> String,
    pub annotate: &'static str,
    pub annotate_item: fn(&str, &str) -> String,
    pub annotate_paragraph: fn(usize, &str) -> String,
    pub annotate_selection: &'static str,
    pub badge: fn(usize) -> String,
    pub badge_item: fn(usize, &str) -> String,
    pub detached: fn(usize) -> String,
    pub indicators_short: &'static str,
    pub meetings_short: &'static str,
    pub form_title: &'static str,
    pub form_plan: fn(&str) -> String,
    pub form_quote: &'static str,
    pub form_whole: fn(&str) -> String,
    pub form_restored: &'static str,
    pub kind_legend: &'static str,
    pub kind: fn(AnnotationKind) -> &'static str,
    pub body_label: &'static str,
    pub body_hint: &'static str,
    /// The name of the list of people and groups offered after `@`.
    pub mention_list: &'static str,
    pub synergy_label: &'static str,
    pub synergy_choose: &'static str,
    pub synergy_option: fn(&str, &str, &str) -> String,
    pub proposal_title: &'static str,
    pub proposal_communities: &'static str,
    pub proposal_communities_hint: fn(&str) -> String,
    pub submit: &'static str,
    pub sending: &'static str,
    pub cancel: &'static str,
    pub set_aside: &'static str,
    pub resume: &'static str,
    pub discard: &'static str,
    pub published: &'static str,
    pub need_body: &'static str,
    pub need_title: &'static str,
    pub need_synergy: &'static str,
    pub need_communities: &'static str,
    pub anchor_gone: &'static str,
    pub send_failed: &'static str,
    pub announce_new: fn(AnnotationKind, &str, &str, &str) -> String,
    pub announce_many: fn(usize) -> String,
}

/// «n annotazione/annotazioni».
fn annotations(n: usize) -> String {
    if n == 1 {
        "1 annotazione".to_owned()
    } else {
        format!("{n} annotazioni")
    }
}

const BOARD_IT: BoardTexts = BoardTexts {
    nav_board: "Lettura trasversale",
    title: |year| format!("Lettura trasversale {year}"),
    kicker: "Bacheca condivisa dei piani di attività",
    phase: |phase| format!("Fase del ciclo: {phase}"),
    read_only: "In questa fase la bacheca si legge ma non si cambia.",
    needs_script: "Senza JavaScript la bacheca si legge soltanto: per annotare e seguire le novità in diretta attiva JavaScript.",
    forbidden: "La lettura trasversale è riservata a coordinatori, referenti e personale della \
                Regione. I piani condivisi si leggono nella pagina Piani.",
    no_plans: "Nessun piano è ancora sulla bacheca.",
    connection_label: "Aggiornamenti",
    connection_live: "In diretta: le novità compaiono da sole",
    connection_connecting: "Connessione in corso…",
    connection_reconnecting: "Riconnessione in corso…",
    connection_offline: "Non in linea: nuovo tentativo automatico",
    connection_static: "Non collegato: ricarica la pagina per vedere le novità",
    presence_title: "Collegati con te",
    presence_nobody: "nessun altro",
    presence_entry: |name, plan| match plan {
        Some(plan) => format!("{name} ({plan})"),
        None => format!("{name} (più piani)"),
    },
    viewers_here: |names| format!("Qui ora: {names}"),
    link_synergies: "Matrice delle sinergie",
    link_integrated: "Azioni integrate",
    choose_plans: "Piani affiancati",
    choose_hint: "Scegli quali piani leggere uno accanto all'altro.",
    plan_select: "Piano da leggere",
    plan_option: |name, open| match open {
        1 => format!("{name} (1 aperta)"),
        n => format!("{name} ({n} aperte)"),
    },
    open_count: |n| match n {
        0 => "Nessuna annotazione aperta".to_owned(),
        1 => "1 annotazione aperta".to_owned(),
        n => format!("{n} annotazioni aperte"),
    },
    annotate: "Annota",
    annotate_item: |label, title| format!("Annota {label}: {title}"),
    annotate_paragraph: |n, start| format!("Annota il paragrafo {n} del contesto: {start}"),
    annotate_selection: "Annota la selezione",
    badge: |n| format!("{} su questo testo: apri", annotations(n)),
    badge_item: |n, label| format!("{} su {label}: apri", annotations(n)),
    detached: |n| format!("{} su testo non più presente: apri", annotations(n)),
    indicators_short: "Indicatori",
    meetings_short: "Incontri",
    form_title: "Nuova annotazione",
    form_plan: |plan| format!("Sul piano di {plan}"),
    form_quote: "Testo annotato",
    form_whole: |item| format!("{item} (per intero)"),
    form_restored: "Abbiamo ripreso l'annotazione che stavi scrivendo: controllala e pubblicala.",
    kind_legend: "Tipo di annotazione",
    kind: |kind| match kind {
        AnnotationKind::Comment => "Commento",
        AnnotationKind::Question => "Domanda",
        AnnotationKind::Synergy => "Sinergia",
        AnnotationKind::Proposal => "Proposta di azione integrata",
    },
    body_label: "Testo",
    body_hint: "Si può usare un po' di markdown: **grassetto**, *corsivo*, elenchi con «- ». \
                Con @ e un nome avvisi una persona, con @coordinatori o @referenti-<comunità> un \
                gruppo.",
    mention_list: "Persone e gruppi da menzionare",
    synergy_label: "Obiettivo o azione di un altro piano da collegare",
    synergy_choose: "Scegli…",
    synergy_option: |plan, label, title| format!("{plan} · {label} — {title}"),
    proposal_title: "Titolo dell'azione integrata",
    proposal_communities: "Comunità coinvolte",
    proposal_communities_hint: |plan| format!("Oltre a {plan}, almeno un'altra."),
    submit: "Pubblica",
    sending: "Pubblicazione in corso…",
    cancel: "Annulla",
    set_aside: "Hai lasciato a metà un'annotazione.",
    resume: "Riprendila",
    discard: "Scartala",
    published: "Annotazione pubblicata.",
    need_body: "Scrivi il testo dell'annotazione.",
    need_title: "Scrivi il titolo dell'azione integrata.",
    need_synergy: "Scegli l'obiettivo o l'azione dell'altro piano da collegare.",
    need_communities: "Scegli almeno un'altra comunità coinvolta.",
    anchor_gone: "Il testo annotato non è più nel piano: annulla e annotalo di nuovo.",
    send_failed: "La connessione non risponde: l'annotazione resta in questo browser. Riprova tra \
                  poco.",
    announce_new: |kind, author, plan, excerpt| {
        let what = match kind {
            AnnotationKind::Comment => "Nuovo commento",
            AnnotationKind::Question => "Nuova domanda",
            AnnotationKind::Synergy => "Nuova sinergia",
            AnnotationKind::Proposal => "Nuova proposta di azione integrata",
        };
        format!("{what} di {author} su {plan}: {excerpt}")
    },
    announce_many: |n| format!("{} nuove annotazioni sulla bacheca.", n),
};

/// The board texts of the current language.
pub fn board_texts() -> &'static BoardTexts {
    &BOARD_IT
}
