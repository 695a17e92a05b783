//! Print the evidence behind a page's metadata: `cargo run --release -p
//! newsparse-html --example explain -- PAGE.html[.gz]`.
use std::io::Read;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: explain PAGE.html[.gz]");
    let raw = std::fs::read(&path).expect("readable page");
    let mut bytes = Vec::new();
    if path.ends_with(".gz") {
        flate2::read::GzDecoder::new(&raw[..])
            .read_to_end(&mut bytes)
            .expect("gzip");
    } else {
        bytes = raw;
    }
    let html = String::from_utf8_lossy(&bytes);
    println!("{}", newsparse_html::explain(&html));
    match newsparse_html::render(&html) {
        Ok(p) => println!("---- text ----\n{}", p.text),
        Err(e) => println!("error: {e}"),
    }
}
