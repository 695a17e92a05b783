//! The `newsparse` command line.

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};
use newsparse::extract::{self, ExtractOptions};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "newsparse",
    version,
    about = "Turn news articles (text, web pages, WARC archives) into validated, span-grounded JSON records",
    long_about = "Turn news articles (plain text, saved web pages, WARC archives) into validated, \
span-grounded JSON records: title, byline, dateline, photos, people, organizations, places, \
quotes and events, every one pointing at the text it came from (Unicode code-point offsets).\n\n\
Run `newsparse extract` with no arguments to read inputs/*.txt and write outputs/*.json; \
`newsparse review` shows what a record claims, marked in its article.",
    after_help = "Exit status: 0 success, 1 failure (see each command's --help), 2 usage error."
)]
struct Cli {
    /// More log output on stderr (-v info, -vv debug, -vvv trace); without -v
    /// the RUST_LOG environment variable is used (default: warnings only).
    #[arg(short, long, action = ArgAction::Count, global = true)]
    verbose: u8,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Extract(ExtractArgs),
    Validate(ValidateArgs),
    /// Print the JSON Schema (2020-12) of a record.
    Schema,
    TrainNer(TrainNerArgs),
    EvalNer(EvalNerArgs),
    Text(TextArgs),
    Review(ReviewArgs),
    TrainSyntax(TrainSyntaxArgs),
    EvalSyntax(EvalSyntaxArgs),
}

/// Print the article of each web page (title, byline, date, body).
///
/// INPUT: .html, .htm or .html.gz files, or directories searched recursively
/// for them. A bad page gets one line on stderr, `error: PATH: REASON`, the
/// others go on, and the exit status is 1.
#[derive(Args)]
struct TextArgs {
    /// Pages or directories of pages.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// One JSON object per page instead (path, url, title, byline,
    /// published, body), in input order; - for stdout.
    #[arg(long, value_name = "FILE|-")]
    jsonl: Option<PathBuf>,
}

/// Extract one record per article.
///
/// Reads each input (files, directories searched recursively for *.txt,
/// *.html, *.htm, *.html.gz, *.warc and *.warc.gz, or - for stdin), runs the
/// pipeline, validates the record and writes it. With no INPUT, reads
/// inputs/ and writes outputs/.
///
/// Text is read as it is. An HTML page is decoded (its charset from the
/// byte-order mark, the HTTP header, <meta>, or a sniff), its article
/// rendered as text, and the record carries that text (`text`), which its
/// spans index. In a WARC file every `response` record holding an HTML page
/// (2xx status) is one article, with source.url the WARC-Target-URI and
/// source.warc_record_id its WARC-Record-ID; other records are counted and
/// skipped.
///
/// Output names mirror each input's path relative to the directory it was
/// found in (inputs/a/001.txt -> outputs/a/001.json); a file argument gives
/// <stem>.json (page.html.gz -> page.json) and stdin gives stdin.json. When
/// two inputs would get the same name, those inputs keep more of their parent
/// directories (x/a/001.txt and y/b/001.txt -> a/001.json and b/001.json).
/// The records of a WARC file are numbered by their position in it (every
/// record counts, from 1): record 3 of crawl.warc.gz has source.path
/// `crawl.warc.gz#3` and the file crawl/00003.json; in JSONL they come in
/// file order whatever --jobs.
///
/// A bad input (missing, unreadable, empty, binary, not UTF-8, larger than
/// --max-bytes or inflating to more, a page with no article, a truncated or
/// corrupt WARC record, a directory without inputs) gets one line on stderr,
/// `error: PATH: REASON` (`error: FILE#N: REASON` for a WARC record), and the
/// batch goes on (the other records of a WARC file too). Failed inputs are listed in
/// errors.jsonl ({"path":…,"error":…} per line) in the output directory, or
/// beside the --jsonl file (none for --jsonl -); entries of an earlier
/// run stay until their inputs are settled (the summary says how many). A
/// record that fails
/// validation, or a stage that crashes on an input, is reported the same way
/// (an internal error) and nothing is written for that input. Every file is
/// written to a temporary file and renamed, so an interrupted run leaves no
/// half-written record. Every output is checked before work starts; a write
/// that fails later stops the run with one line naming it.
#[derive(Args)]
#[command(after_help = "Exit status:
  0  every input gave a record
  1  some inputs failed (each named on stderr and in errors.jsonl), or an output
     (files, JSONL, database, errors.jsonl) failed after some records reached it
  2  usage error, or nothing could start: the output directory, JSONL file or
     errors.jsonl cannot be written, the database cannot be opened, or an output
     failed before any record reached it
  130  interrupted (Ctrl-C): the inputs in progress were finished and stored,
     the rest not attempted; no JSONL file is made (a second Ctrl-C stops at once)")]
