use super::*;
use newsparse_core::date::iso_day;

fn blocks(text: &str, layout: &Layout) -> Vec<(BlockKind, String)> {
    layout
        .blocks
        .iter()
        .map(|b| (b.kind, b.span.text(text).to_string()))
        .collect()
}

#[test]
fn seed_like_layout() {
    let text = "Varnia’s quiet pressure on Ostland\n\nThe minister stressed that Varnia does not meddle, it is the “greedy” traders who do.\n\nVarnia's Premier Ola Brandt meets Ostland's envoy Pia Lund in Kest, Varnia, July 21, 2020. (photo credit: REUTERS)\nVarnia's Premier Ola Brandt meets Ostland's envoy Pia Lund in Kest, Varnia, July 21, 2020.\n(photo credit: REUTERS)\n\nIn a long campaign, the leadership sent envoys to Kest.\n\nBrandt is a new face. He came to power this spring.\nLund is an energetic envoy.\n";
    let l = analyze(text);
    assert_eq!(
        l.title.unwrap().text(text),
        "Varnia’s quiet pressure on Ostland"
    );
    assert!(l
        .subtitle
        .unwrap()
        .text(text)
        .starts_with("The minister stressed"));
    assert_eq!(l.photos.len(), 1);
    let p = &l.photos[0];
    assert!(p.caption.text(text).ends_with("July 21, 2020."));
    assert_eq!(p.credit.unwrap().text(text), "REUTERS");
    let b = blocks(text, &l);
    let kinds: Vec<BlockKind> = b.iter().map(|x| x.0).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Title,
            BlockKind::Subtitle,
            BlockKind::Caption,
            BlockKind::Credit,
            BlockKind::Repeat,
            BlockKind::Credit,
            BlockKind::Body,
            BlockKind::Body,
            BlockKind::Body,
        ]
    );
}

fn kinds(text: &str) -> Vec<(BlockKind, String)> {
    blocks(text, &analyze(text))
}

#[test]
fn reuters_style() {
    let text = "Brant Motors to cut 2,000 jobs in Ostland\n\nBy Jane Doe and John Roe, Reuters\n\nPublished: July 22, 2020\n\nLONDON (Reuters) - Brant Motors said on Wednesday it would cut 2,000 jobs.\n\nThe company said demand had collapsed. Its shares fell 3.5%.\n\nWorkers leave the Brant plant in Kest, Ostland, July 20, 2020. REUTERS/Pia Lund\n\nThe union said it would fight the plan.\n\n(Reporting by Jane Doe; Editing by Tom Bell)\n";
    let l = analyze(text);
    assert_eq!(
        l.title.unwrap().text(text),
        "Brant Motors to cut 2,000 jobs in Ostland"
    );
    assert_eq!(l.byline, ["Jane Doe", "John Roe"]);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2020-07-22"));
    let d = l.dateline.as_ref().unwrap();
    assert_eq!(d.span.text(text), "LONDON (Reuters) -");
    assert_eq!(d.place.as_deref(), Some("London"));
    assert_eq!(d.date, None);
    // A lead opening with a dateline is body, not a standfirst.
    assert_eq!(l.subtitle, None);
    assert_eq!(l.photos.len(), 1);
    assert_eq!(
        l.photos[0].caption.text(text),
        "Workers leave the Brant plant in Kest, Ostland, July 20, 2020."
    );
    assert_eq!(l.photos[0].credit.unwrap().text(text), "REUTERS/Pia Lund");
    let agencies: Vec<&str> = l.agencies.iter().map(|a| a.text(text)).collect();
    assert_eq!(
        agencies,
        ["Reuters", "REUTERS"],
        "the photographer is not an agency"
    );
    let b = kinds(text);
    assert!(b.contains(&(
        BlockKind::Body,
        "Brant Motors said on Wednesday it would cut 2,000 jobs.".into()
    )));
    assert!(b.contains(&(
        BlockKind::Byline,
        "(Reporting by Jane Doe; Editing by Tom Bell)".into()
    )));
    assert!(b.contains(&(BlockKind::Dateline, "Published: July 22, 2020".into())));
    assert!(b.contains(&(BlockKind::Credit, "REUTERS/Pia Lund".into())));
}

