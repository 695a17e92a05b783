//! End-to-end tests of `analyze` on invented articles, with a small Doc builder
//! standing in for the text stage and hand-made entities standing in for NER.

use super::*;
use newsparse_core::{Block, BlockKind, PhotoFound};

/// Paragraphs split on blank lines, segmented by the text stage itself. The
/// second paragraph is a caption when `caption` is set.
fn build(text: &str, caption: bool) -> (Doc<'_>, Layout) {
    let mut layout = Layout::default();
    let mut at = 0;
    for (p, piece) in text.split("\n\n").enumerate() {
        let span = ByteSpan::new(at, at + piece.len());
        at += piece.len() + 2;
        let kind = match p {
            0 => BlockKind::Title,
            1 if caption => BlockKind::Caption,
            _ => BlockKind::Body,
        };
        layout.blocks.push(Block { kind, span });
        if kind == BlockKind::Caption {
            layout.photos.push(PhotoFound {
                caption: span,
                credit: None,
            });
        }
    }
    (newsparse_text::segment(text, &layout.blocks), layout)
}

/// An entity with a mention at every whole-word occurrence of its name or
/// aliases (longest first, not overlapping).
fn entity(text: &str, id: &str, kind: EntityKind, name: &str, aliases: &[&str]) -> FoundEntity {
    let mut forms: Vec<&str> = std::iter::once(name)
        .chain(aliases.iter().copied())
        .collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let mut mentions: Vec<ByteSpan> = Vec::new();
    for f in forms {
        for (i, _) in text.match_indices(f) {
            let span = ByteSpan::new(i, i + f.len());
            let before = text[..i].chars().next_back();
            let after = text[span.end..].chars().next();
            let whole = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            if whole && !mentions.iter().any(|m| m.overlaps(span)) {
                mentions.push(span);
            }
        }
    }
    mentions.sort();
    FoundEntity {
        id: id.to_string(),
        kind,
        name: name.to_string(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        titles: vec![],
        roles: vec![],
        acronym: None,
        attributes: vec![],
        mentions,
    }
}

fn person(text: &str, id: &str, name: &str, aliases: &[&str]) -> FoundEntity {
    entity(text, id, EntityKind::Person, name, aliases)
}

fn org(text: &str, id: &str, name: &str) -> FoundEntity {
    entity(text, id, EntityKind::Organization, name, &[])
}

/// (type, trigger text, participant ids, time value) of every event.
fn summary(text: &str, found: &EventsFound) -> Vec<(String, String, Vec<String>, Option<String>)> {
    found
        .events
        .iter()
        .map(|e| {
            (
                e.event_type.to_string(),
                e.trigger.text(text).to_string(),
                e.participants.iter().map(|p| p.0.clone()).collect(),
                e.time.as_ref().map(|t| t.value.iso()),
            )
        })
        .collect()
}

/// (entity id, role) of the first event whose trigger reads `trigger`.
fn roles_of(text: &str, found: &EventsFound, trigger: &str) -> Vec<(String, String)> {
    found
        .events
        .iter()
        .find(|e| e.trigger.text(text) == trigger)
        .unwrap_or_else(|| panic!("no {trigger}: {found:?}"))
        .participants
        .clone()
}

/// The article's first double-quoted span, said by entity `id`.
fn first_quote(text: &str, id: &str, name: &str) -> QuoteFound {
    let open = text.find('"').unwrap() + 1;
    let close = open + text[open..].find('"').unwrap();
    QuoteFound {
        span: ByteSpan::new(open, close),
        speaker: Some(newsparse_core::SpeakerFound {
            entity: Some(id.to_string()),
            name: name.to_string(),
        }),
        cue: None,
        kind: newsparse_core::QuoteKind::Direct,
    }
}

/// The events of `text` (a title, then body paragraphs) with `entities`
/// and no quotes.
fn events_of(text: &str, entities: &[FoundEntity]) -> EventsFound {
    let (doc, layout) = build(text, false);
    analyze(&doc, &layout, entities, &[])
}

/// Whether the event of `trigger` has `id` in `role`.
fn has_role(text: &str, found: &EventsFound, trigger: &str, id: &str, role: &str) -> bool {
    roles_of(text, found, trigger).contains(&(id.to_string(), role.to_string()))
}

fn types(found: &EventsFound) -> Vec<&'static str> {
    found.events.iter().map(|e| e.event_type).collect()
}

#[test]
fn caption_date_is_the_reference_when_the_weekday_agrees() {
    let text = "Ostria courts its neighbour\n\n\
        Ostrian President Zorvan Petek meets with Ilsa Marrow in Velmora, Ostria, March 3, 2021.\n\n\
        Marrow went to Velmora on Wednesday to meet Petek. She resigned last year.";
    let (doc, layout) = build(text, true);
    let ents = vec![
        person(text, "p1", "Zorvan Petek", &["Petek"]),
        person(text, "p2", "Ilsa Marrow", &["Marrow"]),
        entity(text, "l1", EntityKind::Place, "Velmora", &[]),
        entity(text, "l2", EntityKind::Place, "Ostria", &[]),
    ];
    let found = analyze(&doc, &layout, &ents, &[]);
    let s = summary(text, &found);
    let meet = |trigger: &str| s.iter().find(|e| e.1 == trigger).unwrap().clone();
    let caption_meet = meet("meets");
    assert_eq!(caption_meet.0, "Contact.Meet");
    assert_eq!(caption_meet.2, ["p1", "p2"]);
    assert_eq!(caption_meet.3.as_deref(), Some("2021-03-03"));
    let went = meet("went");
    assert_eq!(went.0, "Movement.Transport");
    assert_eq!(went.2, ["p2"]);
    assert_eq!(went.3.as_deref(), Some("2021-03-03"));
    assert_eq!(meet("meet").2, ["p2", "p1"]);
    let resigned = meet("resigned");
    assert_eq!(resigned.0, "Personnel.End-Position");
    assert_eq!(resigned.2, ["p2"], "'She' is the last person named");
    assert_eq!(resigned.3.as_deref(), Some("2020"));
    let went_event = found
        .events
        .iter()
        .find(|e| e.event_type == "Movement.Transport");
    assert_eq!(
        went_event.unwrap().place,
        Some((Some("l1".to_string()), "Velmora".to_string()))
    );
    assert_eq!(
        found.photo_dates,
        [newsparse_core::PartialDate::parse_iso("2021-03-03")]
    );
    assert_eq!(found.photo_places, [Some("Velmora".to_string())]);
}

#[test]
fn an_impossible_caption_date_gives_no_photo_date_and_a_warning() {
    let text = "Ostria courts its neighbour\n\n\
        Zorvan Petek meets Ilsa Marrow in Velmora, Ostria, February 30, 2023.\n\n\
        Petek met Marrow in Velmora on Tuesday.";
    let (doc, mut layout) = build(text, true);
    layout.published = newsparse_core::date::day(2023, 3, 2);
    let ents = vec![
        person(text, "p1", "Zorvan Petek", &["Petek"]),
        person(text, "p2", "Ilsa Marrow", &["Marrow"]),
        entity(text, "l1", EntityKind::Place, "Velmora", &[]),
    ];
    let found = analyze(&doc, &layout, &ents, &[]);
    // Not the date, nor its year: the caption gives no photo date.
    assert_eq!(found.photo_dates, [None]);
    assert_eq!(found.photo_places, [Some("Velmora".to_string())]);
    assert_eq!(
        found.warnings,
        ["impossible date 2023-02-30 in a caption: not used"]
    );
    // The caption's event has no time from it; the body's has its own.
    let s = summary(text, &found);
    assert_eq!(s[0].1, "meets");
    assert_eq!(s[0].3, None);
    assert_eq!(s[1].1, "met");
    assert_eq!(s[1].3.as_deref(), Some("2023-02-28"));

    // Without a year, a day no year has.
    let text = "Ostria courts its neighbour\n\nPetek in Velmora on 31 April.";
    let (doc, layout) = build(text, true);
    let found = analyze(&doc, &layout, &[], &[]);
    assert_eq!(found.photo_dates, [None]);
    assert_eq!(
        found.warnings,
        ["impossible date 04-31 in a caption: not used"]
    );
}