struct ExtractArgs {
    /// Files, directories (searched for *.txt, *.html, *.htm, *.warc, also
    /// gzipped) or - for stdin [default: inputs/]
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Directory for one NAME.json per input and errors.jsonl
    #[arg(short, long, value_name = "DIR", default_value = extract::DEFAULT_OUT)]
    out: PathBuf,
    /// Write one record per line to FILE (- for stdout) instead of NAME.json
    /// files, in input order whatever --jobs is
    #[arg(long, value_name = "FILE")]
    jsonl: Option<PathBuf>,
    /// Worker threads, at most one per core and per input [default: all cores]
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Refuse inputs larger than this many bytes (suffixes K, M, G: 1024-based),
    /// also once inflated (a gzipped page, a WARC record's payload); a WARC
    /// file itself may be larger
    #[arg(long, value_name = "BYTES", default_value = "10M", value_parser = extract::parse_size)]
    max_bytes: u64,
    /// How to read every input: auto (by the name: .txt text; .html, .htm,
    /// .html.gz html; .warc, .warc.gz warc; other names and stdin by their
    /// first bytes), or one format for all
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = InputFormat::Auto)]
    format: InputFormat,
    /// The encoding of text inputs: a label (utf-8, windows-1252,
    /// iso-8859-2, shift_jis…), or auto (UTF-8 when valid, else the
    /// byte-order mark's, else a sniffed guess). Pages are always decoded by
    /// their own charset
    #[arg(long, value_name = "LABEL|auto", default_value = "utf-8", value_parser = newsparse::ingest::TextEncoding::parse)]
    encoding: newsparse::ingest::TextEncoding,
    /// No progress bar and no closing summary (errors are still printed)
    #[arg(short, long)]
    quiet: bool,
    /// Also store records in this SQLite database (created if missing)
    #[arg(long, value_name = "FILE", group = "database")]
    sqlite: Option<PathBuf>,
    /// Also store records in this PostgreSQL database
    #[arg(long, value_name = "URL", group = "database")]
    postgres: Option<String>,
    /// Skip inputs whose (source path, sha256) the database already holds
    /// (each WARC record on its own: FILE#N and the sha256 of its payload)
    #[arg(long, requires = "database")]
    resume: bool,
    /// With --sqlite or --postgres: store in the database only, no NAME.json
    /// files (errors.jsonl is still written to --out)
    #[arg(long, requires = "database", conflicts_with = "jsonl")]
    no_files: bool,
}

/// Check record files against the schema and the contract.
///
/// Reports every error of every record on stdout, as
/// FILE:LINE:COLUMN: POINTER: MESSAGE (or JSON Lines with --format json),
/// then a one-line summary.
#[derive(Args)]
#[command(after_help = "Exit status:
  0  every record is valid
  1  some record is invalid, a file cannot be read, or the report cannot be
     written to stdout
  2  usage error (also: no FILE and a terminal on stdin)")]
struct ValidateArgs {
    /// Record files (.json: one record or an array; .jsonl: one per line),
    /// directories (searched for both; errors.jsonl is skipped), or - for
    /// stdin [default: -]
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The source the records were made from, to check sha256, sizes, spans
    /// and texts against: a text file, an HTML page (.html, .htm, also
    /// gzipped: rendered as extract does, and the record's `text` must equal
    /// it), a WARC file (each record's `source.path` FILE#N names its
    /// record), or a directory of inputs (looked up by source.path). Without
    /// it, a page's record is still checked against its own `text`
    #[arg(long, value_name = "PATH")]
    source: Option<PathBuf>,
    /// Report format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Auto,
    Text,
    Html,
    Warc,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Train the named-entity model on CoNLL-2003 data.
///
/// Deterministic for a given seed; prints a report of the training.
#[derive(Args)]
#[command(after_help = "Exit status: 0 model written, 1 training failed, 2 usage error")]
struct TrainNerArgs {
    /// Training data (CoNLL-2003 format)
    #[arg(
        long,
        value_name = "PATH",
        default_value = "../shared/data/conll2003/train.txt"
    )]
    train: PathBuf,
    /// Development data, for tuning (CoNLL-2003 format)
    #[arg(
        long,
        value_name = "PATH",
        default_value = "../shared/data/conll2003/dev.txt"
    )]
    dev: PathBuf,
    /// Where to write the model
    #[arg(long, value_name = "PATH", default_value = "crates/ner/model/ner.bin")]
    out: PathBuf,
    /// Random seed (the default reproduces the embedded model)
    #[arg(long, value_name = "N", default_value_t = newsparse_ner::SHIPPED_SEED)]
    seed: u64,
}

