"""The site set up as code: ``bootstrap`` (roles, workflows, page tree) and ``seed_demo``."""
