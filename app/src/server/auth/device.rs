//! What a session list shows of a device: browser and system from the user agent, and the
//! network address shortened so that no one's exact address is kept.

use std::net::IpAddr;

/// The browser and the operating system a user agent names, in words (`"Firefox"`, `"Android"`).
pub fn browser_and_system(user_agent: &str) -> (String, String) {
    const BROWSERS: [(&str, &str); 8] = [
        ("Edg/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];
    const SYSTEMS: [(&str, &str); 7] = [
        ("Android", "Android"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Windows", "Windows"),
        ("CrOS", "ChromeOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];
    let find = |table: &[(&str, &'static str)]| {
        table
            .iter()
            .find(|(mark, _)| user_agent.contains(mark))
            .map_or("sconosciuto", |(_, name)| name)
            .to_owned()
    };
    (find(&BROWSERS), find(&SYSTEMS))
}

/// The network of `ip`: IPv4 to its /24 (`192.0.2.x`), IPv6 to its /48 (`2001:db8:1::/48`);
/// `"sconosciuta"` when it is not an address.
pub fn network(ip: &str) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.x")
        }
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => network(&v4.to_string()),
            None => {
                let [a, b, c, ..] = v6.segments();
                format!("{a:x}:{b:x}:{c:x}::/48")
            }
        },
        Err(_) => "sconosciuta".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_browsers_and_systems_are_named() {
        let cases = [
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
                ("Chrome", "Android"),
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                ("Safari", "iOS"),
            ),
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
                ("Edge", "Windows"),
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
                ("Firefox", "Linux"),
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
                ("Safari", "macOS"),
            ),
            ("curl/8.5.0", ("sconosciuto", "sconosciuto")),
            ("", ("sconosciuto", "sconosciuto")),
        ];
        for (agent, (browser, system)) in cases {
            assert_eq!(
                browser_and_system(agent),
                (browser.to_owned(), system.to_owned()),
                "{agent}"
            );
        }
    }

    #[test]
    fn addresses_are_shortened_to_their_network() {
        assert_eq!(network("192.0.2.171"), "192.0.2.x");
        assert_eq!(network("2001:db8:1:2::5"), "2001:db8:1::/48");
        assert_eq!(network("::ffff:10.1.2.3"), "10.1.2.x");
        assert_eq!(network("unknown"), "sconosciuta");
        assert_eq!(network("<script>"), "sconosciuta");
    }
}
