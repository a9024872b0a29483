//! The registry of public bodies (enti) whose staff join the communities.

use serde::{Deserialize, Serialize};

/// Declares a closed set of codes with their text form, parsing and listing in one place.
macro_rules! code_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $code)] $variant),+ }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The code stored in the database and used in data files and URLs.
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code),+ }
            }

            /// Parses a code; `None` when it is not one of [`Self::ALL`].
            pub fn parse(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|value| value.code() == code)
            }
        }
    };
}

code_enum! {
    /// The kind of a public body.
    EnteKind {
        Comune = "comune",
        Provincia = "provincia",
        CittaMetropolitana = "citta_metropolitana",
        Regione = "regione",
        UnioneComuni = "unione_comuni",
        Ausl = "ausl",
        AziendaOspedaliera = "azienda_ospedaliera",
        ConsorzioBonifica = "consorzio_bonifica",
        EnteParco = "ente_parco",
        Asp = "asp",
        IstitutoScolastico = "istituto_scolastico",
        Universita = "universita",
        Acer = "acer",
        CameraCommercio = "camera_commercio",
        AgenziaRegionale = "agenzia_regionale",
    }
}

code_enum! {
    /// The nine provinces of Emilia-Romagna, by their two-letter code.
    Province {
        Piacenza = "PC",
        Parma = "PR",
        ReggioEmilia = "RE",
        Modena = "MO",
        Bologna = "BO",
        Ferrara = "FE",
        Ravenna = "RA",
        ForliCesena = "FC",
        Rimini = "RN",
    }
}

/// One public body of the registry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ente {
    /// Stable code: the ISTAT code for municipalities, a readable slug for the others.
    pub code: String,
    pub name: String,
    pub kind: EnteKind,
    /// `None` only for bodies of the whole region, such as the Region itself.
    pub province: Option<Province>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for kind in EnteKind::ALL {
            assert_eq!(EnteKind::parse(kind.code()), Some(*kind));
        }
        for province in Province::ALL {
            assert_eq!(Province::parse(province.code()), Some(*province));
        }
        assert_eq!(Province::ALL.len(), 9);
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert_eq!(EnteKind::parse("Comune"), None);
        assert_eq!(Province::parse("bo"), None);
        assert_eq!(Province::parse(""), None);
    }
}
