"""Background work for the comfort queue (Huey). Safe to run twice."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from . import callouts, oncall, services


@db_periodic_task(crontab(minute=f"*/{oncall.EVERY_MINUTES}"))
def release_expired_claims() -> None:
    """Claims past their time go back to the queue's figures as expired, even when nobody reads the queue."""
    services.claims_expire()


@db_periodic_task(crontab(minute=f"*/{oncall.EVERY_MINUTES}"))
def call_out_comforters() -> None:
    """Every few minutes: per language, one gentle call to an on-call comforter when someone has waited."""
    callouts.calls_send()
