//! End-to-end checks of `find` on invented articles with hand-made entities.

use newsparse_core::{Block, BlockKind, ByteSpan, Doc, EntityKind, FoundEntity, QuoteKind};

/// The `Doc` the text stage gives for one block per blank-line-separated
/// part (the first is the title).
fn doc(text: &str) -> Doc<'_> {
    let mut blocks = Vec::new();
    let mut pos = 0;
    for block in text.split("\n\n") {
        let start = pos + (block.len() - block.trim_start().len());
        let end = pos + block.trim_end().len();
        pos += block.len() + 2;
        if start >= end {
            continue;
        }
        blocks.push(Block {
            kind: if blocks.is_empty() {
                BlockKind::Title
            } else {
                BlockKind::Body
            },
            span: ByteSpan::new(start, end),
        });
    }
    newsparse_text::segment(text, &blocks)
}

/// An entity mentioned wherever one of `forms` occurs as a whole word.
fn entity(text: &str, id: &str, kind: EntityKind, name: &str, forms: &[&str]) -> FoundEntity {
    let mut mentions = Vec::new();
    for f in forms {
        for (i, _) in text.match_indices(f) {
            let before = text[..i].chars().last();
            let after = text[i + f.len()..].chars().next();
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let span = ByteSpan::new(i, i + f.len());
            if !mentions.iter().any(|m: &ByteSpan| m.overlaps(span)) {
                mentions.push(span);
            }
        }
    }
    mentions.sort();
    FoundEntity {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        aliases: forms
            .iter()
            .filter(|f| **f != name)
            .map(|f| f.to_string())
            .collect(),
        titles: vec![],
        roles: vec![],
        acronym: None,
        attributes: vec![],
        mentions,
    }
}

/// (quote text, speaker id, cue text, kind) of one quote found.
type Found = (String, Option<String>, Option<String>, QuoteKind);

fn run(text: &str, entities: &[FoundEntity]) -> (Vec<Found>, Vec<String>) {
    let d = doc(text);
    let (quotes, warnings) = newsparse_quotes::find(&d, entities);
    let out = quotes
        .iter()
        .map(|q| {
            (
                q.span.text(text).to_string(),
                q.speaker.as_ref().and_then(|s| s.entity.clone()),
                q.cue.map(|c| c.text(text).to_string()),
                q.kind,
            )
        })
        .collect();
    (out, warnings)
}

fn speakers(text: &str, entities: &[FoundEntity]) -> Vec<(String, Option<String>)> {
    run(text, entities)
        .0
        .into_iter()
        .map(|(t, s, _, _)| (t, s))
        .collect()
}

fn pair(t: &str, s: Option<&str>) -> (String, Option<String>) {
    (t.to_string(), s.map(str::to_string))
}

const SPORT: &str = "Vell keeps his job\n\n\
Harlow Rovers manager Tam Vell will stay, chairman Orrin Pask said on Monday.\n\n\
\"Four defeats hurt. Still, the cure lies inside this club,\" said Pask. \"Tam has my full trust,\" he added. \"Nobody is leaving. \"The squad knows that.\n\n\
\"May will tell.\" Keeper Dov Ansel spoke up for Vell's staff. \"Our dressing room is united,\" he said.";

#[test]
fn said_forms_pronouns_and_run_on_paragraphs() {
    let ents = [
        entity(
            SPORT,
            "p1",
            EntityKind::Person,
            "Tam Vell",
            &["Tam Vell", "Vell", "Tam"],
        ),
        entity(
            SPORT,
            "p2",
            EntityKind::Person,
            "Orrin Pask",
            &["Orrin Pask", "Pask"],
        ),
        entity(SPORT, "p3", EntityKind::Person, "Dov Ansel", &["Dov Ansel"]),
        entity(
            SPORT,
            "o1",
            EntityKind::Organization,
            "Harlow Rovers",
            &["Harlow Rovers"],
        ),
    ];
    let (got, warnings) = run(SPORT, &ents);
    let sp: Vec<_> = got
        .iter()
        .map(|(t, s, _, _)| (t.clone(), s.clone()))
        .collect();
    assert_eq!(
        sp,
        vec![
            pair(
                "Four defeats hurt. Still, the cure lies inside this club",
                Some("p2")
            ),
            pair("Tam has my full trust", Some("p2")),
            pair("Nobody is leaving", Some("p2")),
            pair("The squad knows that", Some("p2")),
            pair("May will tell", Some("p2")),
            pair("Our dressing room is united", Some("p3")),
        ]
    );
    assert_eq!(got[0].2.as_deref(), Some("said"));
    assert_eq!(got[1].2.as_deref(), Some("added"));
    assert!(got.iter().all(|q| q.3 == QuoteKind::Direct));
    assert!(warnings.is_empty(), "{warnings:?}");
}

