//! Stable identifiers. Records refer to each other by id so that renaming a
//! person or a child updates every place they appear.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// The id numbered `n` within its session (e.g. `att-3`).
            pub fn numbered(n: u64) -> Self {
                Self(format!(concat!($prefix, "-{}"), n))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A child the conference is about.
    ChildId,
    "child"
);
id_type!(
    /// A person on the attendance register (or invited to it).
    AttendeeId,
    "att"
);
id_type!(
    /// Any other record: danger statements, map items, goals, actions...
    ItemId,
    "item"
);
