"""Settings for Entrepairs: ``base`` holds what every environment shares."""
