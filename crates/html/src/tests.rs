//! Invented pages, one per rule: every name, site and sentence is made up.

use super::*;

/// A page around `head` (inside `<head>`) and `article` (the main column),
/// with a menu, a sidebar of related links, a comment and a footer.
fn page(head: &str, article: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>
<header class="site-header"><a class="logo" href="/">Kestford Courier</a>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="page"><main><article>{article}</article></main>
<aside class="sidebar"><h3>Related</h3><ul><li><a href="/a">Ferry fares rise again, says the harbour board chief</a></li></ul></aside>
<section class="comments"><p>Great article, thanks for writing about the ferry again, Marta!</p></section></div>
<footer><p>© 2024 Kestford Courier. All rights reserved.</p></footer></body></html>"#
    )
}

const PARAS: &str = "<p>The Velmora harbour council approved a new ferry route to Port Averin on Tuesday, ending two years of talks with the islands.</p>\
<p>Council leader Marta Keloway said the link would bring the islands back into the life of the coast, and that boats would sail from May.</p>\
<p>The Dunmore Ferry Company, which will run the route, said tickets would cost less than the bus fare to the city.</p>";

fn render_ok(html: &str) -> Page {
    render(html).expect("the page has an article")
}

#[test]
fn body_keeps_the_paragraphs_and_drops_furniture() {
    let p = render_ok(&page(
        "<title>Ferry link approved | Kestford Courier</title>",
        &format!("<h1>Ferry link approved</h1>{PARAS}"),
    ));
    assert_eq!(p.body.len(), 3, "{:?}", p.body);
    assert!(p.body[0].starts_with("The Velmora harbour council"));
    let all = p.body.join(" ");
    for furniture in [
        "Sport",
        "Ferry fares rise",
        "Great article",
        "All rights reserved",
    ] {
        assert!(!all.contains(furniture), "{furniture} in the body: {all}");
    }
}

#[test]
fn rendered_text_has_the_shape_of_a_raw_article() {
    let head = r#"<title>Ferry link approved | Kestford Courier</title><meta property="og:site_name" content="Kestford Courier">
<meta property="article:published_time" content="2021-03-04T10:00:00-05:00">"#;
    let article = format!(
        r#"<h1>Ferry link approved</h1><p class="byline">By <a rel="author" href="/author/ana-lind">Ana Lind</a></p>{PARAS}
<figure><img src="x.jpg"><figcaption>The ferry at Port Averin. <span class="credit">Tom Berg</span></figcaption></figure>"#
    );
    let p = render_ok(&page(head, &article));
    let expected_start =
        "Ferry link approved\n\nBy Ana Lind\n\nMarch 4, 2021\n\nThe Velmora harbour council";
    assert!(p.text.starts_with(expected_start), "{}", p.text);
    assert!(
        p.text
            .ends_with("The ferry at Port Averin. (Photo: Tom Berg)"),
        "{}",
        p.text
    );
    assert_eq!(
        p.captions,
        vec!["The ferry at Port Averin. (Photo: Tom Berg)"]
    );
    // Captions are not body paragraphs.
    assert!(!p.body.iter().any(|b| b.contains("Port Averin.")));
}

#[test]
fn a_logo_h1_is_not_the_headline() {
    // The only h1 is the site's name; the headline is the og:title.
    let head = r#"<meta property="og:site_name" content="Kestford Courier"><meta property="og:title" content="Ferry link approved after two years">"#;
    let html = format!(
        r#"<html><head>{head}</head><body><h1 class="logo">Kestford Courier</h1><div class="post">{PARAS}</div></body></html>"#
    );
    assert_eq!(
        render_ok(&html).title.as_deref(),
        Some("Ferry link approved after two years")
    );
}

#[test]
fn the_h1_the_titles_agree_with_wins_over_another_h1() {
    let head =
        r#"<meta property="og:title" content="Ferry link approved after two years of talks">"#;
    let html = format!(
        r#"<html><head>{head}</head><body><h1>Sign up for our newsletter</h1><article><h1>Ferry link approved after two years of talks</h1>{PARAS}</article></body></html>"#
    );
    assert_eq!(
        render_ok(&html).title.as_deref(),
        Some("Ferry link approved after two years of talks")
    );
}

#[test]
fn a_suffix_site_name_and_section_come_off() {
    let sites = vec!["Kestford Courier".to_string()];
    assert_eq!(
        clean_title("Ferry link approved | Kestford Courier", &sites),
        "Ferry link approved"
    );
    assert_eq!(
        clean_title("Ferry link approved – Kestford Courier", &sites),
        "Ferry link approved"
    );
    assert_eq!(
        clean_title(
            "Ferry link approved | Harbour | News | Kestford Courier",
            &sites
        ),
        "Ferry link approved"
    );
    // The host name is the site's name too.
    let host = vec!["kestfordcourier.example".to_string()];
    assert_eq!(
        clean_title("Ferry link approved - KestfordCourier.example", &host),
        "Ferry link approved"
    );
    // A separator inside a headline stays when no part is the site's name.
    assert_eq!(
        clean_title("Design Week 2021 | A light for Velmora", &sites),
        "Design Week 2021 | A light for Velmora"
    );
}

