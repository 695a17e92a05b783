//! Train or evaluate the NER model without the main CLI.
//!
//! cargo run --release -p newsparse-ner --example ner_tool -- train TRAIN DEV OUT [SEED]
//! cargo run --release -p newsparse-ner --example ner_tool -- eval FILE [MODEL]
//! cargo run --release -p newsparse-ner --example ner_tool -- predict FILE MODEL

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["train", train, dev, out, rest @ ..] => {
            let seed = rest
                .first()
                .map_or(Ok(newsparse_ner::SHIPPED_SEED), |s| s.parse())
                .unwrap_or(newsparse_ner::SHIPPED_SEED);
            newsparse_ner::train_command(train.as_ref(), dev.as_ref(), out.as_ref(), seed)
        }
        ["eval", file] => newsparse_ner::eval_command(file.as_ref()),
        ["predict", file, model] => newsparse_ner::predict_conll(model.as_ref(), file.as_ref()),
        ["eval", file, model] => newsparse_ner::eval_model_file(model.as_ref(), file.as_ref()),
        _ => Err("usage: ner_tool train TRAIN DEV OUT [SEED] | eval FILE [MODEL]".into()),
    };
    match result {
        Ok(r) => print!("{r}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