const POLITICS: &str = "Tarn plan 'cynical ploy'\n\n\
Foreign Secretary Ilse Morrow said the plan \"reads well\". But opposition leader Bram Tarn called it an \"cynical ploy,\" adding it stood \"little hope\" in the chamber. Marta Quill, director of the campaign group Poll Watch, said: \"Nobody in the valley asked for this.\"\n\n\
The Unity Party said: \"Put it to the voters.\" A Unity Party spokesman later told reporters: \"That remains our view.\"\n\n\
Speaking to the Daily Courier, Mr Tarn would not name a day, saying the vote would come \"after the harvest\". The paper said he \"dodged the question\" twice.\n\n\
Critics say the plan is a \"dead end\". Torvald Brek, in a way, was the \"host\" of the fair.";

#[test]
fn subjects_descriptions_and_participles() {
    let ents = [
        entity(
            POLITICS,
            "p1",
            EntityKind::Person,
            "Ilse Morrow",
            &["Ilse Morrow"],
        ),
        entity(
            POLITICS,
            "p2",
            EntityKind::Person,
            "Bram Tarn",
            &["Bram Tarn", "Mr Tarn", "Tarn"],
        ),
        entity(
            POLITICS,
            "p3",
            EntityKind::Person,
            "Marta Quill",
            &["Marta Quill"],
        ),
        entity(
            POLITICS,
            "p4",
            EntityKind::Person,
            "Torvald Brek",
            &["Torvald Brek"],
        ),
        entity(
            POLITICS,
            "o1",
            EntityKind::Organization,
            "Poll Watch",
            &["Poll Watch"],
        ),
        entity(
            POLITICS,
            "o2",
            EntityKind::Organization,
            "Unity Party",
            &["Unity Party"],
        ),
        entity(
            POLITICS,
            "o3",
            EntityKind::Organization,
            "Daily Courier",
            &["Daily Courier"],
        ),
    ];
    let got = speakers(POLITICS, &ents);
    assert_eq!(
        got,
        vec![
            pair("cynical ploy", Some("p2")),
            pair("reads well", Some("p1")),
            pair("cynical ploy", Some("p2")),
            pair("little hope", Some("p2")),
            pair("Nobody in the valley asked for this", Some("p3")),
            pair("Put it to the voters", Some("o2")),
            pair("That remains our view", Some("o2")),
            pair("after the harvest", Some("p2")),
            pair("dodged the question", Some("o3")),
            pair("dead end", None),
            pair("host", None),
        ]
    );
}

const STATEMENT: &str = "Board rejects bid\n\n\
Kestrel Mills' board will meet investor Ode Fenn next week. Announcing the talks, the club promised to show Mr Fenn \"selected accounts\".\n\n\
\"Every approach gets a hearing here,\" the club said. If talks go well, any sale must come at a value that \"shareholders can live with\".\n\n\
A losing bidder, the Anvik Group, said it was still keen. \"Should the sale fail, our cheque book is open,\" a spokesman told the Evening Ledger. \"No rules were broken,\" said an FSA statement.";

#[test]
fn organizations_speak_through_statements_and_spokesmen() {
    let ents = [
        entity(
            STATEMENT,
            "o1",
            EntityKind::Organization,
            "Kestrel Mills",
            &["Kestrel Mills"],
        ),
        entity(
            STATEMENT,
            "p1",
            EntityKind::Person,
            "Ode Fenn",
            &["Ode Fenn", "Mr Fenn"],
        ),
        entity(
            STATEMENT,
            "o2",
            EntityKind::Organization,
            "Anvik Group",
            &["Anvik Group"],
        ),
        entity(
            STATEMENT,
            "o3",
            EntityKind::Organization,
            "Evening Ledger",
            &["Evening Ledger"],
        ),
        entity(
            STATEMENT,
            "o4",
            EntityKind::Organization,
            "Football Safety Authority",
            &["FSA"],
        ),
    ];
    let got = speakers(STATEMENT, &ents);
    assert_eq!(
        got,
        vec![
            pair("selected accounts", Some("o1")),
            pair("Every approach gets a hearing here", Some("o1")),
            pair("shareholders can live with", Some("o1")),
            pair("Should the sale fail, our cheque book is open", Some("o2")),
            pair("No rules were broken", Some("o4")),
        ]
    );
}