#[test]
fn a_prefix_site_name_comes_off() {
    let sites = vec!["Kestford Courier | Velmora's news".to_string()];
    assert_eq!(
        clean_title(
            "Kestford Courier | Velmora's news: Ferry link approved",
            &sites
        ),
        "Ferry link approved"
    );
    let sites = vec!["Kestford Courier".to_string()];
    assert_eq!(
        clean_title("Kestford Courier - Ferry link approved", &sites),
        "Ferry link approved"
    );
}

#[test]
fn the_page_title_without_h1_is_cleaned() {
    let head = r#"<title>Ferry link approved | Kestford Courier</title><meta property="og:site_name" content="Kestford Courier">"#;
    let html =
        format!("<html><head>{head}</head><body><div class=\"entry\">{PARAS}</div></body></html>");
    assert_eq!(
        render_ok(&html).title.as_deref(),
        Some("Ferry link approved")
    );
}

#[test]
fn an_organization_byline_gives_no_author() {
    let head = r#"<meta property="og:site_name" content="Kestford Courier"><meta name="author" content="Kestford Courier">"#;
    let html = page(
        head,
        &format!(
            r#"<h1>Ferry link approved</h1><div class="byline">By Kestford Courier Staff</div>{PARAS}"#
        ),
    );
    assert_eq!(render_ok(&html).authors, Vec::<String>::new());
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry link approved","author":{"@type":"Organization","name":"Velmora Wire Service"}}</script>"#;
    let html = page(ld, &format!("<h1>Ferry link approved</h1>{PARAS}"));
    assert_eq!(render_ok(&html).authors, Vec::<String>::new());
}

#[test]
fn a_handle_is_not_an_author() {
    let html = page(
        "",
        &format!(
            r#"<h1>Ferry link approved</h1><span class="author-name">@kestford_ferries</span>{PARAS}"#
        ),
    );
    assert_eq!(render_ok(&html).authors, Vec::<String>::new());
    let html = page(
        r#"<meta name="author" content="admin">"#,
        &format!("<h1>Ferry link approved</h1>{PARAS}"),
    );
    assert_eq!(render_ok(&html).authors, Vec::<String>::new());
}

#[test]
fn two_authors_with_credentials() {
    let html = page(
        "",
        &format!(
            r#"<h1>Ferry link approved</h1><div class="byline">By Ana Lind, MS, RD and Tom Berg, PhD</div>{PARAS}"#
        ),
    );
    assert_eq!(render_ok(&html).authors, vec!["Ana Lind", "Tom Berg"]);
}

