#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR recording (bench/gateway-bench.sh with PROFILE=1).

Prints the hottest methods by own time (top frame) and by total time (anywhere on the stack),
and the share of samples spent in a few areas of the gateway's work.

    python3 bench/gateway-jfr-hotspots.py recording.jfr [top]
"""
import collections
import re
import subprocess
import sys

recording = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25

text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", recording],
                      capture_output=True, text=True, check=True).stdout

frame = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")
stacks = []
current = None
for line in text.splitlines():
    if line.startswith("jdk.ExecutionSample"):
        current = []
        stacks.append(current)
    elif current is not None:
        match = frame.match(line)
        if match:
            current.append(match.group(1))

stacks = [stack for stack in stacks if stack]
total = len(stacks)
if total == 0:
    sys.exit("no execution samples in " + recording)

own = collections.Counter(stack[0] for stack in stacks)
inclusive = collections.Counter()
for stack in stacks:
    inclusive.update(set(stack))

areas = collections.OrderedDict([
    ("token verification (TokenVerifier: parse, RSA verify, claims)", "com.chatsuite.support.security.TokenVerifier"),
    ("  of which RSA signature check", "com.nimbusds.jose.crypto.RSASSAVerifier.verify"),
    ("  of which JWT parsing (SignedJWT.parse)", "com.nimbusds.jwt.SignedJWT.parse"),
    ("authentication filter (all of it)", "com.chatsuite.gateway.security.AuthenticationFilter"),
    ("correlation filter", "com.chatsuite.gateway.correlation.CorrelationFilter"),
    ("rate-limit filter", "com.chatsuite.gateway.limits.RateLimitFilter"),
    ("request-size filter", "com.chatsuite.gateway.limits.RequestSizeFilter"),
    ("CORS filter", "com.chatsuite.gateway.cors.PublicCorsFilter"),
    ("route lookup (RoutePredicateHandlerMapping)", "org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping"),
    ("circuit breaker (resilience4j)", "io.github.resilience4j"),
    ("upstream call (NettyRoutingFilter)", "org.springframework.cloud.gateway.filter.NettyRoutingFilter"),
    ("request header filters (X-Forwarded etc.)", "org.springframework.cloud.gateway.filter.headers"),
    ("observation / metrics (micrometer)", "io.micrometer"),
    ("logging", "ch.qos.logback"),
    ("netty I/O (epoll, codecs)", "io.netty"),
])

print(f"\n{total} CPU samples in {recording}\n")
print("share of samples by area (a sample counts once per area it is in):")
for label, prefix in areas.items():
    if prefix is None:
        continue
    count = sum(1 for stack in stacks if any(name.startswith(prefix) for name in stack))
    print(f"  {100.0 * count / total:5.1f}%  {label}")

print(f"\nhottest methods by own time (top {top}):")
for name, count in own.most_common(top):
    print(f"  {100.0 * count / total:5.1f}%  {name}")

print(f"\nhottest gateway-level methods by total time (top {top}):")
interesting = ("com.chatsuite", "org.springframework.cloud.gateway", "org.springframework.web", "com.nimbusds",
               "io.github.resilience4j", "io.micrometer", "org.springframework.http")
shown = 0
for name, count in inclusive.most_common():
    if name.startswith(interesting):
        print(f"  {100.0 * count / total:5.1f}%  {name}")
        shown += 1
        if shown == top:
            break