#[test]
fn curly_marks_titles_of_works_and_unclosed_quotes() {
    let text = "Zorvia’s “new” deal\n\n\
The Vardian-born director, whose film “Stone Harbour” opened in the ’90s, said the deal was “a disgrace.” Pell Oduya told reporters: ‘We will fight on, and the fans’ voice counts.’\n\n\
He said \"the fight goes on and on\n\n\
Nothing else.";
    let ents = [entity(
        text,
        "p1",
        EntityKind::Person,
        "Pell Oduya",
        &["Pell Oduya"],
    )];
    let (got, warnings) = run(text, &ents);
    let texts: Vec<_> = got.iter().map(|q| q.0.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "new",
            "a disgrace",
            "We will fight on, and the fans’ voice counts",
            "the fight goes on and on"
        ]
    );
    assert_eq!(got[0].3, QuoteKind::Scare);
    assert_eq!(got[2].1.as_deref(), Some("p1"));
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].contains("unclosed"), "{warnings:?}");
    // The warning does not swallow what follows: the last paragraph is not quoted.
    assert!(!texts.iter().any(|t| t.contains("Nothing")));
}

#[test]
fn description_resolves_by_title_and_attribute() {
    let text = "Talks in Vardo\n\n\
Grand Vizier Omar Tellu met envoy Ria Sand in Vardo. \"They broke their word,\" the Vardian leader said.";
    let mut tellu = entity(
        text,
        "p1",
        EntityKind::Person,
        "Omar Tellu",
        &["Omar Tellu"],
    );
    tellu.titles = vec!["Grand Vizier".into()];
    tellu.roles = vec!["leader".into()];
    tellu.attributes = vec!["Vardian".into()];
    let sand = entity(text, "p2", EntityKind::Person, "Ria Sand", &["Ria Sand"]);
    let got = speakers(text, &[tellu, sand]);
    assert_eq!(got, vec![pair("They broke their word", Some("p1"))]);
}

#[test]
fn asides_conjunctions_and_prepositional_heads() {
    let text = "Treaty row\n\n\
Lena Orsk, who argues the pact gives \"firmer control\", has said little. Her rivals, all anonymous \"insiders\" close to Lena Orsk, said nothing.\n\n\
Former minister Piet Gral MP spoke on Radio Nine. \"Where is the plan?\" the Union MP for Kessock asked. Piet Gral doubted the deal, but added: \"We will see.\"\n\n\
He told Radio Nine's Morning programme: \"Let us move on.\"";
    let ents = [
        entity(text, "p1", EntityKind::Person, "Lena Orsk", &["Lena Orsk"]),
        entity(text, "p2", EntityKind::Person, "Piet Gral", &["Piet Gral"]),
        entity(
            text,
            "o1",
            EntityKind::Organization,
            "Radio Nine",
            &["Radio Nine"],
        ),
    ];
    let got = speakers(text, &ents);
    assert_eq!(
        got,
        vec![
            pair("firmer control", Some("p1")),
            pair("insiders", None),
            pair("Where is the plan?", Some("p2")),
            pair("We will see", Some("p2")),
            pair("Let us move on", Some("p2")),
        ]
    );
}

