//! End-to-end behaviour of `resolve` on invented sentences.
//!
//! Fixtures are written with inline mention markup: `[P Jane Doe]` is a
//! person mention, `O` an organization, `L` a place, `M` misc. Paragraphs are
//! separated by blank lines; the first is the title.

use newsparse_core::{Block, BlockKind, ByteSpan, EntityKind, EntityMention, FoundEntity};

struct Fixture {
    text: String,
    mentions: Vec<EntityMention>,
}

fn fixture(marked: &str) -> Fixture {
    let mut text = String::new();
    let mut mentions = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = open + rest[open..].find(']').expect("unclosed mention");
        let inner = &rest[open + 1..close];
        let (tag, name) = inner.split_once(' ').expect("mention needs a tag");
        let kind = match tag {
            "P" => EntityKind::Person,
            "O" => EntityKind::Organization,
            "L" => EntityKind::Place,
            "M" => EntityKind::Misc,
            _ => panic!("unknown tag {tag}"),
        };
        let start = text.len();
        text.push_str(name);
        mentions.push(EntityMention {
            kind,
            span: ByteSpan::new(start, text.len()),
        });
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    Fixture { text, mentions }
}

fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut at = 0;
    for part in text.split("\n\n") {
        let kind = if out.is_empty() {
            BlockKind::Title
        } else {
            BlockKind::Body
        };
        out.push(Block {
            kind,
            span: ByteSpan::new(at, at + part.len()),
        });
        at += part.len() + 2;
    }
    out
}

fn run(marked: &str) -> (String, Vec<FoundEntity>) {
    let f = fixture(marked);
    let doc = newsparse_text::segment(&f.text, &blocks(&f.text));
    let found = newsparse_entities::resolve(&doc, &f.mentions);
    (f.text.clone(), found)
}

fn find<'a>(found: &'a [FoundEntity], name: &str) -> &'a FoundEntity {
    found
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity named {name:?} in {found:#?}"))
}

fn texts(text: &str, e: &FoundEntity) -> Vec<String> {
    e.mentions
        .iter()
        .map(|m| m.text(text).to_string())
        .collect()
}

#[test]
fn short_forms_join_the_full_name() {
    let (text, found) = run(
        "[P Marwick] ends talks\n\n[P Hilda Marwick] met [P Tomas Ekdahl] in [L Peru]. \
         [P Marwick] said the talks went well, and Mr [P Ekdahl] agreed.",
    );
    let people: Vec<_> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert_eq!(people.len(), 2, "{found:#?}");
    let hilda = find(&found, "Hilda Marwick");
    assert_eq!(hilda.id, "p1");
    assert_eq!(hilda.aliases, vec!["Marwick"]);
    assert_eq!(
        texts(&text, hilda),
        vec!["Marwick", "Hilda Marwick", "Marwick"]
    );
    let tomas = find(&found, "Tomas Ekdahl");
    assert_eq!(tomas.id, "p2");
    assert_eq!(tomas.titles, vec!["Mr"]);
    assert!(
        tomas.aliases.contains(&"Mr Ekdahl".to_string()),
        "{tomas:?}"
    );
    assert_eq!(find(&found, "Peru").id, "l1");
}

#[test]
fn titles_roles_and_nationality_come_from_premodifiers() {
    let (_, found) = run(
        "Visit\n\nMaltese Foreign Minister [P Orlo Brandt] arrived on Monday. \
         [O Ravenbrook Rovers] manager [P Odo Tolley] was not there.",
    );
    let orlo = find(&found, "Orlo Brandt");
    assert_eq!(orlo.titles, vec!["Foreign Minister"]);
    assert_eq!(orlo.roles, vec!["Maltese Foreign Minister"]);
    assert_eq!(orlo.attributes, vec!["Maltese"]);
    assert!(orlo
        .aliases
        .contains(&"Foreign Minister Orlo Brandt".to_string()));
    let odo = find(&found, "Odo Tolley");
    assert_eq!(odo.roles, vec!["Ravenbrook Rovers manager"]);
    assert!(odo.titles.is_empty());
}

#[test]
fn a_possessive_place_gives_a_nationality() {
    let (text, found) = run(
        "Vote\n\n[L Malta]’s Supreme Leader Ayatollah [P Karim Dastani] spoke. \
         [P Dastani]’s office was closed.",
    );
    let k = find(&found, "Karim Dastani");
    assert_eq!(k.titles, vec!["Supreme Leader", "Ayatollah"]);
    assert_eq!(k.roles, vec!["Malta’s Supreme Leader"]);
    assert_eq!(k.attributes, vec!["Maltese"]);
    for alias in [
        "Supreme Leader Ayatollah Karim Dastani",
        "Ayatollah Karim Dastani",
        "Dastani",
    ] {
        assert!(k.aliases.contains(&alias.to_string()), "{alias}: {k:?}");
    }
    assert_eq!(texts(&text, k), vec!["Karim Dastani", "Dastani"]);
}

