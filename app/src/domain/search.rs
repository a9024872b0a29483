//! Text matching as people expect it when they type a filter: no case, no accents.

/// Lowercases `text` and strips the accents of Latin letters (`Città` -> `citta`).
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(strip_accent)
        .collect()
}

/// Whether `haystack` contains `needle` once both are folded; surrounding spaces are ignored.
pub fn folded_contains(haystack: &str, needle: &str) -> bool {
    fold(haystack).contains(&fold(needle.trim()))
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(
            fold("Nicolò D'Alì, Forlì-Cesena"),
            "nicolo d'ali, forli-cesena"
        );
        assert_eq!(fold("ÀÈÌÒÙ"), "aeiou");
    }

    #[test]
    fn contains_ignores_surrounding_spaces() {
        assert!(folded_contains("Cybersecurity e Cloud", "  cloud "));
        assert!(!folded_contains("Dati", "documenti"));
    }
}
