//! The texts of the general Activity Plan.

/// The interface and document text of the general plan, in one language.
pub struct GeneralPlanTexts {
    pub title: fn(i32) -> String,
    pub kicker: &'static str,
    pub lead: &'static str,
    pub contents: &'static str,
    pub introduction: &'static str,
    pub summary: &'static str,
    pub calendar: &'static str,
    pub calendar_phase: &'static str,
    pub calendar_deadline: &'static str,
    pub numbers: &'static str,
    pub numbers_line: fn(&str, &str, &str, &str) -> String,
    pub numbers_community: &'static str,
    pub numbers_signups: &'static str,
    pub integrated: &'static str,
    pub integrated_none: &'static str,
    pub integrated_label: fn(usize) -> String,
    pub integrated_lead: &'static str,
    pub integrated_communities: &'static str,
    pub integrated_items: &'static str,
    pub integrated_sources: &'static str,
    pub source_by: fn(&str, &str) -> String,
    pub synergies: &'static str,
    pub synergies_caption: &'static str,
    pub synergies_corner: &'static str,
    pub plans: &'static str,
    pub plan_version: fn(i64) -> String,
    pub not_written: &'static str,
    pub version_line: fn(i64, &str, &str) -> String,
    pub presented: fn(&str) -> String,
    pub older_version: &'static str,
    pub go_to_latest: &'static str,
    pub none_yet: &'static str,
    pub prepare: &'static str,
    pub edit: &'static str,
    pub versions: &'static str,
    pub stale_title: &'static str,
    pub stale_lead: &'static str,
    pub stale_badge: &'static str,
    pub rebuild: &'static str,
    pub rebuilt: fn(i64) -> String,
    pub edit_title: fn(i32) -> String,
    pub edit_lead: &'static str,
    pub introduction_hint: &'static str,
    pub summary_hint: &'static str,
    pub numbers_day: &'static str,
    pub numbers_day_hint: &'static str,
    pub save: &'static str,
    pub saved: fn(i64) -> String,
    pub conflict: fn(i64) -> String,
    pub versions_title: fn(i32) -> String,
    pub versions_lead: &'static str,
    pub version_number: &'static str,
    pub version_saved: &'static str,
    pub version_by: &'static str,
    pub version_presented: &'static str,
    pub version_open: fn(i64) -> String,
    pub not_presented: &'static str,
}

/// Italian.
pub static GENERAL_PLAN_IT: GeneralPlanTexts = GeneralPlanTexts {
    title: |year| format!("Piano generale delle attività {year}"),
    kicker: "Comunità Tematiche dell'Emilia-Romagna",
    lead: "Il documento che riunisce i piani delle dieci comunità, le azioni integrate e le sinergie, presentato per la validazione al Tavolo CNER e alla Cabina di Regia Digitale.",
    contents: "Indice",
    introduction: "Introduzione",
    summary: "Sintesi",
    calendar: "Calendario del ciclo",
    calendar_phase: "Fase",
    calendar_deadline: "Scadenza",
    numbers: "I numeri delle comunità",
    numbers_line: |day, signups, bodies, people| {
        format!("Al {day}: {signups} iscrizioni di {people} persone da {bodies} enti.")
    },
    numbers_community: "Comunità",
    numbers_signups: "Iscrizioni",
    integrated: "Azioni integrate",
    integrated_none: "Nessuna azione integrata è stata concordata nella lettura trasversale.",
    integrated_label: |n| format!("AI{n}"),
    integrated_lead: "Comunità capofila",
    integrated_communities: "Comunità partecipanti",
    integrated_items: "Obiettivi e azioni collegati",
    integrated_sources: "Dalla lettura trasversale",
    source_by: |author, community| format!("{author}, sul piano della comunità {community}"),
    synergies: "Matrice delle sinergie",
    synergies_caption: "Quante sinergie collegano i piani di ogni coppia di comunità.",
    synergies_corner: "Comunità",
    plans: "I piani delle comunità",
    plan_version: |n| format!("Versione {n} del piano."),
    not_written: "Non ancora scritta.",
    version_line: |n, at, by| {
        if by.is_empty() {
            format!("Versione {n}, salvata il {at}.")
        } else {
            format!("Versione {n}, salvata il {at} da {by}.")
        }
    },
    presented: |at| {
        format!("Presentata per la validazione il {at}: questa versione non cambia più.")
    },
    older_version: "Stai leggendo una versione precedente del piano generale.",
    go_to_latest: "Vai all'ultima versione",
    none_yet: "Il piano generale di quest'anno non è ancora stato preparato.",
    prepare: "Prepara il piano generale",
    edit: "Modifica introduzione e sintesi",
    versions: "Versioni",
    stale_title: "Parti non aggiornate",
    stale_lead: "Dopo questa versione sono cambiati i piani o la lettura trasversale. Salvando di nuovo, il piano generale si ricostruisce dalle versioni attuali:",
    stale_badge: "Non aggiornata",
    rebuild: "Ricostruisci dalle versioni attuali",
    rebuilt: |n| format!("Piano generale ricostruito: versione {n}."),
    edit_title: |year| format!("Modifica il piano generale {year}"),
    edit_lead: "L'introduzione e la sintesi sono scritte dallo staff regionale; il resto è ricostruito dai piani e dalla lettura trasversale a ogni salvataggio. Ogni salvataggio è una versione.",
    introduction_hint: "Testo semplice: una riga vuota separa i paragrafi, «- » apre un elenco, **grassetto**.",
    summary_hint: "Le conclusioni del ciclo in poche righe.",
    numbers_day: "Numeri al giorno",
    numbers_day_hint: "Il giorno delle cifre riportate, nel formato AAAA-MM-GG, ad esempio 2024-05-06.",
    save: "Salva",
    saved: |n| format!("Salvato: versione {n}."),
    conflict: |n| {
        format!(
            "Qualcun altro ha salvato la versione {n} mentre scrivevi: il tuo testo non è stato salvato. Copialo, ricarica la pagina e riprova."
        )
    },
    versions_title: |year| format!("Versioni del piano generale {year}"),
    versions_lead: "Ogni salvataggio è una versione, conservata per sempre, con le versioni dei piani da cui è stata costruita. Le versioni presentate per la validazione sono congelate.",
    version_number: "Versione",
    version_saved: "Salvata il",
    version_by: "Da",
    version_presented: "Presentata",
    version_open: |n| format!("Leggi la versione {n}"),
    not_presented: "No",
};

/// The general plan's texts in the interface language.
pub fn general_plan_texts() -> &'static GeneralPlanTexts {
    &GENERAL_PLAN_IT
}
