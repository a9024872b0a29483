//! Properties of [`SignupForm::validate`] on any text, and on valid forms with one field
//! broken at a time.

use proptest::prelude::*;

use super::*;

/// Text people type, hostile or not: names with accents and apostrophes, right-to-left
/// scripts, emoji, control characters, markup, huge values and any Unicode at all.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::sample::select(
            &[
                "Nicolò",
                "D'Alì",
                " Nicolò D'Alì ",
                "محمد",
                "שָׁלוֹם",
                "\u{202e}ilA'D",
                "😀🇮🇹",
                "a\0b",
                "\t",
                "",
                " ",
                "<script>",
                "nicolo.dali@comune.bologna.it",
                "İSTANBUL@X.IT",
                "dati",
                "dati-aperti",
                "on",
            ][..]
        )
        .prop_map(str::to_owned),
        (".{1,3}", 0..20_000usize).prop_map(|(piece, times)| piece.repeat(times)),
    ]
}

/// Any form at all.
fn any_form() -> impl Strategy<Value = SignupForm> {
    let names = (typed(), typed(), typed(), typed(), typed(), typed());
    let choices = (
        typed(),
        typed(),
        prop::option::of(typed()),
        prop::collection::vec(typed(), 0..4),
    );
    (names, choices, prop::option::of(typed())).prop_map(
        |(
            (nome, cognome, email, ente, ente_nome, ruolo),
            (ente_tipo, password, ente_nuovo, comunita),
            privacy,
        )| {
            SignupForm {
                nome,
                cognome,
                email,
                ente,
                ente_nome,
                ente_nuovo,
                ente_tipo,
                ente_provincia: String::new(),
                ruolo,
                comunita,
                password,
                privacy,
            }
        },
    )
}

/// A form every field of which is valid: names in any alphabet, a plain address in any
/// case, known-shaped communities, a long password or none.
fn valid_form() -> impl Strategy<Value = SignupForm> {
    let name = "[\\p{L}][\\p{L}' -]{0,40}[\\p{L}]";
    let email =
        "[a-zA-Z0-9]{1,10}(\\.[a-zA-Z0-9_+-]{1,10}){0,2}@[a-zA-Z0-9]{1,10}(\\.[a-zA-Z]{2,6}){1,2}";
    let password = prop_oneof![Just(String::new()), "[\\p{L}\\p{N} !?.,'-]{12,64}"];
    let communities = prop::collection::vec("[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", 1..4);
    (
        name,
        name,
        email,
        " ?[\\p{L} ]{1,100}[\\p{L}] ?",
        communities,
        password,
    )
        .prop_map(
            |(nome, cognome, email, ruolo, comunita, password)| SignupForm {
                nome,
                cognome,
                email,
                ente: "037006".into(),
                ente_nome: "Comune di Bologna".into(),
                ruolo,
                comunita,
                password,
                privacy: Some("on".into()),
                ..SignupForm::default()
            },
        )
}

/// A field and a value that breaks it: missing, control characters, too long, not an
/// address, too short or common as a password, no community or a malformed one, no consent.
fn broken() -> impl Strategy<Value = (&'static str, String)> {
    let owned = |values: &[&str]| values.iter().map(|v| (*v).to_owned()).collect::<Vec<_>>();
    let line = owned(&["", " \t ", "Nicolò\0", "\u{7}campanello", &"è".repeat(121)]);
    let email = [
        "",
        "senza-chiocciola",
        "a@b",
        "a..b@co.it",
        "a b@co.it",
        "x@y.it\0",
    ];
    prop_oneof![
        one_of("nome", line.clone()),
        one_of("cognome", line.clone()),
        one_of("ruolo", line),
        one_of("email", owned(&email)),
        one_of(
            "password",
            owned(&["corta", "aaaaaaaaaaaaaaaa", &"x".repeat(257)])
        ),
        one_of(
            "comunita",
            owned(&["", "Dati Aperti!", "dati_aperti", "-dati"])
        ),
        Just(("privacy", String::new())),
    ]
}

/// `field` with one of `values`.
fn one_of(
    field: &'static str,
    values: Vec<String>,
) -> impl Strategy<Value = (&'static str, String)> {
    prop::sample::select(values).prop_map(move |value| (field, value))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Any form is accepted or refused without panic; what is accepted is clean, and what is
    /// refused names its problems and echoes what was typed, shortened, never the password.
    #[test]
    fn any_form_is_judged_safely(form in any_form()) {
        match form.validate() {
            Ok(signup) => {
                let lines = [
                    (&signup.first_name, NAME_MAX),
                    (&signup.last_name, NAME_MAX),
                    (&signup.job_title, JOB_TITLE_MAX),
                ];
                for (value, max) in lines {
                    prop_assert!(!value.is_empty() && value.trim() == value);
                    prop_assert!(value.chars().count() <= max);
                    prop_assert!(!value.chars().any(char::is_control), "{value:?}");
                }
                prop_assert_eq!(signup.email.as_str(), form.email.trim().to_lowercase());
                prop_assert!(!signup.communities.is_empty());
                prop_assert!(form.privacy.is_some());
            }
            Err(rejection) => {
                prop_assert!(!rejection.is_empty());
                for (field, value) in &rejection.typed {
                    prop_assert!(field != "password" && value.chars().count() <= 300);
                }
            }
        }
    }

    #[test]
    fn valid_forms_are_accepted_as_typed(form in valid_form()) {
        let signup = form.validate();
        prop_assert!(signup.is_ok(), "{:?} refused: {:?}", form, signup.err());
        let signup = signup.map_err(|_| TestCaseError::fail("refused"))?;
        prop_assert_eq!(signup.first_name, form.nome.trim());
        prop_assert_eq!(signup.last_name, form.cognome.trim());
        prop_assert_eq!(signup.job_title, form.ruolo.trim());
        prop_assert_eq!(signup.email.as_str(), form.email.to_lowercase());
        prop_assert_eq!(signup.password.is_some(), !form.password.is_empty());
        let typed: Vec<&str> = form.comunita.iter().map(String::as_str).collect();
        let mut slugs: Vec<&str> = signup.communities.iter().map(|slug| slug.as_str()).collect();
        prop_assert!(slugs.iter().all(|slug| typed.contains(slug)));
        slugs.sort_unstable();
        slugs.dedup();
        prop_assert_eq!(slugs.len(), signup.communities.len(), "repeated communities");
    }

    /// A valid form with one field broken is refused for that field only.
    #[test]
    fn one_broken_field_is_the_one_reported(form in valid_form(), (field, value) in broken()) {
        let mut form = form;
        match field {
            "nome" => form.nome = value,
            "cognome" => form.cognome = value,
            "ruolo" => form.ruolo = value,
            "email" => form.email = value,
            "password" => form.password = value,
            "privacy" => form.privacy = None,
            _ => form.comunita = if value.is_empty() { vec![] } else { vec![value] },
        }
        let rejection = form.validate().err();
        let problems = rejection.iter().flat_map(|rejection| &rejection.problems);
        let fields: Vec<&str> = problems.map(|(field, _)| field.as_str()).collect();
        prop_assert_eq!(fields, vec![field], "{:?}", form);
    }
}
