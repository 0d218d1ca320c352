"""Shared fixtures: the database is bootstrapped once per session, tests roll back their changes."""

import io

from django.core.management import call_command

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("bootstrap", stdout=io.StringIO())
