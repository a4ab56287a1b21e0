"""HTML and WARC input: `newscli parse` on real news pages, beside trafilatura's extract() alone.

    python -m bench.html [--repeat 4] [--data PATH]

The pages are the 85 of the Article Extraction Benchmark in shared/data/html/aeb-dev beside
the repository (`html/<id>.html.gz`, and `ground-truth.json` giving each id its URL); when
that folder is missing the benchmark says so on stderr and does nothing. For timings long
enough to trust, the page set is repeated --repeat times (4: 340 pages), written into a
temporary directory twice over:

- as files, `<id>.html` (`<id>-<copy>.html` for the later copies), decompressed;
- as one WARC, `pages.warc.gz` (warcio's WARCWriter, a gzip member per record): a leading
  `warcinfo` record, then per page a `request` record and a `response` record whose
  HTTP/1.1 200 header block says `Content-Type: text/html; charset=utf-8` and whose
  WARC-Target-URI is the page's URL from the ground truth, so there are records to skip.

Each system runs in its own process from its input to its output, as a user runs it, and
is measured like `bench.commands`: wall time and the peak resident memory of the process
tree, sampled from /proc (`bench.dedupe`'s sampler).

1. `newscli parse --quiet --jobs 1 -f jsonl DIR`, the installed entry point;
2. the same on `pages.warc.gz`;
3. trafilatura's extract() alone in a fresh interpreter (`--trafilatura-worker`, so its
   import is counted as newscli's is) over the same files, each read and decoded as UTF-8,
   with the options newscli uses (include_comments=False, favor_precision=True), and then
   with extract()'s defaults; it prints one JSON line per page.

The ratio is newscli's wall time over trafilatura's with newscli's options: what parsing
the extracted text into paragraphs and sentences, and writing the records, adds to the
extraction. The outputs are checked: newscli prints one record per page, less the pages its
closing stderr line (`F of N inputs failed`) counts as failed, and every record from the
WARC carries the `url` of its page. A failed check exits 1 after the table.
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from bench.dedupe import NEWSCLI, ROOT, _tree_rss

DATA = ROOT.parent / "shared" / "data" / "html" / "aeb-dev"
MiB = 1 << 20
#: trafilatura.extract() keyword arguments per worker variant
OPTIONS = {
    "options": {"include_comments": False, "favor_precision": True},
    "defaults": {},
}
ROWS = {
    "files": "newscli parse, HTML files",
    "warc": "newscli parse, one WARC (.warc.gz)",
    "options": "trafilatura extract() alone (newscli's options)",
    "defaults": "trafilatura extract() alone (defaults)",
}
#: newscli's closing line when inputs failed (its other stderr lines: errors, and notes such as
#: a WARC's skipped records, which are no failures)
SUMMARY = re.compile(r"newscli: (\d+) of (\d+) inputs failed$", re.MULTILINE)


def load_pages(data: Path) -> tuple[dict[str, bytes], dict[str, str]]:
    """Each page's HTML bytes and its URL, by id, in id order."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for path in sorted((data / "html").glob("*.html.gz")):
        pages[path.name.removesuffix(".html.gz")] = gzip.decompress(path.read_bytes())
    missing = [page for page in pages if page not in truth]
    if missing:
        raise SystemExit(f"bench.html: no ground-truth URL for {', '.join(missing)}")
    return pages, {page: truth[page]["url"] for page in pages}


def write_files(pages: dict[str, bytes], repeat: int, folder: Path) -> None:
    folder.mkdir()
    for copy in range(repeat):
        for page, html in pages.items():
            name = f"{page}.html" if copy == 0 else f"{page}-{copy}.html"
            (folder / name).write_bytes(html)


