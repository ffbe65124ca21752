//! The key unlocked for this run of the program (a "sitting"): asked for
//! once, used by every read and write, and dropped (its memory zeroed) when
//! the program ends.

use std::sync::{Arc, RwLock};

use age::x25519;

/// The user's key pair, unlocked. The secret half zeroes its memory when
/// dropped (x25519-dalek's `StaticSecret` with zeroize).
pub struct Unlocked {
    identity: x25519::Identity,
    recipient: x25519::Recipient,
}

impl Unlocked {
    pub fn new(identity: x25519::Identity) -> Self {
        let recipient = identity.to_public();
        Unlocked {
            identity,
            recipient,
        }
    }

    pub fn identity(&self) -> &x25519::Identity {
        &self.identity
    }

    pub fn recipient(&self) -> &x25519::Recipient {
        &self.recipient
    }
}

static SITTING: RwLock<Option<Arc<Unlocked>>> = RwLock::new(None);

/// From now on files are written encrypted to this key, and files
/// encrypted to it open.
pub fn begin(key: Unlocked) {
    if let Ok(mut slot) = SITTING.write() {
        *slot = Some(Arc::new(key));
    }
}

/// The unlocked key, if the sitting has one.
pub fn current() -> Option<Arc<Unlocked>> {
    SITTING.read().ok().and_then(|slot| slot.clone())
}

/// Forgets the key; once the last user of it lets go its memory is zeroed.
/// Called as the program ends (statics are never dropped otherwise).
pub fn end() {
    if let Ok(mut slot) = SITTING.write() {
        *slot = None;
    }
}