#[test]
fn cataphora_np_heads_and_pronouns_past_reported_names() {
    let text = "Party row\n\n\
A Unity Party MEP claimed the budget was a \"sham\". Pell Oduya, who sits on its ruling council, spoke at a rally in Dorrow.\n\n\
Critic Anka Vell said the season was long. Even so, there are \"no shocks\" left at the Gala awards, she said. Demand is \"patchy at best\", according to Norvex analyst Ria Sand.\n\n\
Kestrel Mills' board invited Zorvia tycoon Ode Fenn to a meeting. Later, Mr Fenn asked again. Later that day the club stated that it could share \"selected accounts\".";
    let ents = [
        entity(
            text,
            "p1",
            EntityKind::Person,
            "Pell Oduya",
            &["Pell Oduya"],
        ),
        entity(text, "p2", EntityKind::Person, "Anka Vell", &["Anka Vell"]),
        // Misread kinds, as a recognizer may give them.
        entity(text, "p3", EntityKind::Person, "Gala", &["Gala"]),
        entity(text, "p4", EntityKind::Person, "Norvex", &["Norvex"]),
        entity(text, "p5", EntityKind::Person, "Ria Sand", &["Ria Sand"]),
        entity(
            text,
            "p6",
            EntityKind::Person,
            "Ode Fenn",
            &["Ode Fenn", "Mr Fenn"],
        ),
        entity(
            text,
            "o1",
            EntityKind::Organization,
            "Unity Party",
            &["Unity Party"],
        ),
        entity(
            text,
            "o2",
            EntityKind::Organization,
            "Kestrel Mills",
            &["Kestrel Mills"],
        ),
        entity(text, "o3", EntityKind::Organization, "Zorvia", &["Zorvia"]),
    ];
    let mut oduya = ents[0].clone();
    oduya.roles = vec!["deputy leader".into()];
    let mut ents = ents.to_vec();
    ents[0] = oduya;
    let got = speakers(text, &ents);
    assert_eq!(
        got,
        vec![
            pair("sham", Some("p1")),
            pair("no shocks", Some("p2")),
            pair("patchy at best", Some("p5")),
            pair("selected accounts", Some("o2")),
        ]
    );
    let d = doc(text);
    let rec = newsparse_quotes::find(&d, &ents).0;
    assert!(rec.iter().all(|q| q.cue.is_some()));
}

#[test]
fn wire_style_titles_and_passives() {
    let text = "Panel backs nominee\n\n\
\u{201c}He is a steady hand,\u{201d} said Sen. Ida Varro, the panel\u{2019}s chairwoman. The Farm Board has been accused of \u{201c}sleepwalking\u{201d} by Sen. Rafe Quint.\n\n\
Ministers were warned of \"chaos\" last year.";
    let ents = [
        entity(text, "p1", EntityKind::Person, "Ida Varro", &["Ida Varro"]),
        entity(
            text,
            "p2",
            EntityKind::Person,
            "Rafe Quint",
            &["Rafe Quint"],
        ),
        entity(
            text,
            "o1",
            EntityKind::Organization,
            "Farm Board",
            &["Farm Board"],
        ),
    ];
    let got = speakers(text, &ents);
    assert_eq!(
        got,
        vec![
            pair("He is a steady hand", Some("p1")),
            pair("sleepwalking", Some("p2")),
            pair("chaos", None),
        ]
    );
}

#[test]
fn words_after_an_inverted_speaker_are_the_writers() {
    let text = "Vote called\n\n\
\"We must stay,\" said Ola Brenn, who will wear a \"victory\" scarf, and who called the plan \"a farce\".";
    let ents = [entity(
        text,
        "p1",
        EntityKind::Person,
        "Ola Brenn",
        &["Ola Brenn"],
    )];
    let got = speakers(text, &ents);
    assert_eq!(
        got,
        vec![
            pair("We must stay", Some("p1")),
            pair("victory", None),
            pair("a farce", Some("p1")),
        ]
    );
}

#[test]
fn infinitives_and_speakers_introduced_by_the_sentence_before() {
    let text = "Sprinter back\n\n\
Ivar Darr trained in Ostrel with his coach over the winter. \"I was there for a fortnight and it helped.\"\n\n\
The report was long. \"The plan is sound.\"\n\n\
Mona Keld added the board was \"duty bound\" and it would be \"premature\" to say more. Asked about money, she confesses: \"We are broke.\"";
    let ents = [
        entity(text, "p1", EntityKind::Person, "Ivar Darr", &["Ivar Darr"]),
        entity(text, "p2", EntityKind::Person, "Mona Keld", &["Mona Keld"]),
    ];
    let got = run(text, &ents).0;
    let sp: Vec<_> = got
        .iter()
        .map(|(t, s, _, _)| (t.clone(), s.clone()))
        .collect();
    assert_eq!(
        sp,
        vec![
            pair("I was there for a fortnight and it helped", Some("p1")),
            pair("The plan is sound", None),
            pair("duty bound", Some("p2")),
            pair("premature", Some("p2")),
            pair("We are broke", Some("p2")),
        ]
    );
    assert_eq!(got[3].2.as_deref(), Some("added"));
    assert_eq!(got[4].2.as_deref(), Some("confesses"));
}

