"""Local demo HTTP API for the executable examples (requires=http). Stdlib only.

Pages call it as http://localhost:8000/...; the runner starts it on a free port and rewrites the
address. Endpoints are documented in docs/EXAMPLES.md. Everything is deterministic: the data is
generated from fixed rules, and the "first calls fail" endpoints count per `client` query value.

Usage: python demo_api.py PORT   (prints "listening on PORT" when ready)
"""

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PRODUCTS = [
    ("SKU-001", "Espresso beans 1kg", "coffee", 24.50, 120),
    ("SKU-002", "Filter papers x100", "accessories", 4.99, 800),
    ("SKU-003", "Burr grinder", "equipment", 189.00, 15),
    ("SKU-004", "Milk jug 600ml", "accessories", 17.25, 64),
    ("SKU-005", "Decaf beans 500g", "coffee", 13.90, 0),
    ("SKU-006", "Pour-over kettle", "equipment", 59.00, 22),
]
CUSTOMERS = ["acme", "globex", "initech", "umbrella", "hooli"]
ORDERS_TOTAL = 23
PAGE_SIZE = 10
EVENTS_TOTAL = 12
EVENTS_LIMIT = 5

_counts: dict[str, int] = {}
_lock = threading.Lock()


def order(i: int) -> dict:
    sku, _, _, price, _ = PRODUCTS[i % len(PRODUCTS)]
    qty = i % 4 + 1
    return {
        "id": i,
        "customer": CUSTOMERS[i % len(CUSTOMERS)],
        "sku": sku,
        "quantity": qty,
        "amount": round(price * qty, 2),
        "status": "cancelled" if i % 7 == 0 else "shipped",
        "created_at": f"2024-01-{i:02d}T{8 + i % 10:02d}:00:00Z",
    }


def event(i: int) -> dict:
    return {"id": f"evt-{i:03d}", "type": ["click", "view", "purchase"][i % 3], "ts": f"2024-03-01T10:{i:02d}:00Z"}


def bump(key: str) -> int:
    with _lock:
        _counts[key] = _counts.get(key, 0) + 1
        return _counts[key]


class Handler(BaseHTTPRequestHandler):
    server_version = "DemoAPI/1.0"

    def log_message(self, fmt, *args):  # keep the runner's output clean
        pass

    def send_json(self, status: int, body, headers: dict | None = None) -> None:
        data = json.dumps(body, indent=2).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def base(self) -> str:
        return f"http://{self.headers.get('Host', 'localhost:8000')}"

    def do_POST(self):
        if urlsplit(self.path).path == "/reset":
            with _lock:
                _counts.clear()
            return self.send_json(200, {"reset": True})
        self.send_json(404, {"error": "not found"})

    def do_GET(self):
        url = urlsplit(self.path)
        q = {k: v[-1] for k, v in parse_qs(url.query).items()}
        client = q.get("client", "anonymous")
        path = url.path
        if path == "/health":
            return self.send_json(200, {"status": "ok"})
        if path == "/orders":
            page = int(q.get("page", "1"))
            pages = -(-ORDERS_TOTAL // PAGE_SIZE)
            if page < 1 or page > pages:
                return self.send_json(404, {"error": f"page {page} does not exist", "pages": pages})
            first = (page - 1) * PAGE_SIZE + 1
            items = [order(i) for i in range(first, min(first + PAGE_SIZE, ORDERS_TOTAL + 1))]
            nxt = f"{self.base()}/orders?page={page + 1}" if page < pages else None
            return self.send_json(200, {"page": page, "pages": pages, "total": ORDERS_TOTAL, "data": items, "next": nxt})
        if path.startswith("/orders/"):
            try:
                i = int(path.rsplit("/", 1)[1])
            except ValueError:
                i = 0
            if 1 <= i <= ORDERS_TOTAL:
                return self.send_json(200, order(i))
            return self.send_json(404, {"error": "order not found"})
        if path == "/events":
            start = int(q.get("cursor", "0") or 0)
            limit = min(int(q.get("limit", str(EVENTS_LIMIT))), 100)
            items = [event(i) for i in range(start + 1, min(start + limit, EVENTS_TOTAL) + 1)]
            end = start + len(items)
            return self.send_json(200, {"data": items, "next_cursor": str(end) if end < EVENTS_TOTAL else None})
        if path == "/products":
            keys = ("sku", "name", "category", "price", "stock")
            return self.send_json(200, [dict(zip(keys, p)) for p in PRODUCTS])
        if path == "/rate-limited":
            n = bump("rate-limited:" + client)
            if n <= 2:
                return self.send_json(429, {"error": "too many requests"}, {"Retry-After": "1"})
            return self.send_json(200, {"status": "ok", "attempt": n})
        if path == "/flaky":
            n = bump("flaky:" + client)
            if n <= 2:
                return self.send_json(503, {"error": "service unavailable"})
            return self.send_json(200, {"status": "ok", "attempt": n})
        if path == "/catalog.html":
            rows = "\n".join(
                f'      <tr class="product" data-sku="{s}"><td class="name">{n}</td><td class="category">{c}</td>'
                f'<td class="price">${p:.2f}</td><td class="stock">{"in stock" if st else "sold out"}</td></tr>'
                for s, n, c, p, st in PRODUCTS
            )
            html = f"""<!doctype html>
<html><head><title>Demo Coffee Co. - Catalog</title></head>
<body>
  <h1>Catalog</h1>
  <table id="products">
    <thead><tr><th>Name</th><th>Category</th><th>Price</th><th>Stock</th></tr></thead>
    <tbody>
{rows}
    </tbody>
  </table>
</body></html>
""".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)
            return
        self.send_json(404, {"error": "not found"})


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"listening on {port}", flush=True)
    server.serve_forever()