#[test]
fn without_a_reference_relative_dates_stay_unresolved() {
    let text = "Mill news\n\nBrantor Holdings sold the mill on Tuesday. It was bought in 1998.";
    let ents = vec![org(text, "o1", "Brantor Holdings")];
    let s = summary(text, &events_of(text, &ents));
    assert_eq!(s[0].0, "Transaction.Transfer-Ownership");
    assert_eq!(s[0].1, "sold");
    assert_eq!(s[0].3, None);
    assert_eq!(s[1].1, "bought");
    assert_eq!(s[1].3.as_deref(), Some("1998"));
}

#[test]
fn fired_missiles_is_an_attack_fired_a_manager_is_not() {
    let text = "Two stories\n\nRebels fired missiles at the Velmora garrison. \
        Brantor Holdings fired Gerd Oskarsen after the audit. The coach was fired on the spot.";
    let ents = vec![
        org(text, "o1", "Brantor Holdings"),
        person(text, "p1", "Gerd Oskarsen", &[]),
    ];
    let found = events_of(text, &ents);
    assert_eq!(
        types(&found),
        [
            "Conflict.Attack",
            "Personnel.End-Position",
            "Personnel.End-Position"
        ]
    );
    let sacked = &found.events[1];
    assert_eq!(
        sacked.participants,
        [
            ("o1".to_string(), "Entity".to_string()),
            ("p1".to_string(), "Person".to_string())
        ]
    );
}

#[test]
fn workers_strike_is_a_demonstration_an_air_strike_an_attack() {
    let text = "Strikes\n\nRail workers began a national strike over pay. \
        An air strike hit the depot. The talks may strike a deal.";
    let found = events_of(text, &[]);
    assert_eq!(
        types(&found),
        ["Conflict.Demonstrate", "Conflict.Attack", "Contact.Meet"]
    );
    assert_eq!(found.events[0].trigger.text(text), "strike");
}

#[test]
fn sentenced_is_justice_a_grammatical_sentence_is_not() {
    let text = "Court\n\nThe court sentenced Gerd Oskarsen to four years. \
        He was given a life sentence. The first sentence of the letters was long.";
    let ents = vec![person(text, "p1", "Gerd Oskarsen", &[])];
    let found = events_of(text, &ents);
    let t = types(&found);
    assert_eq!(
        t.iter().filter(|t| **t == "Justice.Sentence").count(),
        2,
        "{t:?}"
    );
    assert_eq!(
        found.events[0].participants,
        [("p1".to_string(), "Defendant".to_string())]
    );
    // The third sentence has "letters" (Phone-Write) but no Sentence event.
    let third = found.events.last().unwrap();
    assert_eq!(third.event_type, "Contact.Phone-Write");
}

#[test]
fn negated_mentions_are_left_out() {
    let text = "No deal\n\nPetek did not meet Marrow. Fans were urged not to protest. \
        Petek never resigned. Marrow met Petek.";
    let ents = vec![
        person(text, "p1", "Petek", &[]),
        person(text, "p2", "Marrow", &[]),
    ];
    let found = events_of(text, &ents);
    assert_eq!(types(&found), ["Contact.Meet"]);
    assert_eq!(found.events[0].trigger.text(text), "met");
}

#[test]
fn relative_clause_and_apposition_choose_participants() {
    let text = "Changes\n\nThe board replaced Anja Velt, who resigned in May 2019. \
        A raid killed Oren Duvak, the head of Brantor Holdings, and Tamsin Roe.";
    let ents = vec![
        person(text, "p1", "Anja Velt", &[]),
        person(text, "p2", "Oren Duvak", &[]),
        person(text, "p3", "Tamsin Roe", &[]),
        org(text, "o1", "Brantor Holdings"),
    ];
    let s = summary(text, &events_of(text, &ents));
    let resigned = s.iter().find(|e| e.1 == "resigned").unwrap();
    assert_eq!(resigned.2, ["p1"]);
    assert_eq!(resigned.3.as_deref(), Some("2019-05"));
    let killed = s.iter().find(|e| e.1 == "killed").unwrap();
    assert_eq!(killed.0, "Life.Die");
    assert_eq!(killed.2, ["p2", "p3"], "the organization is an affiliation");
    assert!(s.iter().any(|e| e.0 == "Conflict.Attack" && e.1 == "raid"));
}

#[test]
fn a_bid_is_a_takeover_only_in_a_takeover_story() {
    let takeover = "Mill news\n\nBrantor Holdings made a takeover offer for Kelso Mills. \
        Shareholders rejected the bid.";
    let (doc, layout) = build(takeover, false);
    let ents = vec![
        entity(
            takeover,
            "o1",
            EntityKind::Organization,
            "Brantor Holdings",
            &[],
        ),
        entity(takeover, "o2", EntityKind::Organization, "Kelso Mills", &[]),
    ];
    let s = summary(takeover, &analyze(&doc, &layout, &ents, &[]));
    assert_eq!(s.len(), 2, "{s:?}");
    assert!(s.iter().all(|e| e.0 == "Transaction.Transfer-Ownership"));
    let sport = "Bid\n\nThe city made a bid to host the games. Its offer was generous.";
    let (doc, layout) = build(sport, false);
    assert!(analyze(&doc, &layout, &[], &[]).events.is_empty());
}

#[test]
fn time_is_carried_to_a_sentence_that_continues_the_episode() {
    let text = "Dinner\n\nVelt hosted Duvak at a dinner in November 2003. \
        \"At that stage she saw Tamsin Roe.\" Later, Velt met Roe again.";
    let ents = vec![
        person(text, "p1", "Velt", &[]),
        person(text, "p2", "Duvak", &[]),
        person(text, "p3", "Tamsin Roe", &[]),
    ];
    let s = summary(text, &events_of(text, &ents));
    assert_eq!(s.len(), 3, "{s:?}");
    assert_eq!(s[0].3.as_deref(), Some("2003-11"));
    assert_eq!(s[1].1, "saw");
    assert_eq!(s[1].3.as_deref(), Some("2003-11"));
    assert_eq!(s[2].3, None, "no opener: no carried time");
}

#[test]
fn published_date_resolves_tense_of_a_bare_month() {
    let text = "Plans\n\nKelso Mills closed a plant in November. It will sell another in March.";
    let (doc, mut layout) = build(text, false);
    layout.published = newsparse_core::date::day(2022, 2, 14);
    let ents = vec![org(text, "o1", "Kelso Mills")];
    let found = analyze(&doc, &layout, &ents, &[]);
    let s = summary(text, &found);
    let sell = s.iter().find(|e| e.1 == "sell").unwrap();
    assert_eq!(sell.3.as_deref(), Some("2022-03"));
    assert!(found
        .events
        .iter()
        .all(|e| e.sentence.text(text).contains(e.trigger.text(text))));
}

