//! Combining the trees of several parsers into one (Sagae & Lavie 2006):
//! each parser votes for its arcs with its weight, the tree with the most
//! votes is found by the maximum spanning tree algorithm of Chu-Liu and
//! Edmonds, and each word takes the label most of its head's voters gave.
//!
//! Parsers that read the sentence in opposite directions err in different
//! places, so where one goes astray the others usually outvote it; the
//! spanning tree keeps the result a tree where a word-by-word vote could
//! make a cycle.

use crate::labels::Deprel;

/// One parser's tree: the head of each word (0: the root, `i + 1`: word
/// `i`) and its label.
pub type Tree = (Vec<usize>, Vec<Deprel>);

/// The weight of parser `k` of `count`: all but equal, the earlier ones
/// a little heavier, so that any two outvote one and a tie between single
/// votes goes to the earlier parser (two parsers give the first one's
/// tree: a vote needs three). Weighing the right-to-left parsers, a
/// little weaker alone, less made no difference on EWT dev.
fn weight(k: usize, count: usize) -> i64 {
    (10 * count - k) as i64
}

/// The tree most of `trees` (one per parser, in the model's order) vote
/// for. Every tree must have the same number of words.
pub fn combine(mut trees: Vec<Tree>) -> Tree {
    if trees.len() <= 1 {
        return trees.pop().unwrap_or_default();
    }
    let n = trees[0].0.len();
    let weights: Vec<i64> = (0..trees.len()).map(|k| weight(k, trees.len())).collect();
    // Arcs (head, dependent, votes), each distinct arc once.
    let mut arcs: Vec<(usize, usize, i64)> = Vec::with_capacity(n * trees.len());
    let mut heads: Vec<(usize, i64)> = Vec::with_capacity(trees.len());
    for d in 1..=n {
        heads.clear();
        for (t, &w) in trees.iter().zip(&weights) {
            add_vote(&mut heads, t.0[d - 1], w);
        }
        arcs.extend(heads.iter().map(|&(h, votes)| (h, d, votes)));
    }
    let chosen = max_tree(n + 1, &arcs);
    let mut head = vec![0; n];
    let mut label = vec![Deprel::Root; n];
    let mut labels: Vec<(Deprel, i64)> = Vec::with_capacity(trees.len());
    for d in 1..=n {
        let h = arcs[chosen[d]].0;
        head[d - 1] = h;
        // The label with the most weight among the parsers that chose h
        // (a tie to the label an earlier parser gave).
        labels.clear();
        for (t, &w) in trees.iter().zip(&weights) {
            if t.0[d - 1] == h {
                add_vote(&mut labels, t.1[d - 1], w);
            }
        }
        label[d - 1] = labels
            .iter()
            .fold(None, |b: Option<(Deprel, i64)>, &x| {
                if b.is_none_or(|b| x.1 > b.1) {
                    Some(x)
                } else {
                    b
                }
            })
            .expect("a parser chose the head")
            .0;
    }
    (head, label)
}

/// Add `w` to `choice`'s votes in `tally` (choices in the order first
/// voted for).
fn add_vote<T: PartialEq>(tally: &mut Vec<(T, i64)>, choice: T, w: i64) {
    match tally.iter_mut().find(|x| x.0 == choice) {
        Some(x) => x.1 += w,
        None => tally.push((choice, w)),
    }
}