#[test]
fn ap_style_dateline_with_date() {
    let text = "Floods hit Kest as river bursts banks\n\nBy PIA LUND Associated Press\n\nKEST, Ostland, July 21 (AP) \u{2014} Floods swept through the city on Tuesday.\n\nRescuers worked through the night.\n\nUpdated 3 March 2021\n";
    let l = analyze(text);
    assert_eq!(l.byline, ["PIA LUND"]);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2021-03-03"));
    let d = l.dateline.unwrap();
    assert_eq!(d.place.as_deref(), Some("Kest"));
    assert_eq!(d.date.map(iso_day).as_deref(), Some("2021-07-21"));
    assert_eq!(d.span.text(text), "KEST, Ostland, July 21 (AP) \u{2014}");
}

#[test]
fn jerusalem_post_style_with_crlf_and_bom() {
    let text = "\u{feff}Ostland warns Varnia over border\r\n\r\nThe envoy said the \u{201c}red line\u{201d} had been crossed.\r\n\r\nOstland's envoy Pia Lund speaks in Kest, May 2, 2021. (photo credit: MARTA QUELL/FLASH90)\r\n\r\nBy OMAR VEY\r\n\r\nOstland has warned Varnia that it will act.\r\nThe warning came after a week of clashes.\r\n";
    let l = analyze(text);
    assert_eq!(
        l.title.unwrap().text(text),
        "Ostland warns Varnia over border"
    );
    assert_eq!(
        l.subtitle.unwrap().text(text),
        "The envoy said the \u{201c}red line\u{201d} had been crossed."
    );
    assert_eq!(l.byline, ["OMAR VEY"]);
    assert_eq!(l.photos.len(), 1);
    assert_eq!(
        l.photos[0].caption.text(text),
        "Ostland's envoy Pia Lund speaks in Kest, May 2, 2021."
    );
    assert_eq!(
        l.photos[0].credit.unwrap().text(text),
        "MARTA QUELL/FLASH90"
    );
    for b in &l.blocks {
        let s = b.span.text(text);
        assert!(!s.starts_with(is_space) && !s.ends_with(is_space), "{s:?}");
        assert!(!s.contains('\u{feff}'));
    }
}

#[test]
fn al_jazeera_and_guardian_credits() {
    let text = "Protests grow in Kest\n\nThousands marched in the capital on Friday.\n\nProtesters gather in central Kest [Omar Vey/Al Nahar]\n\nThe protests began a week ago. Police stood by.\n\nA woman holds a sign in Kest. Photograph: Lena Marsh/Brant Press\n\nDemonstrators in Kest on Friday (AFP)\n\nA man waves a flag | Getty Images\n\nA boy on a wall\nImage Credit: ANI\n\nOrganisers said more marches were planned.\n";
    let l = analyze(text);
    let got: Vec<(&str, Option<&str>)> = l
        .photos
        .iter()
        .map(|p| (p.caption.text(text), p.credit.map(|c| c.text(text))))
        .collect();
    assert_eq!(
        got,
        [
            (
                "Protesters gather in central Kest",
                Some("Omar Vey/Al Nahar")
            ),
            (
                "A woman holds a sign in Kest.",
                Some("Lena Marsh/Brant Press")
            ),
            ("Demonstrators in Kest on Friday", Some("AFP")),
            ("A man waves a flag", Some("Getty Images")),
            ("A boy on a wall", Some("ANI")),
        ]
    );
    assert_eq!(
        l.subtitle.unwrap().text(text),
        "Thousands marched in the capital on Friday."
    );
    // Captions are read; credits are not.
    let read: Vec<&str> = l
        .blocks
        .iter()
        .filter(|b| b.kind.is_read())
        .map(|b| b.span.text(text))
        .collect();
    assert!(read.contains(&"A boy on a wall"));
    assert!(!read
        .iter()
        .any(|s| s.contains("ANI") || s.contains("Getty")));
}

#[test]
fn bbc_style_standfirst() {
    let one = "Ostland firm posts record profit\n\nOstland's largest miner has reported a record annual profit of 7.4bn dollars ($5.8bn).\n\nThe firm said demand from Asia had been strong. Mr. Brandt said: \"We are pleased.\"\n";
    let l = analyze(one);
    assert!(l.subtitle.is_some());
    assert_eq!(l.photos.len(), 0);
    assert!(l.byline.is_empty() && l.published.is_none() && l.dateline.is_none());
    // A lead of several sentences is the story, not a standfirst.
    let many = "Ostland firm posts record profit\n\nOstland's largest miner has reported a record profit. Its shares rose. Mr. Brandt was pleased.\n\nThe firm said demand from Asia had been strong.\n";
    assert_eq!(analyze(many).subtitle, None);
    // A lone paragraph is the story.
    let lone = "Ostland firm posts record profit\n\nOstland's largest miner has reported a record profit.\n";
    assert_eq!(analyze(lone).subtitle, None);
}

