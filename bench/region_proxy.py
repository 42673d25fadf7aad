"""A proxy that makes a loopback emulator answer like a real AWS region (issue 17).

It sits between pipectl and moto_server (started through tests/Pipectl.IntegrationTests/Moto/moto_launcher.py)
and adds the two things a loopback emulator lacks:

1. Latency. Every request is held before it is forwarded, for a time drawn from a seeded model by the kind of
   call (the name of the model's classes is what the proxy's statistics report):
     read         Get*/List*/Describe*/BatchGet*, S3 GET/HEAD            60-200 ms
     write        any other call (S3 PUT/DELETE/POST, CodeCommit, EventBridge, CodeBuild, SNS ...)  150-350 ms
     slow-write   IAM and CodePipeline writes                            300-600 ms
   A draw depends only on (seed, operation, how many times that operation was seen), never on the order in
   which concurrent requests arrive, so one seed gives one set of delays for the same calls.
   --latency-scale multiplies every delay (0 turns latency off).

2. IAM propagation. For --propagation seconds after a role's CreateRole was answered, CodeBuild
   CreateProject/UpdateProject and CodePipeline CreatePipeline/UpdatePipeline naming that role are refused with
   the errors AWS sends while IAM propagates:
     CodeBuild    400 InvalidInputException     "CodeBuild is not authorized to perform: sts:AssumeRole on arn:..."
     CodePipeline 400 InvalidStructureException "CodePipeline is not authorized to perform AssumeRole on role arn:..."
   Only these calls validate the role at once (AWS documents that CreateProject and CreatePipeline check that
   the service can assume the role). EventBridge PutTargets and the CodePipeline action roles are not checked:
   they are assumed only when used, later.

The proxy counts what it saw: GET /__proxy/stats answers JSON (requests by operation, refusals), POST
/__proxy/reset clears the counts, the draws and the propagation clock (moto's own reset is separate).
With REGION_PROXY_TRACE=1 in its environment it prints, per request, what it held it for and what moto took.

Usage: python3 region_proxy.py --upstream http://127.0.0.1:PORT --port 0 [--seed 17] [--propagation 10]
       [--latency-scale 1.0] [--port-file FILE]
"""

import argparse
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TRACE = bool(os.environ.get("REGION_PROXY_TRACE"))
STARTED = time.monotonic()
READ = "read"
WRITE = "write"
SLOW_WRITE = "slow-write"
MODEL_MS = {READ: (60, 200), WRITE: (150, 350), SLOW_WRITE: (300, 600)}
READ_PREFIXES = ("Get", "List", "Describe", "BatchGet", "Head")


class State:
    def __init__(self, seed: int, propagation: float, scale: float):
        self.seed = seed
        self.propagation = propagation
        self.scale = scale
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.seen: dict[str, int] = {}
            self.requests: dict[str, int] = {}
            self.refused: dict[str, int] = {}
            self.role_created: dict[str, float] = {}
            self.held_ms = 0.0

    def draw(self, operation: str, kind: str) -> float:
        with self.lock:
            n = self.seen.get(operation, 0)
            self.seen[operation] = n + 1
            self.requests[operation] = self.requests.get(operation, 0) + 1
        low, high = MODEL_MS[kind]
        ms = random.Random(f"{self.seed}:{operation}:{n}").uniform(low, high) * self.scale
        with self.lock:
            self.held_ms += ms
        return ms / 1000.0

    def refuse(self, operation: str) -> None:
        with self.lock:
            self.refused[operation] = self.refused.get(operation, 0) + 1

    def role_age(self, arn: str):
        with self.lock:
            created = self.role_created.get(arn)
        return None if created is None else time.monotonic() - created

    def created(self, arn: str) -> None:
        with self.lock:
            self.role_created[arn] = time.monotonic()


def classify(method: str, path: str, headers, body: bytes):
    """(service, operation, kind) of one request."""
    target = headers.get("X-Amz-Target")
    auth = headers.get("Authorization", "")
    scope = re.search(r"Credential=[^/]+/[^/]+/[^/]+/([^/]+)/", auth)
    service = scope.group(1) if scope else "unknown"
    if target:
        operation = target.split(".")[-1]
    elif service in ("iam", "sts", "sns"):
        form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
        operation = form.get("Action", ["Unknown"])[0]
    else:
        # S3 (REST): the method and the sub-resource name the operation well enough for a model and a count.
        query = urllib.parse.urlsplit(path).query
        sub = query.split("=")[0].split("&")[0] if query else ""
        operation = f"S3 {method} {sub}".strip()
    if service == "s3":
        kind = READ if method in ("GET", "HEAD") else WRITE
    elif operation.startswith(READ_PREFIXES):
        kind = READ
    elif service in ("iam", "codepipeline"):
        kind = SLOW_WRITE
    else:
        kind = WRITE
    return service, operation, kind


