"""Authentication of people: two-factor verification, login throttling, session lifetime.

Its own app rather than part of ``home``: it is about *who is at the keyboard* on every
area of the site (front end, Wagtail admin, Django admin, supervision), not about the
association's pages, and it owns its middleware, models of other libraries (django-otp,
django-axes) and its own URLs. Keeping it apart keeps ``home`` about site-wide content.
"""
