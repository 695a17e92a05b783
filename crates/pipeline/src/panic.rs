//! A panic in a stage is a bug; it costs one input its record, not the batch
//! (nor the Python interpreter). Used by the command line and the Python
//! package alike.

use std::cell::{Cell, RefCell};
use std::panic::AssertUnwindSafe;

thread_local! {
    /// Set while this thread runs code whose panics are caught.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// The message and location of the last caught panic on this thread.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Run `f`, turning a panic into its message (with location) instead of a
/// crash and a backtrace dump on stderr.
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    CATCHING.with(|c| c.set(true));
    let result = std::panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    result.map_err(|_| {
        CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| "unknown panic".to_string())
    })
}

/// A panic hook that records caught panics quietly and leaves every other
/// panic to the hook that was there before.
fn install_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CATCHING.with(|c| c.get()) {
                return previous(info);
            }
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-text panic payload".to_string());
            let at = info
                .location()
                .map(|l| format!(" (at {}:{})", l.file(), l.line()))
                .unwrap_or_default();
            // With RUST_BACKTRACE=1 and debug logging, where it happened, for the bug report.
            let trace = std::backtrace::Backtrace::capture();
            if trace.status() == std::backtrace::BacktraceStatus::Captured {
                tracing::debug!("caught panic: {message}{at}\n{trace}");
            }
            CAUGHT.with(|c| *c.borrow_mut() = Some(format!("{message}{at}")));
        }));
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_becomes_its_message_with_where() {
        let caught = super::catch_panic(|| -> u32 { panic!("stage fell over") });
        let message = caught.unwrap_err();
        assert!(message.starts_with("stage fell over (at "), "{message}");
        assert_eq!(super::catch_panic(|| 7), Ok(7));
    }
}
