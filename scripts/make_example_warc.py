#!/usr/bin/env python3
"""Build examples/wire.warc, a small uncompressed WARC/1.0 file for sitrep's tests.

The file contains, in order:
  1. a `warcinfo` record,
  2. a `request` record (GET for the first article),
  3. a `response` record (HTTP/1.1 200, text/html) for the first article,
  4. a `response` record (HTTP/1.1 200, text/html) for the second article.

All article text below is original writing for the sitrep project.
Content-Length values are exact byte counts of each record block, records are
terminated by CRLF CRLF, and block/payload digests are real SHA-1 values.

Usage: python3 scripts/make_example_warc.py [output-path]
"""

import base64
import hashlib
import os
import sys
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_OUT = os.path.join(ROOT, "examples", "wire.warc")

# Fixed UUIDs so the output is byte-for-byte reproducible.
NS = uuid.UUID("6f1c3a52-9b7e-4d0a-8c1e-2f4b5d6a7c80")


def record_id(name):
    return "<urn:uuid:%s>" % uuid.uuid5(NS, name)


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


ARTICLE_IRPIN_URL = "https://danubewire.example/news/europe/irpin-evacuation-footbridge-id7730455"
ARTICLE_IRPIN = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Civilians cross wrecked bridge on foot to escape Irpin - Danube Wire</title>
<meta property="og:site_name" content="Danube Wire">
<meta property="og:title" content="Civilians cross wrecked bridge on foot to escape Irpin">
<meta property="article:published_time" content="2022-03-09T17:25:00Z">
<link rel="canonical" href="https://danubewire.example/news/europe/irpin-evacuation-footbridge-id7730455">
</head>
<body>
<div class="consent-banner">We use cookies to give you the best experience. <button>Accept</button> <a href="/cookies">Learn more</a></div>
<header>
<a href="/" class="logo">Danube Wire</a>
<nav><a href="/news/world">World</a> <a href="/news/europe">Europe</a> <a href="/news/ukraine-crisis">Ukraine crisis</a> <a href="/news/business">Business</a> <a href="/markets">Markets</a> <a href="/news/technology">Technology</a> <a href="/graphics">Graphics</a> <a href="/fact-check">Fact Check</a></nav>
</header>
<div class="dw-ad" data-slot="top-970x250"></div>
<main>
<article>
<h1>Civilians cross wrecked bridge on foot to escape Irpin</h1>
<p class="byline">By <a rel="author" href="/authors/marek-sobczak">Marek Sobczak</a></p>
<div class="share"><a href="#">Twitter</a> <a href="#">Facebook</a> <a href="#">Email</a></div>
<div class="article-body">
<p>IRPIN, Ukraine, March 9 (Danube Wire) - Several thousand people left the town of Irpin and neighbouring suburbs northwest of Kyiv on Wednesday, clambering over the broken concrete of a bridge that Ukrainian forces blew up last month to slow the Russian advance on the capital.</p>
<p>Elderly residents were carried across planks laid over the river on the backs of soldiers and police officers, while others pushed prams and pulled suitcases along a muddy path to buses waiting on the Kyiv side. Volunteers handed out tea and bread to people who said they had spent days in cellars without heating.</p>
<p>Deputy Prime Minister Iryna Vereshchuk said that corridors from the towns of Bucha, Hostomel, Vorzel and Irpin had been agreed for the day and that several thousand people had been brought out of the Kyiv region by the evening, most of them by bus. The figure could not be independently verified.</p>
<p>Local officials said shelling continued in parts of Irpin even as the evacuation went ahead. Three days earlier, a mortar round struck a group of people trying to reach the same crossing, killing a mother, her two children and a volunteer who was helping them.</p>
<p>A retired engineer who gave his name as Viktor said he had decided to leave after a shell landed in the courtyard of his apartment block. He said he was carrying only his documents, his medicines and a photograph of his late wife.</p>
<p>Ukrainian officials said evacuations were also continuing from the northeastern city of Sumy for a second day, while the route out of Mariupol remained blocked.</p>
</div>
</article>
<section class="related"><h2>Related Coverage</h2>
<ul>
<li><a href="/news/europe/sumy-corridor-second-day-id7730412">Second convoy leaves Sumy for Poltava</a></li>
<li><a href="/news/europe/kyiv-checkpoints-id7730388">Kyiv braces behind sandbags and checkpoints</a></li>
<li><a href="/news/europe/mariupol-corridor-fails-id7730301">Mariupol corridor collapses again</a></li>
</ul>
</section>
<form class="newsletter" action="/newsletters/signup" method="post"><label>Ukraine Crisis Briefing</label><input type="email" name="email"><button>Sign up</button></form>
</main>
<footer><a href="/about">About</a> | <a href="/contact">Contact</a> | <a href="/terms-of-use">Terms of Use</a> | <a href="/privacy">Privacy</a> | &copy; 2022 Danube Wire</footer>
</body>
</html>
"""

ARTICLE_ANTAKYA_URL = "https://www.harborviewgazette.example/international/antakya-rescue-cold-5561144"
ARTICLE_ANTAKYA = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>In Antakya, rescuers race the cold to reach survivors | Harborview Gazette</title>
<meta property="og:site_name" content="Harborview Gazette">
<meta property="og:title" content="In Antakya, rescuers race the cold to reach survivors">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"In Antakya, rescuers race the cold to reach survivors","datePublished":"2023-02-08T20:10:00+03:00","author":{"@type":"Person","name":"Leila Haddad"},"publisher":{"@type":"Organization","name":"Harborview Gazette"}}</script>
</head>
<body>
<div class="hg-cookie-bar">We and our partners use cookies. <button>OK, got it</button></div>
<header class="hg-masthead"><a href="/">Harborview Gazette</a>
<nav><ul><li><a href="/local">Local</a></li><li><a href="/national">National</a></li><li><a href="/international">International</a></li><li><a href="/politics">Politics</a></li><li><a href="/business">Business</a></li><li><a href="/sports">Sports</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<main>
<article class="hg-story">
<h1>In Antakya, rescuers race the cold to reach survivors</h1>
<div class="hg-meta"><span class="byline">By Leila Haddad</span> <time datetime="2023-02-08T20:10:00+03:00">February 8, 2023</time></div>
<div class="hg-story__body">
<p>Two days after the earthquakes that devastated southern Turkey, the streets of Antakya were lined on Wednesday with people waiting beside the ruins of apartment blocks for news of relatives still buried inside.</p>
<p>Rescue teams from Turkey and abroad worked through the night with floodlights, drills and sniffer dogs, calling for silence every few minutes so they could listen for voices or tapping beneath the concrete. In one district, a team cheered as a teenage boy was lifted out on a stretcher more than 50 hours after the first tremor.</p>
<p>But many families said help had been slow to arrive. A shopkeeper standing outside a collapsed six-storey building said neighbours had dug with their hands for a full day before any heavy machinery appeared, and that temperatures close to freezing had made every hour count.</p>
<p>Turkey's disaster agency AFAD said on Wednesday evening that the number of dead in the country had risen above 9,000, while officials in Syria and rescuers in the rebel-held northwest reported more than 2,600 deaths on their side of the border. The figures were expected to keep climbing.</p>
<p>Hatay province, of which Antakya is the capital, is among the worst affected of the ten provinces placed under a state of emergency. The city's airport runway was cracked by the quake, complicating the arrival of aid, and many roads into the centre were blocked by debris.</p>
<p>President Recep Tayyip Erdogan visited the region on Wednesday and promised that no one would be left on the streets. Opposition politicians accused the government of failing to enforce building codes, a charge officials rejected.</p>
</div>
</article>
<section class="hg-related"><h3>Related Stories</h3><ul>
<li><a href="/international/quake-how-to-help-5561098">How to help victims of the Turkey-Syria earthquakes</a></li>
<li><a href="/international/why-buildings-collapsed-5561187">Why so many buildings collapsed: engineers weigh in</a></li>
</ul></section>
<section class="hg-comments"><h3>Leave a reply</h3><form action="/comments" method="post"><textarea name="body"></textarea><button>Post</button></form></section>
</main>
<footer class="hg-footer"><a href="/about">About the Gazette</a> | <a href="/legal/privacy">Privacy policy</a> | Copyright &copy; 2023 Harborview Gazette Publishing Co.</footer>
</body>
</html>
"""


