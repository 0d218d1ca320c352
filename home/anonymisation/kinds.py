"""The kinds of finding, named once: findings and the marks "not identifying" carry them."""

EMAIL = "email"
PHONE = "phone"
NIR = "nir"
ADDRESS = "address"
DATE = "date"
NAME = "name"