#[test]
fn appositives_give_roles() {
    let (_, found) = run(
        "Water\n\n[P Dara Quill], head of the [O Northfield Water Board], said prices would rise. \
         [P Piet Maas], who lives nearby, disagreed. \
         [P Nell Ostrow], [O Grainhall]'s deputy leader, left.",
    );
    assert_eq!(
        find(&found, "Dara Quill").roles,
        vec!["head of the Northfield Water Board"]
    );
    assert!(find(&found, "Piet Maas").roles.is_empty());
    assert_eq!(
        find(&found, "Nell Ostrow").roles,
        vec!["Grainhall's deputy leader"]
    );
}

#[test]
fn particles_caps_and_possessives_are_one_person() {
    let (text, found) = run(
        "Meeting\n\n[P Samir al-Haddadi] arrived. [P Haddadi] spoke first, then \
         [P al-Haddadi’s] aides.\n\n[P HADDADI] ALSO met officials. Haddadi left on Friday.",
    );
    let people: Vec<_> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    assert_eq!(people.len(), 1, "{found:#?}");
    let s = people[0];
    assert_eq!(s.name, "Samir al-Haddadi");
    assert_eq!(
        texts(&text, s),
        vec![
            "Samir al-Haddadi",
            "Haddadi",
            "al-Haddadi",
            "HADDADI",
            "Haddadi"
        ]
    );
    assert_eq!(s.aliases, vec!["Haddadi", "al-Haddadi", "HADDADI"]);
}

#[test]
fn acronyms_join_their_expansions() {
    let (text, found) = run(
        "Farm\n\nThe [O National Growers Guild] (NGG) met the [O Coastal Defence League]. \
         The [O NGG] said the [O CDL] was wrong, and NGG members agreed.",
    );
    let orgs: Vec<_> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .collect();
    assert_eq!(orgs.len(), 2, "{found:#?}");
    let ngg = find(&found, "National Growers Guild");
    assert_eq!(ngg.acronym.as_deref(), Some("NGG"));
    assert_eq!(
        texts(&text, ngg),
        vec!["National Growers Guild", "NGG", "NGG", "NGG"]
    );
    let cdl = find(&found, "Coastal Defence League");
    assert_eq!(cdl.acronym.as_deref(), Some("CDL"));
    assert_eq!(cdl.id, "o2");
}

#[test]
fn organization_names_take_a_following_suffix_and_short_forms() {
    let (_, found) = run(
        "Strike\n\nJets struck the [O Harwick Workers] Party near [L Ostrand]. \
         [O Tarnside Wanderers] beat [O Ostrand City]. Fans said [O Wanderers] deserved it.",
    );
    let party = find(&found, "Harwick Workers Party");
    assert_eq!(party.kind, EntityKind::Organization);
    let w = find(&found, "Tarnside Wanderers");
    assert_eq!(w.aliases, vec!["Wanderers"]);
    assert_eq!(find(&found, "Ostrand").kind, EntityKind::Place);
    assert_eq!(find(&found, "Ostrand City").kind, EntityKind::Organization);
}

#[test]
fn kind_votes_fix_disagreeing_tags() {
    let (_, found) = run(
        "Race\n\n[P Quentaro Vasz] won. [P Vasz] led from the start while [L Vasz] fans cheered. \
         Later Mr [L Brill] spoke; [P Ula Brill] is his sister.",
    );
    let v = find(&found, "Quentaro Vasz");
    assert_eq!(v.mentions.len(), 3, "{found:#?}");
    assert!(
        found.iter().all(|e| e.kind != EntityKind::Place),
        "{found:#?}"
    );
}

#[test]
fn untagged_surnames_get_mentions() {
    let (text, found) = run(
        "Court\n\n[P Lena Varga] appeared in court. Varga denied the charge. \
         The judge told Varga to sit. Varga Holdings was not named.",
    );
    let v = find(&found, "Lena Varga");
    assert_eq!(texts(&text, v), vec!["Lena Varga", "Varga", "Varga"]);
}

#[test]
fn an_ambiguous_surname_goes_to_the_nearest_person() {
    let (text, found) = run(
        "Family\n\n[P Anna Kell] lives here. [P Bertil Kell] visited. [P Kell] said it went well.",
    );
    let boris = find(&found, "Bertil Kell");
    assert_eq!(texts(&text, boris), vec!["Bertil Kell", "Kell"]);
    assert_eq!(find(&found, "Anna Kell").mentions.len(), 1);
}