def http_response(html, date_hdr, last_modified):
    body = html.encode("utf-8")
    head = (
        "HTTP/1.1 200 OK\r\n"
        "Date: %s\r\n"
        "Server: nginx\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        "Content-Length: %d\r\n"
        "Last-Modified: %s\r\n"
        "Cache-Control: max-age=300\r\n"
        "Connection: close\r\n"
        "\r\n" % (date_hdr, len(body), last_modified)
    ).encode("ascii")
    return head + body, body


def http_request(url):
    rest = url.split("://", 1)[1]
    host, path = rest.split("/", 1)
    return (
        "GET /%s HTTP/1.1\r\n"
        "Host: %s\r\n"
        "User-Agent: sitrep-example-crawler/0.1\r\n"
        "Accept: text/html,application/xhtml+xml\r\n"
        "Accept-Language: en\r\n"
        "Connection: close\r\n"
        "\r\n" % (path, host)
    ).encode("ascii")


def warc_record(headers, block):
    lines = ["WARC/1.0"]
    for k, v in headers:
        lines.append("%s: %s" % (k, v))
    lines.append("Content-Length: %d" % len(block))
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")
    return head + block + b"\r\n\r\n"


def build():
    out = []

    info = (
        "software: sitrep make_example_warc.py\r\n"
        "format: WARC File Format 1.0\r\n"
        "conformsTo: http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf\r\n"
        "isPartOf: sitrep-examples\r\n"
        "description: Two news articles written for the sitrep test suite\r\n"
        "robots: obey\r\n"
    ).encode("utf-8")
    out.append(
        warc_record(
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Date", "2023-02-10T09:00:00Z"),
                ("WARC-Filename", "wire.warc"),
                ("WARC-Record-ID", record_id("warcinfo")),
                ("Content-Type", "application/warc-fields"),
            ],
            info,
        )
    )

    req = http_request(ARTICLE_IRPIN_URL)
    resp1, payload1 = http_response(
        ARTICLE_IRPIN, "Fri, 10 Feb 2023 09:00:02 GMT", "Wed, 09 Mar 2022 17:25:00 GMT"
    )
    out.append(
        warc_record(
            [
                ("WARC-Type", "request"),
                ("WARC-Target-URI", ARTICLE_IRPIN_URL),
                ("WARC-Date", "2023-02-10T09:00:02Z"),
                ("WARC-Concurrent-To", record_id("response-irpin")),
                ("WARC-Record-ID", record_id("request-irpin")),
                ("WARC-Warcinfo-ID", record_id("warcinfo")),
                ("Content-Type", "application/http; msgtype=request"),
                ("WARC-Block-Digest", sha1_b32(req)),
            ],
            req,
        )
    )
    out.append(
        warc_record(
            [
                ("WARC-Type", "response"),
                ("WARC-Target-URI", ARTICLE_IRPIN_URL),
                ("WARC-Date", "2023-02-10T09:00:02Z"),
                ("WARC-Record-ID", record_id("response-irpin")),
                ("WARC-Warcinfo-ID", record_id("warcinfo")),
                ("WARC-IP-Address", "192.0.2.17"),
                ("Content-Type", "application/http; msgtype=response"),
                ("WARC-Block-Digest", sha1_b32(resp1)),
                ("WARC-Payload-Digest", sha1_b32(payload1)),
            ],
            resp1,
        )
    )

    resp2, payload2 = http_response(
        ARTICLE_ANTAKYA, "Fri, 10 Feb 2023 09:00:05 GMT", "Wed, 08 Feb 2023 17:10:00 GMT"
    )
    out.append(
        warc_record(
            [
                ("WARC-Type", "response"),
                ("WARC-Target-URI", ARTICLE_ANTAKYA_URL),
                ("WARC-Date", "2023-02-10T09:00:05Z"),
                ("WARC-Record-ID", record_id("response-antakya")),
                ("WARC-Warcinfo-ID", record_id("warcinfo")),
                ("WARC-IP-Address", "198.51.100.42"),
                ("Content-Type", "application/http; msgtype=response"),
                ("WARC-Block-Digest", sha1_b32(resp2)),
                ("WARC-Payload-Digest", sha1_b32(payload2)),
            ],
            resp2,
        )
    )
    return b"".join(out)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_OUT
    data = build()
    with open(path, "wb") as f:
        f.write(data)
    print("wrote %s (%d bytes, 4 records)" % (path, len(data)))


if __name__ == "__main__":
    main()
