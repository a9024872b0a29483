//! Every piece of user-facing text, kept in one place so a second language is one more table.

/// The interface text of one language.
pub struct Texts {
    pub lang: &'static str,
    pub site_name: &'static str,
    pub site_full_name: &'static str,
    pub owner: &'static str,
    pub skip_to_content: &'static str,
    pub main_nav: &'static str,
    pub nav_home: &'static str,
    pub nav_communities: &'static str,
    pub breadcrumb: &'static str,
    pub home_title: &'static str,
    pub home_lead: &'static str,
    pub home_about_title: &'static str,
    pub home_about: &'static [&'static str],
    pub home_communities_title: &'static str,
    pub all_communities: &'static str,
    pub communities_title: &'static str,
    pub communities_lead: &'static str,
    pub communities_list_title: &'static str,
    pub filter_label: &'static str,
    pub filter_hint: &'static str,
    pub filter_submit: &'static str,
    pub members: fn(i64) -> String,
    pub filter_results: fn(usize) -> String,
    pub community_kicker: &'static str,
    pub community_themes: &'static str,
    pub community_mission: &'static str,
    pub community_objectives: &'static str,
    pub community_audience: &'static str,
    pub loading: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub back_home: &'static str,
    pub error_title: &'static str,
    pub error_not_found: &'static str,
    pub error_unavailable: &'static str,
    pub error_internal: &'static str,
    pub footer_about: &'static str,
}

/// Italian, the interface's first language.
pub static IT: Texts = Texts {
    lang: "it",
    site_name: "COMTem",
    site_full_name: "Comunità Tematiche dell'Emilia-Romagna",
    owner: "Regione Emilia-Romagna · Agenda Digitale",
    skip_to_content: "Vai al contenuto principale",
    main_nav: "Menu principale",
    nav_home: "Home",
    nav_communities: "Comunità",
    breadcrumb: "Percorso di navigazione",
    home_title: "Comunità Tematiche dell'Emilia-Romagna",
    home_lead: "Dieci comunità in cui il personale degli enti pubblici della regione lavora insieme \
        alla trasformazione digitale, perché nessuno resti escluso o indietro.",
    home_about_title: "Che cosa sono le COMTem",
    home_about: &[
        "Le Comunità Tematiche (COMTem) fanno parte dell'Agenda Digitale dell'Emilia-Romagna e sono \
         animate con Lepida. Riuniscono dipendenti e amministratori di Comuni, Unioni, Province, \
         aziende sanitarie e degli altri enti pubblici del territorio.",
        "Ogni comunità ha coordinatori e referenti che ogni anno scrivono un Piano di Attività; i \
         piani vengono letti insieme per trovare sinergie e azioni integrate, e confluiscono nel \
         Piano generale validato dal tavolo CNER e dalla Cabina di Regia Digitale.",
    ],
    home_communities_title: "Le dieci comunità",
    all_communities: "Cerca tra tutte le comunità",
    communities_title: "Le comunità tematiche",
    communities_lead: "Scegli la comunità più vicina al tuo lavoro: ognuna ha temi, missione e \
        obiettivi propri.",
    communities_list_title: "Elenco delle comunità",
    filter_label: "Cerca una comunità",
    filter_hint: "Per nome o argomento, ad esempio «dati» o «cloud».",
    filter_submit: "Cerca",
    members: |count| match count {
        1 => "1 iscritto".to_owned(),
        n => format!("{n} iscritti"),
    },
    filter_results: |count| match count {
        0 => "Nessuna comunità corrisponde alla ricerca.".to_owned(),
        1 => "1 comunità trovata.".to_owned(),
        n => format!("{n} comunità trovate."),
    },
    community_kicker: "Comunità tematica",
    community_themes: "Temi",
    community_mission: "Missione",
    community_objectives: "Obiettivi di lungo periodo",
    community_audience: "A chi si rivolge",
    loading: "Caricamento…",
    not_found_title: "Pagina non trovata",
    not_found_text: "La pagina che cerchi non esiste o è stata spostata.",
    back_home: "Torna alla pagina iniziale",
    error_title: "Qualcosa non ha funzionato",
    error_not_found: "Il contenuto richiesto non esiste.",
    error_unavailable: "Il servizio non è raggiungibile. Controlla la connessione e riprova.",
    error_internal: "Si è verificato un errore imprevisto. Riprova tra qualche istante.",
    footer_about: "COMTem è un servizio dell'Agenda Digitale della Regione Emilia-Romagna, \
        realizzato con Lepida ScpA.",
};

/// The texts of the current language.
pub fn texts() -> &'static Texts {
    &IT
}
