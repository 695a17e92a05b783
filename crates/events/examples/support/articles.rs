//! The articles the events benches read: every `.txt` file under a
//! directory, in path order.

use std::path::{Path, PathBuf};

fn texts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            texts(&p, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            out.push(p);
        }
    }
}

/// The texts of the `.txt` files under `dir`; panics if there are none.
pub fn read(dir: &Path) -> Vec<String> {
    let mut paths = Vec::new();
    texts(dir, &mut paths);
    let docs: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    assert!(!docs.is_empty(), "no .txt files under {}", dir.display());
    docs
}
