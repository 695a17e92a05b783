//! Agencies credited for photos or in the dateline are organizations too
//! (the guidelines count "the credited agency"), and photographers named in
//! credits and the authors a byline names are people of the article. The
//! layout stage finds them outside the text the recognizer reads; here they
//! join an entity of the same name or become one.

use crate::names::is_all_caps;
use crate::{number_ids, push_unique};
use newsparse_core::{ByteSpan, EntityKind, FoundEntity};
use newsparse_lang::case::title_case;

/// "REUTERS" reads as "Reuters"; short capitals ("AFP", "PA") stay acronyms.
fn display_name(form: &str) -> String {
    let letters = form.chars().filter(|c| c.is_alphabetic()).count();
    if is_all_caps(form) && letters > 4 {
        title_case(form)
    } else {
        form.to_string()
    }
}

/// The initials of a name's capitalized words ("Associated Press" → "AP").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// Add the people credited at `spans` (photographers, byline authors; byte
/// spans of `text`) to `entities`: as a mention of the person already known
/// by that name or alias, or as a new person. Call it before anything refers
/// to the entities' ids: they are given again, in order of first mention.
pub fn add_credited_people(text: &str, spans: &[ByteSpan], entities: &mut Vec<FoundEntity>) {
    for &span in spans {
        let form = span.text(text).trim();
        if form.is_empty() || form.len() != span.len() || form.contains('\n') {
            continue;
        }
        let key = form.to_lowercase();
        let known = entities.iter().position(|e| {
            e.kind == EntityKind::Person
                && (e.name.to_lowercase() == key
                    || e.aliases.iter().any(|a| a.to_lowercase() == key))
        });
        let at = known.unwrap_or_else(|| {
            let name = if is_all_caps(form) {
                title_case(form)
            } else {
                form.to_string()
            };
            entities.push(new_entity(EntityKind::Person, name));
            entities.len() - 1
        });
        let e = &mut entities[at];
        if form != e.name {
            push_unique(&mut e.aliases, form.to_string());
        }
        add_mention(e, span);
    }
    renumber(entities);
}

/// An entity of `kind` named `name`, with no id, forms or mentions yet.
pub(crate) fn new_entity(kind: EntityKind, name: String) -> FoundEntity {
    FoundEntity {
        id: String::new(),
        kind,
        name,
        aliases: Vec::new(),
        titles: Vec::new(),
        roles: Vec::new(),
        acronym: None,
        attributes: Vec::new(),
        mentions: Vec::new(),
    }
}

fn add_mention(e: &mut FoundEntity, span: ByteSpan) {
    if !e.mentions.contains(&span) {
        e.mentions.push(span);
        e.mentions.sort_by_key(|m| (m.start, m.end));
    }
}

/// Add the agencies at `spans` (byte spans of `text`) to `entities`: as a
/// mention of the organization already known by that name, alias or
/// acronym, or as a new organization. Call it before anything refers to the
/// entities' ids: they are given again, in order of first mention.
pub fn add_agencies(text: &str, spans: &[ByteSpan], entities: &mut Vec<FoundEntity>) {
    for &span in spans {
        let form = span.text(text).trim();
        if form.is_empty() || form.len() != span.len() {
            continue;
        }
        let key = form.to_lowercase();
        let known = entities.iter().position(|e| {
            e.kind == EntityKind::Organization
                && (e.name.to_lowercase() == key
                    || e.aliases.iter().any(|a| a.to_lowercase() == key)
                    || e.acronym.as_ref().is_some_and(|a| a.to_lowercase() == key)
                    || form.len() >= 2 && initials(&e.name) == form)
        });
        let at = known.unwrap_or_else(|| {
            entities.push(new_entity(EntityKind::Organization, display_name(form)));
            entities.len() - 1
        });
        let e = &mut entities[at];
        if e.acronym.is_none() && form.len() >= 2 && initials(&e.name) == form {
            e.acronym = Some(form.to_string());
        }
        if form != e.name {
            push_unique(&mut e.aliases, form.to_string());
        }
        add_mention(e, span);
    }
    renumber(entities);
}

fn renumber(entities: &mut [FoundEntity]) {
    // Ids in order of first mention within each kind, as `resolve` gives
    // them (nothing refers to them yet).
    entities.sort_by_key(|e| (e.kind, e.mentions.first().map(|m| (m.start, m.end))));
    number_ids(entities);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credited_people_join_a_known_person_or_become_one() {
        let text = "Pia Lund said so. Photo: PIA LUND/Varn Press. By Omar Vey";
        let mut entities = vec![FoundEntity {
            id: "p1".into(),
            kind: EntityKind::Person,
            name: "Pia Lund".into(),
            aliases: vec![],
            titles: vec![],
            roles: vec![],
            acronym: None,
            attributes: vec![],
            mentions: vec![ByteSpan::new(0, 8)],
        }];
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            ByteSpan::new(i, i + w.len())
        };
        let spans = [at("PIA LUND"), at("Omar Vey")];
        add_credited_people(text, &spans, &mut entities);
        assert_eq!(entities.len(), 2);
        assert_eq!(entities[0].mentions.len(), 2, "PIA LUND is Pia Lund");
        assert_eq!(entities[0].aliases, ["PIA LUND"]);
        assert_eq!(
            (entities[1].id.as_str(), entities[1].name.as_str()),
            ("p2", "Omar Vey")
        );
    }

    fn org(id: &str, name: &str, at: usize) -> FoundEntity {
        FoundEntity {
            id: id.into(),
            kind: EntityKind::Organization,
            name: name.into(),
            aliases: vec![],
            titles: vec![],
            roles: vec![],
            acronym: None,
            attributes: vec![],
            mentions: vec![ByteSpan::new(at, at + name.len())],
        }
    }

    #[test]
    fn agencies_join_known_organizations_or_become_new_ones() {
        let text = "Zorvex said so, Quell Wire Service too. (photo credit: ZORVEX) \
                    Jane/AFP/PLIMWIRE/QWS";
        let mut entities = vec![org("o1", "Zorvex", 0), org("o2", "Quell Wire Service", 16)];
        let at = |s: &str| {
            let i = text.rfind(s).unwrap();
            ByteSpan::new(i, i + s.len())
        };
        let spans = [
            at("ZORVEX"),
            at("AFP"),
            at("PLIMWIRE"),
            at("PLIMWIRE"),
            at("QWS"),
        ];
        add_agencies(text, &spans, &mut entities);
        let names: Vec<(&str, &str)> = entities
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("o1", "Zorvex"),
                ("o2", "Quell Wire Service"),
                ("o3", "AFP"),
                ("o4", "Plimwire")
            ]
        );
        assert_eq!(entities[0].aliases, ["ZORVEX"]);
        assert_eq!(entities[0].mentions.len(), 2);
        assert_eq!(entities[1].acronym.as_deref(), Some("QWS"), "initials join");
        assert_eq!(entities[3].aliases, ["PLIMWIRE"]);
        let mut early = vec![org("o1", "Zorvex", 20)];
        add_agencies(
            "PLIMWIRE/Jo Quell . Zorvex",
            &[ByteSpan::new(0, 8)],
            &mut early,
        );
        let ids: Vec<(&str, &str)> = early
            .iter()
            .map(|e| (e.id.as_str(), e.name.as_str()))
            .collect();
        assert_eq!(
            ids,
            [("o1", "Plimwire"), ("o2", "Zorvex")],
            "ids follow first mentions"
        );
        assert_eq!(
            entities[3].mentions,
            [at("PLIMWIRE")],
            "one mention per span"
        );
    }
}
