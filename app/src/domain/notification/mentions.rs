//! Mentions in what people write: `@Nome Cognome` for a person, `@coordinatori-<comunità>`,
//! `@referenti-<comunità>` and `@coordinatori` (every community) for the current holders of
//! those roles. Letter case does not matter; an `@` inside a word (an email address) is not one.

use crate::domain::community::CommunitySlug;
use crate::domain::role::RoleKind;

/// A group a text mentions: the holders of a role, in one community or (`None`) in all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub role: RoleKind,
    pub community: Option<CommunitySlug>,
}

/// The names among `names` that `text` mentions, by their position in `names`.
pub fn people(text: &str, names: &[&str]) -> Vec<usize> {
    let text = text.to_lowercase();
    let starts = mention_starts(&text);
    names
        .iter()
        .enumerate()
        .filter(|(_, name)| {
            let name = name.trim().to_lowercase();
            !name.is_empty()
                && starts.iter().any(|&at| {
                    text[at..].strip_prefix(name.as_str()).is_some_and(|rest| {
                        !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-')
                    })
                })
        })
        .map(|(at, _)| at)
        .collect()
}

/// The groups `text` mentions, each once; a community that is not a well-formed slug is
/// left out (whether it exists is the caller's to check).
pub fn groups(text: &str) -> Vec<Group> {
    let text = text.to_lowercase();
    let mut found: Vec<Group> = Vec::new();
    for at in mention_starts(&text) {
        let word: String = text[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        let word = word.trim_end_matches('-');
        let group = match word.split_once('-') {
            None if word == "coordinatori" => Some((RoleKind::Coordinator, None)),
            Some(("coordinatori", slug)) => Some((RoleKind::Coordinator, Some(slug))),
            Some(("referenti", slug)) => Some((RoleKind::Referent, Some(slug))),
            _ => None,
        };
        let group = match group {
            Some((role, None)) => Group {
                role,
                community: None,
            },
            Some((role, Some(slug))) => match CommunitySlug::parse(slug) {
                Ok(community) => Group {
                    role,
                    community: Some(community),
                },
                Err(_) => continue,
            },
            None => continue,
        };
        if !found.contains(&group) {
            found.push(group);
        }
    }
    found
}

/// The mention being typed just before `caret` (a byte index) in `text`: where its `@` is and
/// what follows it, on one line and at most [`MAX_TYPED`] characters.
pub fn typing(text: &str, caret: usize) -> Option<(usize, &str)> {
    let before = text.get(..caret)?;
    let at = *mention_starts(before).last()? - 1;
    let typed = &before[at + 1..];
    (typed.chars().count() <= MAX_TYPED && !typed.contains('\n')).then_some((at, typed))
}

/// The longest text after an `@` still read as a mention being typed.
pub const MAX_TYPED: usize = 40;

/// Up to `limit` of `candidates` that begin with `typed`, or one of whose words does, letter
/// case ignored; those that begin with it first.
pub fn suggest<'a>(candidates: &'a [String], typed: &str, limit: usize) -> Vec<&'a str> {
    let typed = typed.to_lowercase();
    let (mut first, mut then) = (Vec::new(), Vec::new());
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        if lower.starts_with(&typed) {
            first.push(candidate.as_str());
        } else if lower.split([' ', '-']).any(|word| word.starts_with(&typed)) {
            then.push(candidate.as_str());
        }
    }
    first.extend(then);
    first.truncate(limit);
    first
}

/// `text` with the mention typed from `at` (its `@`) to `caret` replaced by `@choice `, and
/// where the caret goes then.
pub fn complete(text: &str, at: usize, caret: usize, choice: &str) -> (String, usize) {
    let inserted = format!("@{choice} ");
    let completed = format!("{}{inserted}{}", &text[..at], &text[caret..]);
    (completed, at + inserted.len())
}

/// Where, in `text`, what follows each `@` that starts a mention begins.
fn mention_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .filter(|&(at, c)| {
            c == '@'
                && !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|before| before.is_alphanumeric() || before == '.')
        })
        .map(|(at, _)| at + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_found_by_their_whole_name_in_any_case() {
        let names = [
            "Nicolò D'Alì",
            "Anna Rossi",
            "Anna Rossini",
            "Maria Grazia De Luca",
        ];
        let text = "Grazie @nicolò d'alì e @Anna Rossini; cc @MARIA GRAZIA DE LUCA.";
        assert_eq!(people(text, &names), [0, 2, 3]);
        assert_eq!(people("@Anna Rossi, vedi sopra", &names), [1]);
        assert!(people("anna.rossi@comune.it scrive ad Anna Rossi", &names).is_empty());
        assert!(
            people("@Anna", &names).is_empty(),
            "part of a name is no one"
        );
        assert!(people("", &names).is_empty());
    }

    #[test]
    fn what_is_typed_after_an_at_is_completed() {
        let text = "Grazie @anna r e\nciao";
        let caret = "Grazie @anna r".len();
        assert_eq!(typing(text, caret), Some((7, "anna r")));
        assert_eq!(typing(text, text.len()), None, "a new line ends it");
        assert_eq!(typing("scrivi a a@b", 12), None, "an address");
        assert_eq!(typing("niente", 3), None);
        let names = [
            "Anna Rossi".to_owned(),
            "Marco Annaratone".to_owned(),
            "coordinatori-dati".to_owned(),
            "Nicolò D'Alì".to_owned(),
        ];
        assert_eq!(
            suggest(&names, "ann", 5),
            ["Anna Rossi", "Marco Annaratone"]
        );
        assert_eq!(suggest(&names, "dati", 5), ["coordinatori-dati"]);
        assert_eq!(suggest(&names, "NICOLÒ D", 5), ["Nicolò D'Alì"]);
        assert_eq!(suggest(&names, "", 2).len(), 2);
        let (done, at) = complete(text, 7, caret, "Anna Rossi");
        assert_eq!(done, "Grazie @Anna Rossi  e\nciao");
        assert_eq!(&done[..at], "Grazie @Anna Rossi ");
    }

    #[test]
    fn groups_name_a_role_in_one_community_or_all() {
        let found = groups(
            "Per @coordinatori-trasformazione-digitale e @Referenti-dati, e per tutti i \
             @coordinatori. Di nuovo @coordinatori! Non @cordinatori, non a@coordinatori.",
        );
        let slug = |s| Some(CommunitySlug::parse(s).unwrap());
        assert_eq!(
            found,
            [
                Group {
                    role: RoleKind::Coordinator,
                    community: slug("trasformazione-digitale"),
                },
                Group {
                    role: RoleKind::Referent,
                    community: slug("dati"),
                },
                Group {
                    role: RoleKind::Coordinator,
                    community: None,
                },
            ]
        );
        assert!(groups("@referenti-<script> @referenti @coordinatorix").is_empty());
    }
}
