"""The truly bare Django reference of ``make bench``: the same view as ``bench.views``, in a
project of its own (no installed app, no middleware, no database, no template), served by
its own gunicorn with as many sync workers as the site's. Nothing of Entrepairs is loaded."""
