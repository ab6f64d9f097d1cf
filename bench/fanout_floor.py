"""The trivial fan-out floor for bench/fanout.py: a bare graphql-transport-ws server that
broadcasts each message of a Redis channel to every subscription, with no schema, no
authentication and no database.

    .venv/bin/python -m bench.fanout_floor --port P --redis-url URL --channel NAME
"""

from __future__ import annotations

import argparse
import asyncio
import json

from redis.asyncio import Redis
from websockets.asyncio.server import ServerConnection, broadcast, serve

Subscribers = dict[ServerConnection, str]


async def handle(connection: ServerConnection, subscribers: Subscribers) -> None:
    try:
        async for raw in connection:
            message = json.loads(raw)
            if message.get("type") == "connection_init":
                await connection.send(json.dumps({"type": "connection_ack"}))
            elif message.get("type") == "subscribe":
                subscribers[connection] = str(message["id"])
    finally:
        subscribers.pop(connection, None)


async def relay(redis_url: str, channel: str, subscribers: Subscribers) -> None:
    """Each message becomes one `next` frame per subscription (each needs its own id)."""
    redis = Redis.from_url(redis_url)
    async with redis.pubsub() as pubsub:
        await pubsub.subscribe(channel)
        async for message in pubsub.listen():
            if message["type"] != "message":
                continue
            data = json.loads(message["data"])
            for connection, op_id in list(subscribers.items()):
                broadcast([connection], json.dumps(
                    {"id": op_id, "type": "next", "payload": {"data": data}}))


async def main(port: int, redis_url: str, channel: str) -> None:
    subscribers: Subscribers = {}
    async with serve(lambda connection: handle(connection, subscribers), "127.0.0.1", port,
                     subprotocols=["graphql-transport-ws"]):  # type: ignore[list-item]
        print("floor ready", flush=True)
        await relay(redis_url, channel, subscribers)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--redis-url", required=True)
    parser.add_argument("--channel", required=True)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.port, arguments.redis_url, arguments.channel))