#[test]
fn wire_copy_of_one_sentence_paragraphs_has_no_standfirst() {
    // A sentence a paragraph: the opening one is the lead.
    let wire = "Ostland miner posts record profit\n\nOstland's largest miner reported a record \
        profit on Monday.\n\nThe firm said demand from Asia had been strong.\n\nIts shares \
        rose 4% in early trading.\n";
    assert_eq!(analyze(wire).subtitle, None);
    // A match report's venue line over one-sentence paragraphs is no standfirst either.
    let venue = "Kell 2-1 Varn\n\nOstwick Park\n\nKell beat Varn on Saturday.\n\nBrisk scored \
        twice.\n";
    assert_eq!(analyze(venue).subtitle, None);
    // Printed twice, the opening is the page's standfirst all the same.
    let marked = "Ostland miner posts record profit\n\nOstland's largest miner reported a record \
        profit.\n\nOstland's largest miner reported a record profit.\n\nThe firm said demand \
        had been strong.\n\nIts shares rose.\n";
    assert!(analyze(marked).subtitle.is_some());
}

#[test]
fn hard_wrapped_paragraphs_are_one_block() {
    let text = "Wrapped story\n\nThis paragraph was wrapped at a fixed width by an old\nnewswire system, so its lines break in the middle of\nsentences and must be read as one paragraph.\n\nSecond paragraph here.\n";
    let l = analyze(text);
    let body: Vec<&str> = l
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body || b.kind == BlockKind::Subtitle)
        .map(|b| b.span.text(text))
        .collect();
    assert_eq!(body.len(), 2);
    assert!(body[0].starts_with("This paragraph") && body[0].ends_with("one paragraph."));
}

#[test]
fn blocks_are_ordered_disjoint_and_trimmed() {
    let text = "  Title  \n\n  Lead one sentence.  \n\nA caption here. (Photo: AP)\nA caption here.\nPhoto: AP\n\nBody one. Body two.\n  \n";
    let l = analyze(text);
    for w in l.blocks.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
    assert_eq!(l.title.unwrap().text(text), "Title");
    assert_eq!(l.photos.len(), 1);
    assert_eq!(l.photos[0].credit.unwrap().text(text), "AP");
    assert_eq!(
        l.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Repeat)
            .count(),
        1
    );
}

#[test]
fn empty_text() {
    let l = analyze(" \r\n\u{feff}\n");
    assert!(l.title.is_none() && l.blocks.is_empty());
    assert!(!l.warnings.is_empty());
}

#[test]
fn guardian_style_header_block() {
    let text = "Kest braces for record heatwave\nForecasters say temperatures could pass 40C for the first time, with hospitals on alert.\nLena Marsh in Kest\nWed 22 Jul 2020 10.15 BST\nLast modified on Wed 22 Jul 2020 12.00 BST\n\nA woman cools off in a fountain in Kest. Photograph: Omar Vey/Brant Press\n\nTemperatures in Kest are expected to break records this week.\n\nOfficials urged people to stay indoors.\n";
    let l = analyze(text);
    assert_eq!(
        l.title.unwrap().text(text),
        "Kest braces for record heatwave"
    );
    assert_eq!(
        l.subtitle.unwrap().text(text),
        "Forecasters say temperatures could pass 40C for the first time, with hospitals on alert."
    );
    assert_eq!(l.byline, ["Lena Marsh"]);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2020-07-22"));
    assert_eq!(l.photos.len(), 1);
    assert_eq!(
        l.photos[0].credit.unwrap().text(text),
        "Omar Vey/Brant Press"
    );
    let agencies: Vec<&str> = l.agencies.iter().map(|a| a.text(text)).collect();
    assert_eq!(agencies, ["Brant Press"]);
    let body: Vec<&str> = l
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .map(|b| b.span.text(text))
        .collect();
    assert_eq!(body.len(), 2);
}