#[test]
fn object_quotes_and_bodies_no_entity_names() {
    let text = "Quango row\n\n\
The Civic Party pledged cuts. Party spokesman Ed Varn said instead of the \"bonfire of boards\" Civic Party had promised, boards grew.\n\n\
The Lumen Group made a bid. The data commissioner's office says calls are allowed but there is a \"grey\" area.";
    let ents = [
        entity(text, "p1", EntityKind::Person, "Ed Varn", &["Ed Varn"]),
        entity(
            text,
            "o1",
            EntityKind::Organization,
            "Civic Party",
            &["Civic Party"],
        ),
        entity(
            text,
            "o2",
            EntityKind::Organization,
            "Lumen Group",
            &["Lumen Group"],
        ),
    ];
    let got = speakers(text, &ents);
    assert_eq!(
        got,
        vec![pair("bonfire of boards", Some("p1")), pair("grey", None),]
    );
}

#[test]
fn inverted_description_then_name() {
    let text = "Sales up\n\n\
Orvex Mills, founded by Ivar Brant, reported record sales. \"We had a good year,\" said the firm's chief executive, Dana Lusk, at a briefing.";
    let ents = [
        entity(text, "p1", EntityKind::Person, "Dana Lusk", &["Dana Lusk"]),
        entity(
            text,
            "o1",
            EntityKind::Organization,
            "Orvex Mills",
            &["Orvex Mills"],
        ),
    ];
    assert_eq!(
        speakers(text, &ents),
        vec![pair("We had a good year", Some("p1"))]
    );
}

#[test]
fn nouns_of_speech_name_their_speaker() {
    let text = "Aid plan\n\n\
Talk of a split grew after Mr Vorle skipped a dinner held on the eve of a speech by Mr Halde, who unveiled a \"Harbour Plan\" for the south.";
    let ents = [entity(
        text,
        "p1",
        EntityKind::Person,
        "Tor Halde",
        &["Mr Halde"],
    )];
    assert_eq!(
        speakers(text, &ents),
        vec![pair("Harbour Plan", Some("p1"))]
    );
}

#[test]
fn statements_reports_and_unrecognized_names() {
    let text = "Campaign row\n\n\
Mr Brell's statement said: \"We have made an impact.\" \"The show was vetted,\" said a Zorbex spokesman. The Ardent Bank report said growth was \"fragile\". The report said costs were \"rising\".";
    let ents = [
        entity(text, "p1", EntityKind::Person, "Kai Brell", &["Mr Brell"]),
        entity(
            text,
            "o1",
            EntityKind::Organization,
            "Ardent Bank",
            &["Ardent Bank"],
        ),
    ];
    let got = run(text, &ents).0;
    let names: Vec<_> = got.iter().map(|q| (q.0.as_str(), q.1.as_deref())).collect();
    assert_eq!(
        names,
        vec![
            ("We have made an impact", Some("p1")),
            ("The show was vetted", None),
            ("fragile", Some("o1")),
            ("rising", None),
        ]
    );
    let d = doc(text);
    let zorbex = &newsparse_quotes::find(&d, &ents).0[1];
    assert_eq!(
        zorbex.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Zorbex")
    );
}

#[test]
fn names_after_prepositions_and_speakers_before_names() {
    let text = "Vote row\n\n\
Former minister Piet Gral spoke first. \"Is that right?\" the Union MP for Kessock asked.\n\n\
Verdant MEP Lena Orsk praised the vote. Later she added: \"It will not last.\"";
    let ents = [
        entity(text, "p1", EntityKind::Person, "Piet Gral", &["Piet Gral"]),
        // Misread as people by a recognizer: a town, and a party label.
        entity(text, "p2", EntityKind::Person, "Kessock", &["Kessock"]),
        entity(
            text,
            "p3",
            EntityKind::Person,
            "Verdant MEP",
            &["Verdant MEP"],
        ),
        entity(text, "p4", EntityKind::Person, "Lena Orsk", &["Lena Orsk"]),
    ];
    assert_eq!(
        speakers(text, &ents),
        vec![
            pair("Is that right?", Some("p1")),
            pair("It will not last", Some("p4"))
        ]
    );
}

