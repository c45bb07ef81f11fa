"""Notifications wired together: the VAPID key, the push/webhook tables, the outbox hook in the
store's event transactions and the sender task (started and stopped with the HTTP server)."""
import time

from . import vapid as vapid_mod
from .push_sender import Sender
from .store_push import PushStore


class Notifier:
    def __init__(self, store, data_dir):
        self.push_store = PushStore(store)
        self.push_store.clock = time.time
        self.vapid = vapid_mod.load(store, data_dir)
        self.sender = Sender(self.push_store, self.vapid)
        self.store = self.sender.store  # awaited by the endpoints (threads on PostgreSQL)
        store.on_event = self.push_store.enqueue

    def kick(self):
        self.sender.kick()

    async def start(self, executor=None):
        await self.sender.start(executor)

    async def stop(self):
        await self.sender.stop()