#[test]
fn a_name_alone_beside_the_date_line_is_the_byline() {
    let text = "Kest museum returns bronzes\n\nThe Varn Collection handed over six pieces on Tuesday\n\nLena Marsh\nTue 14 Nov 2023 18.02 GMT\n\nA museum in Kest has returned six bronzes.\n\nThe director said it was right.\n";
    let l = analyze(text);
    assert_eq!(l.byline, ["Lena Marsh"]);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2023-11-14"));
    // Without the date line, a lone name stays text.
    let text =
        "Kest museum returns bronzes\n\nLena Marsh\n\nA museum in Kest has returned six bronzes.\n";
    assert!(analyze(text).byline.is_empty());
}

#[test]
fn al_jazeera_style() {
    let text = "Ostland votes in tense election\n\nVoters queue for hours as the opposition alleges fraud in the north.\n\nBy Omar Vey\n\nPublished On 22 Jul 2020\n\nVoters wait outside a polling station in Kest [Pia Lund/Al Nahar]\n\nPolls opened at 7am local time.\n\nResults are expected on Friday.\n";
    let l = analyze(text);
    assert_eq!(l.byline, ["Omar Vey"]);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2020-07-22"));
    assert!(l.subtitle.is_some());
    assert_eq!(
        l.photos[0].caption.text(text),
        "Voters wait outside a polling station in Kest"
    );
}

#[test]
fn cnn_style() {
    let text = "Senate passes budget bill\n\nBy Ann Poe and Tom Bell, CNN\n\nUpdated 10:15 AM EDT, Wed July 22, 2020\n\nWASHINGTON (CNN) \u{2014} The Senate passed the bill late on Tuesday.\n\nThe vote was 52 to 48.\n";
    let l = analyze(text);
    assert_eq!(l.byline, ["Ann Poe", "Tom Bell"]);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2020-07-22"));
    assert_eq!(l.dateline.unwrap().place.as_deref(), Some("Washington"));
    assert_eq!(l.subtitle, None);
}

#[test]
fn gulf_style_colon_dateline_and_image_credit() {
    let text = "Metro line opens in Kest\n\nPassengers board the first train at Kest Central station on Sunday. Image Credit: ANI\n\nKEST: The city's first metro line opened on Sunday.\n\nThe line has 12 stations.\n";
    let l = analyze(text);
    assert_eq!(l.photos.len(), 1);
    assert_eq!(l.photos[0].credit.unwrap().text(text), "ANI");
    assert_eq!(l.dateline.unwrap().place.as_deref(), Some("Kest"));
    assert_eq!(l.subtitle, None);
}

/// Random texts from pieces news pages are made of, in random order: the
/// stages must not panic and must keep their span invariants on any of them.
#[test]
fn random_texts_keep_invariants() {
    const PIECES: &[&str] = &[
        "Kest",
        "ostland",
        "U.S.",
        "Mr.",
        "J.",
        "3.5",
        "7.4bn",
        "$",
        "%",
        "’s",
        "n't",
        "don't",
        "al-Tamimi",
        ".",
        "...",
        "…",
        "!",
        "?",
        "\"",
        "“",
        "”",
        "'",
        "‘",
        "(",
        ")",
        "[",
        "]",
        "|",
        ":",
        "/",
        "-",
        "—",
        "–",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\u{a0}",
        "\u{feff}",
        "By ",
        "(photo credit: ",
        "REUTERS",
        "Image Credit: ",
        "Photo: ",
        "July 21, 2020",
        "LONDON",
        " (Reuters) - ",
        "Published: ",
        "é",
        "😀",
        "Getty Images",
        "Reporting by ",
        ";",
        ",",
        "AP",
        "2020-07-22",
        "Images",
        " via ",
        "&",
        "T",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let n = (next() % 60) as usize;
        let text: String = (0..n)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let l = analyze(&text);
        let mut last = 0;
        for b in &l.blocks {
            assert!(
                b.span.start >= last && b.span.start < b.span.end,
                "{text:?}"
            );
            let s = b.span.text(&text);
            assert!(
                !s.starts_with(is_space) && !s.ends_with(is_space),
                "{text:?}"
            );
            last = b.span.end;
        }
        for p in &l.photos {
            p.caption.text(&text);
            if let Some(c) = p.credit {
                assert!(!c.text(&text).is_empty(), "{text:?}");
            }
        }
        let doc = newsparse_text::segment(&text, &l.blocks);
        let mut last = 0;
        for t in &doc.tokens {
            assert!(
                t.span.start >= last && t.span.start < t.span.end,
                "{text:?}"
            );
            assert!(!t.span.text(&text).contains(is_space), "{text:?}");
            last = t.span.end;
        }
        for s in &doc.sentences {
            assert!(!s.tokens.is_empty());
            assert!(
                doc.paragraphs[s.paragraph].span.contains(s.span),
                "{text:?}"
            );
        }
    }
}