def write_warc(pages: dict[str, bytes], urls: dict[str, str], repeat: int, path: Path) -> None:
    """One gzipped WARC: warcinfo, then a request and a response record per page, repeated."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        info = {"software": "newscli bench.html (warcio)", "description": "aeb-dev pages"}
        writer.write_record(writer.create_warcinfo_record(path.name, info))
        for _ in range(repeat):
            for page, html in pages.items():
                url = urls[page]
                parts = urlsplit(url)
                target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                response = writer.create_warc_record(
                    url,
                    "response",
                    payload=BytesIO(html),
                    http_headers=StatusAndHeaders(
                        "200 OK",
                        [
                            ("Content-Type", "text/html; charset=utf-8"),
                            ("Content-Length", str(len(html))),
                        ],
                        protocol="HTTP/1.1",
                    ),
                )
                request = writer.create_warc_record(
                    url,
                    "request",
                    http_headers=StatusAndHeaders(
                        f"GET {target} HTTP/1.1",
                        [("Host", parts.netloc), ("User-Agent", "newscli-bench")],
                        is_http_request=True,
                    ),
                )
                concurrent = response.rec_headers.get_header("WARC-Record-ID")
                request.rec_headers.add_header("WARC-Concurrent-To", concurrent)
                writer.write_record(request)
                writer.write_record(response)


def measure(command: list[str], stdout: Path, stderr: Path) -> tuple[float, int, int]:
    """Wall seconds, peak resident bytes of the process tree, and the exit code.

    `bench.dedupe.measure` with stderr kept and the exit code returned: newscli exits 1
    when some inputs failed and the others were written, which is a result here.
    """
    started = time.perf_counter()
    with stdout.open("w") as out, stderr.open("w") as err:
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=ROOT)
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)
    return time.perf_counter() - started, peak, process.returncode


def check_newscli(
    name: str,
    code: int,
    stdout: Path,
    stderr: Path,
    pages: int,
    extractable: int,
    urls: Counter[str] | None,
) -> list[str]:
    """Print what newscli wrote; return the failed checks.

    The pages that failed are counted from newscli's closing `F of N inputs failed` line.
    `extractable`: the pages trafilatura alone, with newscli's options, found text in.
    `urls`: how many times each URL is in the WARC (None for the HTML files).
    """
    messages = stderr.read_text(encoding="utf-8", errors="replace")
    summary = SUMMARY.search(messages)
    failed = int(summary[1]) if summary else 0
    problems = []
    if code == 1 and summary is None:
        problems.append(f"{name}: exit 1 without a closing `F of N inputs failed` line")
    if summary is not None and int(summary[2]) != pages:
        problems.append(f"{name}: newscli counted {int(summary[2]):,} inputs, not {pages:,}")
    records = []
    for number, line in enumerate(stdout.read_text(encoding="utf-8").splitlines(), 1):
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            record = None
        if not isinstance(record, dict):
            problems.append(f"{name}: stdout line {number} is not a JSON object: {line[:80]!r}")
            break
        records.append(record)
    said = [line for line in messages.splitlines() if line and not SUMMARY.match(line)]
    print(
        f"  {name}: {len(records):,} records for {pages:,} pages, {failed:,} failed"
        + "".join(f"\n    {line[:200]}" for line in said[:5])
        + (f"\n    ... and {len(said) - 5:,} more lines on stderr" if len(said) > 5 else "")
    )
    if len(records) != pages - failed:
        problems.append(
            f"{name}: {len(records):,} records, expected {pages - failed:,} "
            f"({pages:,} pages, {failed:,} failed)"
        )
    if failed > pages - extractable:
        # the same extractor with the same options found text in these pages
        problems.append(
            f"{name}: {failed:,} pages failed; trafilatura alone (newscli's options) found "
            f"no text in {pages - extractable:,}"
        )
    unshaped = sum(
        not isinstance(r.get("source"), str) or not isinstance(r.get("paragraphs"), list)
        for r in records
    )
    if unshaped:
        problems.append(f"{name}: {unshaped:,} records lack `source` or a `paragraphs` list")
    if urls is not None:
        without = sum(not r.get("url") for r in records)
        if without:
            problems.append(f"{name}: {without:,} of {len(records):,} records carry no `url`")
        found = Counter(r["url"] for r in records if r.get("url"))
        strays = [url for url, count in found.items() if count > urls[url]]
        if strays:
            problems.append(f"{name}: URLs not among the pages' (or too often): {strays[:3]}")
    return problems


def trafilatura_worker(variant: str, folder: Path) -> None:
    """trafilatura on every page of the folder, as a user runs it; a JSON line per page."""
    from trafilatura import extract

    options = OPTIONS[variant]
    write = sys.stdout.write
    for path in sorted(folder.glob("*.html")):
        text = extract(path.read_bytes().decode("utf-8"), **options)
        write(json.dumps({"source": str(path), "text": text}, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=4, help="copies of the page set (4)")
    parser.add_argument("--data", type=Path, default=DATA, help=f"the pages (default {DATA})")
    parser.add_argument(
        "--trafilatura-worker", nargs=2, metavar=("VARIANT", "DIR"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.trafilatura_worker:
        trafilatura_worker(args.trafilatura_worker[0], Path(args.trafilatura_worker[1]))
        return
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not (args.data / "ground-truth.json").is_file() or not (args.data / "html").is_dir():
        print(f"bench.html: {args.data} not found (pass --data); skipped", file=sys.stderr)
        return

    started = time.perf_counter()
    pages, urls = load_pages(args.data)
    n = len(pages) * args.repeat
    results: dict[str, tuple[float, int, int]] = {}
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="newscli-bench-html-") as temp:
        folder, warc = Path(temp) / "pages", Path(temp) / "pages.warc.gz"
        write_files(pages, args.repeat, folder)
        write_warc(pages, urls, args.repeat, warc)
        size = sum(len(html) for html in pages.values()) * args.repeat
        print(
            f"{len(pages)} pages of the Article Extraction Benchmark ({args.data.name}) x "
            f"{args.repeat}: {n:,} pages, {size / MiB:.0f} MiB of HTML "
            f"({warc.stat().st_size / MiB:.0f} MiB as {warc.name}); one process each, "
            f"--jobs 1; {os.cpu_count()} CPUs"
        )
        newscli = [str(NEWSCLI), "parse", "--quiet", "--jobs", "1", "-f", "jsonl"]
        worker = [sys.executable, "-m", "bench.html", "--trafilatura-worker"]
        commands = {
            "files": [*newscli, str(folder)],
            "warc": [*newscli, str(warc)],
            **{variant: [*worker, variant, str(folder)] for variant in OPTIONS},
        }
        for key, command in commands.items():
            output, messages = Path(temp) / f"{key}.out", Path(temp) / f"{key}.err"
            results[key] = measure(command, output, messages)
            code = results[key][2]
            if key in OPTIONS:
                if code != 0:
                    message = messages.read_text(encoding="utf-8", errors="replace").strip()
                    raise SystemExit(f"bench.html: {ROWS[key]} failed:\n{message}")
                continue
            if code not in (0, 1):
                message = messages.read_text(encoding="utf-8", errors="replace").strip()
                problems.append(f"{ROWS[key]}: exit {code}: {message[:500]}")

        print("outputs:")
        extractable = {}
        for variant in OPTIONS:
            with (Path(temp) / f"{variant}.out").open(encoding="utf-8") as lines:
                extractable[variant] = sum(json.loads(line)["text"] is not None for line in lines)
            print(f"  {ROWS[variant]}: text from {extractable[variant]:,} of {n:,} pages")
        copies = Counter(list(urls.values()) * args.repeat)
        for key in ("files", "warc"):
            if results[key][2] in (0, 1):
                problems += check_newscli(
                    ROWS[key],
                    results[key][2],
                    Path(temp) / f"{key}.out",
                    Path(temp) / f"{key}.err",
                    n,
                    extractable["options"],
                    copies if key == "warc" else None,
                )

    baseline = results["options"][0]
    print(f"\n| {n:,} pages | wall s | pages/s | peak MiB | ratio |")
    print("|---|---|---|---|---|")
    for key, label in ROWS.items():
        seconds, peak, code = results[key]
        if code not in (0, 1):
            print(f"| {label} | failed (exit {code}) | | | |")
            continue
        ratio = f"{seconds / baseline:.2f}×" if key in ("files", "warc") else ""
        print(f"| {label} | {seconds:.1f} | {n / seconds:,.0f} | {peak / MiB:.0f} | {ratio} |")
    print(
        "\nratio: newscli's wall time over trafilatura extract() alone with newscli's options"
        f"\n({time.perf_counter() - started:.0f} s in all)"
    )
    if problems:
        raise SystemExit("bench.html: failed checks:\n  " + "\n  ".join(problems))


if __name__ == "__main__":
    main()
