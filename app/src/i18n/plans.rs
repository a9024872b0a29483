//! The texts of the activity plans, the cycle and the calendar.

use crate::domain::cycle::Remaining;
use crate::domain::numbers::Day;

/// The interface text of the plans, in one language.
pub struct PlanTexts {
    pub nav_plans: &'static str,
    pub nav_calendar: &'static str,
    pub phase_labels: [&'static str; 6],
    pub phase_descriptions: [&'static str; 6],
    pub cycle_title: fn(i32) -> String,
    pub current_phase: &'static str,
    pub deadline: &'static str,
    pub countdown_left: fn(&str) -> String,
    pub countdown_overdue: fn(&str) -> String,
    pub unit_days: (&'static str, &'static str),
    pub unit_hours: (&'static str, &'static str),
    pub unit_minutes: (&'static str, &'static str),
    pub unit_seconds: (&'static str, &'static str),
    pub calendar_title: &'static str,
    pub calendar_lead: &'static str,
    pub phase_done: &'static str,
    pub phase_now: &'static str,
    pub phase_next: &'static str,
    pub no_cycle: &'static str,
    pub manage_title: &'static str,
    pub advance_to: fn(&str) -> String,
    pub advance_hint: &'static str,
    pub advanced: &'static str,
    pub deadline_for: fn(&str) -> String,
    pub save_deadline: &'static str,
    pub open_cycle: fn(i32) -> String,
    pub open_cycle_hint: &'static str,
    pub deadline_saved: &'static str,
    pub plans_title: fn(i32) -> String,
    pub plans_lead: &'static str,
    pub plan_title: fn(i32, &str) -> String,
    pub plan_kicker: fn(i32) -> String,
    pub plan_version: fn(i64, &str, &str) -> String,
    pub plan_counts: fn(usize, usize) -> String,
    pub plan_not_shared: &'static str,
    pub plan_empty: &'static str,
    pub plan_edit: &'static str,
    pub plan_versions: &'static str,
    pub section_context: &'static str,
    pub section_objectives: &'static str,
    pub section_actions: &'static str,
    pub section_indicators: &'static str,
    pub section_meetings: &'static str,
    pub action_objectives: &'static str,
    pub action_period: &'static str,
    pub action_lead: &'static str,
    pub action_bodies: &'static str,
    pub action_outputs: &'static str,
    pub action_audience: &'static str,
    pub action_status: &'static str,
    pub action_completed: &'static str,
    pub action_in_progress: &'static str,
    pub action_carried: fn(i32) -> String,
    pub action_done_box: &'static str,
    pub indicator_name: &'static str,
    pub indicator_target: &'static str,
    pub meeting_date: &'static str,
    pub meeting_title: &'static str,
    pub meeting_announces: &'static str,
    pub meeting_announces_hint: &'static str,
    pub meeting_announces_none: &'static str,
    pub field_title: &'static str,
    pub field_description: &'static str,
    pub none: &'static str,
    pub edit_title: fn(&str) -> String,
    pub edit_lead: &'static str,
    pub edit_needs_js: &'static str,
    pub edit_not_allowed: fn(&str) -> String,
    pub edit_leads_only: &'static str,
    pub markdown_hint: &'static str,
    pub add_objective: &'static str,
    pub add_action: &'static str,
    pub add_indicator: &'static str,
    pub add_meeting: &'static str,
    pub move_up: fn(&str) -> String,
    pub move_down: fn(&str) -> String,
    pub remove: fn(&str) -> String,
    pub from_month: &'static str,
    pub to_month: &'static str,
    pub status_saved: fn(i64) -> String,
    pub status_dirty: &'static str,
    pub status_saving: &'static str,
    pub status_offline: &'static str,
    pub status_invalid: &'static str,
    pub status_conflict: &'static str,
    pub restored: &'static str,
    pub save_now: &'static str,
    pub view_plan: &'static str,
    pub conflict_title: &'static str,
    pub conflict_text: fn(&str, i64, &str) -> String,
    pub conflict_theirs: &'static str,
    pub conflict_mine: &'static str,
    pub conflict_choices: fn(usize) -> String,
    pub conflict_none: &'static str,
    pub keep_mine: &'static str,
    pub take_theirs: &'static str,
    pub removed_item: &'static str,
    pub merge_and_save: &'static str,
    pub discard_mine: &'static str,
    pub versions_title: fn(&str) -> String,
    pub versions_lead: &'static str,
    pub version_number: &'static str,
    pub version_saved: &'static str,
    pub version_by: &'static str,
    pub version_frozen: &'static str,
    pub version_label: fn(i64) -> String,
    pub compare_title: &'static str,
    pub compare_from: &'static str,
    pub compare_to: &'static str,
    pub compare_submit: &'static str,
    pub compare_with_latest: fn(i64, i64) -> String,
    pub compare_result: fn(i64, i64) -> String,
    pub compare_same: &'static str,
    pub change_added: &'static str,
    pub change_removed: &'static str,
    pub change_moved: fn(&str, &str) -> String,
    pub change_before: &'static str,
    pub change_after: &'static str,
    pub field_names: fn(&str) -> &'static str,
    pub someone: &'static str,
    pub invalid_day: &'static str,
    pub invalid_stale: &'static str,
}

fn plural(n: i64, (one, many): (&'static str, &'static str)) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Italian.
pub static PLAN_IT: PlanTexts = PlanTexts {
    nav_plans: "Piani",
    nav_calendar: "Calendario",
    phase_labels: [
        "Redazione",
        "Condivisione con i membri",
        "Lettura trasversale",
        "Rilettura finale",
        "Validazione",
        "Approvato",
    ],
    phase_descriptions: [
        "Coordinatori e referenti scrivono il piano della propria comunità.",
        "I membri di ogni comunità leggono il piano della propria comunità.",
        "Coordinatori e referenti leggono insieme i dieci piani e li annotano, per trovare sinergie e azioni integrate.",
        "I piani sono finalizzati e la Regione redige il Piano delle attività generale.",
        "Il piano generale è presentato al tavolo CNER e alla Cabina di Regia Digitale, che lo validano o inviano osservazioni.",
        "I piani e il piano generale sono pubblicati.",
    ],
    cycle_title: |year| format!("Piani delle attività {year}"),
    current_phase: "Fase attuale",
    deadline: "Scadenza",
    countdown_left: |span| format!("Tempo rimasto: {span}"),
    countdown_overdue: |span| format!("Scadenza superata da {span}"),
    unit_days: ("giorno", "giorni"),
    unit_hours: ("ora", "ore"),
    unit_minutes: ("minuto", "minuti"),
    unit_seconds: ("secondo", "secondi"),
    calendar_title: "Calendario del ciclo annuale",
    calendar_lead: "Ogni anno i piani delle attività delle comunità attraversano sei fasi, ognuna con la sua scadenza.",
    phase_done: "conclusa",
    phase_now: "in corso",
    phase_next: "da iniziare",
    no_cycle: "Non c'è ancora un ciclo annuale dei piani.",
    manage_title: "Gestione del ciclo",
    advance_to: |phase| format!("Passa alla fase: {phase}"),
    advance_hint: "Il passaggio congela la versione attuale di ogni piano, per confrontarla in seguito, e cambia ciò che ognuno può fare.",
    advanced: "Fase aggiornata.",
    deadline_for: |phase| format!("Scadenza: {phase}"),
    save_deadline: "Salva la scadenza",
    open_cycle: |year| format!("Apri il ciclo {year}"),
    open_cycle_hint: "Il nuovo ciclo parte dalla redazione: ogni comunità trova una bozza fatta dal suo piano approvato (le azioni non completate riprese, gli indicatori da rifissare, nessun incontro) e le scadenze dell'anno precedente spostate di un anno (si possono cambiare subito dopo).",
    deadline_saved: "Scadenza salvata.",
    plans_title: |year| format!("Piani delle attività {year}"),
    plans_lead: "I piani delle dieci comunità tematiche per l'anno, con la versione più recente di ciascuno.",
    plan_title: |year, name| format!("Piano delle attività {year}: {name}"),
    plan_kicker: |year| format!("Piano delle attività {year}"),
    plan_version: |n, when, who| {
        if who.is_empty() {
            format!("Versione {n}, salvata il {when}")
        } else {
            format!("Versione {n}, salvata il {when} da {who}")
        }
    },
    plan_counts: |objectives, actions| format!("{objectives} obiettivi, {actions} azioni"),
    plan_not_shared: "Non ancora leggibile per te in questa fase.",
    plan_empty: "Nessuna versione salvata.",
    plan_edit: "Modifica il piano",
    plan_versions: "Versioni e confronti",
    section_context: "Contesto",
    section_objectives: "Obiettivi",
    section_actions: "Azioni",
    section_indicators: "Indicatori",
    section_meetings: "Calendario degli incontri",
    action_objectives: "Obiettivi",
    action_period: "Periodo",
    action_lead: "Responsabile",
    action_bodies: "Enti partecipanti",
    action_outputs: "Prodotti",
    action_audience: "Destinatari",
    action_status: "Stato",
    action_completed: "Completata",
    action_in_progress: "In corso",
    action_carried: |year| format!("Ripresa dal piano {year}"),
    action_done_box: "Azione completata",
    indicator_name: "Indicatore",
    indicator_target: "Valore atteso",
    meeting_date: "Data",
    meeting_title: "Incontro",
    meeting_announces: "Scheda dell'incontro",
    meeting_announces_hint: "Quando l'incontro è pubblicato tra gli Incontri, collegalo: dal piano si \
                             aprirà la sua pagina, con il luogo, l'ordine del giorno e le adesioni.",
    meeting_announces_none: "Nessuna (non ancora pubblicato)",
    field_title: "Titolo",
    field_description: "Descrizione",
    none: "Nessuno",
    edit_title: |name| format!("Modifica del piano: {name}"),
    edit_lead: "Le modifiche si salvano da sole un momento dopo che smetti di scrivere, come nuova versione. Se qualcuno salva nel frattempo, te lo diciamo e puoi unire le due versioni.",
    edit_needs_js: "Per modificare il piano serve JavaScript. Puoi comunque leggerlo e consultarne le versioni.",
    edit_not_allowed: |phase| format!("Non puoi modificare questo piano nella fase «{phase}»."),
    edit_leads_only: "Questo piano lo modificano i coordinatori e i referenti della comunità e lo staff regionale.",
    markdown_hint: "Puoi usare **grassetto**, *corsivo*, elenchi con «- » e link [testo](https://…).",
    add_objective: "Aggiungi un obiettivo",
    add_action: "Aggiungi un'azione",
    add_indicator: "Aggiungi un indicatore",
    add_meeting: "Aggiungi un incontro",
    move_up: |label| format!("Sposta su {label}"),
    move_down: |label| format!("Sposta giù {label}"),
    remove: |label| format!("Elimina {label}"),
    from_month: "Dal mese",
    to_month: "Al mese",
    status_saved: |n| format!("Salvato (versione {n})"),
    status_dirty: "Modifiche non ancora salvate",
    status_saving: "Salvataggio in corso…",
    status_offline: "Non salvato: il server non risponde. Le modifiche restano in questo browser e riproviamo tra poco.",
    status_invalid: "Non salvato: correggi i campi segnalati. Le modifiche restano in questo browser.",
    status_conflict: "Non salvato: qualcun altro ha salvato nel frattempo.",
    restored: "Abbiamo ripristinato le modifiche non salvate che avevi lasciato in questo browser.",
    save_now: "Salva ora",
    view_plan: "Vai al piano",
    conflict_title: "Qualcun altro ha salvato il piano",
    conflict_text: |who, n, when| {
        format!(
            "{who} ha salvato la versione {n} il {when}, mentre scrivevi. Le tue modifiche non sono andate perse: sono qui sotto insieme alle sue. Scegli cosa tenere e salva."
        )
    },
    conflict_theirs: "Cosa ha cambiato l'altra versione",
    conflict_mine: "Cosa hai cambiato tu",
    conflict_choices: |n| match n {
        1 => "Le due versioni cambiano in modo diverso un punto: scegli quale tenere.".to_owned(),
        n => format!("Le due versioni cambiano in modo diverso {n} punti: scegli per ognuno."),
    },
    conflict_none: "Le modifiche non si sovrappongono: unendo si tengono tutte.",
    keep_mine: "Tieni la mia",
    take_theirs: "Usa l'altra",
    removed_item: "(eliminato)",
    merge_and_save: "Unisci e salva",
    discard_mine: "Scarta le mie modifiche e ricarica",
    versions_title: |name| format!("Versioni del piano: {name}"),
    versions_lead: "Ogni salvataggio è una versione, conservata per sempre. La versione in vigore all'inizio di ogni fase è congelata per i confronti.",
    version_number: "Versione",
    version_saved: "Salvata il",
    version_by: "Da",
    version_frozen: "Congelata all'inizio di",
    version_label: |n| format!("Versione {n}"),
    compare_title: "Confronta due versioni",
    compare_from: "Dalla versione",
    compare_to: "Alla versione",
    compare_submit: "Confronta",
    compare_with_latest: |from, to| format!("Dalla {from} alla {to}"),
    compare_result: |from, to| format!("Cosa cambia dalla versione {from} alla versione {to}"),
    compare_same: "Nessuna differenza tra le due versioni.",
    change_added: "aggiunto",
    change_removed: "eliminato",
    change_moved: |before, after| format!("spostato da {before} a {after}"),
    change_before: "Prima",
    change_after: "Dopo",
    field_names: |code| match code {
        "contesto" => "Contesto",
        "titolo" => "Titolo",
        "descrizione" => "Descrizione",
        "obiettivi" => "Obiettivi collegati",
        "periodo" => "Periodo (mesi)",
        "responsabile" => "Responsabile",
        "enti" => "Enti partecipanti",
        "prodotti" => "Prodotti",
        "destinatari" => "Destinatari",
        "nome" => "Indicatore",
        "target" => "Valore atteso",
        "data" => "Data",
        "incontro" => "Scheda dell'incontro",
        _ => "Campo",
    },
    someone: "Qualcuno",
    invalid_day: "Scrivi una data vera, nel formato AAAA-MM-GG.",
    invalid_stale: "Qualcun altro ha già cambiato la fase: ricarica la pagina.",
};

impl PlanTexts {
    /// A day `YYYY-MM-DD` written out, as in «14 maggio 2024», with «, ore 16:03» when the
    /// text goes on with a time (`YYYY-MM-DD HH:MM`); other text is returned as it is.
    pub fn long_date(&self, day: &str) -> String {
        let Some(date) = day.get(..10).and_then(|date| Day::parse_any(date).ok()) else {
            return day.to_owned();
        };
        let time = day
            .get(11..16)
            .map(|t| format!(", ore {t}"))
            .unwrap_or_default();
        format!("{}{time}", date.long())
    }

    /// The two largest units of a span, as in «3 giorni e 4 ore».
    pub fn span(&self, left: &Remaining) -> String {
        let (first, second) = if left.days > 0 {
            ((left.days, self.unit_days), (left.hours, self.unit_hours))
        } else if left.hours > 0 {
            (
                (left.hours, self.unit_hours),
                (left.minutes, self.unit_minutes),
            )
        } else {
            (
                (left.minutes, self.unit_minutes),
                (left.seconds, self.unit_seconds),
            )
        };
        format!(
            "{} e {}",
            plural(first.0, first.1),
            plural(second.0, second.1)
        )
    }

    /// «Tempo rimasto: …» or «Scadenza superata da …».
    pub fn countdown(&self, left: &Remaining) -> String {
        let span = self.span(left);
        if left.overdue {
            (self.countdown_overdue)(&span)
        } else {
            (self.countdown_left)(&span)
        }
    }
}

/// The plan texts of the current language.
pub fn plan_texts() -> &'static PlanTexts {
    &PLAN_IT
}