#[test]
fn dateline_year_from_a_caption_date() {
    let text = "Storm hits Kest\n\nA tree lies across a road in Kest, Ostland, on July 20, 2020. (photo credit: REUTERS)\n\nKEST, July 21 (AP) \u{2014} The storm moved north on Tuesday.\n\nPower was cut to 3,000 homes.\n";
    let l = analyze(text);
    assert_eq!(
        l.dateline.unwrap().date.map(iso_day).as_deref(),
        Some("2020-07-21")
    );
    assert_eq!(l.published, None);
}

#[test]
fn caption_printed_first_without_credit() {
    let text = "Storm hits Kest\n\nThe storm moved north on Tuesday, cutting power to thousands.\n\nA tree lies across a road in Kest on Monday.\n\nPower was cut to 3,000 homes.\n\nA tree lies across a road in Kest on Monday. (Photo: Ida Kern)\n\nCrews worked overnight.\n";
    let l = analyze(text);
    assert_eq!(l.photos.len(), 1);
    assert_eq!(
        l.photos[0].caption.text(text),
        "A tree lies across a road in Kest on Monday."
    );
    assert!(l.photos[0].caption.start < text.find("Power").unwrap());
    assert_eq!(l.photos[0].credit.unwrap().text(text), "Ida Kern");
    let kinds: Vec<BlockKind> = l.blocks.iter().map(|b| b.kind).collect();
    assert!(kinds.contains(&BlockKind::Repeat));
}

#[test]
fn short_caption_and_credit_lines_are_not_wrapped_text() {
    let text = "Talks resume in Kest\n\nThe two sides met for the first time in a year on Monday.\n\nA delegate walks past the ministry in Kest on Monday\nREUTERS/Jane Doe\n\nThe talks will continue on Tuesday.\n";
    let l = analyze(text);
    assert_eq!(l.photos.len(), 1);
    assert_eq!(
        l.photos[0].caption.text(text),
        "A delegate walks past the ministry in Kest on Monday"
    );
    assert_eq!(l.photos[0].credit.unwrap().text(text), "REUTERS/Jane Doe");
}

#[test]
fn jpost_style_header_lines() {
    let text = "Ostland moves troops to border\nThe deployment follows a week of clashes, officials said.\nBy OMAR J. VEY\nJULY 22, 2020 14:35\nSoldiers stand guard near Kest, July 21, 2020. (photo credit: MARTA QUELL)\nOstland moved troops to the border on Tuesday.\nThe move drew protests from Varnia.\n";
    let l = analyze(text);
    assert_eq!(l.byline, ["OMAR J. VEY"]);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2020-07-22"));
    assert_eq!(
        l.subtitle.unwrap().text(text),
        "The deployment follows a week of clashes, officials said."
    );
    assert_eq!(l.photos.len(), 1);
    assert_eq!(l.photos[0].credit.unwrap().text(text), "MARTA QUELL");
}

/// An impossible date wherever layout reads one (a date line, an "Updated:"
/// line, a byline line, a dateline) fills no field and leaves a warning.
#[test]
fn impossible_dates_fill_nothing_and_warn() {
    let cases = [
        (
            "date line",
            "Kest floods worsen\n\nPublished: February 30, 2023\n\nFloods hit Kest on Tuesday.\n",
        ),
        (
            "date line",
            "Kest floods worsen\n\nUpdated 31 April 2021\n\nFloods hit Kest on Tuesday.\n",
        ),
        (
            "byline",
            "Kest floods worsen\n\nBy Jane Doe | Published: February 29, 2023\n\nFloods hit Kest on Tuesday.\n",
        ),
        (
            "dateline",
            "Kest floods worsen\n\nKEST, Ostland, February 30, 2022 (AP) \u{2014} Floods hit Kest on Tuesday.\n\nRescuers worked on.\n",
        ),
    ];
    for (place, text) in cases {
        let l = analyze(text);
        assert_eq!(l.published, None, "{text}");
        assert_eq!(l.dateline.as_ref().and_then(|d| d.date), None, "{text}");
        assert!(
            l.warnings
                .iter()
                .any(|w| w.starts_with("impossible date") && w.contains(place)),
            "{place}: {:?}",
            l.warnings
        );
    }
    // A real leap day is a date.
    let l = analyze("Kest floods worsen\n\nPublished: February 29, 2024\n\nFloods hit Kest.\n");
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2024-02-29"));
    assert!(l.warnings.is_empty());
}

