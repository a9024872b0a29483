//! The texts every Italian public site must have: the accessibility statement (in the AgID
//! model) with its feedback form, and the legal notes.

/// A titled section of a page: its heading and its paragraphs.
pub type Section = (&'static str, &'static [&'static str]);

/// The interface text of the legal pages, in one language.
pub struct LegalTexts {
    pub footer_nav: &'static str,
    pub open_data: &'static str,
    pub accessibility_title: &'static str,
    pub accessibility_intro: &'static str,
    pub accessibility_sections: &'static [Section],
    pub not_accessible_title: &'static str,
    pub not_accessible: &'static [&'static str],
    pub feedback_title: &'static str,
    pub feedback_intro: &'static str,
    pub field_name: &'static str,
    pub field_email: &'static str,
    pub field_email_hint: &'static str,
    pub field_page: &'static str,
    pub field_page_hint: &'static str,
    pub field_message: &'static str,
    pub feedback_button: &'static str,
    pub feedback_sent: &'static str,
    pub enforcement: &'static str,
    pub enforcement_link: &'static str,
    pub enforcement_link_label: &'static str,
    pub report_mail_subject: fn(&str) -> String,
    pub report_mail_body: fn(&str, &str, &str, &str) -> String,
    pub legal_title: &'static str,
    pub legal_sections: &'static [Section],
}

/// The legal texts in Italian.
pub fn legal_texts() -> &'static LegalTexts {
    &LEGAL_IT
}

static LEGAL_IT: LegalTexts = LegalTexts {
    footer_nav: "Informazioni sul sito",
    open_data: "Dati aperti (CSV)",
    accessibility_title: "Dichiarazione di accessibilità",
    accessibility_intro: "La Regione Emilia-Romagna si impegna a rendere accessibile il sito \
                          COMTem delle Comunità Tematiche, conformemente al decreto legislativo \
                          10 agosto 2004, n. 4 e alla direttiva (UE) 2016/2102. Questa \
                          dichiarazione segue il modello dell'Agenzia per l'Italia Digitale.",
    accessibility_sections: &[
        (
            "Stato di conformità",
            &[
                "Il sito è parzialmente conforme ai requisiti dell'allegato A alla norma UNI \
               CEN/TS EN 301549, che richiama le linee guida WCAG 2.1 al livello AA, per i \
               contenuti non accessibili elencati qui sotto.",
            ],
        ),
        (
            "Redazione della dichiarazione",
            &[
                "La dichiarazione è stata redatta il 6 dicembre 2026 con un'autovalutazione. A \
               ogni modifica del sito ogni pagina è verificata con lo strumento automatico \
               axe-core (WCAG 2.1 A e AA) su telefono e su computer, con e senza JavaScript, e \
               le funzioni principali sono provate con la sola tastiera.",
                "Il sito funziona anche senza JavaScript: le pagine arrivano complete dal server \
               e i moduli si inviano come moduli HTML.",
            ],
        ),
        (
            "Informazioni sul sito",
            &[
                "Il sito è stato pubblicato nel 2026. Segue il modello dei siti della pubblica \
               amministrazione di Designers Italia; i testi usano il carattere Titillium Web, \
               i colori rispettano i contrasti delle WCAG 2.1 AA.",
            ],
        ),
    ],
    not_accessible_title: "Contenuti non accessibili",
    not_accessible: &[
        "Il testo alternativo delle foto è scritto da chi le pubblica: il sito lo rende \
         obbligatorio, ma non può verificare che descriva bene la foto.",
        "Il piano generale in PDF potrebbe non essere letto bene da tutti i lettori di schermo: \
         lo stesso contenuto è disponibile come pagina web e nel formato aperto ODT.",
        "I grafici della pagina dei numeri sono accompagnati dalle tabelle con gli stessi dati, \
         che sono anche scaricabili come dati aperti.",
    ],
    feedback_title: "Segnala un problema di accessibilità",
    feedback_intro: "Se un contenuto del sito non è accessibile per te, o vuoi chiederlo in un \
                     altro formato, scrivici: la segnalazione arriva al personale della Regione \
                     che gestisce il sito, che ti risponde per email entro 30 giorni.",
    field_name: "Nome e cognome",
    field_email: "Email",
    field_email_hint: "L'indirizzo a cui ti rispondiamo.",
    field_page: "Pagina (facoltativa)",
    field_page_hint: "L'indirizzo o il nome della pagina in cui hai trovato il problema.",
    field_message: "Il problema",
    feedback_button: "Invia la segnalazione",
    feedback_sent: "Grazie: la segnalazione è arrivata al personale della Regione, che ti \
                    risponderà per email entro 30 giorni.",
    enforcement: "Se la risposta non arriva entro 30 giorni o non è soddisfacente, puoi \
                  rivolgerti al Difensore civico per il digitale dell'Agenzia per l'Italia \
                  Digitale con la procedura di attuazione.",
    enforcement_link: "https://www.agid.gov.it/it/design-servizi/accessibilita/procedura-attuazione",
    enforcement_link_label: "La procedura di attuazione sul sito dell'AgID",
    report_mail_subject: |name| format!("COMTem: segnalazione di accessibilità da {name}"),
    report_mail_body: |name, email, page, message| {
        let page = if page.is_empty() {
            "non indicata"
        } else {
            page
        };
        format!(
            "{name} <{email}> ha segnalato un problema di accessibilità.\n\n\
             Pagina: {page}\n\n{message}\n\n\
             Rispondi a questo messaggio per scrivere a {name}: la dichiarazione di \
             accessibilità promette una risposta entro 30 giorni."
        )
    },
    legal_title: "Note legali",
    legal_sections: &[
        (
            "Titolare del sito",
            &[
                "Il sito COMTem è della Regione Emilia-Romagna, che lo gestisce per le Comunità \
               Tematiche degli enti della regione.",
            ],
        ),
        (
            "Licenza dei contenuti",
            &[
                "Testi, piani e numeri pubblicati sul sito sono distribuiti con la licenza \
               Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0), salvo dove è \
               indicato diversamente: si possono riusare citando la fonte «Regione \
               Emilia-Romagna, Comunità Tematiche».",
                "I numeri delle comunità sono disponibili anche come dati aperti, in JSON e CSV, \
               con la stessa licenza.",
            ],
        ),
        (
            "Foto",
            &[
                "Le foto degli incontri sono pubblicate da chi li organizza, che si impegna ad \
               avere il consenso delle persone riconoscibili. Prima della pubblicazione il sito \
               toglie dalle foto la posizione e ogni altro dato nascosto. Chi compare in una \
               foto e ne chiede la rimozione può scrivere tramite il modulo della \
               dichiarazione di accessibilità o all'organizzatore dell'incontro.",
            ],
        ),
        (
            "Dati personali",
            &[
                "Come trattiamo i dati di chi si iscrive è spiegato nell'informativa sulla \
               privacy.",
            ],
        ),
        (
            "Collegamenti ad altri siti",
            &[
                "I collegamenti ad altri siti, come quelli per partecipare agli incontri online, \
               portano a servizi di cui la Regione non è responsabile.",
            ],
        ),
    ],
};