#[test]
fn a_list_before_who_takes_part_and_a_scene_does_not() {
    let text = "Band\n\nAnja Velt, Oren Duvak and Tamsin Roe, who formed Kelso Mills in 1999, met at Brantor Holdings. \
        Velt's offer to buy Kelso Mills was rejected.";
    let ents = vec![
        person(text, "p1", "Anja Velt", &["Velt"]),
        person(text, "p2", "Oren Duvak", &[]),
        person(text, "p3", "Tamsin Roe", &[]),
        org(text, "o1", "Kelso Mills"),
        org(text, "o2", "Brantor Holdings"),
    ];
    let s = summary(text, &events_of(text, &ents));
    let formed = s.iter().find(|e| e.1 == "formed").unwrap();
    assert_eq!(formed.0, "Business.Start-Org");
    assert_eq!(formed.2, ["p1", "p2", "p3", "o1"]);
    assert_eq!(formed.3.as_deref(), Some("1999"));
    let met = s.iter().find(|e| e.1 == "met").unwrap();
    assert!(!met.2.contains(&"o2".to_string()), "{met:?}");
    let buy = s.iter().find(|e| e.1 == "buy").unwrap();
    assert_eq!(buy.2, ["p1", "o1"], "the possessive names the buyer");
}

#[test]
fn an_organization_named_by_description_takes_part() {
    let text = "Deal\n\nKelso Mills rejected a takeover. Kelso Mills shareholders were unhappy. \
        Brantor Holdings made an offer to buy the company.";
    let ents = vec![
        org(text, "o1", "Kelso Mills"),
        org(text, "o2", "Brantor Holdings"),
    ];
    let found = events_of(text, &ents);
    let last = found.events.last().unwrap();
    assert_eq!(last.event_type, "Transaction.Transfer-Ownership");
    let ids: Vec<&str> = last.participants.iter().map(|p| p.0.as_str()).collect();
    assert_eq!(ids, ["o2", "o1"], "'the company' is the most-mentioned one");
}

#[test]
fn a_capitalized_trigger_inside_an_unrecognized_name_is_not_one() {
    let text = "Film\n\nThe network showed Silent War on Monday after a deadly attack.";
    let found = events_of(text, &[]);
    assert_eq!(types(&found), ["Conflict.Attack"]);
    assert_eq!(found.events[0].trigger.text(text), "attack");
}

#[test]
fn figurative_uses_are_not_events() {
    let text = "Idioms\n\nCritics attack 'lazy' budgets. The levy will kill the business model. \
        She won the shot put. Gunmen attacked the convoy and killed two guards.";
    let found = events_of(text, &[]);
    assert_eq!(types(&found), ["Conflict.Attack", "Life.Die"]);
    assert_eq!(found.events[0].trigger.text(text), "attacked");
}

#[test]
fn first_person_in_a_quote_is_its_speaker() {
    let text = "Club news\n\n\"I met Orrin Valtch yesterday and we agreed,\" said Tamsin Reld.";
    let (doc, layout) = build(text, false);
    let ents = vec![
        person(text, "p1", "Orrin Valtch", &[]),
        person(text, "p2", "Tamsin Reld", &[]),
    ];
    let quote = first_quote(text, "p2", "Tamsin Reld");
    let with = summary(text, &analyze(&doc, &layout, &ents, &[quote]));
    let met = with.iter().find(|e| e.1 == "met").unwrap();
    assert_eq!(met.2, ["p1", "p2"], "{with:?}");
    let without = summary(text, &analyze(&doc, &layout, &ents, &[]));
    let met = without.iter().find(|e| e.1 == "met").unwrap();
    assert_eq!(met.2, ["p1"], "{without:?}");
}

#[test]
fn the_nationality_leader_is_the_person_with_that_office() {
    let text = "Talks\n\nVelorian Prime Minister Daro Quint spoke on Monday. \
        The Velorian leader is now on a regional tour.";
    let mut quint = person(text, "p1", "Daro Quint", &[]);
    quint.titles = vec!["Prime Minister".to_string()];
    quint.roles = vec!["Velorian Prime Minister".to_string()];
    let found = events_of(text, &[quint]);
    let s = summary(text, &found);
    let tour = s.iter().find(|e| e.1 == "tour").expect("a tour event");
    assert_eq!(tour.2, ["p1"], "{s:?}");
}

#[test]
fn a_possessive_pronoun_before_the_trigger_names_its_owner() {
    let text = "Deal\n\nBrasklin Holdings completed its purchase of the mill on Monday. \
        Tamsin Reld said her visit was short.";
    let ents = vec![
        org(text, "o1", "Brasklin Holdings"),
        person(text, "p1", "Tamsin Reld", &[]),
    ];
    let s = summary(text, &events_of(text, &ents));
    let purchase = s
        .iter()
        .find(|e| e.1 == "purchase")
        .expect("a purchase event");
    assert!(purchase.2.contains(&"o1".to_string()), "{s:?}");
    let visit = s.iter().find(|e| e.1 == "visit").expect("a visit event");
    assert_eq!(visit.2, ["p1"], "{s:?}");
}

#[test]
fn a_passive_made_with_get_has_its_subject_undergo_it() {
    let text = "Blast news\n\nZorvan Petek got injured in the blast.";
    let ents = vec![person(text, "p1", "Zorvan Petek", &[])];
    let found = events_of(text, &ents);
    let injure = found
        .events
        .iter()
        .find(|e| e.event_type == "Life.Injure")
        .unwrap();
    assert_eq!(
        injure.participants,
        [("p1".to_string(), "Victim".to_string())]
    );
}

/// The types found per sentence of a body, in order (each sentence a
/// paragraph of its own), with the entities given.
fn types_by_sentence(body: &[&str], ents: impl Fn(&str) -> Vec<FoundEntity>) -> Vec<Vec<String>> {
    let text = format!("Report\n\n{}", body.join("\n\n"));
    let (doc, layout) = build(&text, false);
    let found = analyze(&doc, &layout, &ents(&text), &[]);
    body.iter()
        .map(|s| {
            let at = text.find(s).unwrap();
            let span = ByteSpan::new(at, at + s.len());
            found
                .events
                .iter()
                .filter(|e| span.contains(e.trigger))
                .map(|e| format!("{} {}", e.event_type, e.trigger.text(&text)))
                .collect()
        })
        .collect()
}

#[test]
fn attack_families_need_a_violent_context() {
    let got = types_by_sentence(
        &[
            "Velmoran guards died in an attack on the outpost.",
            "Fans praised the options in attack.",
            "Youths threw stones at the officers.",
            "The committee will throw the book at him.",
            "The march ended in bloody violence.",
            "The film has too much violence.",
            "Gunmen staged a military coup in the capital.",
            "Police fought pitched battles with youths.",
            "Riot police stood by in the square.",
            "The riot spread to the port.",
            "The firm faces a legal battle.",
        ],
        |_| vec![],
    );
    assert!(
        got[0].contains(&"Conflict.Attack attack".to_string()),
        "{got:?}"
    );
    assert!(got[1].is_empty(), "{got:?}");
    assert_eq!(got[2], ["Conflict.Attack threw"]);
    assert!(got[3].is_empty(), "{got:?}");
    assert_eq!(got[4], ["Conflict.Attack violence"]);
    assert!(got[5].is_empty(), "{got:?}");
    assert_eq!(got[6], ["Conflict.Attack coup"]);
    assert_eq!(got[7], ["Conflict.Attack battles"]);
    assert!(got[8].is_empty(), "riot police are no riot: {got:?}");
    assert_eq!(got[9], ["Conflict.Demonstrate riot"]);
    assert!(got[10].is_empty(), "{got:?}");
}