/// The maximum spanning arborescence rooted at node 0 of a graph of
/// `nodes` nodes (Chu-Liu/Edmonds, by contracting cycles): for each node
/// but the root, the index in `arcs` of the arc (head, dependent, score)
/// that enters it (`usize::MAX` for the root). Every node but the root
/// must have an arc entering it. Ties go to the arc listed first.
pub fn max_tree(nodes: usize, arcs: &[(usize, usize, i64)]) -> Vec<usize> {
    const NONE: usize = usize::MAX;
    // The best arc entering each node.
    let mut best = vec![NONE; nodes];
    for (i, &(h, d, s)) in arcs.iter().enumerate() {
        if h != d && d != 0 && (best[d] == NONE || s > arcs[best[d]].2) {
            best[d] = i;
        }
    }
    debug_assert!(
        best[1..].iter().all(|&b| b != NONE),
        "a node without an arc"
    );
    // Cycles among the best arcs: each becomes one node.
    let mut comp = vec![NONE; nodes];
    comp[0] = 0;
    let mut count = 1;
    let mut seen = vec![NONE; nodes];
    let mut in_cycle = vec![false; nodes];
    for v in 1..nodes {
        let mut u = v;
        while u != 0 && seen[u] == NONE {
            seen[u] = v;
            u = arcs[best[u]].0;
        }
        if u != 0 && seen[u] == v && !in_cycle[u] {
            let mut x = u;
            loop {
                in_cycle[x] = true;
                comp[x] = count;
                x = arcs[best[x]].0;
                if x == u {
                    break;
                }
            }
            count += 1;
        }
    }
    if count == 1 {
        return best;
    }
    for c in comp.iter_mut().filter(|c| **c == NONE) {
        *c = count;
        count += 1;
    }
    // Arcs between the contracted nodes; one entering a cycle scores what
    // it gains over the cycle arc it would replace.
    let mut sub = Vec::with_capacity(arcs.len());
    let mut origin = Vec::with_capacity(arcs.len());
    for (i, &(h, d, s)) in arcs.iter().enumerate() {
        if comp[h] != comp[d] {
            let s = if in_cycle[d] { s - arcs[best[d]].2 } else { s };
            sub.push((comp[h], comp[d], s));
            origin.push(i);
        }
    }
    let sub_best = max_tree(count, &sub);
    let mut chosen = vec![NONE; nodes];
    for &j in &sub_best[1..] {
        let i = origin[j];
        chosen[arcs[i].1] = i;
    }
    // The cycle's other nodes keep their cycle arcs.
    for v in 1..nodes {
        if chosen[v] == NONE {
            chosen[v] = best[v];
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use Deprel::*;

    fn heads(nodes: usize, arcs: &[(usize, usize, i64)]) -> Vec<usize> {
        max_tree(nodes, arcs)[1..]
            .iter()
            .map(|&i| arcs[i].0)
            .collect()
    }

    #[test]
    fn the_best_arcs_when_they_make_a_tree() {
        let arcs = [(0, 1, 5), (2, 1, 1), (1, 2, 4), (0, 2, 3)];
        assert_eq!(heads(3, &arcs), [0, 1]);
    }

    /// 1 and 2 prefer each other; the cycle is broken where it costs least.
    #[test]
    fn a_cycle_is_broken_at_its_cheapest_arc() {
        let arcs = [
            (2, 1, 10),
            (1, 2, 10),
            (0, 1, 3),
            (0, 2, 8),
            (1, 3, 5),
            (3, 2, 1),
        ];
        assert_eq!(heads(4, &arcs), [2, 0, 1]);
        // A cycle inside a contracted cycle.
        let arcs = [
            (0, 1, 1),
            (1, 2, 9),
            (2, 3, 9),
            (3, 1, 9),
            (3, 4, 7),
            (4, 3, 8),
            (2, 4, 1),
        ];
        let h = heads(5, &arcs);
        // A tree: every word reaches the root.
        for mut v in 1..5 {
            let mut steps = 0;
            while v != 0 {
                v = h[v - 1];
                steps += 1;
                assert!(steps < 5, "{h:?} has a cycle");
            }
        }
        assert_eq!(h, [0, 1, 2, 3]);
    }

    /// Two parsers outvote the first; where all differ the first wins; a
    /// word-by-word vote that would make a cycle does not.
    #[test]
    fn parsers_vote() {
        let a: Tree = (vec![2, 0, 2], vec![Nsubj, Root, Obj]);
        let b: Tree = (vec![2, 0, 1], vec![Nsubj, Root, Nmod]);
        let c: Tree = (vec![3, 0, 1], vec![Amod, Root, Nmod]);
        let (h, l) = combine(vec![a.clone(), b, c]);
        assert_eq!(h, [2, 0, 1]);
        assert_eq!(l, [Nsubj, Root, Nmod]);
        assert_eq!(combine(vec![a.clone()]), a);
        // Three chains whose majorities make the cycle 1→2→3→1: the
        // spanning tree keeps two of its arcs and roots the third word.
        let l = vec![Dep; 3];
        let p: Tree = (vec![2, 3, 0], l.clone());
        let q: Tree = (vec![0, 3, 1], l.clone());
        let r: Tree = (vec![2, 0, 1], l.clone());
        let (h, _) = combine(vec![p, q, r]);
        let arcs = h
            .iter()
            .enumerate()
            .filter(|(d, &h)| [(0, 2), (1, 3), (2, 1)].contains(&(*d, h)));
        assert_eq!(arcs.count(), 2, "{h:?}");
        assert_eq!(h.iter().filter(|&&h| h == 0).count(), 1, "{h:?}");
        // Same head, labels differ: the heavier (earlier) parser's label.
        let a: Tree = (vec![2, 0], vec![Nsubj, Root]);
        let e: Tree = (vec![2, 0], vec![Obj, Root]);
        assert_eq!(combine(vec![a, e]).1, [Nsubj, Root]);
    }
}
