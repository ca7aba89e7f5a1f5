"""The shipped nginx configurations (``deploy/nginx.conf``, ``deploy/nginx-compose.conf``) as nginx reads them.

Where nginx is installed, each is checked by ``nginx -t`` and then served by a throw-away nginx (its own prefix
in a temporary folder, 127.0.0.1 on a free port, the system's nginx configuration untouched), with the
certificate paths, the listening address, the upstreams and the secret replaced by temporary ones: an update
without the secret or with a wrong one is refused at nginx (403, the bot never sees it), one with the right
secret reaches a bot, other methods and paths are refused."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from aiohttp import ClientSession, ClientTimeout, web

from tests.conftest import ROOT
from tests.support.processes import free_port

NGINX = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx", "/usr/local/sbin/nginx") if os.access(p, os.X_OK)),
                                      None)
pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx to run these)")
SECRET = "test-secret-0123456789abcdef"


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, f"the shipped configuration no longer contains {old!r}"
    return text.replace(old, new)


def _certificate(tmp: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed (needed for a temporary certificate)")
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True, timeout=60)
    return cert, key


def _site(name: str, tmp: Path, port: int, bots: list[int]) -> str:
    """The shipped file with everything machine-specific replaced by this test's temporary values."""
    text = (ROOT / "deploy" / name).read_text(encoding="utf-8")
    if name == "nginx.conf":
        cert, key = _certificate(tmp)
        text = _replace(text, "listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;")
        text = _replace(text, "/etc/letsencrypt/live/baocao.example.gov.vn/fullchain.pem", str(cert))
        text = _replace(text, "/etc/letsencrypt/live/baocao.example.gov.vn/privkey.pem", str(key))
        text = _replace(text, '"thay-bang-WEBHOOK_SECRET"', f'"{SECRET}"')
        for shipped, bot in zip(("127.0.0.1:8081", "127.0.0.1:8082"), bots, strict=True):
            text = _replace(text, f"server {shipped} ", f"server 127.0.0.1:{bot} ")
    else:  # the compose template: what the nginx image's envsubst does with WEBHOOK_SECRET
        text = _replace(text, "listen 80;", f"listen 127.0.0.1:{port};")
        text = _replace(text, '"${WEBHOOK_SECRET}"', f'"{SECRET}"')
        for shipped, bot in zip(("bot1:8080", "bot2:8080"), bots, strict=True):
            text = _replace(text, f"server {shipped} ", f"server 127.0.0.1:{bot} ")
    return text


def _main_conf(tmp: Path, site: str) -> Path:
    (tmp / "site.conf").write_text(site, encoding="utf-8")
    temps = "\n".join(f"    {d}_temp_path {tmp / d};" for d in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # as root, workers would drop to nobody (no access to tmp)
    conf = tmp / "nginx.conf"
    conf.write_text(f"{user}pid {tmp / 'nginx.pid'};\nerror_log {tmp / 'error.log'} warn;\n"
                    f"events {{ worker_connections 64; }}\n"
                    f"http {{\n    access_log off;\n{temps}\n    include {tmp / 'site.conf'};\n}}\n", encoding="utf-8")
    return conf


def _nginx(tmp: Path, conf: Path, *args: str) -> list[str]:
    return [NGINX, "-p", str(tmp), "-c", str(conf), "-e", str(tmp / "error.log"), *args]


def _nginx_t(tmp: Path, conf: Path) -> None:
    checked = subprocess.run(_nginx(tmp, conf, "-t"), capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


class Bots:
    """The bot processes behind nginx: each answers 200 and counts what reached it."""

    def __init__(self) -> None:
        self.ports = [free_port(), free_port()]
        self.seen: list[tuple[str, bytes]] = []
        self.runners: list[web.AppRunner] = []

    async def start(self) -> None:
        async def telegram(request: web.Request) -> web.Response:
            self.seen.append((request.headers.get("X-Telegram-Bot-Api-Secret-Token", ""), await request.read()))
            return web.Response(text="ok")

        for port in self.ports:
            app = web.Application()
            app.router.add_post("/telegram", telegram)
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            await web.TCPSite(runner, "127.0.0.1", port).start()
            self.runners.append(runner)

    async def stop(self) -> None:
        for runner in self.runners:
            await runner.cleanup()


async def _until_up(url: str, proc: subprocess.Popen, http: ClientSession) -> None:
    for _ in range(100):
        assert proc.poll() is None, "nginx exited"
        try:
            async with http.get(url, ssl=False):
                return
        except OSError:
            await asyncio.sleep(0.05)
    raise AssertionError("nginx did not start listening")


async def _requests(base: str, http: ClientSession) -> dict[str, int]:
    body = b'{"update_id": 1}'
    cases = {
        "no secret": dict(method="POST", path="/telegram", headers={}),
        "wrong secret": dict(method="POST", path="/telegram", headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}),
        "empty secret": dict(method="POST", path="/telegram", headers={"X-Telegram-Bot-Api-Secret-Token": ""}),
        "right secret": dict(method="POST", path="/telegram", headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}),
        "GET with secret": dict(method="GET", path="/telegram", headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}),
        "other path": dict(method="POST", path="/other", headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}),
    }
    out = {}
    for name, c in cases.items():
        async with http.request(c["method"], base + c["path"], data=body, headers=c["headers"], ssl=False) as r:
            out[name] = r.status
    return out