#[test]
fn justice_families_read_their_context() {
    let got = types_by_sentence(
        &[
            "Petek was sentenced by the court and the judge ordered prison.",
            "The jury heard his lawyer.",
            "The 12 youths were charged for their role.",
            "Customers were charged less for calls.",
            "The court imposed a $7 million fine.",
            "She smiled throughout the hearing.",
            "Both men appeared in court on Monday.",
            "She is appearing as a judge on a talent show.",
            "He will stay free while he appeals his conviction.",
        ],
        |_| vec![],
    );
    assert_eq!(got[2], ["Justice.Charge-Indict charged"]);
    assert!(got[3].is_empty(), "{got:?}");
    assert_eq!(got[4], ["Justice.Fine fine"]);
    assert_eq!(got[5], ["Justice.Trial-Hearing hearing"], "a court story");
    assert_eq!(got[6], ["Justice.Trial-Hearing appeared"]);
    assert!(got[7].is_empty(), "{got:?}");
    assert!(
        got[8].contains(&"Justice.Appeal appeals".to_string()),
        "{got:?}"
    );
}

#[test]
fn personnel_and_movement_families() {
    let body = [
        "Three years on, Vell Orrin took over from Kasia Doran as president.",
        "Electric motors will take over from engines.",
        "Orrin succeeded Doran as chairman.",
        "Doran has been relieved of his duties.",
        "Rescuers rushed the crew to hospital.",
        "The album went straight into the charts.",
        "The gunmen left the village at dawn.",
        "Three passengers suffered serious injuries.",
        "The striker is out with a knee injury this season.",
    ];
    let got = types_by_sentence(&body, |text| {
        vec![
            person(text, "p1", "Vell Orrin", &["Orrin"]),
            person(text, "p2", "Kasia Doran", &["Doran"]),
        ]
    });
    assert_eq!(
        got[0],
        [
            "Personnel.Start-Position took over",
            "Personnel.End-Position took over"
        ]
    );
    assert!(got[1].is_empty(), "{got:?}");
    assert_eq!(got[2], ["Personnel.Start-Position succeeded"]);
    assert_eq!(got[3], ["Personnel.End-Position relieved"]);
    assert_eq!(got[4], ["Movement.Transport rushed"]);
    assert!(got[5].is_empty(), "{got:?}");
    assert_eq!(got[6], ["Movement.Transport left"]);
    assert_eq!(got[7], ["Life.Injure injuries"]);
    assert!(got[8].is_empty(), "{got:?}");
}

#[test]
fn event_time_is_the_clause_date_and_years_later_count_from_the_last_year() {
    let text = "Orrin\n\nOrrin moved to Velmora in 1975 and was appointed treasurer of \
        the Kest Guild in 1987. Three years later, Orrin took over from Doran as president.";
    let ents = vec![
        person(text, "p1", "Orrin", &[]),
        person(text, "p2", "Doran", &[]),
    ];
    let s = summary(text, &events_of(text, &ents));
    let time = |trigger: &str| s.iter().find(|e| e.1 == trigger).unwrap().3.clone();
    assert_eq!(time("appointed").as_deref(), Some("1987"), "{s:?}");
    assert_eq!(time("took over").as_deref(), Some("1990"), "{s:?}");
}

#[test]
fn demonstrators_are_participants_their_gathering_is_the_event() {
    let got = types_by_sentence(
        &[
            "Charges were read against the Velmora protesters.",
            "Demonstrators gathered outside the court.",
            "Hundreds of delegates gathered in Velmora for the fair.",
            "Angry farmers took to the streets of Velmora.",
            "Firefighters fought a fire at the warehouse.",
        ],
        |_| vec![],
    );
    assert_eq!(got[0], ["Justice.Charge-Indict Charges"]);
    assert_eq!(got[1], ["Conflict.Demonstrate gathered"]);
    assert!(got[2].is_empty(), "{got:?}");
    assert_eq!(got[3], ["Conflict.Demonstrate took to"]);
    assert!(got[4].is_empty(), "{got:?}");
}

#[test]
fn execute_and_nominate_are_read_in_context() {
    let got = types_by_sentence(
        &[
            "The prisoner was executed by lethal injection.",
            "The firm executed its plan to cut costs.",
            "Orrin was nominated as finance minister.",
            "Orrin was nominated for the best actor award.",
            "Rebels assassinated the governor.",
        ],
        |text| vec![person(text, "p1", "Orrin", &[])],
    );
    assert_eq!(got[0], ["Justice.Execute executed"]);
    assert!(got[1].is_empty(), "{got:?}");
    assert_eq!(got[2], ["Personnel.Nominate nominated"]);
    assert!(got[3].is_empty(), "{got:?}");
    assert_eq!(got[4], ["Life.Die assassinated"]);
}

#[test]
fn replacing_someone_in_a_post_and_other_families() {
    let got = types_by_sentence(
        &[
            "Orrin has replaced Doran as chief executive of the bank.",
            "Doran is injured and could be replaced by Orrin.",
            "Hundreds of villagers lost their lives in the flood.",
            "The agency should be wound up, the committee said.",
            "The two banks will merge to create the biggest bank in the region.",
            "A chip created by a rival firm runs faster.",
        ],
        |text| {
            vec![
                person(text, "p1", "Orrin", &[]),
                person(text, "p2", "Doran", &[]),
            ]
        },
    );
    assert_eq!(
        got[0],
        [
            "Personnel.Start-Position replaced",
            "Personnel.End-Position replaced"
        ]
    );
    assert!(
        got[1].iter().all(|t| !t.starts_with("Personnel")),
        "{got:?}"
    );
    assert_eq!(got[2], ["Life.Die lost"]);
    assert_eq!(got[3], ["Business.End-Org wound up"]);
    assert!(
        got[4].contains(&"Business.Start-Org create".to_string()),
        "{got:?}"
    );
    assert!(got[5].is_empty(), "{got:?}");
}

#[test]
fn sentences_in_years_wins_at_the_polls_and_forfeits() {
    let got = types_by_sentence(
        &[
            "The jury heard the case and the judge read the verdict in court.",
            "Former Velmora banker gets six years.",
            "He has two years left on his contract.",
            "Orrin is expected to win the presidency in the first round of the vote.",
            "Velmora won the cup final.",
            "He must forfeit the $3 million he made.",
            "She was sent to prison for fraud.",
        ],
        |text| vec![person(text, "p1", "Orrin", &[])],
    );
    assert_eq!(got[1], ["Justice.Sentence gets"]);
    assert!(got[2].is_empty(), "{got:?}");
    assert_eq!(got[3], ["Personnel.Elect win"]);
    assert!(got[4].is_empty(), "{got:?}");
    assert_eq!(got[5], ["Transaction.Transfer-Money forfeit"]);
    assert_eq!(got[6], ["Justice.Arrest-Jail sent"]);
}

#[test]
fn the_speaker_at_a_news_conference_takes_part() {
    for text in [
        "Fire\n\nFire chief Vell Orrin said at a news conference that two men died.",
        "Match\n\n\"We were unlucky,\" said coach Vell Orrin in a post-match press conference.",
    ] {
        let (doc, layout) = build(text, false);
        let ents = vec![person(text, "p1", "Vell Orrin", &["Orrin"])];
        let s = summary(text, &analyze(&doc, &layout, &ents, &[]));
        let meet = s
            .iter()
            .find(|e| e.0 == "Contact.Meet")
            .unwrap_or_else(|| panic!("{s:?}"));
        assert_eq!(meet.2, ["p1"], "{s:?}");
    }
}