#[test]
fn names_in_asides_and_pronouns_after_a_named_verb() {
    let text = "Budget day\n\n\
The shadow finance minister, Ivar Tarl, said: \"It is a con.\" For the Civic Party Ada Moen said: \"The minister will boast,\" she said. \"We will see.\"";
    let ents = [
        entity(text, "p1", EntityKind::Person, "Ivar Tarl", &["Ivar Tarl"]),
        entity(text, "p2", EntityKind::Person, "Ada Moen", &["Ada Moen"]),
        entity(
            text,
            "o1",
            EntityKind::Organization,
            "Civic Party",
            &["Civic Party"],
        ),
    ];
    assert_eq!(
        speakers(text, &ents),
        vec![
            pair("It is a con", Some("p1")),
            pair("The minister will boast", Some("p2")),
            pair("We will see", Some("p2")),
        ]
    );
}

#[test]
fn run_on_speech_is_said_by_whoever_says_its_end() {
    let text = "Final whistle\n\n\
The crowd went home early.\n\n\
\u{201c}We were poor today. \u{201c}We will be better,\u{201d} Ada Moen said.\n\n\
\u{201c}It was a long season.\n\n\
\u{201c}Now we rest,\u{201d} said Ivar Tarl.";
    let ents = [
        entity(text, "p1", EntityKind::Person, "Ada Moen", &["Ada Moen"]),
        entity(text, "p2", EntityKind::Person, "Ivar Tarl", &["Ivar Tarl"]),
    ];
    let (got, warnings) = run(text, &ents);
    let sp: Vec<_> = got
        .iter()
        .map(|(t, s, _, _)| (t.clone(), s.clone()))
        .collect();
    assert_eq!(
        sp,
        vec![
            pair("We were poor today", Some("p1")),
            pair("We will be better", Some("p1")),
            pair("It was a long season", Some("p2")),
            pair("Now we rest", Some("p2")),
        ]
    );
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn quote_ending_its_sentence_with_a_detached_mark_or_an_initial() {
    // The Doc does not end a sentence at `year. "` (the mark stands apart) or
    // at `Block H."` (an initial): the quote's own stop does.
    let t = "Awards\n\n\
\"It is a great end to a great year. \" Anka Vell said: \"I feel proud.\"\n\n\
Orla Dane mocked the show, saying: \"It was like Cell Block H.\" Critics had broken promises, he said.";
    let ents = [
        entity(t, "p1", EntityKind::Person, "Anka Vell", &["Anka Vell"]),
        entity(t, "p2", EntityKind::Person, "Orla Dane", &["Orla Dane"]),
    ];
    let got = run(t, &ents).0;
    let sp: Vec<_> = got
        .iter()
        .map(|(q, s, c, _)| (q.as_str(), s.as_deref(), c.as_deref()))
        .collect();
    assert_eq!(sp[1], ("I feel proud", Some("p1"), Some("said")));
    assert_eq!(
        sp[2],
        ("It was like Cell Block H", Some("p2"), Some("saying"))
    );
}

#[test]
fn names_ending_in_ly_and_possessive_names_as_subjects() {
    let t = "Row\n\n\
Asked about the group, Ms Kelly said: \"I do have support.\"\n\n\
Zorbex's said the deal was \"unrivalled\".";
    let ents = [
        entity(t, "p1", EntityKind::Person, "Ruth Kelly", &["Kelly"]),
        entity(t, "o1", EntityKind::Organization, "Zorbex", &["Zorbex"]),
    ];
    assert_eq!(
        speakers(t, &ents),
        vec![
            pair("I do have support", Some("p1")),
            pair("unrivalled", Some("o1"))
        ]
    );
}

#[test]
fn titles_standing_for_their_holders() {
    // "the Bishop" is the entity called so; "the Ayatollah" names no entity
    // and stands for the person the text is about.
    let t = "Sermon\n\n\
Writing in the Echo, the Bishop said: \"Conspiracy theories are fun.\"\n\n\
Ali Vardani spoke at length. Later the Ayatollah said the plan was \"corrupt\".";
    let ents = [
        entity(
            t,
            "o1",
            EntityKind::Organization,
            "Bishop of Durnholm",
            &["Bishop of Durnholm"],
        ),
        entity(t, "p1", EntityKind::Person, "Ali Vardani", &["Ali Vardani"]),
    ];
    assert_eq!(
        speakers(t, &ents),
        vec![
            pair("Conspiracy theories are fun", Some("o1")),
            pair("corrupt", Some("p1"))
        ]
    );
}

#[test]
fn lowercase_words_after_a_work_noun_are_quoted_not_a_title() {
    let t = "Rules\n\n\
The rules allow films \"of Zorvan expression\", the panel said. She starred in the film \"Stone Harbour\".";
    let got = run(t, &[]).0;
    let texts: Vec<_> = got.iter().map(|(q, _, _, _)| q.as_str()).collect();
    assert_eq!(texts, vec!["of Zorvan expression"]);
}

#[test]
fn tokens_are_the_docs_whatever_the_spacing() {
    // CR LF, NBSP and U+2060 between words, curly quotes, apostrophes and
    // abbreviations: the speaker is still found through the Doc's tokens.
    let t = "Title\r\n\r\n\u{2060}\u{201c}We\u{a0}won\u{2019}t stop,\u{201d} said\u{a0}Dr. Anka\u{2060} Vell of Zorbex Inc.\r\nShe\u{2019}s sure.";
    let ents = [entity(
        t,
        "p1",
        EntityKind::Person,
        "Anka Vell",
        &["Anka\u{2060} Vell"],
    )];
    let got = run(t, &ents).0;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "We\u{a0}won\u{2019}t stop");
    assert_eq!(got[0].1.as_deref(), Some("p1"));
    assert_eq!(got[0].2.as_deref(), Some("said"));
}

