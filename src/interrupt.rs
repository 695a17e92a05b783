//! Ctrl-C (SIGINT) during a batch: the first one asks the run to stop
//! taking new inputs, let the ones in progress finish and close every sink
//! properly (record files are whole, temporary files are removed, the
//! database commits what is done, so `--resume` continues from there); a
//! second one exits at once.

use std::sync::atomic::{AtomicBool, Ordering};

/// Exit status of a run stopped by Ctrl-C (128 + SIGINT, as shells report).
pub const EXIT_INTERRUPTED: i32 = 130;

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Install the handler (once per process; later calls do nothing).
pub fn install() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let installed = ctrlc::set_handler(|| {
            if REQUESTED.swap(true, Ordering::SeqCst) {
                crate::say!("\nnewsparse: interrupted again, stopping now");
                std::process::exit(EXIT_INTERRUPTED);
            }
            crate::say!(
                "\nnewsparse: interrupted: finishing the inputs in progress \
                 (press Ctrl-C again to stop at once)"
            );
        });
        if let Err(e) = installed {
            tracing::warn!("cannot handle Ctrl-C: {e}");
        }
    });
}

/// Whether Ctrl-C was pressed.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}