#[test]
fn a_posts_organization_is_the_employer_of_a_personnel_event() {
    for text in [
        "Coach\n\nVell Orrin sacked at Kestford Rovers after defeat.",
        "Chair\n\nVell Orrin stepped down as chairman of the Kest Guild in May.",
    ] {
        let (doc, layout) = build(text, false);
        let ents = vec![
            person(text, "p1", "Vell Orrin", &["Orrin"]),
            org(text, "o1", "Kestford Rovers"),
            org(text, "o2", "Kest Guild"),
        ];
        let s = summary(text, &analyze(&doc, &layout, &ents, &[]));
        let end = s
            .iter()
            .find(|e| e.0 == "Personnel.End-Position")
            .unwrap_or_else(|| panic!("{s:?}"));
        assert!(end.2.contains(&"p1".to_string()), "{s:?}");
        assert!(
            end.2.contains(&"o1".to_string()) || end.2.contains(&"o2".to_string()),
            "{s:?}"
        );
    }
    // The outlet a person told is no employer.
    let text = "Quit\n\nVell Orrin resigned, he told Kest Radio on Monday.";
    let ents = vec![
        person(text, "p1", "Vell Orrin", &["Orrin"]),
        org(text, "o1", "Kest Radio"),
    ];
    let s = summary(text, &events_of(text, &ents));
    assert!(s.iter().all(|e| !e.2.contains(&"o1".to_string())), "{s:?}");
}

#[test]
fn the_company_that_agreed_or_reached_a_deal_takes_part_in_it() {
    let text = "Deal\n\nShares in Varnco rose. Kestco has reached a takeover deal with Varnco.";
    let ents = vec![org(text, "o1", "Kestco"), org(text, "o2", "Varnco")];
    let s = summary(text, &events_of(text, &ents));
    let deal = s
        .iter()
        .find(|e| e.1 == "takeover")
        .unwrap_or_else(|| panic!("{s:?}"));
    assert!(deal.2.contains(&"o1".to_string()), "{s:?}");
}

#[test]
fn he_is_the_sentences_subject_before_a_name_after_a_preposition() {
    let text = "Court\n\nWith lawyer Tam Brisk at his side, Vell Orrin stood still as he \
        was sentenced.";
    let ents = vec![
        person(text, "p1", "Tam Brisk", &["Brisk"]),
        person(text, "p2", "Vell Orrin", &["Orrin"]),
    ];
    let s = summary(text, &events_of(text, &ents));
    let sentence = s
        .iter()
        .find(|e| e.1 == "sentenced")
        .unwrap_or_else(|| panic!("{s:?}"));
    assert!(sentence.2.contains(&"p2".to_string()), "{s:?}");
    assert!(!sentence.2.contains(&"p1".to_string()), "{s:?}");
}

#[test]
fn an_event_told_again_without_a_date_keeps_the_first_telling_s_date() {
    let text = "Court\n\nVell Orrin was sentenced to five years on 3 March 2019. His lawyer \
        Tam Brisk said little. Orrin wept as he was sentenced. Orrin sold his house in 2018. \
        Later Orrin sold his car.";
    let ents = vec![
        person(text, "p1", "Vell Orrin", &["Orrin"]),
        person(text, "p2", "Tam Brisk", &["Brisk"]),
    ];
    let s = summary(text, &events_of(text, &ents));
    let sentenced: Vec<_> = s.iter().filter(|e| e.1 == "sentenced").collect();
    assert_eq!(sentenced.len(), 2, "{s:?}");
    assert_eq!(sentenced[1].3.as_deref(), Some("2019-03-03"), "{s:?}");
    // A sale recurs: another sale by the same person keeps no date.
    let sold: Vec<_> = s.iter().filter(|e| e.1 == "sold").collect();
    assert_eq!(sold.len(), 2, "{s:?}");
    assert_eq!(sold[0].3.as_deref(), Some("2018"), "{s:?}");
    assert_eq!(sold[1].3, None, "{s:?}");
}

#[test]
fn the_accused_of_a_court_report_is_the_defendant_of_its_unnamed_steps() {
    let text = "Courier jailed for fraud\n\nJudge Mira Sallow sentenced Dov Pentry to ten \
        years on Friday. Pentry was convicted of fraud in May. The conviction followed a \
        long trial. Two men were also arrested. Lawyer Ona Greve said her client, Tam Vost, \
        was acquitted.";
    let ents = vec![
        person(text, "p1", "Mira Sallow", &["Sallow"]),
        person(text, "p2", "Dov Pentry", &["Pentry"]),
        person(text, "p3", "Ona Greve", &[]),
        person(text, "p4", "Tam Vost", &[]),
    ];
    let s = summary(text, &events_of(text, &ents));
    let of = |trigger: &str| {
        s.iter()
            .find(|e| e.1 == trigger)
            .unwrap_or_else(|| panic!("no {trigger}: {s:?}"))
            .2
            .clone()
    };
    // The headline and the later mentions name nobody: Pentry, the
    // defendant told twice, stands in.
    assert_eq!(of("jailed"), ["p2"], "{s:?}");
    assert_eq!(of("conviction"), ["p2"], "{s:?}");
    assert_eq!(of("trial"), ["p2"], "{s:?}");
    // Not where a group is arrested, nor where another person is named.
    assert!(of("arrested").is_empty(), "{s:?}");
    assert!(!of("acquitted").contains(&"p2".to_string()), "{s:?}");

    // A person named as the victim of the sentence's other event is
    // accounted for: the accused still stands in.
    let text = "Courier jailed\n\nJudge Mira Sallow sentenced Dov Pentry to ten years. \
        Pentry was convicted in May. The man who pleaded guilty to a raid that wounded \
        Ona Greve was jailed on Friday.";
    let ents = vec![
        person(text, "p1", "Mira Sallow", &["Sallow"]),
        person(text, "p2", "Dov Pentry", &["Pentry"]),
        person(text, "p3", "Ona Greve", &[]),
    ];
    let s = summary(text, &events_of(text, &ents));
    let jailed = s.iter().rfind(|e| e.1 == "jailed").expect("a jailing");
    assert_eq!(jailed.2, ["p2"], "{s:?}");
}

#[test]
fn a_chain_needs_one_person_told_at_least_twice() {
    // Each of two people resigns once: neither stands in for the headline.
    let text = "Minister resigns\n\nLera Quill resigned on Monday. Osk Varden resigned \
        on Tuesday.";
    let ents = vec![
        person(text, "p1", "Lera Quill", &[]),
        person(text, "p2", "Osk Varden", &[]),
    ];
    let s = summary(text, &events_of(text, &ents));
    let headline = s.iter().find(|e| e.1 == "resigns").unwrap();
    assert!(headline.2.is_empty(), "{s:?}");
    // Told twice, one person stands in.
    let text = "Minister resigns\n\nLera Quill resigned on Monday. Quill said her \
        resignation was final. The party will accept the resignation, and all members will \
        go home.";
    let ents = vec![person(text, "p1", "Lera Quill", &["Quill"])];
    let s = summary(text, &events_of(text, &ents));
    let headline = s.iter().find(|e| e.1 == "resigns").unwrap();
    assert_eq!(headline.2, ["p1"], "{s:?}");
    // "all" in the clause coordinated after it is no group it tells of.
    let last = s.iter().rfind(|e| e.1 == "resignation").unwrap();
    assert_eq!(last.2, ["p1"], "{s:?}");
}

