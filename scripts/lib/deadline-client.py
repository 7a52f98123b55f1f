#!/usr/bin/env python3
"""The load client of scripts/bench-deadline (Python 3, standard library only).

  deadline-client.py run --base http://127.0.0.1:PORT --accounts FILE --cadres 200 --duration 30 \
      --label SQLite --counts OUT.json
  deadline-client.py verify --counts OUT.json --rows DB_ROWS.txt

`run`:
 1. Setup, over HTTP as people do it: rushan-admin imports a town (截止周镇总工会) and CADRES
    enterprise unions with valid credit codes under 乳山市总工会 through the import form, creates
    one account per union with the union-cadre role at it (the new-account form), then each cadre
    signs in with the temporary password, chooses a new one (the app insists), opens its
    application in the demo's open Rushan campaign and starts the self-assessment (version 0).
 2. /healthz, idle: one connection, one request after another, for a few seconds (the baseline);
    then the first cadre alone for a few seconds (--solo), the same loop as below with no pause:
    the floor.
 3. The deadline week: every cadre at once, each on its own keep-alive connection and address,
    for --duration seconds with no pause (--think T: T seconds on average between one cadre's
    requests, evenly spread over 0.5–1.5 T, each cadre's start spread over the first T): GET its
    self-assessment page, POST the whole form back (the page's own fields: the first option of
    every radio group, every checklist element ticked with its marker, 95 in a percentage, 3 in a
    count, a note in every item, one of them naming the save; with the page's _csrf, version and
    base), follow the 303 to the page, and every --upload-every-th save upload one PDF (about 4 KB,
    different bytes every time) to the next item's evidence. One more thread samples /healthz
    (about 20 a second) during the load. Cadres are spread over worker processes (25 each) so
    Python's lock does not queue them.
 4. Prints a Markdown table: per kind requests, errors, p50, p99 and each as a ratio to the idle
    /healthz p50 and p99 of the same run, with the server's and the client's CPU time over the load
    (--server-pid; PostgreSQL's with --database-pid); writes what the client saw succeed per unit (alone and at once) to --counts.
    Latency is from sending the request to having read the whole answer, on an open connection.

`verify` compares --counts with rows read from the database (unit id, application version,
evidence rows, audit entries application.saveSelfAssessment and application.uploadEvidence).
"""
import argparse
import html
import http.client
import json
import math
import multiprocessing
import os
import random
import re
import resource
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser

TOWN = "截止周镇总工会"
PARENT = "威海市总工会/乳山市总工会"
CADRES_PER_PROCESS = 25
TIMEOUT = 120