def refusal(state: State, operation: str, body: bytes):
    """The (status, error type, message) AWS answers while the role a call names is not usable yet, or None."""
    if state.propagation <= 0 or operation not in ("CreateProject", "UpdateProject", "CreatePipeline", "UpdatePipeline"):
        return None
    try:
        request = json.loads(body or b"{}")
    except ValueError:
        return None
    if operation in ("CreateProject", "UpdateProject"):
        role = request.get("serviceRole")
    else:
        role = (request.get("pipeline") or {}).get("roleArn")
    if not role:
        return None
    age = state.role_age(role)
    if age is None or age >= state.propagation:
        return None
    if operation.endswith("Project"):
        return ("InvalidInputException", f"CodeBuild is not authorized to perform: sts:AssumeRole on {role}")
    return ("InvalidStructureException", f"CodePipeline is not authorized to perform AssumeRole on role {role}")


class RegionServer(ThreadingHTTPServer):
    # socketserver listens with a backlog of 5: when a client opens more connections at once (pipectl sends a
    # wave of reads), the kernel drops the handshakes past 5 and the client waits to retry them, a delay of the
    # bench, not of AWS. A region's endpoints accept whatever is opened.
    request_queue_size = 1024
    daemon_threads = True


def make_handler(state: State, upstream: urllib.parse.SplitResult):
    local = threading.local()

    def connection() -> http.client.HTTPConnection:
        if getattr(local, "conn", None) is None:
            local.conn = http.client.HTTPConnection(upstream.hostname, upstream.port, timeout=120)
        return local.conn

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def control(self) -> bool:
            if self.path == "/__proxy/stats":
                with state.lock:
                    doc = {"requests": dict(sorted(state.requests.items())), "total": sum(state.requests.values()),
                           "refused": dict(sorted(state.refused.items())), "heldMs": round(state.held_ms)}
                self.reply(200, {"Content-Type": "application/json"}, json.dumps(doc).encode())
                return True
            if self.path == "/__proxy/reset":
                state.reset()
                self.reply(200, {}, b"")
                return True
            return False

        def reply(self, status: int, headers: dict, body: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                if key.lower() not in ("content-length", "transfer-encoding", "connection", "date", "server"):
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def handle_any(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if self.path.startswith("/__proxy/") and self.control():
                return
            if self.path.startswith("/moto-api"):
                self.forward(body)
                return
            _, operation, kind = classify(self.command, self.path, self.headers, body)
            arrived = time.monotonic()
            held = state.draw(operation, kind)
            time.sleep(held)
            slept = time.monotonic()
            refused = refusal(state, operation, body)
            if refused is not None:
                state.refuse(operation)
                error_type, message = refused
                doc = json.dumps({"__type": error_type, "message": message}).encode()
                self.reply(400, {"Content-Type": "application/x-amz-json-1.1", "x-amzn-RequestId": f"proxy-{time.monotonic_ns()}"}, doc)
                return
            status, headers, answer = self.forward(body)
            if TRACE:
                done = time.monotonic()
                print(f"trace {operation:28} arrived {(arrived - STARTED) * 1000:9.1f} held {held * 1000:6.1f} slept {(slept - arrived) * 1000:6.1f} upstream {(done - slept) * 1000:6.1f} ms", file=sys.stderr, flush=True)
            if operation == "CreateRole" and status == 200:
                arn = re.search(rb"<Arn>([^<]+)</Arn>", answer)
                if arn:
                    state.created(arn.group(1).decode())

        def forward(self, body: bytes):
            headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
            for attempt in (1, 2):
                try:
                    conn = connection()
                    conn.request(self.command, self.path, body=body if body or self.command in ("POST", "PUT") else None, headers=headers)
                    response = conn.getresponse()
                    answer = response.read()
                    break
                except (http.client.HTTPException, OSError):
                    local.conn = None
                    if attempt == 2:
                        raise
            reply_headers = dict(response.getheaders())
            self.reply(response.status, reply_headers, answer)
            return response.status, reply_headers, answer

        do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = do_PATCH = handle_any

    return Handler


def main(argv) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--propagation", type=float, default=10.0)
    parser.add_argument("--latency-scale", type=float, default=1.0)
    parser.add_argument("--port-file")
    args = parser.parse_args(argv)
    state = State(args.seed, args.propagation, args.latency_scale)
    server = RegionServer(("127.0.0.1", args.port), make_handler(state, urllib.parse.urlsplit(args.upstream)))
    port = server.server_address[1]
    if args.port_file:
        with open(args.port_file, "w") as f:
            f.write(str(port))
    print(f"region_proxy: 127.0.0.1:{port} -> {args.upstream}, seed {args.seed}, propagation {args.propagation} s, latency x{args.latency_scale}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1:])
