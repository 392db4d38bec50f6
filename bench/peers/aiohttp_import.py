#!/usr/bin/python3
"""Create every user of a CSV file (header name,email,gender,status) with one ClientSession and
asyncio.gather under a semaphore and connector limit of --concurrency: the peer of
`userdesk-cli users import FILE`. Token from USERDESK_TOKEN. Prints one JSON line."""
import argparse
import asyncio
import csv
import json
import os
import time

import aiohttp


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--concurrency", type=int, default=6)
    args = ap.parse_args()
    with open(args.file, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    headers = {"Authorization": f"Bearer {os.environ['USERDESK_TOKEN']}", "Accept": "application/json"}
    sem = asyncio.Semaphore(args.concurrency)
    async with aiohttp.ClientSession(headers=headers,
                                     connector=aiohttp.TCPConnector(limit=args.concurrency)) as s:
        async def create(row):
            async with sem:
                async with s.post(f"{args.base}/users", json=row) as r:
                    if r.status != 201:
                        raise SystemExit(f"POST: HTTP {r.status} {await r.text()}")
                    return await r.json()

        t = time.perf_counter()
        created = await asyncio.gather(*(create(r) for r in rows))
        ms = (time.perf_counter() - t) * 1000
    print(json.dumps({"import_ms": ms, "created": len(created)}))


asyncio.run(main())
