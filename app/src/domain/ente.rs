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

impl EnteKind {
    /// The "other bodies" (altri enti) that the regional report counts apart.
    pub fn is_other_body(self) -> bool {
        matches!(
            self,
            Self::Asp
                | Self::ConsorzioBonifica
                | Self::Ausl
                | Self::AziendaOspedaliera
                | Self::EnteParco
        )
    }
}

impl Province {
    /// The province's name as people write it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Piacenza => "Piacenza",
            Self::Parma => "Parma",
            Self::ReggioEmilia => "Reggio Emilia",
            Self::Modena => "Modena",
            Self::Bologna => "Bologna",
            Self::Ferrara => "Ferrara",
            Self::Ravenna => "Ravenna",
            Self::ForliCesena => "Forlì-Cesena",
            Self::Rimini => "Rimini",
        }
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

    #[test]
    fn other_bodies_are_the_five_kinds_of_the_report() {
        let others: Vec<_> = EnteKind::ALL.iter().filter(|k| k.is_other_body()).collect();
        assert_eq!(others.len(), 5);
        assert!(!EnteKind::Comune.is_other_body());
        assert!(!EnteKind::Universita.is_other_body());
    }
}
