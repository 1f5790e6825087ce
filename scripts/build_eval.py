"""Merge eval/parts/*.jsonl into eval/questions.jsonl.

A figure question may be answered from more than one document (an article quotes the same
Census figure as a table row). For figure answers with at least four significant digits, every
corpus document that states the figure and names the question's subject is added to
"sources", so citing it counts as correct. Questions of another set ("set": "heldout", asked
about eval/documents/) keep the sources written in their part file: a corpus passage that happens
to hold the same number is a distractor there, not a source. Run from the repository root.
"""

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from nearshore_qa.answerers.extractive import QuestionProfile  # noqa: E402
from nearshore_qa.evaluation import states  # noqa: E402
from nearshore_qa.ingest import SUPPORTED, doc_id_for, iter_files  # noqa: E402
from nearshore_qa.text import fold  # noqa: E402

corpus = Path("corpus")
texts = {}
for path, root in iter_files([corpus]):
    if path.suffix.lower() in SUPPORTED:
        text = path.read_text(encoding="utf-8", errors="replace")
        side = path.with_name(path.stem + ".meta.yaml")
        title = side.read_text(encoding="utf-8") if side.exists() else text.split("\n", 5)[:5]
        # A table row names its subject in the table's title, not in the row.
        texts[doc_id_for(path, root)] = (str(title), text)

out = []
# Every question belongs to the dev part (tuned on) or the test part (only reported), fixed once
# in its part file; a new question without one goes to the smaller side of its kind (stratified).
sizes: dict[tuple[str, str], int] = {}
for part in sorted(Path("eval/parts").glob("*.jsonl")):
    for line in part.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("split") not in ("dev", "test"):
            item["split"] = min(("dev", "test"), key=lambda sp: sizes.get((item["kind"], sp), 0))
            print(f"{item['id']}: no split in {part}; assigned {item['split']} (write it into the part file)")
        sizes[(item["kind"], item["split"])] = sizes.get((item["kind"], item["split"]), 0) + 1
        expected = [e for e in item.get("expected", []) if len(re.sub(r"\D", "", e)) >= 4]
        # a computed answer's sources are those holding its operands, listed in its part file
        if expected and item["kind"] not in ("unanswerable", "computed") and item.get("set", "corpus") == "corpus":
            names = QuestionProfile.of(item["question"]).names
            for doc_id, (title, text) in texts.items():
                if doc_id in item["sources"]:
                    continue
                for line_text in text.splitlines():
                    low = fold(f"{title} {line_text}")
                    if any(states(line_text, e) for e in expected) and all(n in low for n in names):
                        item["sources"].append(doc_id)
                        break
        out.append(item)
Path("eval/questions.jsonl").write_text(
    "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in out), encoding="utf-8"
)
print(f"{len(out)} questions")