#[test]
fn furniture_before_the_headline_is_not_the_title() {
    let text = "\u{a9} 2024\nVarn Radio for East Kest\nPlay Live Radio\nNext Up:\n0:00\n0:00 0:00\n\nThree Hurt As Storm Hits Kest Harbour\n\nA storm tore through Kest harbour on Monday, injuring three fishermen.\n\nThe coastguard said the boats had been moored.\n";
    let l = analyze(text);
    assert_eq!(
        l.title.unwrap().text(text),
        "Three Hurt As Storm Hits Kest Harbour"
    );
    let furniture: Vec<&str> = l
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Furniture)
        .map(|b| b.span.text(text))
        .collect();
    assert_eq!(furniture.len(), 6, "{furniture:?}");
    assert!(furniture.contains(&"Varn Radio for East Kest"));
}

#[test]
fn a_site_name_above_the_headline_is_furniture() {
    let text = "Kest Courier\n\nVarn Motors agrees deal to buy Brant Tools\n\n-\n\nVARN MOTORS has agreed to buy Brant Tools for \u{a3}2bn, the two firms said.\n\nThe deal still needs approval.\n";
    let l = analyze(text);
    assert_eq!(
        l.title.unwrap().text(text),
        "Varn Motors agrees deal to buy Brant Tools"
    );
    // A short headline of lowercase words stays the headline.
    let text = "Prime minister's questions\n\nSo who is playing politics with the budget of the nation?\n\nThe leader said so on Tuesday.\n";
    assert_eq!(
        analyze(text).title.unwrap().text(text),
        "Prime minister's questions"
    );
}

#[test]
fn a_text_opening_with_a_story_sentence_has_no_title() {
    let text = "Former Kest council chairman Ivo Marsh died on Thursday at the age of 71.\n\nMarsh led the council for twelve years.\n\nHe is survived by his wife.\n";
    let l = analyze(text);
    assert_eq!(l.title, None);
    assert_eq!(l.subtitle, None);
    assert!(l.blocks.iter().all(|b| b.kind == BlockKind::Body));
}

#[test]
fn date_stamps_above_or_before_the_story() {
    // A stamp opening the story's first line: a date, and no headline.
    let text = " date 2019-01-10 Kest council has approved the long-delayed harbour plan, the mayor announced on Wednesday.\n\nWork starts in March.\n";
    let l = analyze(text);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2019-01-10"));
    assert_eq!(l.title, None);
    // A stamp with a section name, then the headline.
    let text = "February 23, 2011 in Nation/World\n\nKest quake toll rises\n\nRescuers searched the rubble on Wednesday.\n\nMore are missing.\n";
    let l = analyze(text);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2011-02-23"));
    assert_eq!(l.title.unwrap().text(text), "Kest quake toll rises");
    // A stamp and a widget on one line.
    let text = " date 2022-02-27 Left Menu\n\nKest hold Varn to a draw\n\nKest drew 1-1 with Varn on Saturday, a result that keeps them top.\n\nThe coach was pleased.\n";
    let l = analyze(text);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2022-02-27"));
    assert_eq!(l.title.unwrap().text(text), "Kest hold Varn to a draw");
}

#[test]
fn a_story_printed_one_paragraph_per_line() {
    // The headline printed twice is one title; the line after it is the lead.
    let text = "Varn Motors to buy Brant Tools\nVarn Motors to buy Brant Tools\nVarn Motors has agreed to buy Brant Tools for $2bn, the firms said on Monday.\nThe deal needs approval.\nBrant shares rose 5%.\n";
    let l = analyze(text);
    assert_eq!(
        l.title.unwrap().text(text),
        "Varn Motors to buy Brant Tools"
    );
    assert_eq!(l.subtitle, None);
    assert_eq!(
        l.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Repeat)
            .count(),
        1
    );
    // A summary printed twice above the story is the standfirst.
    let text = "Kest coach sacked\nKest have relieved their coach of his duties with immediate effect.\nKest have relieved their coach of his duties with immediate effect.\nThe board met on Sunday.\nA new coach is sought.\n";
    let l = analyze(text);
    assert_eq!(
        l.subtitle.unwrap().text(text),
        "Kest have relieved their coach of his duties with immediate effect."
    );
}

