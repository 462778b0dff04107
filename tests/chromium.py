"""A headless Chromium driven over the DevTools protocol (tornado's websocket client, already installed with
Jupyter): open a page, collect console errors, failed loads and every url requested, and evaluate JavaScript."""

import asyncio
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile

from tornado.websocket import websocket_connect

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def find_browser():
    return next((path for path in map(shutil.which, BROWSERS) if path), None)


class Page:
    """What one page load produced: errors (console, exceptions, failed loads) and requested urls."""

    def __init__(self):
        self.errors, self.requests = [], []


class Browser:
    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="chromium-")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-extensions",
                "--disable-background-networking",
                "--remote-debugging-port=0",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        for line in self.process.stderr:
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                self.endpoint = found.group(1)
                break
        else:
            raise RuntimeError("chromium did not start its DevTools endpoint")
        self.loop = asyncio.new_event_loop()
        self.ids = itertools.count(1)
        self.session = None
        self.connection = self.loop.run_until_complete(self._connect())

    async def _connect(self):
        return await websocket_connect(self.endpoint, max_message_size=64 << 20)

    def close(self):
        self.connection.close()
        self.loop.close()
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)

    async def call(self, method, params=None, session=None, page=None, timeout=20):
        """Send one command and return its result, recording the events that arrive meanwhile on `page`."""
        number = next(self.ids)
        message = {"id": number, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        await self.connection.write_message(json.dumps(message))
        while True:
            raw = await asyncio.wait_for(self.connection.read_message(), timeout)
            reply = json.loads(raw)
            if reply.get("id") == number:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if page is not None:
                self.record(reply, page)

    async def until(self, method, session, page, timeout=20):
        """Read events (recording them on `page`) until `method` arrives from `session`."""
        while True:
            event = json.loads(await asyncio.wait_for(self.connection.read_message(), timeout))
            self.record(event, page)
            if event.get("method") == method and event.get("sessionId") == session:
                return

    @staticmethod
    def record(event, page):
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.exceptionThrown":
            page.errors.append(
                params["exceptionDetails"].get("exception", {}).get("description") or params["exceptionDetails"]["text"]
            )
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            page.errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            page.errors.append(f"{params['entry'].get('url', '')}: {params['entry']['text']}")
        elif method == "Network.requestWillBeSent":
            page.requests.append(params["request"]["url"])
        elif method == "Network.loadingFailed":
            page.errors.append(f"failed to load: {params.get('errorText')}")

    def open(self, url, wait=0.05, width=None):
        """Load `url` (`width` px wide, as a phone, when given); return (Page, evaluate) where evaluate(js) returns a
        JSON value from the page. Every load reuses one tab: a new tab starts a renderer, which costs more than the
        page. The Page records only what happens from this load on; an earlier load's evaluate now reads this one."""
        return self.loop.run_until_complete(self._open(url, wait, width))

    async def _open(self, url, wait, width=None):
        page = Page()
        if self.session is None:
            target = (await self.call("Target.createTarget", {"url": "about:blank"}))["targetId"]
            self.session = (await self.call("Target.attachToTarget", {"targetId": target, "flatten": True}))[
                "sessionId"
            ]
            for domain in ("Runtime", "Log", "Network", "Page"):
                await self.call(f"{domain}.enable", session=self.session)
        session = self.session
        if width:
            await self.call(
                "Emulation.setDeviceMetricsOverride",
                {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": True},
                session=session,
            )
        else:
            await self.call("Emulation.clearDeviceMetricsOverride", session=session)
        await self.call("Page.navigate", {"url": url}, session=session, page=page)
        await self.until("Page.loadEventFired", session, page)
        await asyncio.sleep(wait)
        await self.call("Runtime.evaluate", {"expression": "1"}, session=session, page=page)

        def evaluate(expression):
            async def run():
                result = await self.call(
                    "Runtime.evaluate",
                    {"expression": expression, "returnByValue": True, "awaitPromise": True},
                    session=session,
                    page=page,
                )
                if "exceptionDetails" in result:
                    raise RuntimeError(result["exceptionDetails"].get("text"))
                return result["result"].get("value")

            return self.loop.run_until_complete(run())

        return page, evaluate


def required() -> bool:
    """In CI the browser tests must run; elsewhere they may be skipped when no browser is installed."""
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")
