//! `eval-syntax` is wired to the syntax crate: it scores a CoNLL-U file and
//! reports a missing one as one error line.

mod cli_support;

use cli_support::*;

const SNIPPET: &str = "# text = Ola Brandt opened the bridge.
1\tOla\tOla\tPROPN\tNNP\t_\t3\tnsubj\t_\t_
2\tBrandt\tBrandt\tPROPN\tNNP\t_\t1\tflat\t_\t_
3\topened\topen\tVERB\tVBD\t_\t0\troot\t_\t_
4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
5\tbridge\tbridge\tNOUN\tNN\t_\t3\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

";

#[test]
fn eval_syntax_scores_a_conllu_file() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("s.conllu"), SNIPPET).unwrap();
    let r = newsparse(tmp.path(), &["eval-syntax", "s.conllu"], None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    for row in [
        "tokens 6",
        "UPOS ",
        "UAS ",
        "LAS ",
        "tagging ",
        "tagging+parsing ",
        // The embedded model's parsers vote; the first alone is scored too.
        "parsers 8 voting",
        "first parser alone: UAS ",
    ] {
        assert!(
            r.stdout.lines().any(|l| l.starts_with(row)),
            "{row}: {}",
            r.stdout
        );
    }
}

#[test]
fn eval_syntax_on_a_missing_file_is_one_error_line_and_exit_1() {
    let tmp = tempfile::tempdir().unwrap();
    let r = newsparse(tmp.path(), &["eval-syntax", "no-such-file.conllu"], None);
    assert_eq!(r.status, 1, "{}{}", r.stdout, r.stderr);
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let usage = newsparse(tmp.path(), &["eval-syntax"], None);
    assert_eq!(usage.status, 2);
}

/// `--model` scores a model file; a file that is not one is one error
/// line naming it; a bad `train-syntax --parsers` list is a usage error.
#[test]
fn eval_syntax_reads_a_model_file_and_parsers_lists_are_checked() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("s.conllu"), SNIPPET).unwrap();
    std::fs::write(tmp.path().join("m.bin"), newsparse_syntax::embedded_bytes()).unwrap();
    let args = ["eval-syntax", "s.conllu", "--model", "m.bin"];
    let r = newsparse(tmp.path(), &args, None);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let embedded = newsparse(tmp.path(), &["eval-syntax", "s.conllu"], None);
    let las = |out: &str| {
        out.lines()
            .find(|l| l.starts_with("LAS "))
            .map(String::from)
    };
    assert_eq!(las(&r.stdout), las(&embedded.stdout));
    std::fs::write(tmp.path().join("bad.bin"), "not a model").unwrap();
    let r = newsparse(
        tmp.path(),
        &["eval-syntax", "s.conllu", "--model", "bad.bin"],
        None,
    );
    assert_eq!(r.status, 1);
    assert!(r.stderr.starts_with("error: bad.bin: "), "{}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
    let r = newsparse(tmp.path(), &["train-syntax", "--parsers", "f1,x2"], None);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("start with f"), "{}", r.stderr);
}