@pytest.mark.parametrize("name", ["nginx.conf", "nginx-compose.conf"])
async def test_shipped_nginx_config_passes_nginx_t_and_refuses_a_missing_or_wrong_secret(tmp_path, name):
    port = free_port()
    bots = Bots()
    conf = _main_conf(tmp_path, _site(name, tmp_path, port, bots.ports))
    _nginx_t(tmp_path, conf)
    await bots.start()
    proc = subprocess.Popen(_nginx(tmp_path, conf, "-g", "daemon off;"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    scheme = "https" if name == "nginx.conf" else "http"
    base = f"{scheme}://127.0.0.1:{port}"
    try:
        async with ClientSession(timeout=ClientTimeout(total=10)) as http:
            await _until_up(base + "/", proc, http)
            statuses = await _requests(base, http)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        await bots.stop()
    assert statuses == {"no secret": 403, "wrong secret": 403, "empty secret": 403, "right secret": 200,
                        "GET with secret": 403, "other path": 404}, statuses
    assert bots.seen == [(SECRET, b'{"update_id": 1}')]  # only the update with the right secret reached a bot


async def test_the_web_form_through_nginx_opens_saves_and_streams_unbuffered(tmp_path, db, db_url):
    """The real web server behind the shipped nginx.conf (two upstream ports, one app): a signed link opens the form,
    a field save (POST with the CSRF token) is stored, and a change made by another person reaches an open
    ``/web/api/events`` stream at once (not held in nginx's buffers)."""
    from aiohttp import CookieJar, TCPConnector
    from yarl import URL

    from tests.support.harness import Clock
    from tests.support.web_client import Browser, Web, read_events, save_url
    from tests.support.web_world import build_world

    clock = Clock()
    clock.t = clock.t.replace(year=2026, month=12, day=6)
    w = await Web(db, db_url, await build_world(db, tmp_path), clock).start()
    second = web.TCPSite(w.server.runner, "127.0.0.1", free_port())  # a second "process" port, the same app
    await second.start()
    port = free_port()
    conf = _main_conf(tmp_path, _site("nginx.conf", tmp_path, port, [w.server.port, second._port]))
    _nginx_t(tmp_path, conf)
    proc = subprocess.Popen(_nginx(tmp_path, conf, "-g", "daemon off;"), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)

    class Nginx:  # what a Browser asks for its URLs: nginx's address instead of the server's
        @staticmethod
        def make_url(path: str) -> URL:
            return URL(f"https://127.0.0.1:{port}{path}")

    async def browser() -> Browser:
        b = Browser(Nginx())  # type: ignore[arg-type]
        await b.http.close()
        b.http = ClientSession(cookie_jar=CookieJar(unsafe=True), connector=TCPConnector(ssl=False),
                               timeout=ClientTimeout(total=20))
        w.browsers.append(b)
        return b

    try:
        await _until_up(f"https://127.0.0.1:{port}/", proc, w.browser().http)
        a, c = await browser(), await browser()
        for b, acc in ((a, w.world.officer), (c, w.world.officer2)):
            r, page = await b.get(await w.link(acc, w.world.period))
            assert r.status == 200 and "iii_nv_tong" in page and b.csrf, page[:300]
        stream = await a.http.get(a.url(f"/web/api/events?period={w.world.period}&after=0"))
        assert stream.status == 200 and stream.headers["Content-Type"].startswith("text/event-stream")
        r, res = await c.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "55"})
        assert r.status == 200 and res["ok"], res
        [ev] = await read_events(stream, 1, timeout=5.0)
        assert "55 nhiệm vụ" in ev["data"]
        stream.close()
        r, res = await a.post(save_url(w), {"key": "iii_nv_tong", "op": "set", "text": "1"}, csrf="forged")
        assert r.status == 403 and not res["ok"]
        assert (await w.answers("00004"))["iii_nv_tong"] == 55
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        await w.close()