class Session:
    """One person's browser: a keep-alive connection, a cookie jar and an address (X-Forwarded-For)."""

    def __init__(self, base, address, cookies=None):
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.address = address
        self.cookies = dict(cookies or {})
        self.conn = None

    def connect(self):
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        self.conn.connect()

    def request(self, method, path, body=None, content_type=None):
        """(status, location, body text)"""
        if self.conn is None:
            self.connect()
        headers = {"X-Forwarded-For": self.address, "Accept-Language": "zh-CN"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, val = pair.partition("=")
                lower = value.lower()
                if val == "" or "max-age=0" in lower or "1970" in lower:
                    self.cookies.pop(key, None)
                else:
                    self.cookies[key] = val
        if response.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return response.status, response.getheader("Location"), data.decode("utf-8", "replace")

    def post_form(self, path, fields):
        return self.request("POST", path, urllib.parse.urlencode(fields), "application/x-www-form-urlencoded")


def token(page):
    match = re.search(r'name="_csrf" value="([^"]*)"', page)
    if not match:
        raise RuntimeError("no _csrf field on the page")
    return match.group(1)


def expect(result, status, what):
    if result[0] != status:
        sentence = re.findall(r'class="form-error"[^>]*>([^<]*)<', result[2])[:2]
        raise RuntimeError(f"{what}: HTTP {result[0]} (expected {status}) {sentence} {result[2][:300]!r}")
    return result


def sign_in(base, username, password, address):
    session = Session(base, address)
    page = expect(session.request("GET", "/signin"), 200, "sign-in page")[2]
    result = session.post_form("/signin", {"_csrf": token(page), "username": username, "password": password})
    expect(result, 303, f"sign in as {username}")
    return session, result[1]


# --- setup -----------------------------------------------------------------------------------

def credit_code(n):
    """A valid GB 32100-2015 code: 91371083 9 n (8 digits) and the check character."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    body = "913710839%08d" % n
    total = sum(alphabet.index(c) * w for c, w in zip(body, weights))
    return body + alphabet[(31 - total % 31) % 31]


def links(page):
    return re.findall(r'href="(/orgs/[0-9a-f-]{36})"[^>]*>([^<]*)<', page)


def find_child(session, parent_path, name):
    for page_number in range(1, 200):
        page = expect(session.request("GET", f"{parent_path}?page={page_number}"), 200, parent_path)[2]
        for path, text in links(page):
            if text.strip() == name:
                return path
        if f"page={page_number + 1}" not in page:
            break
    raise RuntimeError(f"{name} not found under {parent_path}")


def setup(args, accounts):
    admin, _ = sign_in(args.base, "rushan-admin", accounts["rushan-admin"], "10.77.0.1")
    # the town and the unions, through the import form (not a dry run)
    rows = ["名称,上级,层级,类型,统一社会信用代码,会员人数,职工人数,工会主席,联系电话,地址,公司制企业",
            f"{TOWN},{PARENT},镇街/园区/系统工会,,,0,0,,,,否"]
    names = [f"截止周{n + 1:03d}有限公司工会" for n in range(args.cadres)]
    for n, name in enumerate(names):
        rows.append(f"{name},{PARENT}/{TOWN},基层工会,企业工会,{credit_code(n)},{60 + n % 300},{80 + n % 300},,,,是")
    csv = ("\n".join(rows) + "\n").encode()
    form = expect(admin.request("GET", "/orgs/import"), 200, "import form")[2]
    body, content_type = multipart({"_csrf": token(form)}, "file", "units.csv", "text/csv", csv)
    result = expect(admin.request("POST", "/orgs/import", body, content_type), 200, "import")
    if f"新建：{args.cadres + 1}，" not in result[2]:
        raise RuntimeError("the import did not create every row: " + " ".join(re.findall(r"<p[^>]*>([^<]*)</p>", result[2])[:5]))
    rushan = find_child(admin, "/orgs", "乳山市总工会")
    town = find_child(admin, rushan, TOWN)
    units = {}
    for page_number in range(1, 100):
        page = expect(admin.request("GET", f"{town}?page={page_number}"), 200, "town")[2]
        for path, text in links(page):
            if text.strip() in names:
                units[text.strip()] = path.rsplit("/", 1)[1]
        if f"page={page_number + 1}" not in page:
            break
    if len(units) != args.cadres:
        raise RuntimeError(f"found {len(units)} of {args.cadres} imported unions on the town's pages")
    campaigns = expect(admin.request("GET", "/campaigns"), 200, "campaigns")[2]
    campaign = next((m.group(1) for m in re.finditer(r'href="/campaigns/([0-9a-f-]{36})"[^>]*>([^<]*)<', campaigns)
                     if "活力基层工会" in m.group(2)), None)
    if not campaign:
        raise RuntimeError("the demo's Rushan campaign is not on /campaigns")
    admin_token = token(expect(admin.request("GET", "/admin/users/new"), 200, "new account form")[2])

    def make_cadre(index):
        name = names[index]
        username = f"dl-cadre-{index + 1:03d}"
        address = f"10.78.{index // 250}.{index % 250 + 1}"
        me = Session(args.base, "10.77.0.1", admin.cookies)
        t0 = time.perf_counter()
        secret = expect(me.post_form("/admin/users", {"_csrf": admin_token, "username": username, "displayName": f"{name}干部",
                                                      "organisation": units[name], "organisation_q": "", "role": "unionCadre"}),
                        200, f"create {username}")[2]
        created = time.perf_counter() - t0
        temporary = html.unescape(re.search(r"data-secret>([^<]*)<", secret).group(1))
        session, location = sign_in(args.base, username, temporary, address)
        if location != "/account/password":
            raise RuntimeError(f"{username}: expected to be sent to /account/password, got {location}")
        page = expect(session.request("GET", "/account/password"), 200, "password form")[2]
        password = f"Deadline-{index + 1:03d}-week-Rushan!"
        expect(session.post_form("/account/password", {"_csrf": token(page), "current": temporary, "new": password, "confirm": password}),
               303, f"{username} chooses a password")
        unit_path = f"/campaigns/{campaign}/units/{units[name]}"
        page = expect(session.request("GET", unit_path), 200, f"{username}'s application")[2]
        expect(session.post_form(unit_path + "/start", {"_csrf": token(page), "version": "0"}), 303, f"{username} starts")
        page = expect(session.request("GET", unit_path + "/self-assessment"), 200, f"{username}'s self-assessment")[2]
        form = SelfAssessmentForm()
        form.feed(page)
        session.conn.close()
        session.conn = None
        return {"index": index, "username": username, "unit": units[name], "name": name, "address": address,
                "cookies": session.cookies, "path": unit_path + "/self-assessment", "form": form.summary(), "created": created}

    with ThreadPoolExecutor(max_workers=4) as pool:
        cadres = list(pool.map(make_cadre, range(args.cadres)))
    return campaign, cadres


class SelfAssessmentForm(HTMLParser):
    """The self-assessment form's fields, as the page has them: controls inside <form id="sa-form">
    or pointing at it with form="sa-form", labels by id, and the evidence upload forms."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside = False
        self.hidden, self.radios, self.checkboxes, self.texts, self.notes = {}, {}, [], [], []
        self.labels, self.label_for, self.uploads = {}, None, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            if a.get("id") == "sa-form":
                self.inside = True
            elif a.get("enctype") == "multipart/form-data" and "/evidence" in (a.get("action") or ""):
                self.uploads.append(html.unescape(a["action"]))
        if tag == "label" and a.get("for"):
            self.label_for, self.labels[a["for"]] = a["for"], ""
        ours = self.inside or a.get("form") == "sa-form"
        if not ours or "name" not in a:
            return
        name = a["name"]
        if tag == "textarea":
            self.notes.append(name)
        elif tag == "input":
            kind = a.get("type", "text")
            if kind == "hidden":
                self.hidden[name] = a.get("value", "")
            elif kind == "radio":
                self.radios.setdefault(name, []).append(a.get("value", ""))
            elif kind == "checkbox":
                self.checkboxes.append((name, a.get("value", "on")))
            elif kind == "text":
                self.texts.append((name, a.get("id", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        if tag == "label":
            self.label_for = None

    def handle_data(self, data):
        if self.label_for:
            self.labels[self.label_for] += data

    def summary(self):
        numbers = [(name, "95" if "%" in self.labels.get(ident, "") else "3") for name, ident in self.texts]
        return {"hidden": sorted(self.hidden), "radios": {k: v[0] for k, v in self.radios.items()},
                "checkboxes": self.checkboxes, "numbers": numbers, "notes": self.notes, "uploads": self.uploads}


def multipart(fields, file_field, filename, file_type, data):
    boundary = "----deadline" + os.urandom(12).hex()
    parts = []
    for key, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode())
    parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
                 f"Content-Type: {file_type}\r\n\r\n".encode() + data + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def pdf(label):
    """A well-formed one-page PDF of about 4 KB whose text (and so whose bytes) names `label`."""
    text = " ".join(f"({label} line {i}) Tj T*" for i in range(80))
    stream = f"BT /F1 9 Tf 20 780 Td 11 TL {text} ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = "%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out.encode()))
        out += f"{number} 0 obj\n{body}\nendobj\n"
    xref = len(out.encode())
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode()


# --- the measured phase --------------------------------------------------------------------------

NOTE = "已按标准自查，台账齐全，材料已上传。"


def save_fields(form, page, save_number, cadre):
    version = re.search(r'name="version" value="([^"]*)"', page)
    base = re.search(r'name="base" value="([^"]*)"', page)
    if not version:
        raise ValueError("the page has no version field")
    fields = [("_csrf", token(page)), ("version", version.group(1)), ("base", html.unescape(base.group(1)) if base else "")]
    fields += list(form["radios"].items()) + [tuple(c) for c in form["checkboxes"]] + [tuple(n) for n in form["numbers"]]
    named = save_number % max(1, len(form["notes"]))
    for i, note in enumerate(form["notes"]):
        fields.append((note, NOTE + (f"（第{save_number}次保存，{cadre['username']}）" if i == named else "")))
    return urllib.parse.urlencode(fields)


def cadre_loop(cadre, args, start_at, stop_at, out, lock, think=None):
    session = Session(args.base, cadre["address"], cadre["cookies"])
    session.connect()
    form = cadre["form"]
    latencies = {"page": [], "save": [], "upload": []}
    errors, conflicts, samples = {}, 0, []
    saves = uploads = 0
    path = cadre["path"]
    next_get = path
    upload_number = 0

    def timed(kind, method, target, body=None, content_type=None):
        t0 = time.perf_counter()
        try:
            result = session.request(method, target, body, content_type)
        except Exception as error:  # a reset or a timeout is an error of that kind
            latencies[kind].append(time.perf_counter() - t0)
            key = f"{kind} {type(error).__name__}"
            errors[key] = errors.get(key, 0) + 1
            if len(samples) < 3:
                samples.append(f"{cadre['username']} {key}: {error}")
            return None
        latencies[kind].append(time.perf_counter() - t0)
        return result

    def error(kind, result, expected):
        key = f"{kind} HTTP {result[0]}"
        errors[key] = errors.get(key, 0) + 1
        if len(samples) < 3:
            sentence = re.findall(r'class="form-error"[^>]*>([^<]*)<', result[2])[:1]
            samples.append(f"{cadre['username']} {key} (expected {expected}) {sentence or result[2][:200]!r}")

    think = args.think if think is None else think
    rng = random.Random(cadre["index"])

    def pause():  # THINK on average, evenly spread over half to one and a half times it
        if think:
            time.sleep(think * rng.uniform(0.5, 1.5))

    time.sleep(max(0.0, start_at - time.time()) + (rng.uniform(0, think) if think else 0))
    while time.time() < stop_at:
        result = timed("page", "GET", next_get)
        next_get = path
        if result is None:
            pause()
            continue
        if result[0] != 200 or 'name="version"' not in result[2]:
            error("page", result, 200)
            pause()
            continue
        pause()
        if time.time() >= stop_at:
            break
        body = save_fields(form, result[2], saves + 1, cadre)
        saved = timed("save", "POST", path, body, "application/x-www-form-urlencoded")
        if saved is None:
            pause()
            continue
        if saved[0] == 303 and saved[1] and "done=saved" in saved[1]:
            saves += 1
            next_get = saved[1].split("#")[0]
        elif saved[0] == 409:
            conflicts += 1
        else:
            error("save", saved, 303)
        pause()
        if saved[0] == 303 and args.upload_every and saves % args.upload_every == 0 and form["uploads"] and time.time() < stop_at:
            target = form["uploads"][upload_number % len(form["uploads"])]
            upload_number += 1
            data = pdf(f"{cadre['username']} upload {upload_number} {os.urandom(6).hex()}")
            body, content_type = multipart({"_csrf": token(result[2])}, "file", f"台账-{upload_number}.pdf", "application/pdf", data)
            uploaded = timed("upload", "POST", target, body, content_type)
            if uploaded is not None:
                if uploaded[0] == 303 and uploaded[1] and "done=uploaded" in uploaded[1]:
                    uploads += 1
                    next_get = uploaded[1].split("#")[0]
                else:
                    error("upload", uploaded, 303)
            pause()
    with lock:
        out.append({"unit": cadre["unit"], "name": cadre["name"], "latencies": latencies, "errors": errors,
                    "conflicts": conflicts, "samples": samples, "saves": saves, "uploads": uploads})


def worker_process(cadres, args, start_at, stop_at, queue):
    out, lock = [], threading.Lock()
    threads = [threading.Thread(target=cadre_loop, args=(c, args, start_at, stop_at, out, lock)) for c in cadres]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put(out)


def healthz_samples(args, seconds=None, until=None, pause=0.0):
    session = Session(args.base, "10.77.9.9")
    session.connect()
    times, errors = [], 0
    end = until if until else time.time() + seconds
    while time.time() < end:
        t0 = time.perf_counter()
        try:
            status = session.request("GET", "/healthz")[0]
        except Exception:
            status = None
        times.append(time.perf_counter() - t0)
        if status != 200:
            errors += 1
        if pause:
            time.sleep(pause)
    return times, errors


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]  # nearest rank