#[test]
fn the_deal_told_again_takes_the_parties_of_the_last_deal() {
    let text = "Deal\n\nKestco bought Varnco for $2bn. Analysts said the acquisition \
        made sense. Norvel said a takeover was possible.";
    let ents = vec![
        org(text, "o1", "Kestco"),
        org(text, "o2", "Varnco"),
        org(text, "o3", "Norvel"),
    ];
    let s = summary(text, &events_of(text, &ents));
    let of = |trigger: &str| s.iter().find(|e| e.1 == trigger).unwrap().2.clone();
    assert_eq!(of("bought"), ["o1", "o2"], "{s:?}");
    assert_eq!(of("acquisition"), ["o1", "o2"], "{s:?}");
    // "a takeover" is not the deal told before, and names another company.
    assert!(!of("takeover").contains(&"o1".to_string()), "{s:?}");
}

#[test]
fn a_verb_after_and_shares_the_subject_of_the_verb_before() {
    let text = "Board\n\nOlan Brisk praised the plan in 2003, and was named chairman of \
        Kestco in 2008. He praised Tova Lenn, and resigned in 2001.";
    let ents = vec![
        person(text, "p1", "Olan Brisk", &["Brisk"]),
        org(text, "o1", "Kestco"),
        person(text, "p2", "Tova Lenn", &[]),
    ];
    let found = events_of(text, &ents);
    assert!(
        roles_of(text, &found, "named").contains(&("p1".to_string(), "Person".to_string())),
        "{found:?}"
    );
    // A pronoun before the name is the subject: Lenn did not resign.
    assert!(
        !roles_of(text, &found, "resigned")
            .iter()
            .any(|(id, _)| id == "p2"),
        "{found:?}"
    );
}

#[test]
fn a_reported_it_is_the_organization_that_reports() {
    let text = "Deal\n\nKestco says it plans to acquire Varnco. Kestco shares rose. Later the \
        company said that it had sold Lomar.";
    let ents = vec![
        org(text, "o1", "Kestco"),
        org(text, "o2", "Varnco"),
        org(text, "o3", "Lomar"),
    ];
    let s = summary(text, &events_of(text, &ents));
    let of = |trigger: &str| s.iter().find(|e| e.1 == trigger).unwrap().2.clone();
    assert!(of("acquire").contains(&"o1".to_string()), "{s:?}");
    assert!(of("sold").contains(&"o1".to_string()), "{s:?}");

    // The company of its own sentence, not the one most talked of.
    let text = "Deal\n\nKestco says it plans to acquire Varnco. Kestco shares rose. Shares of \
        Ostra Mills fell after the company said it would buy Lomar.";
    let ents = vec![
        org(text, "o1", "Kestco"),
        org(text, "o2", "Varnco"),
        org(text, "o3", "Lomar"),
        org(text, "o4", "Ostra Mills"),
    ];
    let s = summary(text, &events_of(text, &ents));
    let buy = s.iter().find(|e| e.1 == "buy").expect("a purchase");
    assert!(buy.2.contains(&"o4".to_string()), "{s:?}");
    assert!(!buy.2.contains(&"o1".to_string()), "{s:?}");
}

#[test]
fn an_attack_and_the_deaths_in_its_sentence_share_one_doer() {
    let text = "Raid\n\nThe Varn Front killed four guards in the attack on Monday. Tova Lenn \
        shot Olan Brisk in Kell, where Ivo Marsh died.";
    let ents = vec![
        org(text, "o1", "Varn Front"),
        person(text, "p1", "Olan Brisk", &[]),
        person(text, "p2", "Tova Lenn", &[]),
        person(text, "p3", "Ivo Marsh", &[]),
    ];
    let found = events_of(text, &ents);
    let roles = |trigger: &str| roles_of(text, &found, trigger);
    assert!(
        roles("attack").contains(&("o1".to_string(), "Attacker".to_string())),
        "{found:?}"
    );
    // Lenn shot; Marsh, who died, is a victim, not the doer.
    assert!(
        roles("died").contains(&("p2".to_string(), "Agent".to_string())),
        "{found:?}"
    );
}

#[test]
fn the_one_who_claims_a_deed_did_it() {
    let text = "Raid\n\nThe Varn Front claimed responsibility for the bombing. Kell Army \
        also claims to have attacked two depots.";
    let ents = vec![org(text, "o1", "Varn Front"), org(text, "o2", "Kell Army")];
    let found = events_of(text, &ents);
    let roles = |trigger: &str| roles_of(text, &found, trigger);
    assert_eq!(
        roles("bombing"),
        [("o1".to_string(), "Attacker".to_string())]
    );
    assert_eq!(
        roles("attacked"),
        [("o2".to_string(), "Attacker".to_string())]
    );
}

#[test]
fn the_company_a_story_s_bids_are_for_is_the_target_of_its_unnamed_ones() {
    let text = "Board rejects bid\n\nKestco made a takeover bid for Varnco on Monday. Varnco \
        shareholders said the takeover bid for Varnco was too low. Lomar said Kestco's offer \
        was fair.";
    let ents = vec![
        org(text, "o1", "Kestco"),
        org(text, "o2", "Varnco"),
        org(text, "o3", "Lomar"),
    ];
    let s = summary(text, &events_of(text, &ents));
    let of = |trigger: &str| {
        s.iter()
            .find(|e| e.1 == trigger)
            .unwrap_or_else(|| panic!("no {trigger}: {s:?}"))
            .2
            .clone()
    };
    // The headline's bid is for Varnco, the company two bids are for.
    assert!(of("bid").contains(&"o2".to_string()), "{s:?}");
    // Kestco's offer, in a sentence naming Lomar (not taking part), is left alone.
    assert!(!of("offer").contains(&"o2".to_string()), "{s:?}");
}

#[test]
fn one_who_speaks_to_a_meeting_takes_part_in_it() {
    let text = "Summit\n\nProfits will rise, Olan Brisk told a bankers' conference in Kell. \
        Tova Lenn addressed the summit.";
    let ents = vec![
        person(text, "p1", "Olan Brisk", &[]),
        person(text, "p2", "Tova Lenn", &[]),
    ];
    let s = summary(text, &events_of(text, &ents));
    let of = |trigger: &str| s.iter().find(|e| e.1 == trigger).unwrap().2.clone();
    assert_eq!(of("conference"), ["p1"], "{s:?}");
    assert_eq!(of("summit"), ["p2"], "{s:?}");
}

#[test]
fn a_by_phrase_after_a_title_or_the_names_the_doer() {
    // The preposition before "Mr" or "the" relates the name to the trigger;
    // a participle that is another verb ("turned down") takes its own agent,
    // one that carries the noun out ("filed") does not.
    let text = "Court\n\nVarnco is opposed to any takeover by Mr Orrin. The grant was \
        funded by the Kest Guild. Tavi Roon dropped a lawsuit filed by Mr Lenn.";
    let ents = vec![
        org(text, "o1", "Varnco"),
        person(text, "p1", "Orrin", &[]),
        org(text, "o2", "Kest Guild"),
        person(text, "p2", "Tavi Roon", &[]),
        person(text, "p3", "Lenn", &[]),
    ];
    let found = events_of(text, &ents);
    let has = |trigger: &str, id: &str, role: &str| has_role(text, &found, trigger, id, role);
    assert!(has("takeover", "p1", "Buyer"), "{found:?}");
    assert!(has("funded", "o2", "Giver"), "{found:?}");
    assert!(has("lawsuit", "p3", "Plaintiff"), "{found:?}");

    let text = "Court

An earlier takeover was turned down by Ostco.";
    let found = events_of(text, &[org(text, "o3", "Ostco")]);
    assert!(
        !roles_of(text, &found, "takeover").contains(&("o3".to_string(), "Buyer".to_string())),
        "{found:?}"
    );
}