#[test]
fn words_quoted_as_words_and_an_agency_named_with_its_acronym() {
    const TEXT: &str = "Kest minister quits\n\nKest minister Ivo Marsh has resigned, officials said on Monday.\n\nMarsh \"has submitted his resignation to the president,\" the state-run news agency Varn Press Service (VPS) said in a report.\n\nThe party says the words \"I agree\", used to replace the clause \"I swear\", are wrong.\n";
    let ents = [
        entity(
            TEXT,
            "p1",
            EntityKind::Person,
            "Ivo Marsh",
            &["Ivo Marsh", "Marsh"],
        ),
        entity(
            TEXT,
            "o1",
            EntityKind::Organization,
            "Varn Press Service",
            &["Varn Press Service"],
        ),
    ];
    assert_eq!(
        speakers(TEXT, &ents),
        [
            pair("has submitted his resignation to the president", Some("o1")),
            pair("I agree", None),
            pair("I swear", None),
        ]
    );
}

#[test]
fn a_name_after_said_at_the_end_of_reported_speech_is_the_speaker() {
    const TEXT: &str = "Kest to run clinics\n\nALL clinics will from now on be run by the ministry through its new minister Ivo Marsh, said Prime Minister Ola Brandt.\n\nHe said the science ministry, now led by Tom Bell, will focus on research.\n\n\u{201c}The ministry will focus on its own vaccine.\n\n\u{201c}We will do the same,\u{201d} he said.\n";
    let ents = [
        entity(TEXT, "p1", EntityKind::Person, "Ivo Marsh", &["Ivo Marsh"]),
        entity(
            TEXT,
            "p2",
            EntityKind::Person,
            "Ola Brandt",
            &["Ola Brandt"],
        ),
        entity(TEXT, "p3", EntityKind::Person, "Tom Bell", &["Tom Bell"]),
    ];
    assert_eq!(
        speakers(TEXT, &ents),
        [
            pair("The ministry will focus on its own vaccine", Some("p2")),
            pair("We will do the same", Some("p2")),
        ]
    );
}

/// Where the walk back from the verb stops at a comma or a dash, the
/// dependency tree still gives the verb's subject.
#[test]
fn the_tree_gives_the_subject_the_walk_misses() {
    let text = "Prices\n\n\"Prices will rise,\" shop owner Ola Brandt, told the Kestford Times. \
        \"Nobody saw it coming,\" Dov Ansel, director of Varn Holdings - one of the lenders - said.";
    let ents = [
        entity(
            text,
            "p1",
            EntityKind::Person,
            "Ola Brandt",
            &["Ola Brandt"],
        ),
        entity(text, "p2", EntityKind::Person, "Dov Ansel", &["Dov Ansel"]),
        entity(
            text,
            "o1",
            EntityKind::Organization,
            "Kestford Times",
            &["Kestford Times"],
        ),
        entity(
            text,
            "o2",
            EntityKind::Organization,
            "Varn Holdings",
            &["Varn Holdings"],
        ),
    ];
    assert_eq!(
        speakers(text, &ents),
        [
            pair("Prices will rise", Some("p1")),
            pair("Nobody saw it coming", Some("p2")),
        ]
    );
}