/// Score the embedded named-entity model on a CoNLL-format file.
///
/// Prints conlleval-style precision, recall and F1, overall and per type.
#[derive(Args)]
#[command(after_help = "Exit status: 0 scored, 1 evaluation failed, 2 usage error")]
struct EvalNerArgs {
    /// A CoNLL-2003 format file
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// Write review pages: each record's claims marked in its article text.
///
/// One self-contained HTML page per article (style and script inline, nothing
/// fetched) and an index.html. INPUT is records (.json, .jsonl, directories)
/// whose text is their own `text`, the file or directory given by --source,
/// or their source.path; or articles (.txt), extracted first. A record that
/// fails validation still gets its page, its problems shown in place.
/// With --compare A B: two records (or two directories of records) of the
/// same articles, matched item by item as shared/tools/score.py does.
#[derive(Args)]
#[command(
    after_help = "Exit status: 0 every page written, 1 some input could not be read or \
some page could not be written (each named on stderr), 2 usage error or the output directory is unusable"
)]
struct ReviewArgs {
    /// Records (.json, .jsonl), articles (.txt), or directories of them
    #[arg(value_name = "INPUT", required_unless_present = "compare")]
    inputs: Vec<PathBuf>,
    /// Compare two records, or two directories of records, of the same articles
    #[arg(long, num_args = 2, value_names = ["A", "B"], conflicts_with = "inputs")]
    compare: Option<Vec<PathBuf>>,
    /// Directory for the pages and index.html
    #[arg(short, long, value_name = "DIR", default_value = "review")]
    out: PathBuf,
    /// The source text file, or a directory of sources, of the records
    #[arg(long, value_name = "PATH")]
    source: Option<PathBuf>,
    /// Worker threads [default: all cores]
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// No closing summary (errors are still printed)
    #[arg(short, long)]
    quiet: bool,
}

/// Train the UPOS tagger and dependency parser on Universal Dependencies.
///
/// Trains on the --train files (CoNLL-U), keeps the parser epoch with the
/// best LAS on --dev, and writes the model. Deterministic: the defaults
/// rebuild the embedded model byte for byte.
#[derive(Args)]
#[command(after_help = "Exit status: 0 model written, 1 training failed, 2 usage error")]
struct TrainSyntaxArgs {
    /// Training data (CoNLL-U; repeat the option for several files)
    #[arg(
        long,
        value_name = "PATH",
        default_values = [
            "../shared/data/ud-english/en_ewt-ud-train.conllu",
            "../shared/data/ud-english/gum-news-train.conllu",
        ]
    )]
    train: Vec<PathBuf>,
    /// Development data, for choosing the epoch (CoNLL-U)
    #[arg(
        long,
        value_name = "PATH",
        default_value = "../shared/data/ud-english/en_ewt-ud-dev.conllu"
    )]
    dev: PathBuf,
    /// Where to write the model; the smaller model the extraction stages
    /// parse with goes beside it (syntax.bin → syntax.pipeline.bin)
    #[arg(
        long,
        value_name = "PATH",
        default_value = "crates/syntax/model/syntax.bin"
    )]
    out: PathBuf,
    /// The parsers whose trees vote: f (left to right) or r (right to
    /// left) and a seed each, comma-separated, e.g. f1,r1,f2 (default:
    /// the embedded model's)
    #[arg(long, value_name = "LIST", value_parser = parse_parsers)]
    parsers: Option<ParserList>,
}

/// `--parsers`' value (a type of its own: clap would read a `Vec` field
/// as a list of values).
#[derive(Clone)]
struct ParserList(Vec<newsparse_syntax::ParserRun>);

fn parse_parsers(s: &str) -> Result<ParserList, String> {
    newsparse_syntax::ParserRun::parse_list(s).map(ParserList)
}

/// Score the embedded tagger and parser on a CoNLL-U file (gold tokens).
///
/// Prints UPOS accuracy, UAS and LAS (punctuation included; LAS compares
/// the universal part of the relation) and tagging and parsing speed.
#[derive(Args)]
#[command(after_help = "Exit status: 0 scored, 1 evaluation failed, 2 usage error")]
struct EvalSyntaxArgs {
    /// A CoNLL-U file
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Score this model file (from `train-syntax --out`) instead of the
    /// embedded model
    #[arg(long, value_name = "PATH")]
    model: Option<PathBuf>,
}