#[test]
fn who_takes_a_post_and_who_leaves_it_are_told_apart() {
    // The subject before a closed relative clause takes the post; the one
    // after "from" or after "succeeded" leaves it, unless the verb is
    // passive ("to be succeeded by X": X takes it).
    let text = "Guild\n\nVell Orrin, who ran the mill for years, took over from Kasia Doran \
        as president. Tavi Roon succeeded Ilsa Marrow as treasurer. Marrow is to be \
        succeeded by Olan Brisk as secretary.";
    let ents = vec![
        person(text, "p1", "Vell Orrin", &[]),
        person(text, "p2", "Kasia Doran", &[]),
        person(text, "p3", "Tavi Roon", &[]),
        person(text, "p4", "Ilsa Marrow", &["Marrow"]),
        person(text, "p5", "Olan Brisk", &[]),
    ];
    let found = events_of(text, &ents);
    let people = |event_type: &str, trigger: &str| -> Vec<String> {
        found
            .events
            .iter()
            .find(|e| e.event_type == event_type && e.trigger.text(text) == trigger)
            .unwrap_or_else(|| panic!("no {event_type} {trigger}: {found:?}"))
            .participants
            .iter()
            .filter(|(_, role)| role == "Person")
            .map(|(id, _)| id.clone())
            .collect()
    };
    assert_eq!(people("Personnel.Start-Position", "took over"), ["p1"]);
    assert_eq!(people("Personnel.End-Position", "took over"), ["p2"]);
    assert_eq!(people("Personnel.Start-Position", "succeeded"), ["p3"]);
    let passive = found
        .events
        .iter()
        .filter(|e| e.trigger.text(text) == "succeeded")
        .nth(1)
        .unwrap_or_else(|| panic!("{found:?}"));
    assert!(
        passive.participants.iter().any(|(id, _)| id == "p5"),
        "{found:?}"
    );
}

#[test]
fn he_who_speaks_at_a_news_conference_is_the_quote_s_speaker() {
    // "he" is the speaker of the sentence's quote, not the last person named.
    let text = "Floods\n\nTamsin Reld met Orrin Valtch on Monday. \"The river will be \
        dredged,\" he said at a news conference in Velmora.";
    let (doc, layout) = build(text, false);
    let ents = vec![
        person(text, "p1", "Tamsin Reld", &[]),
        person(text, "p2", "Orrin Valtch", &[]),
    ];
    let quote = first_quote(text, "p2", "Orrin Valtch");
    let s = summary(text, &analyze(&doc, &layout, &ents, &[quote]));
    let conference = s
        .iter()
        .find(|e| e.1.ends_with("conference"))
        .expect("a meeting");
    assert_eq!(conference.2, ["p2"], "{s:?}");
    // Without a quote, the last sentence's first person.
    let s = summary(text, &analyze(&doc, &layout, &ents, &[]));
    let conference = s
        .iter()
        .find(|e| e.1.ends_with("conference"))
        .expect("a meeting");
    assert_eq!(conference.2, ["p1"], "{s:?}");
}

#[test]
fn a_name_inside_a_relative_clause_is_not_the_subject_after_it() {
    // "The man who wounded X has been jailed": X was wounded, not jailed.
    let text = "Court\n\nThe man who wounded Olan Brisk has been jailed for life. \
        Tavi Roon spoke after the hearing.";
    let ents = vec![
        person(text, "p1", "Olan Brisk", &[]),
        person(text, "p2", "Tavi Roon", &[]),
    ];
    let s = summary(text, &events_of(text, &ents));
    let jailed = s.iter().find(|e| e.1 == "jailed").expect("a jailing");
    assert!(!jailed.2.contains(&"p1".to_string()), "{s:?}");
    let wounded = s.iter().find(|e| e.1 == "wounded").expect("a wounding");
    assert!(wounded.2.contains(&"p1".to_string()), "{s:?}");
}

#[test]
fn a_name_set_beside_a_noun_trigger_takes_part() {
    // "the bidders, X," names a bidder; a new clause after the comma
    // ("After the talks, Doe flew home") does not.
    let text = "Mill takeover\n\nThe takeover of the mill stalled. One of the rival \
        bidders, Kest-based group Ostco, said it would wait. After the talks, Tavi Roon flew home.";
    let ents = vec![
        org(text, "o1", "Ostco"),
        person(text, "p1", "Tavi Roon", &[]),
    ];
    let found = events_of(text, &ents);
    assert_eq!(
        roles_of(text, &found, "bidders"),
        [("o1".to_string(), "Buyer".to_string())]
    );
    assert!(roles_of(text, &found, "talks").is_empty(), "{found:?}");
}

#[test]
fn the_preposition_before_describing_words_gives_the_role() {
    // "by rival X", "to Dutch firm X": the words between describe X;
    // "a buyout from X" is X's; "to sell off X" sells X.
    let text = "Mill news\n\nOstco rejected a hostile takeover bid by rival Kestco. \
        The mill was sold to Dutch firm Lomar. Varnco weighed a buyout from Kestco. \
        Ostco was forced to sell off Brasko.";
    let ents = vec![
        org(text, "o1", "Ostco"),
        org(text, "o2", "Kestco"),
        org(text, "o3", "Lomar"),
        org(text, "o4", "Varnco"),
        org(text, "o5", "Brasko"),
    ];
    let found = events_of(text, &ents);
    let has = |trigger: &str, id: &str, role: &str| has_role(text, &found, trigger, id, role);
    assert!(has("takeover", "o2", "Buyer"), "{found:?}");
    assert!(has("sold", "o3", "Buyer"), "{found:?}");
    assert!(has("buyout", "o2", "Buyer"), "{found:?}");
    assert!(has("sell", "o5", "Artifact"), "{found:?}");
}

#[test]
fn the_one_an_attack_left_hurt_is_its_victim() {
    // "left X wounded": X undergoes it; the next state's names are not its.
    let text = "Raid\n\nThe raid left two guards dead and Ona Greve wounded.";
    let found = events_of(text, &[person(text, "p1", "Ona Greve", &[])]);
    assert_eq!(
        roles_of(text, &found, "wounded"),
        [("p1".to_string(), "Victim".to_string())]
    );
    assert!(roles_of(text, &found, "dead").is_empty(), "{found:?}");
}

#[test]
fn a_noun_trigger_s_doer_stands_before_its_light_verb_and_asides() {
    // The doer stands before an acronym or an amount in brackets, and
    // before "agreed" (a reporting verb, but its deal is its subject's).
    let text = "Deal\n\nKest Holdings (KH) has agreed a $5bn (about 4bn euros) takeover of \
        Varnco. The Ostra Guild (OG) will hold talks with Varnco.";
    let ents = vec![
        org(text, "o1", "Kest Holdings"),
        org(text, "o2", "Varnco"),
        org(text, "o3", "Ostra Guild"),
    ];
    let found = events_of(text, &ents);
    assert!(
        has_role(text, &found, "takeover", "o1", "Buyer"),
        "{found:?}"
    );
    assert!(
        has_role(text, &found, "takeover", "o2", "Artifact"),
        "{found:?}"
    );
    assert!(has_role(text, &found, "talks", "o3", "Entity"), "{found:?}");

    // With the noun's doer after "by", the subject undergoes it.
    let text = "Deal\n\nVarnco has agreed a takeover by Ostra Mills.";
    let ents = vec![org(text, "o1", "Varnco"), org(text, "o2", "Ostra Mills")];
    let found = events_of(text, &ents);
    assert!(
        has_role(text, &found, "takeover", "o1", "Artifact"),
        "{found:?}"
    );
    assert!(
        has_role(text, &found, "takeover", "o2", "Buyer"),
        "{found:?}"
    );
}

