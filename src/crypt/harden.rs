//! Keeping session content out of places it could leak to by accident.

/// Turns core dumps off for this process: a crash must not write the
/// decrypted sessions and the key to a core file. `PR_SET_DUMPABLE 0` also
/// stops other processes of the same user from attaching a debugger.
/// Best effort: a failure leaves the program running as before.
pub fn no_core_dumps() {
    #[cfg(unix)]
    {
        let zero = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: setrlimit reads the struct we pass; no memory is kept.
        unsafe {
            libc::setrlimit(libc::RLIMIT_CORE, &zero);
        }
    }
    #[cfg(target_os = "linux")]
    // SAFETY: prctl with PR_SET_DUMPABLE takes plain integers.
    unsafe {
        libc::prctl(libc::PR_SET_DUMPABLE, 0, 0, 0, 0);
    }
}

/// Whether core dumps are off (for the tests).
pub fn core_dumps_off() -> bool {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 1,
            rlim_max: 1,
        };
        // SAFETY: getrlimit writes into the struct we pass.
        let rc = unsafe { libc::getrlimit(libc::RLIMIT_CORE, &mut limit) };
        rc == 0 && limit.rlim_cur == 0
    }
    #[cfg(not(unix))]
    {
        false
    }
}
