//! The texts of the photos and their galleries.

/// The interface text of the photos, in one language.
pub struct PhotoTexts {
    pub problem_empty: &'static str,
    pub problem_heic: &'static str,
    pub problem_format: &'static str,
    pub problem_damaged: &'static str,
    pub problem_bytes: &'static str,
    pub problem_pixels: &'static str,
    pub problem_files: &'static str,
    pub problem_interrupted: &'static str,
    pub gallery_title: fn(&str) -> String,
    pub gallery_link: fn(usize) -> String,
    pub photos: &'static str,
    pub none: &'static str,
    pub back_to_meeting: &'static str,
    pub back_to_gallery: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub position: fn(usize, usize) -> String,
    pub upload_title: &'static str,
    pub upload_hint: &'static str,
    pub upload_field: &'static str,
    pub upload_button: &'static str,
    pub uploading: fn(usize, usize) -> String,
    pub uploaded: fn(usize) -> String,
    pub refused: fn(&str, &str) -> String,
    pub describe_title: &'static str,
    pub describe_hint: &'static str,
    pub field_alt: &'static str,
    pub field_alt_hint: &'static str,
    pub field_caption: &'static str,
    pub describe_button: &'static str,
    pub described: &'static str,
    pub alt_required: &'static str,
    pub text_too_long: &'static str,
    pub remove_button: &'static str,
    pub removed: &'static str,
    pub not_described: &'static str,
    pub cover: &'static str,
    pub cover_hint: &'static str,
    pub cover_button: &'static str,
    pub cover_saved: &'static str,
}

/// The photo texts in Italian.
pub fn photo_texts() -> &'static PhotoTexts {
    &PHOTOS_IT
}

static PHOTOS_IT: PhotoTexts = PhotoTexts {
    problem_empty: "Il file è vuoto.",
    problem_heic: "È una foto HEIC (il formato degli iPhone), che non accettiamo. Inviala come \
                   JPEG: su iPhone, in Impostazioni › Fotocamera › Formati scegli «Più \
                   compatibile», oppure condividila dall'app Foto, che la converte in JPEG.",
    problem_format: "Non è una foto JPEG, PNG o WebP: il contenuto del file non corrisponde a \
                     nessuno di questi formati, qualunque sia il nome.",
    problem_damaged: "La foto è danneggiata o incompleta e non si può leggere.",
    problem_bytes: "La foto supera i 25 MB: riducila o inviala dal telefono come «dimensione \
                    effettiva» più piccola.",
    problem_pixels: "La foto supera i 50 megapixel o è troppo grande da elaborare: riducila e \
                     inviala di nuovo.",
    problem_files: "Al massimo 30 foto per volta: invia le altre con un secondo caricamento.",
    problem_interrupted: "Il caricamento si è interrotto (la connessione è caduta o le foto \
                          superavano 200 MB in tutto): le foto caricate sono salve, invia di \
                          nuovo le altre.",
    gallery_title: |meeting| format!("Foto: {meeting}"),
    gallery_link: |count| match count {
        1 => "Vedi la foto".to_owned(),
        n => format!("Vedi tutte le {n} foto"),
    },
    photos: "Foto",
    none: "Non ci sono ancora foto di questo incontro.",
    back_to_meeting: "Torna all'incontro",
    back_to_gallery: "Torna a tutte le foto",
    previous: "Foto precedente",
    next: "Foto successiva",
    position: |n, of| format!("Foto {n} di {of}"),
    upload_title: "Aggiungi foto",
    upload_hint: "JPEG, PNG o WebP, fino a 25 MB e 30 foto per volta. Prima di pubblicarle \
                  togliamo posizione e ogni altro dato nascosto; l'originale non viene tenuto. \
                  Pubblica solo foto in cui le persone hanno acconsentito a comparire.",
    upload_field: "Foto da caricare",
    upload_button: "Carica le foto",
    uploading: |done, of| format!("Caricamento: {done} di {of}"),
    uploaded: |count| match count {
        0 => "Nessuna foto caricata.".to_owned(),
        1 => "1 foto caricata: scrivi qui sotto il testo alternativo per pubblicarla.".to_owned(),
        n => format!("{n} foto caricate: scrivi qui sotto il testo alternativo per pubblicarle."),
    },
    refused: |file, why| format!("{file}: {why}"),
    describe_title: "Foto da descrivere",
    describe_hint: "Una foto si pubblica quando ha il testo alternativo, che la descrive a chi \
                    non la vede.",
    field_alt: "Testo alternativo",
    field_alt_hint: "Che cosa mostra la foto, in una frase (obbligatorio).",
    field_caption: "Didascalia (facoltativa)",
    describe_button: "Salva e pubblica",
    described: "Descrizione salvata.",
    alt_required: "Scrivi il testo alternativo: dice che cosa mostra la foto a chi non la vede.",
    text_too_long: "Al massimo 500 caratteri.",
    remove_button: "Elimina la foto",
    removed: "Foto eliminata.",
    not_described: "Non ancora pubblicata: manca il testo alternativo.",
    cover: "Foto di copertina",
    cover_hint: "JPEG, PNG o WebP, fino a 25 MB; con il testo alternativo, che è obbligatorio.",
    cover_button: "Salva la copertina",
    cover_saved: "Copertina salvata.",
};