#[test]
fn who_faces_a_court_s_step_or_pleads_undergoes_it() {
    // "X pleaded guilty", "X faces trial", "X faced a fine": X is the
    // defendant, not the court; "Doe, a former chief, resigned": the name
    // before an apposition is the subject.
    let text = "Court\n\nTavi Roon pleaded guilty to fraud. Olan Brisk faces a trial in May. \
        Ilsa Marrow, a former treasurer, resigned.";
    let (doc, layout) = build(text, true);
    let ents = vec![
        person(text, "p1", "Tavi Roon", &[]),
        person(text, "p2", "Olan Brisk", &[]),
        person(text, "p3", "Ilsa Marrow", &[]),
    ];
    let found = analyze(&doc, &layout, &ents, &[]);
    assert!(
        has_role(text, &found, "guilty", "p1", "Defendant"),
        "{found:?}"
    );
    assert!(
        has_role(text, &found, "trial", "p2", "Defendant"),
        "{found:?}"
    );
    assert!(
        has_role(text, &found, "resigned", "p3", "Person"),
        "{found:?}"
    );

    // "X is on trial"; "Y founding chairman X": Y is X's affiliation.
    let text = "Court\n\nTavi Roon is on trial for fraud. Ostra Guild founding chairman \
        Olan Brisk was arrested on Sunday.";
    let (doc, layout) = build(text, true);
    let ents = vec![
        person(text, "p1", "Tavi Roon", &[]),
        person(text, "p2", "Olan Brisk", &[]),
        org(text, "o1", "Ostra Guild"),
    ];
    let found = analyze(&doc, &layout, &ents, &[]);
    assert!(
        has_role(text, &found, "trial", "p1", "Defendant"),
        "{found:?}"
    );
    assert_eq!(
        roles_of(text, &found, "arrested"),
        [("p2".to_string(), "Person".to_string())]
    );
}

#[test]
fn the_tree_gives_the_subject_that_word_order_misses() {
    let text = "Changes\n\nOla Brandt, 41, a former guard from Kestford, was arrested on Friday. \
        Tarn Mining, which runs two pits near Ardley, has agreed to pay $5m to former workers. \
        Veska Lund, who founded the Ardley Players, has died.";
    let ents = vec![
        person(text, "p1", "Ola Brandt", &[]),
        org(text, "o1", "Tarn Mining"),
        person(text, "p2", "Veska Lund", &[]),
        org(text, "o2", "Ardley Players"),
    ];
    let found = events_of(text, &ents);
    assert!(
        has_role(text, &found, "arrested", "p1", "Person"),
        "{found:?}"
    );
    assert!(has_role(text, &found, "pay", "o1", "Giver"), "{found:?}");
    assert_eq!(
        roles_of(text, &found, "died"),
        [("p2".to_string(), "Victim".to_string())]
    );
}

#[test]
fn an_organization_the_tree_gives_does_not_die() {
    let text = "Closure\n\nBrantor Holdings, once the largest employer in Kestford, has died.";
    let ents = vec![org(text, "o1", "Brantor Holdings")];
    let found = events_of(text, &ents);
    assert_eq!(types(&found), ["Life.Die"]);
    assert!(roles_of(text, &found, "died").is_empty(), "{found:?}");
}

/// `tree::subjects` on hand-made trees: a passive subject with a name in
/// apposition and one coordinated; a subject shared through "agreed to";
/// the noun a past participle describes, and not one a present
/// participle does; and which trees count as well formed.
#[test]
fn subjects_read_from_a_tree() {
    use newsparse_syntax::{Deprel as D, Parsed, Upos as U};
    let tree = |head: Vec<usize>, deprel: Vec<D>, upos: Vec<U>| Parsed { upos, head, deprel };
    let mention = |start, end| WordMention {
        start,
        end,
        kind: EntityKind::Person,
        entity: start,
    };
    let words = |text: &'static str| span_words(text, ByteSpan::new(0, text.len()));
    let at = |at, passive| tree::Argument { at, passive };

    let ws = words("the man , Ola , and Veska were arrested");
    let p = tree(
        vec![2, 9, 4, 2, 4, 7, 2, 9, 0],
        vec![
            D::Det,
            D::NsubjPass,
            D::Punct,
            D::Appos,
            D::Punct,
            D::Cc,
            D::Conj,
            D::AuxPass,
            D::Root,
        ],
        vec![
            U::Det,
            U::Noun,
            U::Punct,
            U::Propn,
            U::Punct,
            U::Cconj,
            U::Propn,
            U::Aux,
            U::Verb,
        ],
    );
    assert!(p.is_well_formed());
    let ms = [mention(3, 4), mention(6, 7)];
    assert_eq!(
        tree::subjects(&p, &ws, &ms, 8, 9),
        [at(3, true), at(6, true)]
    );

    let ws = words("Ola agreed to buy it");
    let p = tree(
        vec![2, 0, 4, 2, 4],
        vec![D::Nsubj, D::Root, D::Mark, D::Xcomp, D::Obj],
        vec![U::Propn, U::Verb, U::Part, U::Verb, U::Pron],
    );
    assert_eq!(
        tree::subjects(&p, &ws, &[mention(0, 1)], 3, 4),
        [at(0, false)]
    );

    let ws = words("Ola , arrested , left");
    let p = tree(
        vec![5, 3, 1, 3, 0],
        vec![D::Nsubj, D::Punct, D::Acl, D::Punct, D::Root],
        vec![U::Propn, U::Punct, U::Verb, U::Punct, U::Verb],
    );
    assert_eq!(
        tree::subjects(&p, &ws, &[mention(0, 1)], 2, 3),
        [at(0, true)]
    );
    // A trigger past the tree's end (the sentence was cut) gives nobody.
    assert!(tree::subjects(&p, &ws, &[mention(0, 1)], 5, 6).is_empty());
    let ws = words("Ola , killing , left");
    assert!(tree::subjects(&p, &ws, &[mention(0, 1)], 2, 3).is_empty());

    // Two subjects of one verb: nobody.
    let ws = words("Ola Veska was arrested");
    let p = tree(
        vec![4, 4, 4, 0],
        vec![D::Nsubj, D::NsubjPass, D::AuxPass, D::Root],
        vec![U::Propn, U::Propn, U::Aux, U::Verb],
    );
    assert!(tree::subjects(&p, &ws, &[mention(0, 1), mention(1, 2)], 3, 4).is_empty());
}

#[test]
fn the_tree_tells_the_place_and_date_of_the_trigger() {
    let text = "Raid\n\nGunmen from Velmar attacked the port in Ostrava on Friday.\n\n\
        On 3 May 2021, the court, which opened in 1990, sentenced Ola Brandt.";
    let place = |id: &str, name: &str| entity(text, id, EntityKind::Place, name, &[]);
    let ents = vec![
        place("l1", "Velmar"),
        place("l2", "Ostrava"),
        person(text, "p1", "Ola Brandt", &[]),
    ];
    let found = events_of(text, &ents);
    let attack = found
        .events
        .iter()
        .find(|e| e.trigger.text(text) == "attacked")
        .expect("an attack");
    assert_eq!(
        attack.place.as_ref().map(|p| p.1.as_str()),
        Some("Ostrava"),
        "{found:?}"
    );
    let s = summary(text, &found);
    let sentenced = s.iter().find(|e| e.1 == "sentenced").expect("a sentence");
    assert_eq!(sentenced.3.as_deref(), Some("2021-05-03"), "{s:?}");
}
