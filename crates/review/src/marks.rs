//! Spans to nested elements: every span of a record becomes one element
//! around its text; a span inside another (a name inside a quote) is drawn
//! inside it, and a span crossing another's end is cut in two pieces (the
//! second marked as a continuation), so no span is ever dropped.

/// What a marked span is; its CSS class and its name in the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Title,
    Subtitle,
    Byline,
    Dateline,
    Caption,
    Credit,
    Quote,
    Person,
    Organization,
    Place,
    Trigger,
    Time,
}

impl Kind {
    /// Every kind, in legend order.
    pub const ALL: [Kind; 12] = [
        Kind::Person,
        Kind::Organization,
        Kind::Place,
        Kind::Quote,
        Kind::Trigger,
        Kind::Time,
        Kind::Title,
        Kind::Subtitle,
        Kind::Byline,
        Kind::Dateline,
        Kind::Caption,
        Kind::Credit,
    ];

    /// The CSS class of its marks (`m k-…`).
    pub fn class(self) -> &'static str {
        match self {
            Kind::Title => "k-title",
            Kind::Subtitle => "k-subtitle",
            Kind::Byline => "k-byline",
            Kind::Dateline => "k-dateline",
            Kind::Caption => "k-caption",
            Kind::Credit => "k-credit",
            Kind::Quote => "k-quote",
            Kind::Person => "k-per",
            Kind::Organization => "k-org",
            Kind::Place => "k-loc",
            Kind::Trigger => "k-trigger",
            Kind::Time => "k-time",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Subtitle => "subtitle",
            Kind::Byline => "byline",
            Kind::Dateline => "dateline",
            Kind::Caption => "caption",
            Kind::Credit => "credit",
            Kind::Quote => "quote",
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
            Kind::Trigger => "event trigger",
            Kind::Time => "event time",
        }
    }
}

/// One span to mark, in code points of the text.
#[derive(Debug, Clone)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Ids the span belongs to (`p1`; an event's id on its participants'
    /// mentions): selecting one of them marks it.
    pub refs: Vec<String>,
    /// JSON pointers of the record members this span shows (problems under
    /// them are shown at the span); the first is the span's own.
    pub pointers: Vec<String>,
    /// Shown on hover.
    pub label: String,
    /// Extra CSS classes (compare: `only-a`, `only-b`, `diff`).
    pub status: Option<&'static str>,
    /// Validation problems at this span.
    pub problems: Vec<String>,
}

/// The text cut into pieces: text, or a mark holding pieces.
#[derive(Debug, PartialEq, Eq)]
pub enum Piece {
    /// A byte range of the text.
    Text(usize, usize),
    Mark {
        /// Index into the marks.
        mark: usize,
        /// False for the second and later pieces of a mark cut by another.
        first: bool,
        children: Vec<Piece>,
    },
}

/// Byte offsets of each code point of `text`, and of its end.
pub fn char_starts(text: &str) -> Vec<usize> {
    let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    starts.push(text.len());
    starts
}

/// Whether a mark can be drawn: a non-empty span inside the text.
pub fn drawable(mark: &Mark, chars: usize) -> bool {
    mark.start < mark.end && mark.end <= chars
}

