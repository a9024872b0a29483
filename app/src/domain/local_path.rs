//! Where to go after logging in: only a path of this site, written in safe characters.

/// The longest `next` accepted.
const MAX_LEN: usize = 512;

/// `next` if it is a path of this site made of safe characters; `None` for anything a browser
/// could read as another site or that cannot be a header (`//host`, a backslash, a tab, CR/LF, a
/// scheme, an encoded slash, backslash or control character).
pub fn local_path(next: &str) -> Option<&str> {
    let bytes = next.as_bytes();
    let safe = next.len() <= MAX_LEN
        && bytes.first() == Some(&b'/')
        && bytes.get(1) != Some(&b'/')
        && bytes.iter().all(|byte| is_safe(*byte))
        && escapes_are_safe(bytes);
    safe.then_some(next)
}

/// Letters, digits and the punctuation of paths, queries and fragments; never `\`, `:`, quotes,
/// angle brackets, spaces or control characters.
fn is_safe(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"/-._~?=&%#+,".contains(&byte)
}

/// Every `%` starts an escape of a byte that is not `/`, `\`, a control character or `%`.
fn escapes_are_safe(bytes: &[u8]) -> bool {
    bytes.iter().enumerate().all(|(at, byte)| {
        *byte != b'%'
            || bytes
                .get(at + 1..at + 3)
                .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok())
                .is_some_and(|escaped| {
                    escaped > 0x20 && !matches!(escaped, b'/' | b'\\' | b'%' | b':' | 0x7f)
                })
    })
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn paths_of_this_site_are_kept() {
        for good in [
            "/profilo",
            "/piani/2024/dati/modifica",
            "/lettura-trasversale?comunita=dati&anno=2024",
            "/piani/2024/dati#o7k2m",
            "/comunita/citt%C3%A0",
        ] {
            assert_eq!(local_path(good), Some(good), "{good}");
        }
    }

    #[test]
    fn anything_that_leaves_the_site_or_breaks_a_header_is_refused() {
        for bad in [
            "",
            "profilo",
            "//evil.example",
            "/\\evil.example",
            "\\\\evil.example",
            "/\t/evil.example",
            "/%09/evil.example",
            "/%2F%2Fevil.example",
            "/%2f%2fevil.example",
            "/%5C%5Cevil.example",
            "/profilo\r\nSet-Cookie: x=1",
            "/profilo%0d%0aSet-Cookie:%20x=1",
            "https://evil.example",
            "javascript:alert(1)",
            "/javascript:alert(1)",
            "/%6A%61vascript%3Aalert(1)",
            "/<script>",
            "/profilo\"onmouseover=\"x",
            "/%",
            "/%zz",
            "/%25%32%46",
            "/città",
            "/ spazio",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
        assert_eq!(local_path(&format!("/{}", "a".repeat(600))), None);
    }
}