#[test]
fn json_ld_people_and_the_printed_byline() {
    // The printed byline names everyone JSON-LD does, and one more.
    let ld = r##"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Ferry link approved","author":{"@id":"#p1"}},{"@type":"Person","@id":"#p1","name":"Ana Lind"}]}</script>
<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Ana Lind"}]}</script>"##;
    let html = page(
        ld,
        &format!(r#"<h1>Ferry link approved</h1><p>By Ana Lind and Oda Vik</p>{PARAS}"#),
    );
    assert_eq!(render_ok(&html).authors, vec!["Ana Lind", "Oda Vik"]);
}

#[test]
fn a_link_to_the_authors_page_names_the_author() {
    let html = page(
        "",
        &format!(
            r#"<h1>Ferry link approved</h1><div class="x1"><a href="/staff/ana-lind/">Ana Lind</a> · 4 min read</div>{PARAS}"#
        ),
    );
    assert_eq!(render_ok(&html).authors, vec!["Ana Lind"]);
}

#[test]
fn the_printed_local_day_wins_over_the_utc_day() {
    // 03:10 UTC on March 5 is the evening of March 4 where the page is.
    let head = r#"<meta property="article:published_time" content="2021-03-05T03:10:00Z">"#;
    let html = page(
        head,
        &format!(
            r#"<h1>Ferry link approved</h1><div class="date">March 4, 2021 10:10 pm EST</div>{PARAS}"#
        ),
    );
    assert_eq!(
        render_ok(&html).published.map(|d| d.iso()).as_deref(),
        Some("2021-03-04")
    );
    // With an offset the timestamp's own day is the local day.
    let head = r#"<meta property="article:published_time" content="2021-03-04T22:10:00-05:00">"#;
    let html = page(head, &format!("<h1>Ferry link approved</h1>{PARAS}"));
    assert_eq!(
        render_ok(&html).published.map(|d| d.iso()).as_deref(),
        Some("2021-03-04")
    );
}

#[test]
fn first_publication_over_modification_and_an_updated_only_page() {
    let head = r#"<meta property="article:modified_time" content="2021-03-09T10:00:00-05:00"><meta property="article:published_time" content="2021-03-04T10:00:00-05:00">"#;
    let html = page(head, &format!("<h1>Ferry link approved</h1>{PARAS}"));
    assert_eq!(
        render_ok(&html).published.map(|d| d.iso()).as_deref(),
        Some("2021-03-04")
    );
    // Only a modification date: it is the only date the page states.
    let head = r#"<meta property="article:modified_time" content="2021-03-09T10:00:00-05:00">"#;
    let html = page(head, &format!("<h1>Ferry link approved</h1>{PARAS}"));
    assert_eq!(
        render_ok(&html).published.map(|d| d.iso()).as_deref(),
        Some("2021-03-09")
    );
    // A printed "Updated" line is not the publication date; the printed
    // "Published" one is.
    let html = page(
        "",
        &format!(
            r#"<h1>Ferry link approved</h1><p class="meta">Updated March 9, 2021</p><p class="meta">Published March 4, 2021</p>{PARAS}"#
        ),
    );
    assert_eq!(
        render_ok(&html).published.map(|d| d.iso()).as_deref(),
        Some("2021-03-04")
    );
}

#[test]
fn dates_in_the_body_comments_and_copyright_are_not_the_publication_date() {
    let body = "<p>The Velmora harbour council approved the route, first proposed on June 2, 2019, after long talks with the islands.</p><p>Council leader Marta Keloway said the boats would sail from May, and that fares would stay low for islanders.</p>";
    let html = page("", &format!("<h1>Ferry link approved</h1>{body}"));
    assert_eq!(render_ok(&html).published, None);
}

#[test]
fn a_page_without_text_is_no_article() {
    assert_eq!(
        render("<html><body><nav><a href='/'>Home</a></nav></body></html>"),
        Err(PageError::NoArticle)
    );
    assert_eq!(render(""), Err(PageError::NoArticle));
}

#[test]
fn hidden_and_scripted_text_is_not_read() {
    let html = page(
        "<script>var s = '<p>Subscribe now to read every ferry story in Velmora today</p>';</script>",
        &format!(r#"<h1>Ferry link approved</h1><div style="display: none"><p>Hidden teaser text about something else entirely, with commas, clauses, and more.</p></div>{PARAS}"#),
    );
    let p = render_ok(&html);
    assert!(!p.text.contains("Subscribe now"), "{}", p.text);
    assert!(!p.text.contains("Hidden teaser"), "{}", p.text);
}

#[test]
fn a_page_of_short_lines_still_gives_its_text() {
    // Nothing reads like prose, but the page has text: it is the article.
    let html = "<html><body><nav><a href='/'>Home</a></nav><div><h2>Kestford tides</h2><p>High water 06:10</p><p>Low water 12:25</p></div></body></html>";
    let p = render_ok(html);
    assert_eq!(
        p.body,
        vec!["Kestford tides", "High water 06:10", "Low water 12:25"]
    );
}

#[test]
fn captions_by_class_and_galleries_are_not_body() {
    let article = format!(
        r#"<h1>Ferry link approved</h1>{PARAS}
<div class="wp-caption"><img src="f.jpg"><p class="wp-caption-text">The new ferry leaves Port Averin at dawn on its first crossing.</p></div>
<div class="photo-gallery"><ul><li><p>Passengers board the ferry at Velmora quay, with bicycles and dogs.</p></li></ul><p>Caption</p><p>Close</p></div>"#
    );
    let p = render_ok(&page("", &article));
    assert_eq!(p.body.len(), 3, "{:?}", p.body);
    assert_eq!(
        p.captions,
        vec!["The new ferry leaves Port Averin at dawn on its first crossing."]
    );
    assert!(!p.text.contains("Passengers board"), "{}", p.text);
}

#[test]
fn class_words_split_at_dashes_underscores_and_camel_case() {
    let d = dom::parse(r#"<div class="newsCaption main_body" id="post-content">x</div>"#);
    let div = (0..d.nodes.len()).find(|&i| d.name(i) == "div").unwrap();
    assert_eq!(
        content::class_words(&d, div),
        vec!["news", "caption", "main", "body", "post", "content"]
    );
}

#[test]
fn hidden_inline_text_inside_a_paragraph_is_not_read() {
    let article = "<h1>Ferry link approved</h1><p>The council leader <a href=\"/p/mk\">Marta Keloway</a><span style=\"display:none\">Marta Keloway: five stories about her</span> said the route would open in May, after two years of talks.</p><p>The Dunmore Ferry Company said tickets would cost less than the bus fare to the city.</p>";
    let p = render_ok(&page("", article));
    assert!(
        p.body[0].contains("Marta Keloway said the route"),
        "{:?}",
        p.body
    );
    assert!(!p.text.contains("five stories"), "{}", p.text);
}
