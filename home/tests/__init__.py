"""Tests of the home app."""
