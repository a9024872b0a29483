//! Percent-encoding (RFC 3986) of text put in an address's query or in a header's extended
//! value (RFC 8187): every byte but the unreserved ones.

/// `value` with every byte but `A-Z a-z 0-9 - _ . ~` written `%XX`.
pub fn percent_encoded(value: &str) -> String {
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                encoded.push(char::from(byte))
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}