def cpu_seconds(pid):
    """User and system CPU time of a process so far (from /proc), or None."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def tree_cpu_seconds(root):
    """CPU time so far of a process and its children (PostgreSQL's postmaster and its backends), by pid."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == root or int(fields[1]) == root:
            found[int(entry)] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return found


def own_cpu_seconds():
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def merge(results):
    kinds = {"page": [], "save": [], "upload": []}
    errors, conflicts, samples = {}, 0, []
    for r in results:
        for kind in kinds:
            kinds[kind] += r["latencies"][kind]
        for key, count in r["errors"].items():
            errors[key] = errors.get(key, 0) + count
        conflicts += r["conflicts"]
        samples += r["samples"]
    return kinds, errors, conflicts, samples


def run(args):
    accounts = {}
    for line in open(args.accounts, encoding="utf-8"):
        parts = line.split()
        if len(parts) >= 2 and line.startswith("  "):
            accounts[parts[0]] = parts[1]
    t0 = time.time()
    campaign, cadres = setup(args, accounts)
    setup_seconds = time.time() - t0
    created = sorted(c["created"] for c in cadres)
    print(f"setup: {args.cadres} unions imported, {args.cadres} cadre accounts created (median {percentile(created, 0.5) * 1000:.0f} ms each), "
          f"signed in, passwords chosen, self-assessments started, in {setup_seconds:.1f} s", file=sys.stderr)
    form = cadres[0]["form"]
    print(f"the form: {len(form['radios'])} radio groups, {len(form['checkboxes'])} checkboxes, {len(form['numbers'])} numbers, "
          f"{len(form['notes'])} notes, {len(form['uploads'])} upload forms", file=sys.stderr)

    # /healthz idle (the baseline), then one cadre alone (the floor), then everyone.
    idle, idle_errors = healthz_samples(args, seconds=args.idle)
    solo = []
    if args.solo:
        now = time.time()
        cadre_loop(cadres[0], args, now, now + args.solo, solo, threading.Lock(), think=0)
    load_before = open("/proc/loadavg").read().split()[:3]
    start_at = time.time() + 3
    stop_at = start_at + args.duration
    queue = multiprocessing.get_context("fork").Queue()
    processes = []
    for first in range(0, len(cadres), CADRES_PER_PROCESS):
        p = multiprocessing.get_context("fork").Process(target=worker_process,
                                                         args=(cadres[first:first + CADRES_PER_PROCESS], args, start_at, stop_at, queue))
        p.start()
        processes.append(p)
    time.sleep(max(0.0, start_at - time.time()))
    client_cpu, server_cpu = own_cpu_seconds(), cpu_seconds(args.server_pid) if args.server_pid else None
    database_cpu = tree_cpu_seconds(args.database_pid) if args.database_pid else None
    watcher = None
    if args.during_load:
        def watch():
            time.sleep(args.during_delay)
            return subprocess.run(args.during_load, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        watcher = threading.Thread(target=watch)
        watcher.start()
    busy, busy_errors = healthz_samples(args, until=stop_at, pause=0.05)
    server_cpu = cpu_seconds(args.server_pid) - server_cpu if server_cpu is not None else None
    if database_cpu is not None:
        database_cpu = sum(max(0.0, now - database_cpu.get(pid, 0.0)) for pid, now in tree_cpu_seconds(args.database_pid).items())
    results = []
    for _ in processes:
        results.extend(queue.get())
    for p in processes:
        p.join()
    client_cpu = own_cpu_seconds() - client_cpu
    if watcher:
        watcher.join()
    load_after = open("/proc/loadavg").read().split()[:3]

    kinds, errors, conflicts, samples = merge(results)
    solo_kinds, solo_errors, solo_conflicts, solo_samples = merge(solo)
    base50, base99 = percentile(idle, 0.5), percentile(idle, 0.99)

    def times(ratio):
        return f"{ratio:,.0f}×" if ratio >= 10 else f"{ratio:.1f}×"

    def row(label, values, error_count):
        if not values:
            return f"| {label} | 0 | {error_count} | — | — | — | — |"
        p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
        return f"| {label} | {len(values):,} | {error_count} | {p50 * 1000:.1f} | {p99 * 1000:.1f} | {times(p50 / base50)} | {times(p99 / base99)} |"

    def errors_of(table, kind):
        return sum(v for k, v in table.items() if k.startswith(kind + " "))

    labels = {"page": "self-assessment page (GET, 200)", "save": "save (POST, 303)", "upload": "evidence upload (POST multipart, 303)"}
    print(f"### {args.label}: {args.cadres} cadres at once, {args.duration:g} s"
          + (f", {args.think:g} s on average between one cadre's requests (0.5–1.5 times it, starts spread over the first)"
             if args.think else ", no pause between requests"))
    print()
    saves, uploads = sum(r["saves"] for r in results), sum(r["uploads"] for r in results)
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Load average {' '.join(load_before)} before the load, "
          f"{' '.join(load_after)} after. Over the load: {sum(len(v) for v in kinds.values()) / args.duration:,.0f} requests/s, "
          f"{saves / args.duration:,.1f} saves/s, {uploads / args.duration:,.1f} uploads/s; "
          + (f"the server used {server_cpu:.1f} CPU-seconds ({server_cpu / args.duration:.2f} cores), " if server_cpu is not None else "")
          + (f"PostgreSQL {database_cpu:.1f} ({database_cpu / args.duration:.2f} cores), " if database_cpu is not None else "")
          + f"the client {client_cpu:.1f} ({client_cpu / args.duration:.2f} cores), of {os.cpu_count()} cores.")
    print()
    print("| kind | requests | errors | p50 ms | p99 ms | ratio p50 | ratio p99 |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(f"| /healthz, idle, just before (the baseline) | {len(idle):,} | {idle_errors} | {base50 * 1000:.2f} | {base99 * 1000:.2f} | 1× | 1× |")
    if solo:
        for kind in kinds:
            print(row(f"one cadre alone ({args.solo:g} s): {labels[kind]}", solo_kinds[kind], errors_of(solo_errors, kind)))
    print(row("/healthz during the load (one more thread, ~20/s)", busy, busy_errors))
    for kind in kinds:
        print(row(f"**{args.cadres} at once: {labels[kind]}**" if kind == "save" else f"{args.cadres} at once: {labels[kind]}",
                  kinds[kind], errors_of(errors, kind)))
    print()
    firsts = [r["latencies"]["page"][0] for r in results if r["latencies"]["page"]]
    later = [t for r in results for t in r["latencies"]["page"][1:]]
    if firsts and later:
        print(f"Of the {len(kinds['page']):,} pages, the first of each cadre all went out in the same instant (the opening burst): "
              f"p50 {percentile(firsts, 0.5) * 1000:.0f} ms, slowest {max(firsts) * 1000:.0f} ms; the other {len(later):,}: "
              f"p50 {percentile(later, 0.5) * 1000:.1f} ms, p99 {percentile(later, 0.99) * 1000:.1f} ms.")
    print("Ratios: each kind's p50 (p99) over the idle /healthz p50 (p99) of the same run.")
    all_errors = dict(errors)
    for key, count in solo_errors.items():
        all_errors["alone: " + key] = count
    print(f"Version conflicts (409) on saves: {conflicts + solo_conflicts}. "
          f"Errors: {json.dumps(all_errors, ensure_ascii=False) if all_errors else 'none'}.")
    for sample in (solo_samples + samples)[:6]:
        print(f"  e.g. {sample}")
    print()
    units = {}
    for r in solo + results:
        seen = units.setdefault(r["unit"], {"name": r["name"], "saves": 0, "uploads": 0})
        seen["saves"] += r["saves"]
        seen["uploads"] += r["uploads"]
    with open(args.counts, "w", encoding="utf-8") as f:
        json.dump({"units": units, "errors": sum(all_errors.values()), "conflicts": conflicts + solo_conflicts}, f, ensure_ascii=False)
    return 0


def verify(args):
    """--rows: one line per application, `unit id|version|evidence rows|save entries|upload entries`."""
    client = json.load(open(args.counts, encoding="utf-8"))["units"]
    database = {}
    for line in open(args.rows, encoding="utf-8"):
        parts = line.strip().split("|")
        if len(parts) == 5:
            database[parts[0].lower()] = [int(x) for x in parts[1:]]
    mismatches = []
    saves = uploads = stored_saves = stored_uploads = evidence = 0
    for unit, seen in client.items():
        row = database.get(unit)
        if row is None:
            mismatches.append(f"{seen['name']}: no application in the database")
            continue
        version, files, save_entries, upload_entries = row
        saves += seen["saves"]
        uploads += seen["uploads"]
        stored_saves += save_entries
        stored_uploads += upload_entries
        evidence += files
        if (save_entries, upload_entries, files, version) != (seen["saves"], seen["uploads"], seen["uploads"], 1 + seen["saves"] + seen["uploads"]):
            mismatches.append(f"{seen['name']}: client saw {seen['saves']} saves and {seen['uploads']} uploads; database has "
                              f"{save_entries} save entries, {upload_entries} upload entries, {files} evidence rows, version {version}")
    print(f"No lost writes: {len(client) - len(mismatches)} of {len(client)} applications match what the client saw succeed — "
          f"saves {saves} seen / {stored_saves} audit entries application.saveSelfAssessment; uploads {uploads} seen / "
          f"{evidence} evidence rows / {stored_uploads} audit entries application.uploadEvidence; every version = 1 (start) + saves + uploads"
          + ("" if not mismatches else " — EXCEPT:"))
    for m in mismatches[:20]:
        print("  " + m)
    return 1 if mismatches else 0


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--base", required=True)
    r.add_argument("--accounts", required=True)
    r.add_argument("--cadres", type=int, default=200)
    r.add_argument("--duration", type=float, default=30)
    r.add_argument("--idle", type=float, default=5, help="seconds of idle /healthz before the load")
    r.add_argument("--think", type=float, default=0)
    r.add_argument("--solo", type=float, default=5, help="seconds of one cadre alone before the load (0: none)")
    r.add_argument("--server-pid", type=int, help="to report the server's CPU time during the load")
    r.add_argument("--database-pid", type=int, help="PostgreSQL's postmaster, to report its and its backends' CPU time")
    r.add_argument("--upload-every", type=int, default=3)
    r.add_argument("--label", default="SQLite")
    r.add_argument("--counts", required=True)
    r.add_argument("--during-load", help="a shell command run once, --during-delay seconds into the load (perf record)")
    r.add_argument("--during-delay", type=float, default=5)
    v = sub.add_parser("verify")
    v.add_argument("--counts", required=True)
    v.add_argument("--rows", required=True)
    args = parser.parse_args()
    sys.exit(run(args) if args.command == "run" else verify(args))


if __name__ == "__main__":
    main()
