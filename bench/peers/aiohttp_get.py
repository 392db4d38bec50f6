#!/usr/bin/python3
"""--requests GET /users/ID with one ClientSession and asyncio.gather under a semaphore and connector
limit of --concurrency, cycling through --ids ids from --first. Prints one JSON line with requests/s."""
import argparse
import asyncio
import json
import time

import aiohttp


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--first", type=int, default=7000001)
    ap.add_argument("--ids", type=int, default=10000)
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--concurrency", type=int, default=6)
    args = ap.parse_args()
    sem = asyncio.Semaphore(args.concurrency)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=args.concurrency)) as s:
        async def one(i):
            async with sem:
                async with s.get(f"{args.base}/users/{args.first + i % args.ids}") as r:
                    if r.status != 200:
                        raise SystemExit(f"HTTP {r.status}")
                    return await r.json()

        t = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(args.requests)))
        elapsed = time.perf_counter() - t
    print(json.dumps({"requests": args.requests, "elapsed_ms": elapsed * 1000, "rps": args.requests / elapsed}))


asyncio.run(main())