/// Lay the marks out over the text as a tree of pieces. Marks that cannot
/// be drawn (empty, reversed, past the end) are left out: the page lists
/// them with their problem.
pub fn layout(text: &str, marks: &[Mark]) -> Vec<Piece> {
    let starts = char_starts(text);
    let chars = starts.len() - 1;
    let mut order: Vec<usize> = (0..marks.len())
        .filter(|&i| drawable(&marks[i], chars))
        .collect();
    // Outer before inner: earlier start, then longer, then kind, then input order.
    order.sort_by_key(|&i| {
        let m = &marks[i];
        (m.start, std::cmp::Reverse(m.end), m.kind, i)
    });
    let mut rank = vec![usize::MAX; marks.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i] = r;
    }
    let mut bounds: Vec<usize> = vec![0, chars];
    for &i in &order {
        bounds.push(marks[i].start);
        bounds.push(marks[i].end);
    }
    bounds.sort_unstable();
    bounds.dedup();

    let mut next = 0;
    let mut active: Vec<usize> = Vec::new(); // by rank
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut stack: Vec<Vec<Piece>> = vec![Vec::new()];
    let close = |open: &mut Vec<(usize, bool)>, stack: &mut Vec<Vec<Piece>>| {
        let (mark, first) = open.pop().expect("an open mark");
        let children = stack.pop().expect("its pieces");
        stack.last_mut().expect("the root").push(Piece::Mark {
            mark,
            first,
            children,
        });
    };
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        active.retain(|&m| marks[m].end > a);
        while next < order.len() && marks[order[next]].start == a {
            let m = order[next];
            let at = active.partition_point(|&x| rank[x] < rank[m]);
            active.insert(at, m);
            next += 1;
        }
        let mut same = 0;
        while same < open.len() && same < active.len() && open[same].0 == active[same] {
            same += 1;
        }
        while open.len() > same {
            close(&mut open, &mut stack);
        }
        for &m in &active[same..] {
            open.push((m, marks[m].start == a));
            stack.push(Vec::new());
        }
        stack
            .last_mut()
            .expect("a level")
            .push(Piece::Text(starts[a], starts[b]));
    }
    while !open.is_empty() {
        close(&mut open, &mut stack);
    }
    stack.pop().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, kind: Kind) -> Mark {
        Mark {
            start,
            end,
            kind,
            refs: Vec::new(),
            pointers: Vec::new(),
            label: String::new(),
            status: None,
            problems: Vec::new(),
        }
    }

    /// The pieces as a bracketed string: `[k…]` per mark, `+` for a continuation.
    fn show(text: &str, marks: &[Mark], pieces: &[Piece]) -> String {
        let mut s = String::new();
        for p in pieces {
            match p {
                Piece::Text(a, b) => s.push_str(&text[*a..*b]),
                Piece::Mark {
                    mark,
                    first,
                    children,
                } => {
                    s.push('[');
                    if !first {
                        s.push('+');
                    }
                    s.push_str(&marks[*mark].kind.name()[..1]);
                    s.push(' ');
                    s.push_str(&show(text, marks, children));
                    s.push(']');
                }
            }
        }
        s
    }

    #[test]
    fn nested_spans_are_drawn_nested() {
        let text = "He said \"Ana Vell will come\" today.";
        let marks = [mark(8, 28, Kind::Quote), mark(9, 17, Kind::Person)];
        let pieces = layout(text, &marks);
        assert_eq!(
            show(text, &marks, &pieces),
            "He said [q \"[p Ana Vell] will come\"] today."
        );
    }

    #[test]
    fn crossing_spans_are_cut_never_dropped() {
        let text = "abcdefghij";
        let marks = [mark(1, 5, Kind::Quote), mark(3, 8, Kind::Trigger)];
        let pieces = layout(text, &marks);
        assert_eq!(show(text, &marks, &pieces), "a[q bc[e de]][+e fgh]ij");
    }

    #[test]
    fn equal_spans_nest_by_kind_and_bad_spans_are_left_out() {
        let text = "Kest met Orlo.";
        let marks = [
            mark(5, 8, Kind::Trigger),
            mark(0, 4, Kind::Person),
            mark(5, 8, Kind::Quote),
            mark(9, 40, Kind::Place),
            mark(3, 3, Kind::Place),
        ];
        let pieces = layout(text, &marks);
        assert_eq!(show(text, &marks, &pieces), "[p Kest] [q [e met]] Orlo.");
    }

    #[test]
    fn code_points_not_bytes() {
        let text = "Café Orlo";
        let marks = [mark(5, 9, Kind::Place)];
        assert_eq!(show(text, &marks, &layout(text, &marks)), "Café [p Orlo]");
    }
}
