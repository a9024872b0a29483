//! The texts of `/profilo/dati`, the page of a person's own data.

/// The interface text of the personal data page, in one language.
pub struct PersonalDataTexts {
    pub title: &'static str,
    pub lead: &'static str,
    pub download: &'static str,
    pub back: &'static str,
    pub account: &'static str,
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: &'static str,
    pub job_title: &'static str,
    pub ente: &'static str,
    pub created: &'static str,
    pub privacy: fn(&str, &str) -> String,
    pub memberships: &'static str,
    pub membership: fn(&str, &str, Option<&str>) -> String,
    pub roles: &'static str,
    pub sessions: &'static str,
    pub session: fn(&str, &str) -> String,
    pub attendance: &'static str,
    pub annotations: &'static str,
    pub replies: &'static str,
    pub outcomes: &'static str,
    pub on_plan: fn(&str, i32, &str) -> String,
    pub deleted: &'static str,
    pub earlier: &'static str,
    pub plan_versions: &'static str,
    pub plan_version: fn(&str, i32, i64, &str) -> String,
    pub general_versions: &'static str,
    pub general_version: fn(i32, i64, &str) -> String,
    pub remarks: &'static str,
    pub remark: fn(&str, &str, i32, i64, &str) -> String,
    pub news: &'static str,
    pub draft: &'static str,
    pub meetings: &'static str,
    pub reports: &'static str,
    pub none: &'static str,
}

/// The personal data page's texts in the interface language.
pub fn personal_data_texts() -> &'static PersonalDataTexts {
    &PERSONAL_DATA_IT
}

static PERSONAL_DATA_IT: PersonalDataTexts = PersonalDataTexts {
    title: "I miei dati",
    lead: "Tutto ciò che COMTem conserva su di te e tutto ciò che hai scritto, come è salvato \
           ora. Lo stesso contenuto si può scaricare in un file JSON.",
    download: "Scarica i miei dati (JSON)",
    back: "Torna al profilo",
    account: "Account",
    first_name: "Nome",
    last_name: "Cognome",
    email: "Email",
    job_title: "Ruolo nell'ente",
    ente: "Ente (codice IPA)",
    created: "Iscritto il",
    privacy: |version, at| format!("Informativa versione {version}, accettata il {at}"),
    memberships: "Comunità",
    membership: |community, from, until| match until {
        Some(until) => format!("{community}: dal {from} al {until}"),
        None => format!("{community}: dal {from}, ancora iscritto"),
    },
    roles: "Ruoli",
    sessions: "Sessioni aperte",
    session: |from, last| format!("Iniziata il {from}, ultimo uso il {last}"),
    attendance: "Incontri a cui partecipi",
    annotations: "Annotazioni",
    replies: "Risposte",
    outcomes: "Discussioni che hai chiuso",
    on_plan: |what, year, community| format!("{what} sul piano {year} di {community}"),
    deleted: "Eliminata",
    earlier: "Testi precedenti",
    plan_versions: "Versioni dei piani che hai salvato",
    plan_version: |community, year, number, at| {
        format!("Piano {year} di {community}, versione {number}, salvata il {at}")
    },
    general_versions: "Versioni del piano generale che hai salvato",
    general_version: |year, number, at| {
        format!("Piano generale {year}, versione {number}, salvata il {at}")
    },
    remarks: "Osservazioni",
    remark: |body, community, year, version, at| {
        format!("Per {body}, sul piano {year} di {community} (versione {version}), il {at}")
    },
    news: "Notizie che hai creato",
    draft: "bozza",
    meetings: "Incontri che hai creato",
    reports: "Segnalazioni di accessibilità inviate dal tuo indirizzo",
    none: "Nessun elemento.",
};