#[test]
fn misc_is_dropped_and_ids_follow_first_mention() {
    let (_, found) = run(
        "Fair\n\n[M Maltese] traders from [O Brightwell Foods] met [P Ada Rusk] in [L Ostrand]. \
         [O Corlan Bank] and [L Peru] followed.",
    );
    let ids: Vec<(&str, &str)> = found
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    assert_eq!(
        ids,
        vec![
            ("p1", "Ada Rusk"),
            ("o1", "Brightwell Foods"),
            ("o2", "Corlan Bank"),
            ("l1", "Ostrand"),
            ("l2", "Peru"),
        ]
    );
}

#[test]
fn postnominals_and_generational_suffixes() {
    let (_, found) = run(
        "Vote\n\n[P Fennick Ibbot] MP voted. [P Lorcan Quince] Jr played. Fans cheered [P Lorcan Quince]. \
         [P Quince] left.",
    );
    let f = find(&found, "Fennick Ibbot");
    assert_eq!(f.titles, vec!["MP"]);
    assert!(f.aliases.contains(&"Fennick Ibbot MP".to_string()));
    let l = find(&found, "Lorcan Quince Jr");
    assert!(l.aliases.contains(&"Lorcan Quince".to_string()));
    assert!(l.aliases.contains(&"Quince".to_string()));
}

#[test]
fn titles_inside_a_person_mention_are_not_the_name() {
    let (text, found) = run(
        "Speech\n\n[P President Mara Loth] spoke to [P Dr Wim Sarto] and ex-President [P Ode Brin], \
         as chancellor [P Ugo Lamm] watched.",
    );
    let ode = find(&found, "Ode Brin");
    assert_eq!(ode.titles, vec!["ex-President"]);
    assert_eq!(ode.aliases, vec!["ex-President Ode Brin"]);
    let ugo = find(&found, "Ugo Lamm");
    assert_eq!(ugo.titles, vec!["chancellor"]);
    assert!(ugo.aliases.is_empty());
    let m = find(&found, "Mara Loth");
    assert_eq!(m.titles, vec!["President"]);
    assert_eq!(texts(&text, m), vec!["Mara Loth"]);
    assert_eq!(find(&found, "Wim Sarto").titles, vec!["Dr"]);
}

fn kind_of(found: &[FoundEntity], name: &str) -> EntityKind {
    find(found, name).kind
}

