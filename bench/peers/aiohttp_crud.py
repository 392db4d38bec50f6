#!/usr/bin/python3
"""Create, then update (PATCH one field), then delete --count users with one ClientSession and
asyncio.gather under a semaphore and connector limit of --concurrency; the same work as
bench/tools/crudbench.cpp. Token from USERDESK_TOKEN. Prints one JSON line of phase times."""
import argparse
import asyncio
import json
import os
import time

import aiohttp


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--concurrency", type=int, default=6)
    ap.add_argument("--tag", default="aiohttp")
    args = ap.parse_args()
    headers = {"Authorization": f"Bearer {os.environ['USERDESK_TOKEN']}", "Accept": "application/json"}
    sem = asyncio.Semaphore(args.concurrency)
    out = {}
    async with aiohttp.ClientSession(headers=headers,
                                     connector=aiohttp.TCPConnector(limit=args.concurrency)) as s:
        async def call(method, url, expect, body=None):
            async with sem:
                async with s.request(method, url, json=body) as r:
                    if r.status != expect:
                        raise SystemExit(f"{method} {url}: HTTP {r.status} {await r.text()}")
                    return await r.json() if expect != 204 else None

        t = time.perf_counter()
        created = await asyncio.gather(*(call("POST", f"{args.base}/users", 201, {
            "name": f"Bench User {i}", "email": f"bench.{args.tag}.{i}@bench.example",
            "gender": "male" if i % 2 else "female", "status": "active"}) for i in range(args.count)))
        out["create_ms"] = (time.perf_counter() - t) * 1000
        ids = [u["id"] for u in created]
        t = time.perf_counter()
        await asyncio.gather(*(call("PATCH", f"{args.base}/users/{i}", 200, {"status": "inactive"}) for i in ids))
        out["update_ms"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        await asyncio.gather(*(call("DELETE", f"{args.base}/users/{i}", 204) for i in ids))
        out["delete_ms"] = (time.perf_counter() - t) * 1000
    out["total_ms"] = out["create_ms"] + out["update_ms"] + out["delete_ms"]
    out["created"] = out["updated"] = out["deleted"] = len(ids)
    print(json.dumps(out))


asyncio.run(main())
