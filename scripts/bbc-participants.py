#!/usr/bin/env python3
"""What a change does to events' participants on the BBC corpus.

Compares two JSON Lines runs of the same articles (made with
`newsparse extract ../shared/data/bbc --jsonl FILE` before and after a change)
event by event (type, trigger and its offset) and prints how many participants
were added and removed, then up to N changed events with their sentences:

    scripts/bbc-participants.py BEFORE.jsonl AFTER.jsonl [N]

Roles are compared too (a participant whose role changed is one removed and
one added), which the gold scorer does not do.
"""
import json
import random
import sys


def load(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            names = {e["id"]: e["name"] for k in ("people", "organizations", "places")
                     for e in r.get(k) or []}
            events = {}
            for e in r.get("events") or []:
                key = (e["type"], e["trigger"]["span"]["start"], e["trigger"]["text"])
                parts = sorted((p["role"], names.get(p["ref"], p["ref"])) for p in e["participants"])
                events[key] = (parts, (e.get("time") or {}).get("value"),
                               (e["sentence"]["start"], e["sentence"]["end"]))
            out[r["source"]["path"]] = events
    return out


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    before, after = load(sys.argv[1]), load(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    changed, added, removed, new_events, lost_events = [], 0, 0, 0, 0
    for path, old in before.items():
        new = after.get(path, {})
        for key in old.keys() | new.keys():
            if key not in new:
                lost_events += 1
            elif key not in old:
                new_events += 1
            elif old[key][0] != new[key][0]:
                a, b = set(old[key][0]), set(new[key][0])
                added += len(b - a)
                removed += len(a - b)
                changed.append((path, key, sorted(a - b), sorted(b - a), new[key][2]))
    print(f"events added {new_events}, removed {lost_events}; participants added {added}, "
          f"removed {removed}, over {len(changed)} events")
    random.seed(1)
    for path, key, gone, came, (s, e) in random.sample(changed, min(n, len(changed))):
        with open(path, encoding="utf-8") as f:
            sentence = f.read()[s:e]
        print(f"{path.rsplit('/', 2)[-2]}/{path.rsplit('/', 1)[-1]} {key[0]} {key[2]!r}: "
              f"-{gone} +{came}\n    {sentence[:300]!r}")


if __name__ == "__main__":
    main()
