"""Serve the built dashboards (bi/build) on 127.0.0.1, standard library only.

    python bi/serve.py [--port 3000] [--directory bi/build]

Like `python -m http.server --bind 127.0.0.1 --directory bi/build`, plus one thing the
Evidence build needs: a route that was not prerendered (the fact pages /so-lieu/<id>/) is
answered with build/404.html, the SvelteKit fallback shell that renders it in the browser.
Requests for files (a path with an extension) that do not exist still get a plain 404.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import io
import os
import posixpath
import sys
import urllib.parse
from pathlib import Path

FALLBACK = "404.html"


class Handler(http.server.SimpleHTTPRequestHandler):
    def send_head(self):
        path = self.translate_path(self.path)
        route = urllib.parse.urlsplit(self.path).path
        if not os.path.exists(path) and not posixpath.splitext(route.rstrip("/"))[1]:
            fallback = Path(self.directory) / FALLBACK
            if fallback.is_file():
                body = fallback.read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)
        return super().send_head()

    def log_message(self, format, *args):  # quieter: one line per request on stderr
        if os.environ.get("BI_QUIET") != "1":
            super().log_message(format, *args)


Handler.extensions_map = {
    **http.server.SimpleHTTPRequestHandler.extensions_map,
    ".wasm": "application/wasm",
    ".parquet": "application/octet-stream",
    ".arrow": "application/octet-stream",
    ".json": "application/json",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
}


def make_server(directory: str | os.PathLike, port: int = 3000, host: str = "127.0.0.1"):
    handler = functools.partial(Handler, directory=str(directory))
    return http.server.ThreadingHTTPServer((host, port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("BI_PORT", "3000")))
    parser.add_argument("--directory", default=str(Path(__file__).resolve().parent / "build"))
    args = parser.parse_args(argv)
    if not (Path(args.directory) / "index.html").is_file():
        print(f"no build in {args.directory}: run `make bi` first", file=sys.stderr)
        return 1
    server = make_server(args.directory, args.port)
    print(f"baocao dashboards: http://127.0.0.1:{server.server_address[1]}/  (Ctrl-C stops)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
