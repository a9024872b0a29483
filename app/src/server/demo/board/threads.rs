//! What the demo coordinators and referents wrote on the board on 13 and 14 May 2024, in
//! order: synergies between the plans that overlap, questions and answers, a proposal of
//! integrated action accepted by Dati and Documenti, one rejected comment and one parked
//! proposal. Quotes are real passages of the plans in `app/data/piani/2024/`.

use super::{Note, Step, Who, note, synergy};
use crate::domain::board::AnnotationKind::{Comment, Proposal, Question};
use crate::domain::board::Outcome;
use Step::{Reply, Resolve};

const CHIARA: Who = ("coordinatore", "dati");
const LUCA: Who = ("referente", "dati");
const ROBERTA: Who = ("coordinatore", "documenti");
const ALESSANDRO: Who = ("coordinatore", "cybersecurity-e-cloud");
const PAOLA: Who = ("referente", "integrazioni-digitali");
const MARTINA: Who = ("coordinatore", "facilitazione-digitale");
const LAURA: Who = ("referente", "imprese");

/// Every change, oldest first.
pub(super) const STEPS: &[Step] = &[
    synergy(
        "demo2024nota01",
        ROBERTA,
        "2024-05-13T07:40:00Z",
        ("documenti", "agyw2", "referenti open data degli enti"),
        ("dati", "a2suk"),
        "La nostra azione sui metadati documentali e la sperimentazione di Dati «Dai metadati documentali ai dati aperti» partono dalle stesse informazioni: classificazione, fascicolazione e metadati obbligatori. Proponiamo un unico gruppo con i referenti open data e regole comuni per escludere i dati personali.",
    ),
    Step::Note(Note {
        proposal: Some((
            "Dati aperti su atti e procedimenti dai metadati documentali",
            &["dati", "documenti"],
        )),
        ..note(
            "demo2024nota02",
            LUCA,
            "2024-05-13T08:15:00Z",
            (
                "dati",
                "a2suk",
                "dataset aggregati su atti, procedimenti e tempi di conclusione",
            ),
            Proposal,
            "Proponiamo di fare di questa sperimentazione un'azione integrata con la comunità Documenti: un solo gruppo di lavoro con l'Unione Terre d'Argine e il Comune di Modena, un elenco condiviso dei metadati utili e i primi dataset sui tempi dei procedimenti pubblicati sul portale regionale entro dicembre.",
        )
    }),
    synergy(
        "demo2024nota03",
        ("referente", "cybersecurity-e-cloud"),
        "2024-05-13T08:50:00Z",
        ("cybersecurity-e-cloud", "a1oiy", "gestione dei segreti"),
        ("integrazioni-digitali", "aq98y"),
        "Le linee guida di Integrazioni Digitali su chiavi, certificati e voucher PDND coprono la stessa materia delle nostre architetture di riferimento per gli e-service in cloud. Conviene scrivere un solo documento e verificarlo sugli stessi e-service pilota.",
    ),
    synergy(
        "demo2024nota04",
        ("coordinatore", "digital-gender-gap"),
        "2024-05-13T09:30:00Z",
        (
            "digital-gender-gap",
            "al5xy",
            "barriere specifiche che incontrano molte donne",
        ),
        ("facilitazione-digitale", "a307g"),
        "È lo stesso modulo visto dalle due comunità: noi ne curiamo i contenuti sulle barriere di genere, Facilitazione Digitale lo inserisce nel percorso dei facilitatori. Proponiamo di co-progettarlo una volta sola, con ART-ER e il Comune di Ferrara.",
    ),
    Reply {
        note: "demo2024nota01",
        id: "demo2024risp01",
        by: CHIARA,
        at: "2024-05-13T10:05:00Z",
        body: "D'accordo, il perimetro è lo stesso. Il seminario comune del 26 settembre può essere il momento in cui presentiamo insieme i primi dataset su atti e procedimenti.",
    },
    Step::Note(note(
        "demo2024nota06",
        ("coordinatore", "amministratori-digitali"),
        "2024-05-13T10:45:00Z",
        (
            "cybersecurity-e-cloud",
            "a7yhk",
            "un incontro dedicato agli amministratori",
        ),
        Comment,
        "Il nostro ciclo «Decidere nel digitale» prevede già una simulazione di crisi informatica per sindaci e assessori. Suggeriamo di portare lì i vostri contenuti su responsabilità e notifica degli incidenti invece di organizzare un incontro separato: gli amministratori hanno poco tempo e riceverebbero due inviti sullo stesso tema.",
    )),
    Step::Note(note(
        "demo2024nota07",
        ("coordinatore", "cittadini"),
        "2024-05-13T11:20:00Z",
        (
            "facilitazione-digitale",
            "ayi4x",
            "un report trimestrale per servizio",
        ),
        Question,
        "Il report trimestrale arriva anche agli URP? La nostra azione sulle segnalazioni dei punti di facilitazione prevede una procedura di presa in carico da parte degli enti: vorremmo usare lo stesso modulo, senza chiedere ai facilitatori di compilare due registri.",
    )),
    Reply {
        note: "demo2024nota03",
        id: "demo2024risp02",
        by: PAOLA,
        at: "2024-05-13T12:30:00Z",
        body: "Concordo. Possiamo applicare la nostra procedura di rotazione delle credenziali ai cinque e-service pilota e usare le vostre architetture come allegato tecnico.",
    },
    Step::Note(note(
        "demo2024nota08",
        ("referente", "cittadini"),
        "2024-05-13T13:10:00Z",
        ("digital-gender-gap", "a2q50", "accessi ai servizi online"),
        Question,
        "Come pensate di rilevare per genere gli accessi ai servizi online? Con SPID e CIE l'ente riceve il codice fiscale, ma usarlo per ricavare il genere a fini statistici richiede una base giuridica e una valutazione con il DPO.",
    )),
    Step::Note(Note {
        field: "",
        quote: "",
        ..note(
            "demo2024nota09",
            ("coordinatore", "internet-of-things"),
            "2024-05-13T14:00:00Z",
            ("dati", "a0v3w", ""),
            Comment,
            "Proponiamo di includere nella ricognizione anche i flussi in tempo reale dei sensori IoT degli enti (qualità dell'aria, traffico, livelli idrometrici), che potrebbero rientrare tra i dataset di elevato valore.",
        )
    }),
    Reply {
        note: "demo2024nota02",
        id: "demo2024risp03",
        by: ROBERTA,
        at: "2024-05-13T14:40:00Z",
        body: "Ci stiamo. Portiamo come base il piano di classificazione per le funzioni associate, che rende confrontabili i dati di enti diversi, e coinvolgiamo ParER per la lettura dei metadati dei documenti in conservazione.",
    },
    synergy(
        "demo2024nota05",
        ("referente", "internet-of-things"),
        "2024-05-13T15:20:00Z",
        (
            "internet-of-things",
            "aubu5",
            "profilo comune per descrivere i dati dei sensori",
        ),
        ("dati", "ara7h"),
        "Anche il piano Dati prevede un profilo comune di metadati per i dati dei sensori: definiamolo una volta sola, a partire dal catasto regionale dei sensori, così i flussi pubblicati dagli enti sono descritti allo stesso modo.",
    ),
    Reply {
        note: "demo2024nota04",
        id: "demo2024risp04",
        by: MARTINA,
        at: "2024-05-13T15:55:00Z",
        body: "Molto utile, era proprio l'idea del nostro modulo. Il Comune di Ferrara può ospitare la prima edizione in autunno, aperta anche agli operatori del Servizio civile digitale.",
    },
    Reply {
        note: "demo2024nota08",
        id: "demo2024risp05",
        by: ("referente", "digital-gender-gap"),
        at: "2024-05-13T16:30:00Z",
        body: "Per la facilitazione useremmo il modulo di registrazione degli utenti, dove il dato è raccolto con un'informativa chiara. Per i servizi online partiremmo dai dati già aggregati dei gestionali, ma dobbiamo ancora approfondire.",
    },
    Step::Note(Note {
        proposal: Some((
            "Una volta sola per le imprese: verifiche tramite e-service al posto dei documenti",
            &["imprese", "integrazioni-digitali"],
        )),
        ..note(
            "demo2024nota10",
            ("coordinatore", "imprese"),
            "2024-05-14T06:50:00Z",
            (
                "imprese",
                "a19jz",
                "documenti ancora richiesti alle imprese che la pubblica amministrazione già possiede",
            ),
            Proposal,
            "L'elenco dei documenti da non richiedere più alle imprese funziona solo se gli sportelli possono verificare i dati in automatico. Proponiamo un'azione integrata con Integrazioni Digitali: per ogni documento eliminato, l'e-service sulla PDND che lo sostituisce.",
        )
    }),
    synergy(
        "demo2024nota11",
        LAURA,
        "2024-05-14T07:25:00Z",
        ("imprese", "a7rip", "anche tramite e-service sulla PDND"),
        ("integrazioni-digitali", "a58l8"),
        "Le due azioni mappano gli stessi flussi tra sportelli unici ed enti terzi. Proponiamo una sola mappatura, condivisa tra Lepida e la Regione, da cui partano sia i collegamenti interoperabili sia i primi e-service.",
    ),
    Reply {
        note: "demo2024nota07",
        id: "demo2024risp06",
        by: ("referente", "facilitazione-digitale"),
        at: "2024-05-14T07:55:00Z",
        body: "Sì, aggiungiamo gli URP ai destinatari. Il modulo si compila una sola volta e ogni segnalazione indica il servizio e l'ente: vi mandiamo la bozza entro fine maggio.",
    },
    Resolve {
        note: "demo2024nota07",
        by: MARTINA,
        at: "2024-05-14T08:20:00Z",
        outcome: Outcome::Accepted,
        reason: "Gli URP ricevono il report trimestrale; un solo registro per le due azioni.",
    },
    Reply {
        note: "demo2024nota06",
        id: "demo2024risp07",
        by: ALESSANDRO,
        at: "2024-05-14T08:45:00Z",
        body: "Ottima proposta. Vi mandiamo i materiali e i risultati aggregati delle campagne di phishing simulato da usare nell'esercitazione.",
    },
    Reply {
        note: "demo2024nota08",
        id: "demo2024risp08",
        by: LUCA,
        at: "2024-05-14T09:10:00Z",
        body: "Il nostro modello di governance dei dati prevede il raccordo con il DPO e regole di anonimizzazione: potete partire da lì. Suggerisco di raccogliere solo dati già aggregati, mai elenchi nominativi.",
    },
    Resolve {
        note: "demo2024nota02",
        by: CHIARA,
        at: "2024-05-14T09:40:00Z",
        outcome: Outcome::Accepted,
        reason: "Condivisa dalle due comunità: entra nel piano generale come azione integrata, con Dati capofila.",
    },
    Resolve {
        note: "demo2024nota03",
        by: ALESSANDRO,
        at: "2024-05-14T10:15:00Z",
        outcome: Outcome::Accepted,
        reason: "Un documento unico su architetture e credenziali, verificato sui cinque e-service pilota.",
    },
    Reply {
        note: "demo2024nota05",
        id: "demo2024risp09",
        by: LUCA,
        at: "2024-05-14T10:50:00Z",
        body: "Sì, Arpae è capofila dalla nostra parte e ha già una prima bozza per la qualità dell'aria. Proponiamo un incontro congiunto a giugno.",
    },
    Resolve {
        note: "demo2024nota09",
        by: CHIARA,
        at: "2024-05-14T11:30:00Z",
        outcome: Outcome::Rejected,
        reason: "La ricognizione segue le categorie del Regolamento UE 2023/138 e riguarda i dati detenuti dagli enti; i flussi dei sensori sono già trattati nell'azione sui dati dei sensori territoriali, in sinergia con la vostra comunità.",
    },
    Step::Note(note(
        "demo2024nota12",
        ("coordinatore", "integrazioni-digitali"),
        "2024-05-14T12:10:00Z",
        (
            "amministratori-digitali",
            "a109e",
            "stato dei progetti PNRR",
        ),
        Comment,
        "Nel kit suggeriamo una scheda sull'adesione alla PDND e sugli e-service attivi dell'ente: dopo la misura 1.3.1 è una delle scelte su cui le nuove giunte dovranno decidere risorse e contratti.",
    )),
    Reply {
        note: "demo2024nota10",
        id: "demo2024risp10",
        by: PAOLA,
        at: "2024-05-14T12:45:00Z",
        body: "L'idea ci convince, ma oggi non sappiamo ancora quali e-service saranno disponibili: la nostra analisi dei flussi tra SUAP ed enti terzi si chiude a settembre.",
    },
    Resolve {
        note: "demo2024nota10",
        by: LAURA,
        at: "2024-05-14T13:20:00Z",
        outcome: Outcome::Parked,
        reason: "Rinviata alla rilettura finale, quando sarà disponibile l'esito della mappatura dei flussi.",
    },
];