#[test]
fn captions_with_credits_in_page_shapes() {
    // A credit printed over three lines around a slash, the caption repeated.
    let text = "Two Hurt In Kest Warehouse Fire\n\nA firefighter walks away from the burning warehouse in Kest on Monday.\nJane Q. Doe\n/\nAP\nA firefighter walks away from the burning warehouse in Kest on Monday.\n\nTwo firefighters were hurt on Monday.\n\nThe cause is not known.\n";
    let l = analyze(text);
    assert_eq!(l.photos.len(), 1);
    assert_eq!(l.photos[0].credit.unwrap().text(text), "Jane Q. Doe\n/\nAP");
    assert_eq!(l.subtitle, None);
    // A credit after a dash, with a date.
    let text = "Kest to run its own clinics\n\nThe mayor will now run every clinic in Kest, the council says. \u{2013} Kest Courier file pic, August 28, 2021.\n\nALL clinics will from now on be run by the city, the mayor said.\n\nHe spoke on Monday.\n";
    let l = analyze(text);
    assert_eq!(l.photos.len(), 1);
    assert_eq!(l.photos[0].credit.unwrap().text(text), "Kest Courier");
    assert_eq!(l.subtitle, None);
}

#[test]
fn a_dek_over_its_byline_block_is_the_standfirst() {
    let text = "March 3, 2021 in World\n\nKest quake toll rises\n\nRescuers search for those still trapped\nJane Q. Doe And Omar Vey Kest Daily Times\nVarn Press photo\n\nRubble fills a street in Kest on Tuesday.\n\nThe toll rose to 75 on Wednesday, officials said.\n\nHundreds are missing.\n";
    let l = analyze(text);
    assert_eq!(l.title.unwrap().text(text), "Kest quake toll rises");
    assert_eq!(
        l.subtitle.unwrap().text(text),
        "Rescuers search for those still trapped"
    );
    assert_eq!(l.byline, ["Jane Q. Doe", "Omar Vey"]);
    assert_eq!(l.published.map(iso_day).as_deref(), Some("2021-03-03"));
}

#[test]
fn the_site_name_and_a_byline_outlet_are_credited_organizations() {
    let agencies = |text: &str| -> Vec<String> {
        analyze(text)
            .agencies
            .iter()
            .map(|a| a.text(text).to_string())
            .collect()
    };
    let text = "Kest Courier\n\nVarn Motors agrees deal to buy Brant Tools\n\n-\n\nVARN MOTORS has agreed to buy Brant Tools for $2bn, the two firms said.\n\nThe deal still needs approval.\n";
    assert_eq!(agencies(text), ["Kest Courier"]);
    let text = "\u{a9} 2024\nVarn Radio for East Kest\nPlay Live Radio\n\nThree Hurt As Storm Hits Kest Harbour\n\nA storm tore through Kest harbour on Monday, injuring three fishermen.\n\nThe coastguard said the boats had been moored.\n";
    assert_eq!(agencies(text), ["Varn Radio"]);
    let text = "Kest quake toll rises\n\nRescuers search for those still trapped\nJane Q. Doe And Omar Vey Kest Daily Times\n\nThe toll rose to 75 on Wednesday, officials said.\n\nHundreds are missing.\n";
    let l = analyze(text);
    assert_eq!(agencies(text), ["Kest Daily Times"]);
    let people: Vec<&str> = l.credited_people.iter().map(|p| p.text(text)).collect();
    assert_eq!(people, ["Jane Q. Doe", "Omar Vey"]);
}

#[test]
fn a_credit_above_the_picture_credits_the_caption_below() {
    let text = "Kest quake toll rises\n\nRescuers search for those still trapped\nBy Jane Doe\nVarn Press photo\n\nRubble fills a street in Kest on Tuesday, a day after the quake.\n(Full-size photo)(All photos)\n\nThe toll rose to 75 on Wednesday, officials said.\n\nHundreds are missing.\n";
    let l = analyze(text);
    assert_eq!(l.photos.len(), 1);
    assert_eq!(
        l.photos[0].caption.text(text),
        "Rubble fills a street in Kest on Tuesday, a day after the quake."
    );
    assert_eq!(l.photos[0].credit.unwrap().text(text), "Varn Press");
}