/// What `validate` says when given no FILE and stdin is a terminal.
const VALIDATE_NEEDS_INPUT: &str = "\
newsparse validate: no FILE given, and stdin is a terminal.
It checks records: give record files or directories (.json, .jsonl), or pipe
JSON or JSON Lines in, e.g.
  newsparse validate outputs/
  newsparse extract inputs/ --jsonl - | newsparse validate
Run `newsparse validate --help` for every option.";

fn init_logging(verbose: u8) {
    use tracing_subscriber::EnvFilter;
    let filter = match verbose {
        0 => EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn")),
        1 => EnvFilter::new("info"),
        2 => EnvFilter::new("debug"),
        _ => EnvFilter::new("trace"),
    };
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
}

/// Print `text` and a newline on stdout. A closed or full stdout is one
/// error line and exit status 1, not a panic.
fn print_stdout(text: &str) -> i32 {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => 0,
        Err(e) => {
            newsparse::say!(
                "error: stdout: cannot write: {}",
                newsparse::ingest::io_reason(&e)
            );
            1
        }
    }
}

fn report(result: Result<String, String>) -> i32 {
    match result {
        Ok(text) => print_stdout(text.trim_end()),
        Err(e) => {
            newsparse::say!("error: {e}");
            1
        }
    }
}

fn main() {
    let cli = Cli::parse();
    init_logging(cli.verbose);
    let status = match cli.command {
        Command::Extract(a) => {
            let db = match (a.sqlite, a.postgres) {
                (Some(path), _) => Some(newsparse_db::DbTarget::Sqlite(path)),
                (None, Some(url)) => Some(newsparse_db::DbTarget::Postgres(url)),
                (None, None) => None,
            };
            newsparse::interrupt::install();
            extract::run(&ExtractOptions {
                inputs: a.inputs,
                out_dir: a.out,
                jsonl: a.jsonl,
                jobs: a
                    .jobs
                    .map(usize::from)
                    .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
                max_bytes: a.max_bytes,
                quiet: a.quiet,
                db,
                resume: a.resume,
                no_files: a.no_files,
                format: match a.format {
                    InputFormat::Auto => None,
                    InputFormat::Text => Some(newsparse::ingest::Format::Text),
                    InputFormat::Html => Some(newsparse::ingest::Format::Html),
                    InputFormat::Warc => Some(newsparse::ingest::Format::Warc),
                },
                encoding: a.encoding,
            })
        }
        Command::Validate(a) => {
            if a.files.is_empty() && std::io::IsTerminal::is_terminal(&std::io::stdin()) {
                // Nothing piped in: say what is expected instead of waiting
                // silently for records typed at the terminal.
                newsparse::say!("{VALIDATE_NEEDS_INPUT}");
                std::process::exit(2);
            }
            let files = if a.files.is_empty() {
                vec![PathBuf::from("-")]
            } else {
                a.files
            };
            newsparse::validate::run(&newsparse::validate::ValidateOptions {
                files,
                source: a.source,
                format: match a.format {
                    Format::Text => newsparse::validate::OutputFormat::Text,
                    Format::Json => newsparse::validate::OutputFormat::Json,
                },
            })
        }
        Command::Schema => print_stdout(newsparse::schema::SCHEMA_JSON.trim_end()),
        Command::TrainNer(a) => report(newsparse_ner::train_command(
            &a.train, &a.dev, &a.out, a.seed,
        )),
        Command::EvalNer(a) => report(newsparse_ner::eval_command(&a.file)),
        Command::Text(a) => newsparse::text::run(&newsparse::text::TextOptions {
            inputs: a.inputs,
            jsonl: a.jsonl,
        }),
        Command::Review(a) => newsparse::review::run(&newsparse::review::ReviewOptions {
            inputs: a.inputs,
            compare: a.compare.map(|ab| (ab[0].clone(), ab[1].clone())),
            out_dir: a.out,
            source: a.source,
            jobs: a
                .jobs
                .map(usize::from)
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
            max_bytes: 10 << 20,
            quiet: a.quiet,
        }),
        Command::TrainSyntax(a) => {
            let mut cfg = newsparse_syntax::TrainConfig::default();
            if let Some(ParserList(p)) = a.parsers {
                cfg.parsers = p;
            }
            report(newsparse_syntax::train_command(
                &a.train, &a.dev, &a.out, &cfg,
            ))
        }
        Command::EvalSyntax(a) => {
            report(newsparse_syntax::eval_command(&a.file, a.model.as_deref()))
        }
    };
    std::process::exit(status);
}