#[test]
fn organization_cues_override_the_tagger() {
    let (_, found) = run(
        "Phones\n\nTechnology firm [P Zentrix] has grown. [P Zentrix] said sales rose, \
         according to [P Quorvia] analyst [P Hana Ruel]. [P Quorvia] agreed, said \
         [P Olaf Penn], spokesman for [P Delmont]. [P Ivor Dane], MP for [P Eastwick], \
         objected, as did members of [L Brask Unity].",
    );
    assert_eq!(kind_of(&found, "Zentrix"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Quorvia"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Delmont"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Eastwick"), EntityKind::Place);
    assert_eq!(kind_of(&found, "Brask Unity"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Hana Ruel"), EntityKind::Person);
}

#[test]
fn untagged_organizations_are_found_from_cues() {
    let (_, found) = run(
        "Bid\n\nThey invest through investment vehicle Brack Lorimer, and rock band the Fennels played \
         for protest group Say No. \
         Verdant shadow health secretary [P Hal Venn] spoke. Glimmer star [P Odile Fane] sang. \
         A spokesman told the ZBQ. They watched it on the TV. [L QZ] voters and the QZ team won.",
    );
    assert!(found
        .iter()
        .all(|e| e.kind != EntityKind::Organization || e.name != "QZ"));
    assert_eq!(kind_of(&found, "ZBQ"), EntityKind::Organization);
    assert!(found.iter().all(|e| e.name != "TV"), "{found:#?}");
    assert_eq!(kind_of(&found, "Brack Lorimer"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Fennels"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Say No"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Verdant"), EntityKind::Organization);
    assert!(found.iter().all(|e| e.name != "Glimmer"), "{found:#?}");
}

#[test]
fn lists_after_a_kind_of_organization_are_organizations() {
    let (_, found) = run(
        "Militias\n\nThese groups \u{2013} like [P Asim Tal], [L Noor Bashan] and [O Zel] \u{2013} \
         act alone.",
    );
    for name in ["Asim Tal", "Noor Bashan", "Zel"] {
        assert_eq!(kind_of(&found, name), EntityKind::Organization, "{name}");
    }
}

#[test]
fn channel_numbers_and_abbreviations() {
    let (_, found) = run(
        "Sport\n\nHe told [O Kestrel Radio] 7 that [O Northam United] would win. \
         [O Nth Utd] lost 2 - 1.",
    );
    let radio = find(&found, "Kestrel Radio 7");
    assert_eq!(radio.kind, EntityKind::Organization);
    let club = find(&found, "Northam United");
    assert_eq!(club.aliases, vec!["Nth Utd"]);
}

#[test]
fn a_place_standing_for_its_government_stays_a_place() {
    let (_, found) = run(
        "Talks\n\n[O Capitalia] said it would talk. Troops in [L Capitalia] waited while \
         [O Capitalia] officials met [L Capitalia] elders.",
    );
    assert_eq!(kind_of(&found, "Capitalia"), EntityKind::Place);
    assert_eq!(find(&found, "Capitalia").mentions.len(), 4);
}

#[test]
fn an_untagged_employer_before_a_possessive_is_an_organization() {
    let (_, found) = run(
        "Awards\n\nThe show is long. But Glossary Weekly's [P Tam Orrin] liked it, and the \
         Sunday [O Clarion] agreed. Progressive policy co-ordinator [P Lio Marrow] did not.",
    );
    assert_eq!(kind_of(&found, "Glossary Weekly"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Sunday Clarion"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Progressive"), EntityKind::Organization);
    assert_eq!(
        find(&found, "Lio Marrow").roles,
        vec!["Progressive policy co-ordinator"]
    );
}

#[test]
fn mrs_and_mr_with_one_surname_are_two_people() {
    let (text, found) = run(
        "Campaign\n\n[P Hector Vallance] spoke. Mr [P Vallance] said his wife would help. \
         Mrs [P Vallance] agreed, and Mr [P Vallance] smiled.",
    );
    let hector = find(&found, "Hector Vallance");
    assert_eq!(
        texts(&text, hector),
        vec!["Hector Vallance", "Vallance", "Vallance"]
    );
    let wife = find(&found, "Vallance");
    assert_eq!(wife.aliases, vec!["Mrs Vallance"]);
    assert_eq!(wife.titles, vec!["Mrs"]);
}

#[test]
fn titles_of_works_are_not_entities() {
    let (_, found) = run(
        "Awards\n\nThey sang songs including [P Paper Moonlight], [O Slow Ferry] and [P Dune Harbour]. \
         The film [P Amberlee] won, beating films such as [O Grey Orchard]. \
         Next is a play entitled The [O Copper Gate].",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn laws_and_treaties_are_not_organizations() {
    let (_, found) = run(
        "Talks\n\nThe [O Quelmar Treaty] and the [O Vastrian Constitution] were signed \
         under the [O Plimton Act] by the [O Quelmar Council].",
    );
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, vec!["Quelmar Council"], "{found:#?}");
}

#[test]
fn an_acronym_follows_its_expansion_out_of_organizations() {
    let (_, found) = run(
        "Networks\n\nPhones use the [O Quelmar Protocol] ([O QMP]) now. \
         Carriers sell [O QMP] plans, said [O Vastel Group].",
    );
    let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, vec!["Vastel Group"], "{found:#?}");
}

#[test]
fn a_name_before_a_kind_of_land_is_a_place() {
    let (_, found) = run(
        "Raids\n\nFighters crossed the [O Al-Zorvan] border area and [O Quelmar] province, \
         said the [O Quelmar Council].",
    );
    assert_eq!(find(&found, "Al-Zorvan").kind, EntityKind::Place);
    assert_eq!(find(&found, "Quelmar").kind, EntityKind::Place);
    assert_eq!(
        find(&found, "Quelmar Council").kind,
        EntityKind::Organization
    );
}

#[test]
fn a_stated_kind_outweighs_repeated_tags() {
    let (_, found) = run("Awards

Critics liked films such as [O Grey Orchard] and [O Tin Lantern]. \
         [O Grey Orchard] may beat [O Tin Lantern], though [O Grey Orchard] is long \
         and [O Tin Lantern] is slow.");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn arbitrary_mention_spans_never_break_the_output() {
    let text =
        "Brisk winds\n\nThe [firm] Quillon & Sons (QS) told Mr. Arno Vey\u{2019}s aides \u{2014} \
                and KELD ALSO \u{201c}met\u{201d} \u{00a0}Dr Ina Solt, head of QS, on 3 May.\n\n\
                Vey said: \"No.\" Solt, Vey and QS 2 left.";
    let doc = newsparse_text::segment(text, &blocks(text));
    let kinds = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Misc,
    ];
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    for _ in 0..300 {
        let mut mentions = Vec::new();
        for _ in 0..next(12) {
            let a = boundaries[next(boundaries.len())];
            let b = boundaries[next(boundaries.len())];
            mentions.push(EntityMention {
                kind: kinds[next(4)],
                span: ByteSpan::new(a.min(b), a.max(b)),
            });
        }
        mentions.sort_by_key(|m| m.span.start);
        let found = newsparse_entities::resolve(&doc, &mentions);
        let mut ids = std::collections::HashSet::new();
        for e in &found {
            assert!(ids.insert(e.id.clone()), "duplicate id {}", e.id);
            assert!(!e.mentions.is_empty() && !e.name.is_empty());
            assert_ne!(e.kind, EntityKind::Misc);
            for m in &e.mentions {
                assert!(m.start < m.end && m.end <= text.len());
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                assert!(!m.text(text).ends_with("\u{2019}s"), "{:?}", m.text(text));
            }
        }
    }
}

#[test]
fn boundary_repairs_around_organization_names() {
    let (_, found) = run(
        "Vote\n\nLiberal [M Unionist] leader [P Ada Crane] spoke. The book by Sunday [P Clarion] \
         journalist [P Rob Pettit] says so. [O Eastham MP] [P Jo Dunmore] agreed with the \
         [M Ostrian] Parliament. The mill, [P Brakstal], closed. [P Al Brand], the [O Westby MP], left.",
    );
    assert_eq!(
        kind_of(&found, "Liberal Unionist"),
        EntityKind::Organization
    );
    assert_eq!(kind_of(&found, "Sunday Clarion"), EntityKind::Organization);
    assert_eq!(kind_of(&found, "Eastham"), EntityKind::Organization);
    assert_eq!(find(&found, "Jo Dunmore").roles, vec!["Eastham MP"]);
    assert_eq!(
        kind_of(&found, "Ostrian Parliament"),
        EntityKind::Organization
    );
    assert_eq!(kind_of(&found, "Brakstal"), EntityKind::Organization);
    assert_eq!(find(&found, "Westby").mentions.len(), 1);
}

#[test]
fn one_form_gets_one_kind_and_abbreviations_follow_the_organization() {
    let (_, found) = run(
        "Derby\n\n[P Rudy Marne] and [O Rudy Marne] played. [O Northam United] won; \
         [P Nth Utd] fans cheered.",
    );
    let rudy: Vec<_> = found.iter().filter(|e| e.name == "Rudy Marne").collect();
    assert_eq!(rudy.len(), 1, "{found:#?}");
    assert_eq!(rudy[0].kind, EntityKind::Person);
    assert_eq!(find(&found, "Northam United").aliases, vec!["Nth Utd"]);
}

#[test]
fn a_title_alone_is_not_a_person() {
    let (_, found) =
        run("Talks\n\n[P Senator Orla Vantree] met voters. Later the [P Senator] spoke.");
    assert!(found.iter().all(|e| e.name != "Senator"), "{found:#?}");
    assert_eq!(find(&found, "Orla Vantree").kind, EntityKind::Person);
}

#[test]
fn a_title_case_clause_is_a_work_not_an_organization() {
    let (_, found) = run(
        "Tour\n\nThe band closed with [O Our Harbour Was Burning] and [P Wenna Tolliver] sang. \
         [O Brasklin Records] released it.",
    );
    assert!(
        found.iter().all(|e| !e.name.contains("Harbour")),
        "{found:#?}"
    );
    assert_eq!(
        find(&found, "Brasklin Records").kind,
        EntityKind::Organization
    );
    assert_eq!(find(&found, "Wenna Tolliver").kind, EntityKind::Person);
}

#[test]
fn ordinary_noun_acronyms_are_not_names() {
    let (_, found) =
        run("Sales\n\n[O PC] sales rose, [O Kelvar Systems] said. Its [O DVD] players sold out.");
    assert!(
        found.iter().all(|e| e.name != "PC" && e.name != "DVD"),
        "{found:#?}"
    );
    assert_eq!(
        find(&found, "Kelvar Systems").kind,
        EntityKind::Organization
    );
}

#[test]
fn initial_and_surname_lists_are_people() {
    let (_, found) = run(
        "Team\n\nBrask: [O T Velloni], [O R Quastel], [P D Marrowby], [O K Ostrand]. \
         [O Harwick Rovers] play on Sunday.",
    );
    for name in ["T Velloni", "R Quastel", "K Ostrand"] {
        assert_eq!(find(&found, name).kind, EntityKind::Person, "{name}");
    }
    assert_eq!(
        find(&found, "Harwick Rovers").kind,
        EntityKind::Organization
    );
}

#[test]
fn a_company_modifier_marks_an_organization_and_is_not_its_name() {
    let (text, found) = run(
        "Bid\n\n[P Lisbon-based Varnok] raised its offer. State-owned [P Trelmar] \
         declined, and [P Varnok] said it would wait.",
    );
    let varnok = find(&found, "Varnok");
    assert_eq!(varnok.kind, EntityKind::Organization);
    assert_eq!(texts(&text, varnok), ["Varnok", "Varnok"]);
    assert_eq!(kind_of(&found, "Trelmar"), EntityKind::Organization);
    assert!(found.iter().all(|e| !e.name.contains("based")));
}

#[test]
fn us_congressional_offices_and_party_labels() {
    let (_, found) = run(
        "Deal\n\n[O Senate] Majority Leader [P Tomas Ardwin], [L R-Ky.], backed it. \
         Rep. [P Jana Tell], [L D-Calif.], did not.",
    );
    let ardwin = find(&found, "Tomas Ardwin");
    assert_eq!(ardwin.titles, ["Majority Leader"]);
    assert_eq!(ardwin.roles, ["Senate Majority Leader"]);
    assert!(
        found.iter().all(|e| !e.name.contains('-')),
        "party labels are not entities: {found:#?}"
    );
    assert_eq!(find(&found, "Jana Tell").kind, EntityKind::Person);
}

#[test]
fn names_run_together_with_and_are_split_when_the_parts_stand_alone() {
    let (_, found) = run(
        "Deal\n\nShares in [O Kestrel Bank and Varnok] rose. [O Greens and Reds] agreed; \
         the [O Reds] said so. [O Quill and Hart] sells pens. [O Plover Bank and Trust] and \
         the [O Bonds and Exchange Commission] agreed. The [O Office for Roads and Rails] \
         objected; [O Rails] staff too.",
    );
    for name in [
        "Kestrel Bank",
        "Varnok",
        "Greens",
        "Reds",
        "Quill and Hart",
        "Plover Bank and Trust",
        "Bonds and Exchange Commission",
        "Office for Roads and Rails",
    ] {
        assert_eq!(kind_of(&found, name), EntityKind::Organization, "{name}");
    }
}

#[test]
fn roads_products_amounts_and_adjectives_are_not_organizations() {
    let (_, found) = run(
        "Plans\n\n[O Brant Homes] will build at 51 [O Ostel Church Road] near the [O Varn Tower]. \
         Its [O Zorvel] smartphone costs [O Rs 3],000. An [O American] firm may buy it, \
         said [O Kest Holdings].",
    );
    assert_eq!(find(&found, "Ostel Church Road").kind, EntityKind::Place);
    assert_eq!(find(&found, "Varn Tower").kind, EntityKind::Place);
    let orgs: Vec<&str> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(orgs, ["Brant Homes", "Kest Holdings"]);
}

#[test]
fn former_is_not_part_of_an_organization() {
    let (_, found) =
        run("Fraud\n\n[O Former Brant Communications Inc.] chief Ivo Marsh was jailed.");
    assert_eq!(
        find(&found, "Brant Communications Inc.").kind,
        EntityKind::Organization
    );
}

#[test]
fn a_ticker_after_a_possessive_is_not_an_organization() {
    let (_, found) =
        run("Shares\n\nThe price of [O Brant]'s ([O BRNT]) shares fell, [O Varn] said.");
    assert!(found.iter().all(|e| e.name != "BRNT"), "{found:#?}");
    assert_eq!(find(&found, "Brant").kind, EntityKind::Organization);
}

#[test]
fn an_acronym_after_a_possessive_is_not_a_ticker() {
    let (_, found) = run("Deal\n\nThe [O Kest Stock Exchange]'s ([O KSE]) chief said so.");
    assert!(
        found.iter().any(|e| e.name == "Kest Stock Exchange"
            && e.acronym.as_deref() == Some("KSE")
            || e.name == "KSE"),
        "{found:#?}"
    );
}

#[test]
fn birthplaces_demonym_compounds_and_like_do_not_employ_people() {
    let (_, found) = run(
        "Profiles\n\nThe Irish-American politician [P Ida Kern] spoke. The Kest-born comedian [P Omar Vey] laughed. \
         Like skipper [P Tom Bell], he was tired.",
    );
    assert!(
        found.iter().all(|e| e.kind != EntityKind::Organization),
        "{found:#?}"
    );
}

#[test]
fn names_of_god_are_not_people() {
    let (_, found) =
        run("Prayers\n\n[P Ivo Marsh] said: \"Thank [P God].\" They shouted \"[P Allahu] akbar\".");
    let people: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(people, ["Ivo Marsh"]);
}

#[test]
fn the_name_after_a_role_of_an_organization_is_its_holder() {
    let (_, found) = run(
        "Rally\n\n\"This is a great day,\" the deputy secretary-general of the Kest party, [P Ola Brandt], said. \
         The party, [P Varn Union], met later.",
    );
    assert_eq!(find(&found, "Ola Brandt").kind, EntityKind::Person);
    assert_eq!(find(&found, "Varn Union").kind, EntityKind::Organization);
}

#[test]
fn a_name_after_a_compass_word_is_a_place() {
    let (_, found) = run("Attack\n\nGunmen raided a village in northern [P Varnia] on Monday. [P Varnia]'s army said so.");
    assert_eq!(find(&found, "Varnia").kind, EntityKind::Place);
}

#[test]
fn a_lone_organization_word_names_the_longer_name_it_opens() {
    let (_, found) = run(
        "Widget deal\n\n[O Kestrel Widgets International Inc.] agreed to buy [O Orrin Tools]. \
         [O Kestrel] said the deal would close in May.",
    );
    let kestrel = find(&found, "Kestrel Widgets International Inc.");
    assert_eq!(kestrel.mentions.len(), 2, "{found:#?}");
    assert!(!found.iter().any(|e| e.name == "Kestrel"), "{found:#?}");
    // Without a legal form, a lone organization word opening one longer
    // name is that name too; with two such names, the nearest before it.
    let (_, found) = run("Match report\n\n[O Kestford Rovers Youth] beat [O Orrin]. \
         [O Kestford] fans cheered.");
    assert!(!found.iter().any(|e| e.name == "Kestford"), "{found:#?}");
    let (text, found) = run(
        "Markets\n\n[O Kest Bank] lent to [O Kest Motors]. [O Kest] \
         cars sold well.",
    );
    assert_eq!(
        texts(&text, find(&found, "Kest Motors")),
        ["Kest Motors", "Kest"]
    );
    assert_eq!(texts(&text, find(&found, "Kest Bank")), ["Kest Bank"]);
}

#[test]
fn a_diminutive_given_name_with_the_same_surname_is_the_same_person() {
    let (_, found) = run(
        "Council vote\n\n[P Gabrielle Okafor] won the seat. Friends call her [P Gabby Okafor]. \
         [P Okafor] thanked voters, and [P Gabriel Okafor], her cousin, cheered.",
    );
    let people: Vec<_> = found
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    let gabrielle = find(&found, "Gabrielle Okafor");
    assert!(gabrielle.mentions.len() >= 2, "{found:#?}");
    assert!(
        !people.iter().any(|e| e.name == "Gabby Okafor"),
        "{found:#?}"
    );
    // A different given name stays a different person.
    assert!(
        people.iter().any(|e| e.name == "Gabriel Okafor"),
        "{found:#?}"
    );
}

#[test]
fn a_one_word_name_whose_demonym_the_article_uses_is_a_place() {
    let (_, found) = run(
        "Army post attacked\n\nGunmen attacked a post in [P Albania] on Monday. \
         Two Albanian soldiers died, and [P Albania]'s army sent help. \
         [P Prince Albania] is unrelated.",
    );
    assert_eq!(
        find(&found, "Albania").kind,
        EntityKind::Place,
        "{found:#?}"
    );
    // Without the demonym in the text the tagger's reading stands.
    let (_, found) = run("Visit\n\n[P Albania] arrived on Monday. [P Albania] smiled.");
    assert_eq!(
        find(&found, "Albania").kind,
        EntityKind::Person,
        "{found:#?}"
    );
}

#[test]
fn a_name_with_shareholders_or_shares_is_a_company() {
    let (_, found) = run(
        "Deal agreed\n\n[P Orrinda] said talks went well, and [P Orrinda] shareholders will \
         vote in May.",
    );
    assert_eq!(
        find(&found, "Orrinda").kind,
        EntityKind::Organization,
        "{found:#?}"
    );
    // A market's shares are not a company: the place stays a place.
    let (_, found) = run("Markets\n\n[L Kestford] shares fell in [L Kestford] on Monday.");
    assert_eq!(
        find(&found, "Kestford").kind,
        EntityKind::Place,
        "{found:#?}"
    );
}

#[test]
fn a_founder_and_associates_are_one_firm() {
    // Tagged as a person and an organization, or the partners alone.
    for marked in [
        "Plans\n\n[P Tom Vesk] of [P Vesk] and [O Associates] spoke for the applicant.",
        "Plans\n\n[P Tom Vesk] of Vesk and [O Associates] spoke for the applicant.",
        "Plans\n\n[P Tom Vesk] of [L Vesk] & Sons spoke for the applicant.",
        // The founder's surname named alone elsewhere does not split it.
        "Plans\n\n[P Tom Vesk] of [P Vesk] and [O Associates] spoke. [P Vesk] left.",
    ] {
        let (text, found) = run(marked);
        let firm = found
            .iter()
            .find(|e| e.kind == EntityKind::Organization)
            .unwrap_or_else(|| panic!("no firm in {found:#?}"));
        assert!(
            texts(&text, firm) == ["Vesk and Associates"] || texts(&text, firm) == ["Vesk & Sons"],
            "{found:#?}"
        );
        assert_eq!(
            found
                .iter()
                .filter(|e| e.kind == EntityKind::Organization)
                .count(),
            1,
            "{found:#?}"
        );
        assert_eq!(texts(&text, find(&found, "Tom Vesk"))[0], "Tom Vesk");
    }
    // "and" between two names that are not a firm's partners splits nothing.
    let (_, found) = run("Talks\n\n[O Orrin Bank] and [O Kestwell] met on Monday.");
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn a_lone_word_opening_a_company_name_is_that_company() {
    let (text, found) = run(
        "Deal\n\n[O Vantoro Digital Holdings] bought a rival. \"[P Vantoro] is the biggest,\" \
         said [P Mira Tosk].",
    );
    let firm = find(&found, "Vantoro Digital Holdings");
    assert_eq!(
        texts(&text, firm),
        ["Vantoro Digital Holdings", "Vantoro"],
        "{found:#?}"
    );
    assert!(found.iter().all(|e| e.name != "Vantoro"), "{found:#?}");
    // A person whose longer name holds the word stays a person.
    let (_, found) =
        run("Deal\n\n[P Ann Vantoro] founded [O Vantoro Digital Holdings]. [P Vantoro] said so.");
    assert_eq!(find(&found, "Ann Vantoro").mentions.len(), 2, "{found:#?}");
    // A person's name mistagged as an organization claims no lone word.
    let (_, found) = run("Obituary

[O Ivo Marrek] has died. [P Marrek] was 91. [P Ivo] was loved.");
    assert_eq!(find(&found, "Ivo").kind, EntityKind::Person, "{found:#?}");
}

#[test]
fn a_bracketed_ticker_after_a_name_voted_a_company_is_its_alias() {
    let (text, found) = run(
        "Deal\n\nShares rose after it agreed to buy [P Kestrel Vanto] ([O KSTV]) for $2 billion. \
         [P Kestrel Vanto] shareholders will vote.",
    );
    let firm = find(&found, "Kestrel Vanto");
    assert_eq!(firm.kind, EntityKind::Organization, "{found:#?}");
    assert!(
        texts(&text, firm).contains(&"KSTV".to_string()),
        "{found:#?}"
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn an_acronym_the_article_defines_for_a_common_noun_is_no_name() {
    let (text, found) = run(
        "Plan\n\nThe firm makes smart heating panels (SHU) for homes. [O SHU] sales rose at \
         [O Kest Arena SHU] and [O Varn Motors].",
    );
    assert!(found.iter().all(|e| e.name != "SHU"), "{found:#?}");
    let arena = find(&found, "Kest Arena");
    assert_eq!(texts(&text, arena), ["Kest Arena"], "{found:#?}");
    // A kind of organization before the brackets keeps the acronym a name,
    // and so do capitals that name what follows them.
    let (_, found) = run(
        "Plan\n\nThe health ministry ([O KHM]) said so. [O KHM] agreed under the existing \
         ([O VN]) [O Security Board] rules.",
    );
    assert!(found.iter().any(|e| e.name == "KHM"), "{found:#?}");
    assert!(found.iter().any(|e| e.name == "VN"), "{found:#?}");
}

#[test]
fn a_miscellaneous_name_ending_in_an_organization_head_is_an_organization() {
    let (_, found) = run(
        "Football\n\nThe club stays in the [M Kestland Premier League] for now, and the \
         [M Varn Football Association] agreed.",
    );
    for name in ["Kestland Premier League", "Varn Football Association"] {
        assert_eq!(
            find(&found, name).kind,
            EntityKind::Organization,
            "{found:#?}"
        );
    }
    // Without such a head word the tagger's reading stands.
    let (_, found) = run("Football\n\nThe [M Kestland Cup] final is in May.");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_demonym_after_a_company_modifier_is_an_adjective() {
    let (_, found) = run(
        "Deal\n\nIt plans Kest-listed [M Danish] depositary receipts, and London-based \
         [M Orrinco] will run them.",
    );
    assert!(found.iter().all(|e| e.name != "Danish"), "{found:#?}");
    assert_eq!(
        find(&found, "Orrinco").kind,
        EntityKind::Organization,
        "{found:#?}"
    );
}

#[test]
fn an_acronym_spells_the_whole_name_the_recognizer_cut_short() {
    let (text, found) = run(
        "Raid\n\n[O Kel-Varo] in the [L Northern Reach] claimed the raid, KVNR said in a \
         statement. [O Kel-Varo] in [L Kestland] denied it.",
    );
    let group = find(&found, "Kel-Varo in the Northern Reach");
    assert!(
        texts(&text, group).contains(&"Kel-Varo in the Northern Reach".to_string()),
        "{found:#?}"
    );
    assert!(
        found.iter().all(|e| e.name != "Northern Reach"),
        "{found:#?}"
    );
    // Without an acronym spelling it, the name stops where it was tagged.
    assert_eq!(
        find(&found, "Kestland").kind,
        EntityKind::Place,
        "{found:#?}"
    );
}

#[test]
fn words_of_a_job_title_after_a_possessive_are_no_organization() {
    let (_, found) = run(
        "Club news\n\nHe will work under our [O Youth & Welfare] Director, [P Ana Brisk], \
         while [O Kest Rovers] Director [P Tom Vale] looks on.",
    );
    assert!(
        found.iter().all(|e| e.name != "Youth & Welfare"),
        "{found:#?}"
    );
    assert_eq!(
        find(&found, "Kest Rovers").kind,
        EntityKind::Organization,
        "{found:#?}"
    );
}
