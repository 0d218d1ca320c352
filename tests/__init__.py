"""Cross-app tests: access rules and pages as visitors and members see them."""
